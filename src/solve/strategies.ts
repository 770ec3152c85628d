/**
 * The three strategies and the selector. Each is a plain object implementing `Strategy`; the
 * selector tries them in order of speed and reports the reason for its choice.
 */
import { SolverError } from '../errors.js';
import type { Field } from '../field/field.js';
import { RationalField, FloatField } from '../field/field.js';
import type { Rational } from '../field/rational.js';
import { asSignedPermutation, CsrBuilder, map, type SparseMatrix } from '../linalg/sparse.js';
import { assembleConstraints, type Reduction } from '../constraints/assemble.js';
import { signedPermAction } from '../rep/signed-perm.js';
import { nullspaceComplex } from './nullspace-complex.js';
import { nullspaceExact } from './nullspace-exact.js';
import { GaussianField, type Gaussian } from '../field/gaussian.js';
import { nullspaceFloat } from './nullspace-float.js';
import { orbitBasis, orbitLabels } from './orbit.js';
import { reynoldsBasis } from './reynolds.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';

/** Above this many (orbit-reduced) unknowns, finite float groups use the Reynolds projector. */
const FLOAT_DENSE_LIMIT = 1500;
import type { BlockBasis, HomProblem, SolveDiagnostics, SolveOptions, Strategy, StrategyName } from './strategy.js';

export const orbitStrategy: Strategy = {
  name: 'orbit',
  whyNot(p) {
    if (p.group.lie.length > 0) return 'the group has a Lie algebra';
    if (p.matrices.signedPerms(p.inRep) === null || p.matrices.signedPerms(p.outRep) === null) {
      return 'some generator is not a signed permutation';
    }
    return null;
  },
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
    const outPerms = p.matrices.signedPerms(p.outRep)!;
    const inPerms = p.matrices.signedPerms(p.inRep)!;
    const labels = orbitLabels(outPerms, inPerms, p.m, p.n, options.deadline);
    const basis = orbitBasis(labels, p.m * p.n);
    // Orbit bases are {0, ±1}: representable in every field.
    const f = p.group.field;
    const minusOne = f.neg(f.one);
    const inField = f === (RationalField as unknown) ? basis : map(f, basis, (v) => (v.num === 1n ? f.one : minusOne));
    return Object.freeze({
      m: p.m,
      n: p.n,
      elements: inField as unknown as SparseMatrix<T>,
      strategy: 'orbit' as const,
      reason: `all ${p.group.discrete.length} generators act as signed permutations on both reps and there is no Lie algebra`,
      diagnostics: Object.freeze({ reducedUnknowns: labels.count, constraintRows: 0, method: 'orbit sums (union-find)' }),
    });
  },
};

/**
 * Splits the generators into those acting as signed permutations on both reps (handled by orbit
 * sums) and the rest (imposed as linear constraints on the orbit coordinates).
 */
function monomialSplit<T>(p: HomProblem<T>, options: SolveOptions): {
  reduction: Reduction | null;
  rest: [SparseMatrix<T>, SparseMatrix<T>][];
  monomialCount: number;
} {
  const outM = p.matrices.of(p.outRep);
  const inM = p.matrices.of(p.inRep);
  const sub = p.signedPermSubgroup;
  const outPerms = sub ? signedPermAction(sub, p.outRep) : null;
  const inPerms = sub ? signedPermAction(sub, p.inRep) : null;
  const reduced = outPerms !== null && inPerms !== null && outPerms.length > 0;
  // Discrete generators inside the monomial subgroup are already imposed by the orbit sums.
  const rest: [SparseMatrix<T>, SparseMatrix<T>][] = [];
  outM.discrete.forEach((mo, i) => {
    if (!reduced || !isMonomialOnBase(p, i)) rest.push([mo, inM.discrete[i]!]);
  });
  outM.lie.forEach((a, i) => rest.push([a, inM.lie[i]!]));
  return {
    reduction: reduced ? orbitLabels(outPerms, inPerms, p.m, p.n, options.deadline) : null,
    rest,
    monomialCount: reduced ? outPerms.length : 0,
  };
}

/** Whether discrete generator i is a signed permutation on V and on every factor. */
function isMonomialOnBase<T>(p: HomProblem<T>, i: number): boolean {
  const f = p.group.field;
  return (
    asSignedPermutation(f, p.group.discrete[i]!) !== null &&
    p.group.factors.every((fac) => asSignedPermutation(f, fac.discrete[i]!) !== null)
  );
}

