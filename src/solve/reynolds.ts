/**
 * The float path at scale, for finite groups: the Reynolds operator
 *
 *     P(W) = (1/|G|) Σ_g ρ_out(g) · W · ρ_in(g⁻¹)
 *
 * is the orthogonal-in-expectation projector onto Hom_G(ρ_in, ρ_out). Applying it to r + p random
 * matrices (randomised range finding, Halko–Martinsson–Tropp 2011) spans the space with
 * probability 1; r itself is known in advance from the character formula
 * r = (1/|G|) Σ_g χ_in(g)·χ_out(g⁻¹), and the singular values of the projected block show a clean
 * gap between σ_r and σ_{r+1} (reported). Cost: |G|·(r+p) sparse-times-dense products — no
 * dense factorisation of the m·n-column constraint system.
 */
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { SolverError } from '../errors.js';
import { FloatField } from '../field/field.js';
import { elementsAsGenerators, enumerateElements, inverseIndex } from '../group/enumerate.js';
import { rightSvd, rrefFloat, type SparseMatrix } from '../linalg/index.js';
import { RepMatrixCache } from '../rep/matrices.js';
import { seededRng } from '../util/random.js';
import { reducedUnknowns } from './elimination.js';
import { FLOAT_DENSE_LIMIT, type BlockBasis, type HomProblem, type SolveDiagnostics, type SolveOptions, type Strategy } from './strategy.js';

/** Extra random directions beyond the expected dimension. */
const OVERSAMPLING = 6;

function trace(m: SparseMatrix<number>): number {
  let t = 0;
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) if (m.colIdx[k] === r) t += m.values[k]!;
  }
  return t;
}

/** Y += A · X · B for sparse A (m×m), B (n×n) and dense X, Y (m×n, row-major). */
function addSandwich(a: SparseMatrix<number>, x: Float64Array, b: SparseMatrix<number>, y: Float64Array, m: number, n: number): void {
  const ax = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    for (let k = a.rowPtr[r]!; k < a.rowPtr[r + 1]!; k++) {
      const v = a.values[k]!;
      const src = a.colIdx[k]! * n;
      for (let c = 0; c < n; c++) ax[r * n + c]! += v * x[src + c]!;
    }
  }
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < n; i++) {
      const v = ax[r * n + i]!;
      if (v === 0) continue;
      for (let k = b.rowPtr[i]!; k < b.rowPtr[i + 1]!; k++) y[r * n + b.colIdx[k]!]! += v * b.values[k]!;
    }
  }
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
  const all = elementsAsGenerators(group, elements);
  const cache = new RepMatrixCache(all);
  const out = cache.of(p.outRep).discrete;
  const inn = cache.of(p.inRep).discrete;
  const order = elements.length;
  let chi = 0;
  for (let g = 0; g < order; g++) chi += trace(inn[g]!) * trace(out[inverse[g]!]!);
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
  for (let j = 0; j < k; j++) {
    const x = new Float64Array(size);
    for (let i = 0; i < size; i++) x[i] = rng.normal();
    const y = block.subarray(j * size, (j + 1) * size);
    for (let g = 0; g < order; g++) {
      deadline.check();
      addSandwich(out[g]!, x, inn[inverse[g]!]!, y, m, n);
    }
    for (let i = 0; i < size; i++) y[i]! /= order;
  }
  // Singular values of the k × size block via its k × k Gram matrix's SVD (k is small).
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let i = 0; i < size; i++) s += block[a * size + i]! * block[b * size + i]!;
      gram[a * k + b] = s;
      gram[b * k + a] = s;
    }
  }
  const svd = rightSvd(gram, k);
  const sigma = Array.from(svd.values, (v) => Math.sqrt(Math.max(v, 0)));
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

/** The Reynolds projector: for finite float groups too wide for dense SVD. */
export const reynoldsStrategy: Strategy = Object.freeze({
  name: 'reynolds',
  family: 'float',
  whyNot<T>(p: HomProblem<T>, options: SolveOptions): string | null {
    if (p.group.field !== (FloatField as unknown)) return 'the group is exact';
    if (p.group.lie.length > 0) return 'the group has a Lie algebra (not finite)';
    const limit = options.floatDenseLimit ?? FLOAT_DENSE_LIMIT;
    const unknowns = reducedUnknowns(p, options);
    return unknowns > limit ? null : `${unknowns} unknowns fit dense SVD (limit ${limit})`;
  },
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
    const r = reynoldsBasis(p as unknown as HomProblem<number>, 7, options.deadline);
    return Object.freeze({
      m: p.m,
      n: p.n,
      elements: r.basis as unknown as SparseMatrix<T>,
      strategy: 'reynolds' as const,
      family: 'float' as const,
      reason: `some generator entry is irrational and the group is finite; ${r.diagnostics.reducedUnknowns} unknowns are too many for dense SVD, so random matrices are projected onto the space`,
      diagnostics: Object.freeze(r.diagnostics),
    });
  },
});
