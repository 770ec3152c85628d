/**
 * Reduced row echelon form over any exact `Field<T>`, by plain Gauss–Jordan on sparse rows. Slow
 * compared with the modular kernels for ℚ, but exact for every field (ℚ(i) in particular) and
 * used only on small matrices: a complex null space after realification, small inverses.
 */
import type { Field } from '../field/field.js';
import { CsrBuilder, type SparseMatrix } from './sparse.js';

function rowsOf<T>(m: SparseMatrix<T>): Map<number, T>[] {
  const rows: Map<number, T>[] = [];
  for (let r = 0; r < m.rows; r++) {
    const row = new Map<number, T>();
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) row.set(m.colIdx[k]!, m.values[k]!);
    rows.push(row);
  }
  return rows;
}

/**
 * The RREF of the row space of `m` (zero rows dropped): pivots 1, increasing, and the only
 * nonzero entry of their column.
 *
 * @example
 * rrefGeneric(GaussianField, m).rows // the rank of m over ℚ(i)
 */
export function rrefGeneric<T>(f: Field<T>, m: SparseMatrix<T>): SparseMatrix<T> {
  const rows = rowsOf(m).filter((r) => r.size > 0);
  const done: Map<number, T>[] = [];
  let pending = rows;
  for (let col = 0; col < m.cols && pending.length > 0; col++) {
    const at = pending.findIndex((r) => r.has(col));
    if (at < 0) continue;
    const pivot = pending[at]!;
    pending = pending.filter((_, i) => i !== at);
    const scale = f.inv(pivot.get(col)!);
    for (const [c, v] of pivot) pivot.set(c, f.mul(v, scale));
    for (const other of [...pending, ...done]) {
      const factor = other.get(col);
      if (factor === undefined) continue;
      for (const [c, v] of pivot) {
        const next = f.sub(other.get(c) ?? f.zero, f.mul(factor, v));
        if (f.isZero(next)) other.delete(c);
        else other.set(c, next);
      }
    }
    done.push(pivot);
    pending = pending.filter((r) => r.size > 0);
  }
  const out = new CsrBuilder(f, m.cols);
  for (const row of done) {
    for (const c of [...row.keys()].sort((a, b) => a - b)) out.push(c, row.get(c)!);
    out.endRow();
  }
  return out.build();
}

/**
 * Inverse of a small square matrix over any exact field ([M | I] reduced to [I | M⁻¹]).
 * Throws RangeError when singular.
 *
 * @example
 * invertGeneric(GaussianField, m) // m⁻¹ over ℚ(i)
 */
export function invertGeneric<T>(f: Field<T>, m: SparseMatrix<T>): SparseMatrix<T> {
  const n = m.rows;
  const aug = new CsrBuilder(f, 2 * n);
  for (let r = 0; r < n; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) aug.push(m.colIdx[k]!, m.values[k]!);
    aug.push(n + r, f.one);
    aug.endRow();
  }
  const reduced = rrefGeneric(f, aug.build());
  const out = new CsrBuilder(f, n);
  for (let r = 0; r < n; r++) {
    if (r >= reduced.rows || reduced.colIdx[reduced.rowPtr[r]!] !== r) throw new RangeError('singular matrix');
    for (let k = reduced.rowPtr[r]!; k < reduced.rowPtr[r + 1]!; k++) {
      const c = reduced.colIdx[k]!;
      if (c >= n) out.push(c - n, reduced.values[k]!);
      else if (c !== r) throw new RangeError('singular matrix');
    }
    out.endRow();
  }
  return out.build();
}

/**
 * `invertGeneric`, or null when the matrix is singular.
 *
 * @example
 * invertGenericOrNull(GaussianField, zeros(2, 2)) // null
 */
export function invertGenericOrNull<T>(f: Field<T>, m: SparseMatrix<T>): SparseMatrix<T> | null {
  try {
    return invertGeneric(f, m);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
