/**
 * Stage ④, solve: the selector. It tries the strategies in order of speed (or only the forced
 * ones), runs the first that applies, and says why each one before it did not.
 */
import { SolverError } from '../errors.js';
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
  for (const s of candidates) {
    const why = s.whyNot(p, options);
    if (why === null) return s.solve(p, options);
    refusals.push(`${s.name}: ${why}`);
  }
  throw new SolverError('E_SOLVER', `no strategy can solve this problem (${refusals.join('; ')})`, {
    ...(forced ? { expected: `a problem the ${forced} strategy accepts` } : {}),
  });
}
