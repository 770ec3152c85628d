/**
 * The elimination strategies: pre-reduce by the group's signed-permutation elements (orbit sums
 * first), impose the remaining generators as linear constraints on that smaller space, and take
 * the null space — over ℚ (`rational`), over ℚ(i) (`gaussian`), over a number field ℚ(θ)
 * (`algebraic`) or in float64 by SVD (`svd`).
 */
import type { Field } from '../field/field.js';
import { FloatField, RationalField } from '../field/field.js';
import { GaussianField, type Gaussian } from '../field/gaussian.js';
import type { Rational } from '../field/rational.js';
import { isNumberField, type Algebraic, type NumberField } from '../field/number-field.js';
import { asSignedPermutation, CsrBuilder, nullspaceAlgebraic, nullspaceComplex, nullspaceExact, nullspaceFloat, type SparseMatrix } from '../linalg/index.js';
import { assembleConstraints, type Reduction } from '../constraints/assemble.js';
import { assembleAlgebraic } from '../constraints/assemble-algebraic.js';
import { restrictColumns, type AlgebraicMatrix } from '../linalg/algebraic-matrix.js';
import { mergeHalves, parityHalves } from './parity.js';
import { signedPermAction } from '../rep/signed-perm.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { orbitLabels } from './orbit.js';
import type { BlockBasis, HomProblem, SolveDiagnostics, SolveOptions, Strategy, StrategyName } from './strategy.js';

/** Generator pairs (ρ_out, ρ_in) still to impose after the orbit pre-reduction, and that reduction. */
interface Split<T> {
  readonly reduction: Reduction | null;
  readonly rest: readonly [SparseMatrix<T>, SparseMatrix<T>][];
  readonly signedPermCount: number;
}

/**
 * Splits the generators into those acting as signed permutations on both reps (handled by orbit
 * sums) and the rest (imposed as linear constraints on the orbit coordinates).
 */
function signedPermSplit<T>(p: HomProblem<T>, deadline: Deadline | undefined): Split<T> {
  const outM = p.matrices.of(p.outRep);
  const inM = p.matrices.of(p.inRep);
  const sub = p.facts.signedPermSubgroup();
  const outPerms = sub ? signedPermAction(sub, p.outRep) : null;
  const inPerms = sub ? signedPermAction(sub, p.inRep) : null;
  const reduced = outPerms !== null && inPerms !== null && outPerms.length > 0;
  // Discrete generators inside the signed-permutation subgroup are already imposed by the orbit sums.
  const rest: [SparseMatrix<T>, SparseMatrix<T>][] = [];
  outM.discrete.forEach((mo, i) => {
    if (!reduced || !isSignedPermOnBase(p, i)) rest.push([mo, inM.discrete[i]!]);
  });
  outM.lie.forEach((a, i) => rest.push([a, inM.lie[i]!]));
  const reduction = reduced ? orbitLabels(outPerms, inPerms, p.m, p.n, deadline) : null;
  // Elements acting trivially on W (C(6)'s −I on T(5)→T(5)) leave every orbit a single unknown:
  // then there is nothing to reduce, only bookkeeping to pay for.
  const trivial = reduction !== null && reduction.count === p.m * p.n;
  return {
    reduction: trivial ? null : reduction,
    rest,
    signedPermCount: reduced && !trivial ? outPerms.length : 0,
  };
}

/**
 * Unknowns left after the orbit pre-reduction (m·n when there is none): what decides between
 * dense SVD and the Reynolds projector.
 *
 * @example
 * reducedUnknowns(problemForD5T3, {}) // 125 → fewer after the reflections' orbit sums
 */
export function reducedUnknowns<T>(p: HomProblem<T>, options: SolveOptions): number {
  return signedPermSplit(p, options.deadline).reduction?.count ?? p.m * p.n;
}

