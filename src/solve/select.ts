/**
 * Stage ④, solve: the selector. It tries the strategies in order of speed (or only the forced
 * ones), runs the first that applies, and says why each one before it did not.
 */
import { SolverError } from '../errors.js';
import { balanceForGroup } from '../rep/balance.js';
import { printRep } from '../rep/rep.js';
import { diagramStrategy } from './diagram.js';
import { algebraicStrategy, gaussianStrategy, rationalStrategy, svdStrategy } from './elimination.js';
import { orbitStrategy } from './orbit.js';
import { reynoldsStrategy } from './reynolds.js';
import type { BlockBasis, HomProblem, SolveOptions, Strategy, StrategyChoice, StrategyFamily } from './strategy.js';

/** Every strategy, fastest first (see the table in strategy.ts). */
export const STRATEGIES: readonly Strategy[] = Object.freeze([diagramStrategy, orbitStrategy, rationalStrategy, gaussianStrategy, algebraicStrategy, reynoldsStrategy, svdStrategy]);

/** The names `strategy` accepts: each strategy, then each family (`diagram` is both). */
export const STRATEGY_CHOICES: readonly StrategyChoice[] = Object.freeze([...STRATEGIES.map((s) => s.name), 'exact', 'float']);

/**
 * The family a forced choice belongs to (`float` for `svd` and `reynolds`): a float choice on an
 * exact group means solving its float64 copy.
 *
 * @example
 * familyOf('svd') // 'float'
 */
export function familyOf(choice: StrategyChoice): StrategyFamily {
  return STRATEGIES.find((s) => s.name === choice)?.family ?? (choice as StrategyFamily);
}

/**
 * The problem with tensor factors moved across the Hom so that dense generator matrices give
 * short constraint rows (rep/balance.ts); the problem itself when that gains nothing.
 *
 * @example
 * balanced(problemFor('C(3)', 'scalar', 'V^10')).m // 32: solved as Hom(V*^5 → V^5)
 */
function balanced<T>(p: HomProblem<T>): HomProblem<T> {
  const b = balanceForGroup(p.group, p.inRep, p.outRep);
  return b.m === p.m && b.n === p.n ? p : { ...p, inRep: b.inRep, outRep: b.outRep, m: b.m, n: b.n };
}

/**
 * Picks the fastest applicable strategy (or the forced one, or the best of a forced family) and
 * solves. Throws E_SOLVER with every refusal when none applies.
 *
 * @example
 * solveBlock(problem, {}).strategy // 'orbit' for S(5) tensor2
 */
export function solveBlock<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
  const forced = options.strategy;
  const candidates = forced ? STRATEGIES.filter((s) => s.name === forced || s.family === forced) : STRATEGIES;
  const refusals: string[] = [];
  const q = balanced(p);
  for (const s of candidates) {
    // Diagrams are indexed by the Hom's own tensor positions (their labels name them): the
    // diagram strategy always sees the problem as given.
    if (s.name === 'diagram' && q !== p) {
      const whyDiagram = s.whyNot(p, options);
      if (whyDiagram === null) return s.solve(p, options);
      refusals.push(`${s.name}: ${whyDiagram}`);
      continue;
    }
    const why = s.whyNot(q, options);
    if (why === null) {
      const solved = s.solve(q, options);
      if (q === p) return solved;
      // Same unknowns in the same order (rep/balance.ts): only the shape of W is restored.
      return Object.freeze({ ...solved, m: p.m, n: p.n, reason: `${solved.reason}; solved as Hom(${printRep(q.inRep)} → ${printRep(q.outRep)}), the same unknowns with shorter constraint rows` });
    }
    refusals.push(`${s.name}: ${why}`);
  }
  throw new SolverError('E_SOLVER', `no strategy can solve this problem (${refusals.join('; ')})`, {
    ...(forced ? { expected: `a problem the ${forced} strategy accepts` } : {}),
  });
}
