/**
 * The float path at scale, for finite groups: the Reynolds operator
 *
 *     P(W) = (1/|G|) Σ_g ρ_out(g) · W · ρ_in(g⁻¹)
 *
 * is the orthogonal-in-expectation projector onto Hom_G(ρ_in, ρ_out). Applying it to r + p random
 * matrices (randomised range finding, Halko–Martinsson–Tropp 2011) spans the space with
 * probability 1; r itself is known in advance from the character formula
 * r = (1/|G|) Σ_g χ_in(g)·χ_out(g⁻¹), and the singular values of the projected block show a clean
 * gap between σ_r and σ_{r+1} (reported). Cost: |G|·(r+p) sparse-times-dense products with the
 * generators' matrices (see cayleyTree) — no dense factorisation of the m·n-column constraint
 * system.
 */
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { SolverError } from '../errors.js';
import { FloatField } from '../field/field.js';
import { elementsAsGenerators, enumerateElements, inverseIndex, matrixKey, type GroupElement } from '../group/enumerate.js';
import { multiply, rrefFloat, symmetricEigenvalues, type SparseMatrix } from '../linalg/index.js';
import { CharacterTable } from '../rep/characters.js';
import { RepMatrixCache } from '../rep/matrices.js';
import { seededRng } from '../util/random.js';
import { reducedUnknowns } from './elimination.js';
import { FLOAT_DENSE_LIMIT, type BlockBasis, type HomProblem, type SolveDiagnostics, type SolveOptions, type Strategy } from './strategy.js';

/** Extra random directions beyond the expected dimension. */
const OVERSAMPLING = 6;

/**
 * The elements as a tree, level by level from the identity: each element is h·parent for a
 * discrete generator h. Conjugating by it is then one sandwich with *generator* matrices,
 * e·W·e⁻¹ = ρ(h)·(parent·W·parent⁻¹)·ρ(h⁻¹), instead of one with the element's own rep matrix —
 * and a generator that is a signed permutation (D(k)'s reflection) costs a permutation of W, not
 * a matrix product. Every element is reached once: |G| − 1 sandwiches per averaged matrix, about
 * half of them free for D(k).
 */
type CayleyLevel = readonly { readonly parent: number; readonly generator: number }[];

function cayleyTree(group: HomProblem<number>['group'], elements: readonly GroupElement<number>[]): CayleyLevel[] {
  const keyOf = (e: GroupElement<number>): string => [matrixKey(FloatField, e.onV), ...e.onFactors.map((f) => matrixKey(FloatField, f))].join('|');
  const seen = new Set<string>([keyOf(elements[0]!)]);
  const levels: CayleyLevel[] = [];
  let frontier: GroupElement<number>[] = [elements[0]!];
  while (frontier.length > 0 && seen.size < elements.length) {
    const level: { parent: number; generator: number }[] = [];
    const next: GroupElement<number>[] = [];
    frontier.forEach((e, parent) => {
      group.discrete.forEach((h, generator) => {
        const g = { onV: multiply(FloatField, h, e.onV), onFactors: e.onFactors.map((f, x) => multiply(FloatField, group.factors[x]!.discrete[generator]!, f)) };
        const key = keyOf(g);
        if (seen.has(key)) return;
        seen.add(key);
        level.push({ parent, generator });
        next.push(g);
      });
    });
    levels.push(level);
    frontier = next;
  }
  return levels;
}

/** ρ_out(h) and ρ_in(h⁻¹) for each discrete generator h. */
function generatorMatrices(p: HomProblem<number>, elements: readonly GroupElement<number>[], inverse: readonly number[]): { out: Operator[]; inInverse: Operator[] } {
  const keyOf = (e: GroupElement<number>): string => [matrixKey(FloatField, e.onV), ...e.onFactors.map((f) => matrixKey(FloatField, f))].join('|');
  const index = new Map(elements.map((e, i) => [keyOf(e), i]));
  const g = p.group;
  const inverses = g.discrete.map((h, i) => elements[inverse[index.get(keyOf({ onV: h, onFactors: g.factors.map((f) => f.discrete[i]!) }))!]!]!);
  const inv = new RepMatrixCache(elementsAsGenerators(g, inverses));
  return { out: p.matrices.of(p.outRep).discrete.map(operator), inInverse: inv.of(p.inRep).discrete.map(operator) };
}

/** y = (1/|G|) Σ_g ρ_out(g)·x·ρ_in(g⁻¹), walking the Cayley tree level by level. */
function groupAverage(
  tree: readonly CayleyLevel[],
  gens: { out: Operator[]; inInverse: Operator[] },
  x: Float64Array,
  y: Float64Array,
  m: number,
  n: number,
  order: number,
  deadline: Deadline,
): void {
  y.set(x);
  let frontier: Float64Array[] = [x];
  const scratch = new Float64Array(m * n);
  for (const level of tree) {
    const next = level.map(({ parent, generator }) => {
      deadline.check();
      const s = new Float64Array(m * n);
      addSandwich(gens.out[generator]!, frontier[parent]!, gens.inInverse[generator]!, s, m, n, scratch);
      for (let i = 0; i < s.length; i++) y[i]! += s[i]!;
      return s;
    });
    frontier = next;
  }
  for (let i = 0; i < y.length; i++) y[i]! /= order;
}

