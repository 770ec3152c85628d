/**
 * Reduced row echelon form of a float basis: the same canonical form the exact path returns, so a
 * float answer and an exact answer for the same subspace can be compared entry by entry.
 *
 * Gauss–Jordan with partial pivoting within each column (the largest remaining entry becomes the
 * pivot, which keeps multipliers ≤ 1). The pivot column is the first column whose largest remaining
 * entry exceeds `pivotTol` relative to the basis' largest entry: below that the column is taken to
 * be exactly dependent and its remaining entries are zeroed, as exact RREF would have them.
 */
import { CsrBuilder, type SparseMatrix } from './sparse.js';
import { FloatField } from '../field/field.js';

export interface RrefFloatOptions {
  /** Relative magnitude below which a column has no pivot. Default 1e-9. */
  readonly pivotTol?: number;
  /** Entries below zeroTol × (row's largest entry) are set to exactly 0. Default 1e-14. */
  readonly zeroTol?: number;
}

/**
 * RREF of the span of `rows` dense rows of length `cols` (row-major `data`, modified in place).
 * Rows that have no pivot left are dropped (a numerically dependent input).
 *
 * @example
 * rrefFloat(Float64Array.of(0, 2, 4, 0, 1, 3), 2, 3) // 2×3: [[0,1,0],[0,0,1]]
 */
export function rrefFloat(
  data: Float64Array,
  rows: number,
  cols: number,
  options: RrefFloatOptions = {},
): SparseMatrix<number> {
  const pivotTol = options.pivotTol ?? 1e-9;
  const zeroTol = options.zeroTol ?? 1e-14;
  let scale = 0;
  for (const x of data) scale = Math.max(scale, Math.abs(x));
  const threshold = pivotTol * scale;
  const pivots: number[] = [];
  let k = 0;
  for (let j = 0; j < cols && k < rows; j++) {
    let best = k;
    let bestAbs = 0;
    for (let i = k; i < rows; i++) {
      const a = Math.abs(data[i * cols + j]!);
      if (a > bestAbs) {
        bestAbs = a;
        best = i;
      }
    }
    if (bestAbs <= threshold) {
      for (let i = k; i < rows; i++) data[i * cols + j] = 0;
      continue;
    }
    if (best !== k) {
      for (let c = j; c < cols; c++) {
        const t = data[k * cols + c]!;
        data[k * cols + c] = data[best * cols + c]!;
        data[best * cols + c] = t;
      }
    }
    const kb = k * cols;
    const inv = 1 / data[kb + j]!;
    for (let c = j + 1; c < cols; c++) data[kb + c] = data[kb + c]! * inv;
    data[kb + j] = 1;
    for (let i = 0; i < rows; i++) {
      if (i === k) continue;
      const ib = i * cols;
      const f = data[ib + j]!;
      if (f === 0) continue;
      for (let c = j + 1; c < cols; c++) data[ib + c] = data[ib + c]! - f * data[kb + c]!;
      data[ib + j] = 0;
    }
    pivots.push(j);
    k++;
  }
  const out = new CsrBuilder(FloatField, cols);
  for (let i = 0; i < pivots.length; i++) {
    const ib = i * cols;
    let rowMax = 0;
    for (let c = pivots[i]!; c < cols; c++) rowMax = Math.max(rowMax, Math.abs(data[ib + c]!));
    const cut = zeroTol * rowMax;
    for (let c = pivots[i]!; c < cols; c++) {
      const x = data[ib + c]!;
      if (Math.abs(x) >= cut) out.push(c, x);
    }
    out.endRow();
  }
  return out.build();
}
