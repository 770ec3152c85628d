/**
 * Row echelon form modulo a prime, row by row, with sparse pivot rows and one dense accumulator.
 *
 * Why row by row: constraint matrices are tall (rows ≫ cols) and very sparse. Folding each row into
 * an echelon basis keeps memory at the echelon's fill (at most rank × cols), never rows × cols, and
 * once the rank reaches `cols` the remaining rows need not be read at all. Pivot rows start out
 * echelon-only (cheap to insert) and are fully reduced once rows stop raising the rank (cheap to
 * reduce against); see {@link echelonModP}.
 *
 * What to do with the echelon form (null space, RREF) lives in rref-modp.ts.
 */
import { invMod, mulAddMod, residues, type IntegerMatrix } from './modular.js';

/** An echelon form mod p: one sparse row per pivot, leading entry 1 at the pivot column. */
export interface EchelonModP {
  readonly p: number;
  readonly cols: number;
  readonly rank: number;
  /** Index into rowCols/rowVals of the row whose pivot is column c, or -1 (a free column). */
  readonly pivotOf: Int32Array;
  /** Columns ascending; entry 0 is the pivot, with value 1. */
  readonly rowCols: readonly Int32Array[];
  readonly rowVals: readonly Float64Array[];
  /** Stored entries of all pivot rows (fill-in measure). */
  readonly nnz: number;
}

/** Tuning of {@link echelonModP}. */
export interface EchelonOptions {
  /**
   * After this many consecutive rows that reduce to zero, fully reduce the pivot rows once and keep
   * them reduced. Default 8; Infinity disables the switch.
   */
  readonly switchAfter?: number;
}

/**
 * Echelon form of the rows of `m` reduced mod `p` (a prime below 2^26).
 *
 * Two phases. While rows keep raising the rank, pivot rows are only echelon: an incoming row is
 * reduced left to right and cheap to insert. Constraint matrices are highly redundant, though
 * (2187 rows for rank ≤ 729), and with echelon rows every redundant row pays a long reduction
 * chain. So after a run of redundant rows the pivot rows are fully reduced once (back-substitution)
 * and kept reduced: then an incoming row needs one subtraction per entry it has at a pivot column
 * and nothing else. Measured on random sparse 2187×729 (5 entries per row, nullity 9): 1.1 s
 * echelon-only, 0.15 s with the switch; so(3) Hom(T(3), T(3)) 2187×729: 22 ms → 10 ms.
 *
 * @example
 * const e = echelonModP(integerRows(C), 67108859);
 * e.rank // rank of C mod p: never more than the rank over ℚ
 */
export function echelonModP(m: IntegerMatrix, p: number, options: EchelonOptions = {}): EchelonModP {
  const n = m.cols;
  const invP = 1 / p;
  const res = residues(m, p);
  const switchAfter = options.switchAfter ?? 8;
  const pivotOf = new Int32Array(n).fill(-1);
  const rowCols: Int32Array[] = [];
  const rowVals: Float64Array[] = [];
  const acc = new Float64Array(n);
  const touched: number[] = [];
  let reduced = false;
  let redundantRun = 0;
  for (let r = 0; r < m.rows && rowCols.length < n; r++) {
    const lo = m.rowPtr[r]!;
    const end = m.rowPtr[r + 1]!;
    if (lo === end) continue;
    let row: [Int32Array, Float64Array] | null;
    if (!reduced) {
      row = reduceEchelonRow(m.colIdx, res, lo, end, pivotOf, rowCols, rowVals, acc, p, invP);
    } else {
      row = reduceAgainstReduced(m.colIdx, res, lo, end, pivotOf, rowCols, rowVals, acc, touched, p, invP);
    }
    if (row === null) {
      if (!reduced && ++redundantRun >= switchAfter) {
        backSubstitute(p, n, pivotOf, rowCols, rowVals);
        reduced = true;
      }
      continue;
    }
    redundantRun = 0;
    const lead = row[0][0]!;
    if (reduced) eliminateColumn(lead, row, rowCols, rowVals, p, invP);
    pivotOf[lead] = rowCols.length;
    rowCols.push(row[0]);
    rowVals.push(row[1]);
  }
  let nnz = 0;
  for (const cs of rowCols) nnz += cs.length;
  return { p, cols: n, rank: rowCols.length, pivotOf, rowCols, rowVals, nnz };
}

