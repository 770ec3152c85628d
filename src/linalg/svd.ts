/**
 * Float null spaces by row compression and SVD, with a relative rank tolerance.
 *
 * Why compress first: the SVD in ml-matrix is accurate but slow (DEPENDENCIES.md: 2187×729 took
 * 11 s; 729×729 about 4 s here), and its cost grows with the row count. Constraint matrices are
 * tall, so the rows are first folded into an n×n upper-triangular R with Givens rotations
 * (C = QR, Q orthogonal, never formed). R has the same singular values and right singular vectors
 * as C, and orthogonal transformations are backward stable, so nothing is lost — unlike the Gram
 * matrix CᵀC, which squares the condition number (Golub & Van Loan, Matrix Computations, §5.3.7 on
 * normal equations; §5.1.8 on Givens QR). Givens rather than Householder because the rows are
 * sparse: a rotation is skipped wherever the incoming row is already zero.
 */
import { createRequire } from 'node:module';
import type * as MlMatrix from 'ml-matrix';
import type { SparseMatrix } from './sparse.js';

/**
 * ml-matrix is loaded on first use: exact and orbit solves (most CLI calls) never need it, and
 * importing it costs start-up time (DEPENDENCIES.md).
 */
function mlMatrix(): typeof MlMatrix {
  return createRequire(import.meta.url)('ml-matrix') as typeof MlMatrix;
}

/**
 * The n×n upper-triangular factor R (row-major, dense) of a QR factorisation of C, built by
 * rotating each row of C into R. RᵀR = CᵀC up to rounding; zero rows of R stand for missing rank.
 *
 * @example
 * const r = givensR(C); // Float64Array of length C.cols²
 */
export function givensR(c: SparseMatrix<number>): Float64Array {
  const n = c.cols;
  const r = new Float64Array(n * n);
  const w = new Float64Array(n);
  for (let row = 0; row < c.rows; row++) {
    const lo = c.rowPtr[row]!;
    const hi = c.rowPtr[row + 1]!;
    if (lo === hi) continue;
    for (let k = lo; k < hi; k++) w[c.colIdx[k]!] = c.values[k]!;
    let last = c.colIdx[hi - 1]!;
    for (let j = c.colIdx[lo]!; j < n; j++) {
      const b = w[j]!;
      if (b === 0) {
        if (j >= last) break;
        continue;
      }
      const base = j * n;
      const a = r[base + j]!;
      if (a === 0) {
        // Empty row of R: the incoming row becomes it (R rows are empty until first written).
        for (let k = j; k < n; k++) {
          r[base + k] = w[k]!;
          w[k] = 0;
        }
        break;
      }
      const h = Math.hypot(a, b);
      const cs = a / h;
      const sn = b / h;
      r[base + j] = h;
      w[j] = 0;
      for (let k = j + 1; k < n; k++) {
        const x = r[base + k]!;
        const y = w[k]!;
        r[base + k] = cs * x + sn * y;
        w[k] = cs * y - sn * x;
      }
      last = n - 1;
    }
    w.fill(0);
  }
  return r;
}

/** Singular values (descending) and right singular vectors of an n×n row-major matrix. */
export interface RightSvd {
  readonly values: Float64Array;
  /** n×n, column k is the right singular vector of values[k]; row-major. */
  readonly v: Float64Array;
}

/**
 * SVD of a square row-major matrix via ml-matrix, keeping only what a null space needs.
 *
 * @example
 * const { values, v } = rightSvd(givensR(C), C.cols);
 */
export function rightSvd(a: Float64Array, n: number): RightSvd {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(a.subarray(i * n, (i + 1) * n)));
  const { Matrix, SingularValueDecomposition } = mlMatrix();
  const svd = new SingularValueDecomposition(new Matrix(rows), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: true,
    autoTranspose: false,
  });
  const values = Float64Array.from(svd.diagonal);
  const vm = svd.rightSingularVectors;
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) v[i * n + k] = vm.get(i, k);
  // JAMA-style SVD sorts descending; keep that an explicit guarantee by sorting a permutation.
  const order = Array.from(values.keys()).sort((x, y) => values[y]! - values[x]!);
  if (order.every((o, i) => o === i)) return { values, v };
  const sv = Float64Array.from(order, (o) => values[o]!);
  const sv2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) sv2[i * n + k] = v[i * n + order[k]!]!;
  return { values: sv, v: sv2 };
}

/** The rank decision and the evidence for it. */
export interface RankDecision {
  readonly rank: number;
  /** Smallest singular value counted in the rank (Infinity when the rank is 0). */
  readonly smallestKept: number;
  /** Largest singular value dropped (0 when the rank is full). */
  readonly largestDropped: number;
  /** smallestKept / largestDropped; Infinity when nothing, or exactly zero, was dropped. */
  readonly gap: number;
  /** Absolute threshold used: rtol · σ_max. */
  readonly tolerance: number;
}

/**
 * The default relative tolerance: 10 · max(m, n) · ε. The max(m, n)·ε part is the LAPACK/numpy
 * `matrix_rank` convention (the rounding error of an orthogonal reduction grows with the
 * dimension); the factor 10 covers the accumulated Givens rotations before the SVD.
 *
 * @example
 * defaultRtol(2187, 729) // ≈ 4.9e-12
 */
export function defaultRtol(m: number, n: number): number {
  return 10 * Math.max(m, n) * Number.EPSILON;
}

/**
 * Numerical rank: the count of singular values above `rtol · σ_max` (values sorted descending).
 *
 * @example
 * decideRank(Float64Array.of(3, 1, 1e-17), 1e-12).rank // 2
 */
export function decideRank(values: Float64Array, rtol: number, scale = 0): RankDecision {
  const smax = Math.max(values.length > 0 ? values[0]! : 0, scale);
  const tolerance = rtol * smax;
  let rank = 0;
  while (rank < values.length && values[rank]! > tolerance) rank++;
  const smallestKept = rank > 0 ? values[rank - 1]! : Infinity;
  const largestDropped = rank < values.length ? Math.max(0, values[rank]!) : 0;
  const gap = largestDropped === 0 ? Infinity : smallestKept / largestDropped;
  return { rank, smallestKept, largestDropped, gap, tolerance };
}
