/**
 * Row echelon form modulo a prime, row by row, with sparse pivot rows and one dense accumulator.
 *
 * Why row by row: constraint matrices are tall (rows ≫ cols) and very sparse. Folding each row into
 * an echelon basis keeps memory at the echelon's fill (at most rank × cols), never rows × cols, and
 * once the rank reaches `cols` the remaining rows need not be read at all. How the pivot rows are
 * kept (echelon-only or fully reduced) adapts to the input; see {@link echelonModP}.
 *
 * What to do with the echelon form (null space, RREF) lives in rref-modp.ts.
 */
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { invMod, mulAddMod, residues, type IntegerMatrix } from './modular.js';
import { axpy, gather, mark, nextMarked } from './sparse-modp.js';

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

/** Tuning of {@link echelonModP}; the defaults are what the measurements favoured. */
export interface EchelonOptions {
  /** `adaptive` (default) switches between the two row forms by cost; the others pin one form. */
  readonly mode?: 'adaptive' | 'echelon' | 'reduced';
  /** Checked once per input row (`--timeout`). */
  readonly deadline?: Deadline;
  /**
   * An upper bound on the rank of the rows over ℚ (or over the number field the residues come
   * from), such as the number of unknowns minus a nullity known from the character formula. The
   * rank mod p never exceeds the rank over ℚ, so once it reaches the bound every later row is in
   * the span mod p too, and is not read. The result is the same echelon form as without it.
   */
  readonly rankBound?: number;
}

/** Mutable elimination state shared by the helpers below. */
interface State {
  readonly p: number;
  readonly invP: number;
  readonly pivotOf: Int32Array;
  readonly rowCols: Int32Array[];
  readonly rowVals: Float64Array[];
  readonly acc: Float64Array;
  /** One bit per column: which accumulator entries may be nonzero (see {@link nextMarked}). */
  readonly marks: Int32Array;
  /** Column → rows with an entry there; only maintained while rows are fully reduced. */
  occurrences: number[][];
  /** Multiply-adds done so far: the cost measure that drives the mode switches. */
  ops: number;
}

/**
 * Echelon form of the rows of `m` reduced mod `p` (a prime below 2^26).
 *
 * Two ways to keep the pivot rows, and the cheaper one depends on the phase of the elimination:
 * - echelon-only (leading entry 1): an incoming row is reduced left to right until its first
 *   non-pivot column, and inserting it costs nothing more. But a redundant row — and constraint
 *   matrices are mostly redundant rows (2187 rows for rank ≤ 729) — pays a long reduction chain.
 * - fully reduced (zero at every other pivot column): an incoming row needs one subtraction per
 *   entry it has at a pivot column, so redundant rows are cheap; but a new pivot must be eliminated
 *   from every row holding that column, which is expensive while the rank is still growing.
 * The adaptive mode switches to reduced (one back-substitution) once the work wasted on redundant
 * rows exceeds the size of the echelon form, and back to echelon-only (free: a reduced form is an
 * echelon form) once the insertion work exceeds it, so a switch is only made after work of the
 * order of its own cost has been spent in the worse mode. Measured (ms, one prime; echelon-only / always reduced / adaptive): random sparse 2187×729,
 * nullity 9: 374 / 1948 / 69; so(3) invariants of V^⊗8, 19683×6561: 226 / 847 / 91.
 *
 * @example
 * const e = echelonModP(integerRows(C), 67108859);
 * e.rank // rank of C mod p: never more than the rank over ℚ
 */
