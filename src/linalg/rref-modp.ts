/**
 * Canonical forms mod p from an echelon form: the reduced row echelon form of the row space, and the
 * null space — also in reduced row echelon form, which comes out for free when the columns were
 * eliminated in reverse order (see {@link nullspaceFromEchelon}; callers pass `reverseColumns(m)`).
 */
import { backSubstitute, type EchelonModP } from './echelon-modp.js';
import { mulAddMod } from './modular.js';

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
 * @example
 * const ns = nullspaceFromEchelon(echelonModP(reverseColumns(integerRows(C)), p));
 * ns.pivots // RREF pivot columns of the null space, ascending
 */
export function nullspaceFromEchelon(e: EchelonModP): RrefModP {
  const { p, cols: n, pivotOf, rowCols, rowVals } = e;
  const invP = 1 / p;
  const free: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (pivotOf[c]! < 0) free.push(c);
  const x = new Float64Array(n);
  const outCols: Int32Array[] = [];
  const outVals: Float64Array[] = [];
  const pivots = new Int32Array(free.length);
  for (let i = 0; i < free.length; i++) {
    const f = free[i]!;
    x[f] = 1;
    let count = 1;
    for (let c = f - 1; c >= 0; c--) {
      const pr = pivotOf[c]!;
      if (pr < 0) continue;
      const cs = rowCols[pr]!;
      const vs = rowVals[pr]!;
      let s = 0;
      for (let t = 1; t < cs.length; t++) {
        const xv = x[cs[t]!]!;
        if (xv !== 0) s = mulAddMod(s, vs[t]!, xv, p, invP);
      }
      if (s !== 0) {
        x[c] = p - s;
        count++;
      }
    }
    const oc = new Int32Array(count);
    const ov = new Float64Array(count);
    for (let c = f, t = 0; c >= 0; c--) {
      const v = x[c]!;
      if (v === 0) continue;
      oc[t] = n - 1 - c;
      ov[t++] = v;
      x[c] = 0;
    }
    pivots[i] = n - 1 - f;
    outCols.push(oc);
    outVals.push(ov);
  }
  return { p, cols: n, pivots, rowCols: outCols, rowVals: outVals };
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