/** W-space rows from null-space rows over the orbit coordinates: w = Σ_j y_j·(±1 on orbit j). */
function expandReduced<T>(f: Field<T>, y: SparseMatrix<T>, reduction: Reduction, size: number, deadline: Deadline = NO_DEADLINE): SparseMatrix<T> {
  // Orbits are numbered by their first index, so expanded RREF rows stay in RREF.
  const out = new CsrBuilder(f, size);
  const members: number[][] = Array.from({ length: reduction.count }, () => []);
  for (let x = 0; x < size; x++) if (reduction.label[x]! >= 0) members[reduction.label[x]!]!.push(x);
  for (let r = 0; r < y.rows; r++) {
    deadline.tick();
    const entries: [number, T][] = [];
    for (let k = y.rowPtr[r]!; k < y.rowPtr[r + 1]!; k++) {
      const v = y.values[k]!;
      for (const x of members[y.colIdx[k]!]!) entries.push([x, reduction.sign[x] === 1 ? v : f.neg(v)]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    for (const [x, v] of entries) out.push(x, v);
    out.endRow();
  }
  return out.build();
}

function eliminationSolve<T>(
  p: HomProblem<T>,
  options: SolveOptions,
  name: 'exact' | 'float',
  reason: string,
): BlockBasis<T> {
  const f = p.group.field;
  const size = p.m * p.n;
  const { reduction, rest, monomialCount } = monomialSplit(p, options);
  const c = assembleConstraints(f, rest, p.m, p.n, reduction ?? undefined, options.deadline);
  let y: SparseMatrix<T>;
  let method: string;
  let gap: SolveDiagnostics['singularValueGap'];
  if (name === 'exact' && f.complex) {
    const r = nullspaceComplex(c as unknown as SparseMatrix<Gaussian>);
    y = r.basis as unknown as SparseMatrix<T>;
    method = r.method;
  } else if (name === 'exact') {
    const r = nullspaceExact(c as unknown as SparseMatrix<Rational>, options.deadline ? { deadline: options.deadline } : {});
    y = r.basis as unknown as SparseMatrix<T>;
    method = r.method;
  } else if (c.cols > (options.floatDenseLimit ?? FLOAT_DENSE_LIMIT) && p.group.lie.length === 0) {
    // Too wide for dense SVD: project random matrices with the Reynolds operator instead.
    const r = reynoldsBasis(p as unknown as HomProblem<number>, 7, options.deadline);
    return Object.freeze({
      m: p.m,
      n: p.n,
      elements: r.basis as unknown as SparseMatrix<T>,
      strategy: name,
      reason: `${reason}; ${c.cols} unknowns are too many for dense SVD, so random matrices are projected onto the space`,
      diagnostics: Object.freeze(r.diagnostics),
    });
  } else {
    const r = nullspaceFloat(c as unknown as SparseMatrix<number>, {
      ...(options.rtol !== undefined ? { rtol: options.rtol } : {}),
      scale: constraintScale(rest as unknown as [SparseMatrix<number>, SparseMatrix<number>][], p.m, p.n),
    });
    y = r.basis as unknown as SparseMatrix<T>;
    method = r.method;
    gap = r.singularValues;
  }
  const basis = reduction ? expandReduced(f, y, reduction, size, options.deadline) : y;
  const pre = monomialCount > 0 ? `; ${monomialCount} signed-permutation element(s) of the group pre-reduce by orbit sums` : '';
  return Object.freeze({
    m: p.m,
    n: p.n,
    elements: basis,
    strategy: name,
    reason: reason + pre,
    diagnostics: Object.freeze({
      reducedUnknowns: reduction ? reduction.count : size,
      constraintRows: c.rows,
      method,
      ...(gap ? { singularValueGap: gap } : {}),
    }),
  });
}

/**
 * The size of the constraint operators W ↦ ρ_out·W − W·ρ_in: ‖ρ‖_F/√dim is 1 for orthogonal ρ
 * and the RMS singular value in general, so this is about ‖ρ_out‖ + ‖ρ_in‖ in the operator norm.
 */
function constraintScale(pairs: readonly [SparseMatrix<number>, SparseMatrix<number>][], m: number, n: number): number {
  const rms = (a: SparseMatrix<number>, d: number): number => Math.sqrt(a.values.reduce((s, v) => s + v * v, 0) / d);
  return pairs.reduce((s, [o, i]) => Math.max(s, rms(o, m) + rms(i, n)), 0);
}

export const exactStrategy: Strategy = {
  name: 'exact',
  whyNot(p) {
    return p.group.field === RationalField || p.group.field === GaussianField ? null : 'some generator entry is irrational';
  },
  solve(p, options) {
    const over = p.group.field.complex ? 'Gaussian rationals ℚ(i)' : 'rational';
    return eliminationSolve(p, options, 'exact', `all generator entries are ${over}`);
  },
};

export const floatStrategy: Strategy = {
  name: 'float',
  whyNot(p) {
    return p.group.field === FloatField ? null : 'the group is exact (use the exact strategy)';
  },
  solve(p, options) {
    return eliminationSolve(p, options, 'float', 'some generator entry is irrational, so the solve is in float64');
  },
};

export const STRATEGIES: readonly Strategy[] = Object.freeze([orbitStrategy, exactStrategy, floatStrategy]);

/**
 * Picks the fastest applicable strategy (or the forced one) and solves.
 *
 * @example
 * solveBlock(problem, {}).strategy // 'orbit' for S(5) tensor2
 */
export function solveBlock<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
  const candidates = options.strategy ? STRATEGIES.filter((s) => s.name === options.strategy) : STRATEGIES;
  const refusals: string[] = [];
  for (const s of candidates) {
    const why = s.whyNot(p);
    if (why === null) return s.solve(p, options);
    refusals.push(`${s.name}: ${why}`);
  }
  throw new SolverError('E_SOLVER', `no strategy can solve this problem (${refusals.join('; ')})`, {
    ...(options.strategy ? { expected: `a problem the ${options.strategy} strategy accepts` } : {}),
  });
}

export function strategyNames(): readonly StrategyName[] {
  return STRATEGIES.map((s) => s.name);
}