export function echelonModP(m: IntegerMatrix, p: number, options: EchelonOptions = {}): EchelonModP {
  const n = m.cols;
  const limit = Math.min(n, options.rankBound ?? n);
  // With a rank bound the rows read are mostly independent ones, and the redundant rows the
  // adaptive mode amortises a back-substitution over do not come: echelon-only is cheaper
  // (D(5) T(6)→T(6), one prime: 0.31 s against 0.85 s adaptive).
  const mode = options.mode ?? (limit < n ? 'echelon' : 'adaptive');
  const res = residues(m, p);
  const st: State = {
    p,
    invP: 1 / p,
    pivotOf: new Int32Array(n).fill(-1),
    rowCols: [],
    rowVals: [],
    acc: new Float64Array(n),
    marks: new Int32Array((n >> 5) + 1),
    occurrences: [],
    ops: 0,
  };
  let reduced = mode === 'reduced';
  if (reduced) st.occurrences = buildOccurrences(n, st.rowCols);
  let nnz = 0;
  let wasted = 0;
  let insertion = 0;
  const deadline = options.deadline ?? NO_DEADLINE;
  for (let r = 0; r < m.rows && st.rowCols.length < limit; r++) {
    deadline.tick();
    const lo = m.rowPtr[r]!;
    const end = m.rowPtr[r + 1]!;
    if (lo === end) continue;
    const before = st.ops;
    const row = reduced
      ? reduceAgainstReduced(st, m.colIdx, res, lo, end)
      : reduceEchelonRow(st, m.colIdx, res, lo, end);
    if (row === null) {
      wasted += st.ops - before;
      if (!reduced && mode === 'adaptive' && wasted > nnz + n) {
        nnz = backSubstitute(p, n, st.pivotOf, st.rowCols, st.rowVals);
        st.occurrences = buildOccurrences(n, st.rowCols);
        reduced = true;
        insertion = 0;
      }
      continue;
    }
    if (reduced) {
      const b = st.ops;
      nnz += eliminateColumn(st, row);
      insertion += st.ops - b;
      for (let t = 1; t < row[0].length; t++) st.occurrences[row[0][t]!]!.push(st.rowCols.length);
      if (mode === 'adaptive' && insertion > nnz + n) {
        reduced = false;
        st.occurrences = [];
        wasted = 0;
      }
    }
    st.pivotOf[row[0][0]!] = st.rowCols.length;
    st.rowCols.push(row[0]);
    st.rowVals.push(row[1]);
    nnz += row[0].length;
  }
  const { pivotOf, rowCols, rowVals } = st;
  return { p, cols: n, rank: rowCols.length, pivotOf, rowCols, rowVals, nnz };
}

/** Echelon-only: reduce left to right until the first non-pivot column; returns the normalised row. */
function reduceEchelonRow(
  st: State,
  colIdx: Int32Array,
  res: Float64Array,
  lo: number,
  end: number,
): [Int32Array, Float64Array] | null {
  const { p, invP, pivotOf, rowCols, rowVals, acc, marks } = st;
  for (let k = lo; k < end; k++) {
    acc[colIdx[k]!] = res[k]!;
    mark(marks, colIdx[k]!);
  }
  const first = colIdx[lo]!;
  let hi = colIdx[end - 1]!;
  for (let c = first; c >= 0; c = c < hi ? nextMarked(marks, c + 1, hi) : -1) {
    const a = acc[c]!;
    if (a === 0) continue;
    const pr = pivotOf[c]!;
    if (pr < 0) {
      for (let k = first >> 5; k < c >> 5; k++) marks[k] = 0;
      return gather(acc, marks, c, hi, invMod(a, p), p, invP);
    }
    const cols = rowCols[pr]!;
    const vals = rowVals[pr]!;
    const g = p - a;
    for (let t = 1; t < cols.length; t++) {
      const j = cols[t]!;
      acc[j] = mulAddMod(acc[j]!, g, vals[t]!, p, invP);
      mark(marks, j);
    }
    st.ops += cols.length;
    const last = cols[cols.length - 1]!;
    if (last > hi) hi = last;
    acc[c] = 0;
  }
  for (let k = first >> 5; k <= hi >> 5; k++) marks[k] = 0;
  return null;
}

/**
 * Fully reduced rows: each is zero at every other pivot column, so the coefficient of a pivot row
 * is the incoming row's own entry there, and the order of subtraction does not matter.
 */