/** Phase 1: reduce left to right until the first non-pivot column; returns the normalised row. */
function reduceEchelonRow(
  colIdx: Int32Array,
  res: Float64Array,
  lo: number,
  end: number,
  pivotOf: Int32Array,
  rowCols: Int32Array[],
  rowVals: Float64Array[],
  acc: Float64Array,
  p: number,
  invP: number,
): [Int32Array, Float64Array] | null {
  for (let k = lo; k < end; k++) acc[colIdx[k]!] = res[k]!;
  let hi = colIdx[end - 1]!;
  let lead = -1;
  for (let c = colIdx[lo]!; c <= hi; c++) {
    const a = acc[c]!;
    if (a === 0) continue;
    const pr = pivotOf[c]!;
    if (pr < 0) {
      lead = c;
      break;
    }
    const cols = rowCols[pr]!;
    const vals = rowVals[pr]!;
    const g = p - a;
    for (let t = 1; t < cols.length; t++) {
      const j = cols[t]!;
      acc[j] = mulAddMod(acc[j]!, g, vals[t]!, p, invP);
    }
    const last = cols[cols.length - 1]!;
    if (last > hi) hi = last;
    acc[c] = 0;
  }
  if (lead < 0) return null;
  let count = 0;
  for (let c = lead; c <= hi; c++) if (acc[c] !== 0) count++;
  const cols = new Int32Array(count);
  const vals = new Float64Array(count);
  const s = invMod(acc[lead]!, p);
  for (let c = lead, t = 0; c <= hi; c++) {
    const a = acc[c]!;
    if (a === 0) continue;
    cols[t] = c;
    vals[t++] = mulAddMod(0, a, s, p, invP);
    acc[c] = 0;
  }
  return [cols, vals];
}

/**
 * Phase 2: pivot rows are fully reduced (zero at every other pivot column), so the coefficient of
 * each pivot row is the incoming row's own entry there, and order does not matter.
 */
function reduceAgainstReduced(
  colIdx: Int32Array,
  res: Float64Array,
  lo: number,
  end: number,
  pivotOf: Int32Array,
  rowCols: Int32Array[],
  rowVals: Float64Array[],
  acc: Float64Array,
  touched: number[],
  p: number,
  invP: number,
): [Int32Array, Float64Array] | null {
  touched.length = 0;
  for (let k = lo; k < end; k++) {
    acc[colIdx[k]!] = res[k]!;
    touched.push(colIdx[k]!);
  }
  for (let k = lo; k < end; k++) {
    const c = colIdx[k]!;
    const pr = pivotOf[c]!;
    if (pr < 0) continue;
    const cols = rowCols[pr]!;
    const vals = rowVals[pr]!;
    const g = p - acc[c]!;
    for (let t = 1; t < cols.length; t++) {
      const j = cols[t]!;
      if (acc[j] === 0) touched.push(j);
      acc[j] = mulAddMod(acc[j]!, g, vals[t]!, p, invP);
    }
    acc[c] = 0;
  }
  let any = false;
  for (const j of touched) if (acc[j] !== 0) any = true;
  if (!any) {
    for (const j of touched) acc[j] = 0;
    return null;
  }
  touched.sort((a, b) => a - b);
  let count = 0;
  for (let i = 0; i < touched.length; i++) {
    if (acc[touched[i]!] !== 0 && (i === 0 || touched[i] !== touched[i - 1])) count++;
  }
  const cols = new Int32Array(count);
  const vals = new Float64Array(count);
  let t = 0;
  let s = 0;
  for (let i = 0; i < touched.length; i++) {
    const j = touched[i]!;
    const a = acc[j]!;
    if (a === 0) continue;
    if (t === 0) s = invMod(a, p);
    cols[t] = j;
    vals[t++] = mulAddMod(0, a, s, p, invP);
    acc[j] = 0;
  }
  return [cols, vals];
}

