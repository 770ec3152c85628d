/**
 * Canonical forms mod p from an echelon form: the reduced row echelon form of the row space, and the
 * null space — also in reduced row echelon form, which comes out for free when the columns were
 * eliminated in reverse order (see {@link nullspaceFromEchelon}; callers pass `reverseColumns(m)`).
 */
import { backSubstitute, type EchelonModP } from './echelon-modp.js';

/** Sparse rows mod p in reduced row echelon form, pivots ascending. */
export interface RrefModP {
  readonly p: number;
  readonly cols: number;
  readonly pivots: Int32Array;
  readonly rowCols: readonly Int32Array[];
  readonly rowVals: readonly Float64Array[];
}

/**
 * The null space of an echelon form of the column-REVERSED matrix, returned in the original column
 * order and in reduced row echelon form.
 *
 * Why this is RREF without further work: in reversed coordinates each pivot row has entries only
 * at columns ≥ its pivot, so back-substitution from free column f (x_f = 1, other free x = 0)
 * gives x_c = 0 for every c > f. Mapped back, the vector is 0 before column n−1−f, 1 there, and 0
 * at every other free column — exactly an RREF row whose pivot is that free column. (Dually: RREF
 * pivots of the null space are the complement of the lexicographically last column basis of C.)
 *
 * How: the pivot rows are first fully reduced (zero at every other pivot column; free when the
 * elimination already left them so), and then the null vector of free column f is read off
 * column f of the rows: x_c = −R[c][f]. That costs the size of the reduced rows, where a separate
 * back-substitution per free column cost nullity × size (on C(6) T(5)→T(5), nullity 342, it was
 * most of the solve).
 *
 * @example
 * const ns = nullspaceFromEchelon(echelonModP(reverseColumns(integerRows(C)), p));
 * ns.pivots // RREF pivot columns of the null space, ascending
 */
export function nullspaceFromEchelon(e: EchelonModP): RrefModP {
  const { p, cols: n, pivotOf } = e;
  const rowCols = [...e.rowCols];
  const rowVals = [...e.rowVals];
  backSubstitute(p, n, pivotOf, rowCols, rowVals);
  // Null vector of free column f, in reversed coordinates: 1 at f, −R[c][f] at pivot c < f.
  const slot = new Int32Array(n).fill(-1);
  const free: number[] = [];
  for (let c = n - 1; c >= 0; c--) {
    if (pivotOf[c]! < 0) {
      slot[c] = free.length;
      free.push(c);
    }
  }
  const counts = new Int32Array(free.length).fill(1);
  for (let c = 0; c < n; c++) {
    const pr = pivotOf[c]!;
    if (pr < 0) continue;
    const cs = rowCols[pr]!;
    for (let t = 1; t < cs.length; t++) counts[slot[cs[t]!]!]!++;
  }
  const outCols = Array.from(counts, (k) => new Int32Array(k));
  const outVals = Array.from(counts, (k) => new Float64Array(k));
  const fill = new Int32Array(free.length);
  // Original column n−1−c ascends as c descends: visit pivot rows from the last one up.
  for (let c = n - 1; c >= 0; c--) {
    const pr = pivotOf[c]!;
    if (pr < 0) {
      // Its pivot: the pivot rows with an entry at f all have c < f, so they come later.
      const i = slot[c]!;
      outCols[i]![0] = n - 1 - c;
      outVals[i]![0] = 1;
      fill[i] = 1;
      continue;
    }
    const cs = rowCols[pr]!;
    const vs = rowVals[pr]!;
    for (let t = 1; t < cs.length; t++) {
      const i = slot[cs[t]!]!;
      outCols[i]![fill[i]!] = n - 1 - c;
      outVals[i]![fill[i]!++] = p - vs[t]!;
    }
  }
  return { p, cols: n, pivots: Int32Array.from(free, (f) => n - 1 - f), rowCols: outCols, rowVals: outVals };
}

/**
 * Reduced row echelon form from an echelon form (same column order), rows sorted by pivot.
 *
 * @example
 * rrefFromEchelon(echelonModP(integerRows(M), p)).pivots
 */
export function rrefFromEchelon(e: EchelonModP): RrefModP {
  const rowCols = [...e.rowCols];
  const rowVals = [...e.rowVals];
  backSubstitute(e.p, e.cols, e.pivotOf, rowCols, rowVals);
  const pivots: number[] = [];
  for (let c = 0; c < e.cols; c++) if (e.pivotOf[c]! >= 0) pivots.push(c);
  return {
    p: e.p,
    cols: e.cols,
    pivots: Int32Array.from(pivots),
    rowCols: pivots.map((c) => rowCols[e.pivotOf[c]!]!),
    rowVals: pivots.map((c) => rowVals[e.pivotOf[c]!]!),
  };
}