/**
 * A generator's matrix prepared for products with dense m × n blocks: dense row-major when it is
 * mostly filled (rotations on tensor powers: contiguous inner loops, no index loads), sparse rows
 * otherwise (signed permutations: one entry per row).
 */
type Operator = { readonly dense: Float64Array; readonly size: number } | { readonly sparse: SparseMatrix<number> };

function operator(a: SparseMatrix<number>): Operator {
  if (a.colIdx.length * 4 < a.rows * a.cols) return { sparse: a };
  const dense = new Float64Array(a.rows * a.cols);
  for (let r = 0; r < a.rows; r++) for (let k = a.rowPtr[r]!; k < a.rowPtr[r + 1]!; k++) dense[r * a.cols + a.colIdx[k]!] = a.values[k]!;
  return { dense, size: a.rows };
}

/** Y += A · X · B for A (m×m), B (n×n) and dense X, Y (m×n, row-major); `t` is m×n scratch. */
function addSandwich(a: Operator, x: Float64Array, b: Operator, y: Float64Array, m: number, n: number, t: Float64Array): void {
  t.fill(0);
  if ('dense' in a) {
    const d = a.dense;
    for (let r = 0; r < m; r++) {
      for (let k = 0; k < m; k++) {
        const v = d[r * m + k]!;
        if (v === 0) continue;
        const src = k * n;
        const dst = r * n;
        for (let c = 0; c < n; c++) t[dst + c]! += v * x[src + c]!;
      }
    }
  } else {
    const s = a.sparse;
    for (let r = 0; r < m; r++) {
      for (let k = s.rowPtr[r]!; k < s.rowPtr[r + 1]!; k++) {
        const v = s.values[k]!;
        const src = s.colIdx[k]! * n;
        for (let c = 0; c < n; c++) t[r * n + c]! += v * x[src + c]!;
      }
    }
  }
  if ('dense' in b) {
    const d = b.dense;
    for (let r = 0; r < m; r++) {
      for (let i = 0; i < n; i++) {
        const v = t[r * n + i]!;
        if (v === 0) continue;
        const src = i * n;
        const dst = r * n;
        for (let c = 0; c < n; c++) y[dst + c]! += v * d[src + c]!;
      }
    }
  } else {
    const s = b.sparse;
    for (let r = 0; r < m; r++) {
      for (let i = 0; i < n; i++) {
        const v = t[r * n + i]!;
        if (v === 0) continue;
        for (let k = s.rowPtr[i]!; k < s.rowPtr[i + 1]!; k++) y[r * n + s.colIdx[k]!]! += v * s.values[k]!;
      }
    }
  }
}

/**
 * B·Bᵀ for the k rows of length `size` in `block`. A function of its own: inlined in the caller's
 * long body, V8 compiled this loop an order of magnitude slower (D(5) T(6)→T(6): 13 s against 1 s).
 */
function gramMatrix(block: Float64Array, k: number, size: number): Float64Array {
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const ra = block.subarray(a * size, (a + 1) * size);
    for (let b = a; b < k; b++) {
      const rb = block.subarray(b * size, (b + 1) * size);
      let s = 0;
      for (let i = 0; i < size; i++) s += ra[i]! * rb[i]!;
      gram[a * k + b] = s;
      gram[b * k + a] = s;
    }
  }
  return gram;
}

/**
 * Basis of Hom_G by Reynolds projection of random matrices, in canonical RREF.
 *
 * @example
 * reynoldsBasis(problemForD5T3).basis.rows // the dimension the character formula predicts
 */
