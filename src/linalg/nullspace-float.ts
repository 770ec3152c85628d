/**
 * Float null space for constraint matrices with irrational entries: Givens row compression, dense
 * SVD (ml-matrix), a relative rank tolerance with the singular-value gap reported, and the result
 * put in the same canonical RREF as the exact path.
 *
 * Dense SVD is cubic and, in pure JavaScript, slow (about 4 s at 729 columns), so systems wider than
 * `maxCols` (default 2000, roughly two minutes) are refused with a ResourceError instead of
 * silently taking that long; an iterative method for those is future work.
 */
import { ResourceError, SolverError } from '../errors.js';
import { rrefFloat } from './rref-float.js';
import { decideRank, defaultRtol, givensR, rightSvd } from './svd.js';
import { identity, zeros, type SparseMatrix } from './sparse.js';
import { FloatField } from '../field/field.js';

export interface NullspaceFloatOptions {
  /** σ_i counts toward the rank iff σ_i > rtol·σ_max. Default {@link defaultRtol}: 10·max(m,n)·ε. */
  readonly rtol?: number;
  /**
   * The natural size of the constraint rows (e.g. ‖ρ_out(h)‖ + ‖ρ_in(h)‖); the tolerance is
   * rtol·max(σ_max, scale). Without it, a generator within rounding of the identity (rotation by
   * 2π/1 = cos(2π), −2.4e−16) gives a constraint matrix of pure rounding noise whose own σ_max
   * makes the noise look like rank.
   */
  readonly scale?: number;
  /** Refuse wider systems (ResourceError E_TOO_LARGE). Default 2000. */
  readonly maxCols?: number;
  /** Relative pivot threshold of the final RREF; see rrefFloat. Default 1e-9. */
  readonly pivotTol?: number;
}

export interface NullspaceFloatResult {
  /** Rows form a basis of the numerical null space, in reduced row echelon form. */
  readonly basis: SparseMatrix<number>;
  readonly rank: number;
  readonly singularValues: {
    readonly smallestKept: number;
    readonly largestDropped: number;
    /** smallestKept / largestDropped; Infinity when nothing (or exactly zero) was dropped. */
    readonly gap: number;
    /** The absolute threshold rtol·σ_max. */
    readonly tolerance: number;
  };
  readonly method: string;
  /** max over basis rows y of ‖C·y‖₂ / (σ_max‖y‖₂): the relative residual of the returned basis. */
  readonly residual: number;
}

/**
 * The null space of a float matrix, numerically: {x : σ-components of C above the tolerance vanish}.
 *
 * @example
 * const C = fromDense(FloatField, [[1, -1, 0]]);
 * const r = nullspaceFloat(C);
 * r.rank // 1
 * toDense(FloatField, r.basis) // [[1, 1, 0], [0, 0, 1]]
 */
export function nullspaceFloat(C: SparseMatrix<number>, options: NullspaceFloatOptions = {}): NullspaceFloatResult {
  const m = C.rows;
  const n = C.cols;
  const maxCols = options.maxCols ?? 2000;
  if (n > maxCols) {
    throw new ResourceError('E_TOO_LARGE', `float null space of ${n} unknowns is too large for dense SVD`, {
      expected: `at most ${maxCols} columns`,
      actual: `${m}×${n}`,
      hint: 'use rational generators (exact solver) or a smaller representation',
    });
  }
  for (const v of C.values) {
    if (!Number.isFinite(v)) {
      throw new SolverError('E_SOLVER', 'constraint matrix has a non-finite entry', { actual: String(v) });
    }
  }
  const rtol = options.rtol ?? defaultRtol(m, n);
  if (C.values.length === 0) {
    const empty = { smallestKept: Infinity, largestDropped: 0, gap: Infinity, tolerance: 0 };
    const basis = n === 0 ? zeros<number>(0, 0) : identity(FloatField, n);
    return { basis, rank: 0, singularValues: empty, method: 'trivial (no constraints)', residual: 0 };
  }
  const { values, v } = rightSvd(givensR(C), n);
  const decision = decideRank(values, rtol, options.scale ?? 0);
  const nullity = n - decision.rank;
  const rows = new Float64Array(nullity * n);
  for (let k = 0; k < nullity; k++) {
    for (let i = 0; i < n; i++) rows[k * n + i] = v[i * n + decision.rank + k]!;
  }
  const basis = rrefFloat(rows, nullity, n, options.pivotTol !== undefined ? { pivotTol: options.pivotTol } : {});
  const { smallestKept, largestDropped, gap, tolerance } = decision;
  return {
    basis,
    rank: n - basis.rows,
    singularValues: { smallestKept, largestDropped, gap, tolerance },
    method: 'givens-qr+svd',
    residual: relativeResidual(C, basis, values[0]!),
  };
}

function relativeResidual(c: SparseMatrix<number>, basis: SparseMatrix<number>, smax: number): number {
  let worst = 0;
  const y = new Float64Array(c.cols);
  for (let b = 0; b < basis.rows; b++) {
    let norm2 = 0;
    for (let k = basis.rowPtr[b]!; k < basis.rowPtr[b + 1]!; k++) {
      y[basis.colIdx[k]!] = basis.values[k]!;
      norm2 += basis.values[k]! ** 2;
    }
    let res2 = 0;
    for (let r = 0; r < c.rows; r++) {
      let s = 0;
      for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) s += c.values[k]! * y[c.colIdx[k]!]!;
      res2 += s * s;
    }
    for (let k = basis.rowPtr[b]!; k < basis.rowPtr[b + 1]!; k++) y[basis.colIdx[k]!] = 0;
    worst = Math.max(worst, Math.sqrt(res2 / norm2) / smax);
  }
  return worst;
}