/** Whether discrete generator i is a signed permutation on V and on every factor. */
function isSignedPermOnBase<T>(p: HomProblem<T>, i: number): boolean {
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

/**
 * A null-space kernel: assembles the constraints of the remaining generators over the orbit
 * coordinates and returns the rows spanning {y : C·y = 0}, how they were found, and (floats) the gap.
 */
type Kernel<T> = (p: HomProblem<T>, split: Split<T>, options: SolveOptions) => {
  readonly basis: SparseMatrix<T>;
  readonly method: string;
  readonly constraintRows: number;
  readonly singularValueGap?: SolveDiagnostics['singularValueGap'];
};

/** The constraint matrix of the generators left after the orbit pre-reduction (assemble.ts). */
function constraints<T>(p: HomProblem<T>, split: Split<T>, options: SolveOptions): SparseMatrix<T> {
  return assembleConstraints(p.group.field, split.rest, p.m, p.n, split.reduction ?? undefined, options.deadline);
}

function eliminate<T>(p: HomProblem<T>, options: SolveOptions, strategy: Strategy, reason: string, kernel: Kernel<T>): BlockBasis<T> {
  const f = p.group.field;
  const size = p.m * p.n;
  const split = signedPermSplit(p, options.deadline);
  const y = kernel(p, split, options);
  const elements = split.reduction ? expandReduced(f, y.basis, split.reduction, size, options.deadline) : y.basis;
  const pre = split.signedPermCount > 0 ? `; ${split.signedPermCount} signed-permutation element(s) of the group pre-reduce by orbit sums` : '';
  return Object.freeze({
    m: p.m,
    n: p.n,
    elements,
    strategy: strategy.name,
    family: strategy.family,
    reason: reason + pre,
    diagnostics: Object.freeze({
      reducedUnknowns: split.reduction ? split.reduction.count : size,
      constraintRows: y.constraintRows,
      method: y.method,
      ...(y.singularValueGap ? { singularValueGap: y.singularValueGap } : {}),
    }),
  });
}

/**
 * The size of the constraint operators W ↦ ρ_out·W − W·ρ_in: ‖ρ‖_F/√dim is 1 for orthogonal ρ
 * and the RMS singular value in general, so this is about ‖ρ_out‖ + ‖ρ_in‖ in the operator norm.
 */
function constraintScale(pairs: readonly (readonly [SparseMatrix<number>, SparseMatrix<number>])[], m: number, n: number): number {
  const rms = (a: SparseMatrix<number>, d: number): number => Math.sqrt(a.values.reduce((s, v) => s + v * v, 0) / d);
  return pairs.reduce((s, [o, i]) => Math.max(s, rms(o, m) + rms(i, n)), 0);
}

function elimination(name: StrategyName, family: 'exact' | 'float', applies: (f: Field<unknown>) => boolean, wrongField: string, reason: string | ((f: Field<unknown>) => string), kernel: Kernel<unknown>): Strategy {
  const strategy: Strategy = {
    name,
    family,
    whyNot: (p) => (applies(p.group.field as Field<unknown>) ? null : wrongField),
    solve: <T>(p: HomProblem<T>, options: SolveOptions) =>
      eliminate(p, options, strategy, typeof reason === 'string' ? reason : reason(p.group.field as Field<unknown>), kernel as unknown as Kernel<T>),
  };
  return Object.freeze(strategy);
}

/**
 * Unknowns from which the exact strategies look for a nullity (the character formula of a small
 * finite group) and the algebraic one for a parity split: below, finding them costs more than
 * they save (D(5) T(4)→scalar: 0.5 ms, and 1.1 ms with them).
 */
const HINT_MIN_UNKNOWNS = 256;

/** Exact elimination over ℚ: modular elimination, rational reconstruction, exact check. */
export const rationalStrategy: Strategy = elimination('rational', 'exact', (f) => f === (RationalField as unknown), 'some generator entry is not rational', 'all generator entries are rational', (p, split, options) => {
  const c = constraints(p, split, options) as unknown as SparseMatrix<Rational>;
  const nullity = c.cols >= HINT_MIN_UNKNOWNS ? p.facts.homDimension(p.inRep, p.outRep, options.deadline) : null;
  const r = nullspaceExact(c, { ...(options.deadline ? { deadline: options.deadline } : {}), ...(nullity !== null ? { nullity } : {}) });
  return { ...r, method: r.method + (nullity !== null && r.method === 'modular' ? '; stopped at the rank the character formula gives' : ''), constraintRows: c.rows } as never;
});

/** Exact elimination over ℚ(i), through the realified rational system. */
export const gaussianStrategy: Strategy = elimination('gaussian', 'exact', (f) => f === (GaussianField as unknown), 'the group is not over the Gaussian rationals ℚ(i)', 'all generator entries are Gaussian rationals ℚ(i)', (p, split, options) => {
  const c = constraints(p, split, options) as unknown as SparseMatrix<Gaussian>;
  return { ...nullspaceComplex(c), constraintRows: c.rows } as never;
});

/**
 * Exact elimination over a number field ℚ(θ) (cos, sin and √ entries): modular elimination in the
 * field's embeddings into GF(p), a rational basis when the space is defined over ℚ, checked
 * exactly in the field (linalg/nullspace-algebraic.ts).
 */
export const algebraicStrategy: Strategy = elimination(
  'algebraic',
  'exact',
  isNumberField,
  'the group is not over a number field',
  (f) => `the generator entries are algebraic numbers, exact in ${(f as NumberField).name}`,
  (p, split, options) => {
    const field = p.group.field as unknown as NumberField;
    const pairs = split.rest as unknown as [SparseMatrix<Algebraic>, SparseMatrix<Algebraic>][];
    const c = assembleAlgebraic(field, pairs, p.m, p.n, split.reduction ?? undefined, options.deadline);
    // Stage ⑤ checks every block exactly in the field (verify/algebraic.ts), so the solver's own
    // test of a reconstructed candidate need only be a cheap probabilistic one. A nullity known
    // from the character formula lets each elimination stop once its rank is reached.
    const solve = (m: AlgebraicMatrix, nullity: number | null) =>
      nullspaceAlgebraic(m, field, { check: 'probable', ...(nullity !== null ? { nullity } : {}), ...(options.deadline ? { deadline: options.deadline } : {}) });
    const hints = c.cols >= HINT_MIN_UNKNOWNS;
    const halves = hints ? parityHalves(p, split.reduction, options.deadline) : null;
    if (halves === null) {
      const r = solve(c, hints ? p.facts.homDimension(p.inRep, p.outRep, options.deadline) : null);
      return { basis: r.basis, method: r.method + (r.hinted ? '; stopped at the rank the character formula gives' : ''), constraintRows: c.rows } as never;
    }
    const parts = halves.columns.map((cols, i) => solve(restrictColumns(c, cols), halves.nullity?.[i] ?? null));
    const basis = mergeHalves([parts[0]!.basis, parts[1]!.basis], halves.columns, c.cols);
    const hinted = parts.every((r) => r.hinted) ? ', each stopped at the rank the character formula gives' : '';
    return { basis, method: `${parts[0]!.method}; split in two halves (${halves.columns[0].length} + ${halves.columns[1].length} unknowns) by a diagonal sign symmetry normalising the group${hinted}`, constraintRows: c.rows } as never;
  },
);

/** Float64 null space by dense SVD with a relative rank tolerance; reports the singular-value gap. */
export const svdStrategy: Strategy = elimination('svd', 'float', (f) => f === (FloatField as unknown), 'the group is exact (use an exact strategy)', 'the solve is in float64 (a generator entry is a decimal, not an exact expression, or a float strategy was forced)', (p, split, options) => {
  const c = constraints(p, split, options) as unknown as SparseMatrix<number>;
  const r = nullspaceFloat(c, {
    ...(options.rtol !== undefined ? { rtol: options.rtol } : {}),
    scale: constraintScale(split.rest as unknown as [SparseMatrix<number>, SparseMatrix<number>][], p.m, p.n),
  });
  return { basis: r.basis, method: r.method, singularValueGap: r.singularValues, constraintRows: c.rows } as never;
});