function reduceAgainstReduced(
  st: State,
  colIdx: Int32Array,
  res: Float64Array,
  lo: number,
  end: number,
): [Int32Array, Float64Array] | null {
  const { p, invP, pivotOf, rowCols, rowVals, acc, marks } = st;
  let from = colIdx[lo]!;
  let to = colIdx[end - 1]!;
  for (let k = lo; k < end; k++) {
    acc[colIdx[k]!] = res[k]!;
    mark(marks, colIdx[k]!);
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
      acc[j] = mulAddMod(acc[j]!, g, vals[t]!, p, invP);
      mark(marks, j);
    }
    st.ops += cols.length;
    if (cols[cols.length - 1]! > to) to = cols[cols.length - 1]!;
    acc[c] = 0;
  }
  let lead = -1;
  for (let c = nextMarked(marks, from, to); c >= 0; c = c < to ? nextMarked(marks, c + 1, to) : -1) {
    if (acc[c] !== 0) {
      lead = c;
      break;
    }
  }
  if (lead < 0) {
    for (let k = from >> 5; k <= to >> 5; k++) marks[k] = 0;
    return null;
  }
  for (let k = from >> 5; k < lead >> 5; k++) marks[k] = 0;
  from = lead;
  return gather(acc, marks, from, to, invMod(acc[lead]!, p), p, invP);
}

/**
 * Keeps rows reduced: subtracts the new pivot row from every row with an entry at its pivot.
 * Returns the change in stored entries.
 */
function eliminateColumn(st: State, row: [Int32Array, Float64Array]): number {
  const { p, invP, rowCols, rowVals, occurrences } = st;
  const lead = row[0][0]!;
  let delta = 0;
  // Candidates come from the occurrence list, which may hold stale or repeated indices (entries
  // cancelled since), so each is confirmed by binary search.
  for (const i of occurrences[lead]!) {
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
    st.ops += cs.length + row[0].length;
    delta += merged[0].length - cs.length;
    rowCols[i] = merged[0];
    rowVals[i] = merged[1];
    for (let t = 1; t < row[0].length; t++) occurrences[row[0][t]!]!.push(i);
  }
  occurrences[lead] = [];
  return delta;
}

/** Column → indices of the rows with an entry there (pivot entries excluded). */
function buildOccurrences(n: number, rowCols: readonly Int32Array[]): number[][] {
  const occ: number[][] = Array.from({ length: n }, () => []);
  rowCols.forEach((cs, i) => {
    for (let t = 1; t < cs.length; t++) occ[cs[t]!]!.push(i);
  });
  return occ;
}

/**
 * Fully reduces echelon rows in place, from the last pivot up. A fully reduced row has entries only
 * at its pivot and at free columns, so subtracting it never re-creates an entry at another pivot
 * column and one pass per row suffices. Returns the number of stored entries afterwards.
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
): number {
  const invP = 1 / p;
  const acc = new Float64Array(n);
  const marks = new Int32Array((n >> 5) + 1);
  let nnz = 0;
  for (let c = n - 1; c >= 0; c--) {
    const pr = pivotOf[c]!;
    if (pr < 0) continue;
    const cs = rowCols[pr]!;
    const vs = rowVals[pr]!;
    let changed = false;
    for (let t = 1; t < cs.length && !changed; t++) changed = pivotOf[cs[t]!]! >= 0;
    if (!changed) {
      nnz += cs.length;
      continue;
    }
    let hi = cs[cs.length - 1]!;
    for (let t = 0; t < cs.length; t++) {
      acc[cs[t]!] = vs[t]!;
      mark(marks, cs[t]!);
    }
    for (let t = 1; t < cs.length; t++) {
      const j = cs[t]!;
      const ri = pivotOf[j]!;
      const a = acc[j]!;
      if (a === 0 || ri < 0) continue;
      const rc = rowCols[ri]!;
      const rv = rowVals[ri]!;
      const g = p - a;
      for (let u = 1; u < rc.length; u++) {
        acc[rc[u]!] = mulAddMod(acc[rc[u]!]!, g, rv[u]!, p, invP);
        mark(marks, rc[u]!);
      }
      if (rc[rc.length - 1]! > hi) hi = rc[rc.length - 1]!;
      acc[j] = 0;
    }
    const [oc, ov] = gather(acc, marks, c, hi, 1, p, invP);
    rowCols[pr] = oc;
    rowVals[pr] = ov;
    nnz += oc.length;
  }
  return nnz;
}