export function reynoldsBasis(p: HomProblem<number>, seed = 7, deadline: Deadline = NO_DEADLINE): { basis: SparseMatrix<number>; diagnostics: SolveDiagnostics } {
  const group = p.group;
  const elements = enumerateElements(group);
  const inverse = inverseIndex(FloatField, elements);
  const order = elements.length;
  // r from the character formula, characters from the rep tree (verify/characters.ts).
  const table = new CharacterTable(FloatField, elements, inverse);
  const chiIn = table.of(p.inRep);
  const chiOut = table.of(p.outRep);
  let chi = 0;
  for (let g = 0; g < order; g++) chi += chiIn[g]! * chiOut[inverse[g]!]!;
  const expected = Math.round(chi / order);
  if (Math.abs(chi / order - expected) > 1e-6) {
    throw new SolverError('E_SOLVER', `character formula gave a non-integer dimension ${chi / order}`, {});
  }
  const { m, n } = p;
  const size = m * n;
  if (expected === 0) {
    return { basis: rrefFloat(new Float64Array(0), 0, size), diagnostics: { reducedUnknowns: size, constraintRows: 0, method: `Reynolds projection over ${order} elements` } };
  }
  const k = Math.min(size, expected + OVERSAMPLING);
  const rng = seededRng(seed);
  const block = new Float64Array(k * size);
  const tree = cayleyTree(group, elements);
  const gens = generatorMatrices(p, elements, inverse);
  for (let j = 0; j < k; j++) {
    const x = new Float64Array(size);
    for (let i = 0; i < size; i++) x[i] = rng.normal();
    groupAverage(tree, gens, x, block.subarray(j * size, (j + 1) * size), m, n, order, deadline);
  }
  // Singular values of the k × size block: square roots of its k × k Gram matrix's eigenvalues.
  const gram = gramMatrix(block, k, size);
  const sigma = Array.from(symmetricEigenvalues(gram, k), (v) => Math.sqrt(Math.max(v, 0)));
  const smallestKept = sigma[expected - 1] ?? 0;
  const largestDropped = sigma[expected] ?? 0;
  if (!(smallestKept > 1e-8 * (sigma[0] ?? 1))) {
    throw new SolverError('E_SOLVER', `Reynolds projection found rank ${sigma.filter((s) => s > 1e-8 * sigma[0]!).length}, expected ${expected}`, {});
  }
  // The projected Gaussian block is well conditioned (oversampling), so partial-pivoting RREF
  // reduces it directly; its numerically dependent rows vanish below the pivot threshold.
  const basis = rrefFloat(block, k, size);
  if (basis.rows !== expected) {
    throw new SolverError('E_SOLVER', `Reynolds projection gave ${basis.rows} independent elements, the character formula ${expected}`, {});
  }
  return {
    basis,
    diagnostics: {
      reducedUnknowns: size,
      constraintRows: 0,
      method: `Reynolds projection over ${order} elements, ${k} random directions`,
      singularValueGap: {
        smallestKept,
        largestDropped,
        gap: largestDropped === 0 ? Infinity : smallestKept / largestDropped,
        tolerance: 1e-8 * (sigma[0] ?? 1),
      },
    },
  };
}

/**
 * Dense SVD (ml-matrix) costs about ten times more per operation than the plain loops here
 * (DEPENDENCIES.md: 729 columns took 4 s), so its estimate is 10·n³ against the projection's
 * |G|·k·mn·(m + n) sandwich products plus k²·mn for the RREF, k ≈ mn/|G| + oversampling.
 */
const SVD_COST_FACTOR = 10;
/** Groups whose order is not declared are enumerated up to this size to estimate the cost. */
const ESTIMATE_MAX_ORDER = 5000;

function groupOrder<T>(p: HomProblem<T>): number | null {
  if (p.group.order !== undefined) return p.group.order <= BigInt(ESTIMATE_MAX_ORDER) ? Number(p.group.order) : null;
  try {
    return enumerateElements(p.group, ESTIMATE_MAX_ORDER).length;
  } catch {
    return null;
  }
}

/**
 * The Reynolds projector: for finite float groups too wide for dense SVD, and for narrower ones
 * when projecting is estimated cheaper (small groups: C(3) on V^⊗8 is 256 unknowns but only 3
 * elements to average over).
 */
export const reynoldsStrategy: Strategy = Object.freeze({
  name: 'reynolds',
  family: 'float',
  whyNot<T>(p: HomProblem<T>, options: SolveOptions): string | null {
    if (p.group.field !== (FloatField as unknown)) return 'the group is exact';
    if (p.group.lie.length > 0) return 'the group has a Lie algebra (not finite)';
    const limit = options.floatDenseLimit ?? FLOAT_DENSE_LIMIT;
    const unknowns = reducedUnknowns(p, options);
    if (unknowns > limit) return null;
    const order = groupOrder(p);
    if (order === null) return `${unknowns} unknowns fit dense SVD (limit ${limit}) and the group is too large to average over cheaply`;
    const size = p.m * p.n;
    const k = Math.min(size, Math.ceil(size / order) + OVERSAMPLING);
    const project = order * k * size * (p.m + p.n) + k * k * size;
    const svd = SVD_COST_FACTOR * unknowns ** 3;
    return project < svd ? null : `${unknowns} unknowns: dense SVD is estimated cheaper than averaging over ${order} elements`;
  },
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
    const r = reynoldsBasis(p as unknown as HomProblem<number>, 7, options.deadline);
    return Object.freeze({
      m: p.m,
      n: p.n,
      elements: r.basis as unknown as SparseMatrix<T>,
      strategy: 'reynolds' as const,
      family: 'float' as const,
      reason: `the solve is in float64 and the group is finite: random matrices are projected onto the space by the group average (cheaper than dense SVD of ${r.diagnostics.reducedUnknowns} unknowns)`,
      diagnostics: Object.freeze(r.diagnostics),
    });
  },
});