/** Keeps phase-2 rows reduced: subtracts the new pivot row from every row with an entry at `lead`. */
function eliminateColumn(
  lead: number,
  row: [Int32Array, Float64Array],
  rowCols: Int32Array[],
  rowVals: Float64Array[],
  p: number,
  invP: number,
): void {
  for (let i = 0; i < rowCols.length; i++) {
    const cs = rowCols[i]!;
    let lo = 1;
    let hi = cs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid]! < lead) lo = mid + 1;
      else hi = mid - 1;
    }
    if (lo >= cs.length || cs[lo] !== lead) continue;
    const merged = axpy(cs, rowVals[i]!, p - rowVals[i]![lo]!, row[0], row[1], p, invP);
    rowCols[i] = merged[0];
    rowVals[i] = merged[1];
  }
}

/** x + g·y for sparse rows (columns ascending), dropping zeros. */
function axpy(
  xc: Int32Array,
  xv: Float64Array,
  g: number,
  yc: Int32Array,
  yv: Float64Array,
  p: number,
  invP: number,
): [Int32Array, Float64Array] {
  const oc = new Int32Array(xc.length + yc.length);
  const ov = new Float64Array(xc.length + yc.length);
  let i = 0;
  let j = 0;
  let t = 0;
  while (i < xc.length || j < yc.length) {
    const cx = i < xc.length ? xc[i]! : 0x7fffffff;
    const cy = j < yc.length ? yc[j]! : 0x7fffffff;
    let c: number;
    let v: number;
    if (cx < cy) {
      c = cx;
      v = xv[i++]!;
    } else if (cy < cx) {
      c = cy;
      v = mulAddMod(0, g, yv[j++]!, p, invP);
    } else {
      c = cx;
      v = mulAddMod(xv[i++]!, g, yv[j++]!, p, invP);
    }
    if (v !== 0) {
      oc[t] = c;
      ov[t++] = v;
    }
  }
  return [oc.slice(0, t), ov.slice(0, t)];
}

/**
 * Fully reduces echelon rows in place, from the last pivot up. A fully reduced row has entries only
 * at its pivot and at free columns, so subtracting it never re-creates an entry at another pivot
 * column and one pass per row suffices.
 *
 * @example
 * const rows = [...e.rowCols], vals = [...e.rowVals];
 * backSubstitute(e.p, e.cols, e.pivotOf, rows, vals); // rows now zero at other pivot columns
 */
export function backSubstitute(
  p: number,
  n: number,
  pivotOf: Int32Array,
  rowCols: Int32Array[],
  rowVals: Float64Array[],
): void {
  const invP = 1 / p;
  const acc = new Float64Array(n);
  for (let c = n - 1; c >= 0; c--) {
    const pr = pivotOf[c]!;
    if (pr < 0) continue;
    const cs = rowCols[pr]!;
    const vs = rowVals[pr]!;
    let hi = cs[cs.length - 1]!;
    for (let t = 0; t < cs.length; t++) acc[cs[t]!] = vs[t]!;
    let changed = false;
    for (let t = 1; t < cs.length; t++) {
      const j = cs[t]!;
      const ri = pivotOf[j]!;
      const a = acc[j]!;
      if (a === 0 || ri < 0) continue;
      const rc = rowCols[ri]!;
      const rv = rowVals[ri]!;
      const g = p - a;
      for (let u = 1; u < rc.length; u++) acc[rc[u]!] = mulAddMod(acc[rc[u]!]!, g, rv[u]!, p, invP);
      if (rc[rc.length - 1]! > hi) hi = rc[rc.length - 1]!;
      acc[j] = 0;
      changed = true;
    }
    if (!changed) {
      for (let t = 0; t < cs.length; t++) acc[cs[t]!] = 0;
      continue;
    }
    let count = 0;
    for (let k = c; k <= hi; k++) if (acc[k] !== 0) count++;
    const oc = new Int32Array(count);
    const ov = new Float64Array(count);
    for (let k = c, t = 0; k <= hi; k++) {
      if (acc[k] === 0) continue;
      oc[t] = k;
      ov[t++] = acc[k]!;
      acc[k] = 0;
    }
    rowCols[pr] = oc;
    rowVals[pr] = ov;
  }
}
