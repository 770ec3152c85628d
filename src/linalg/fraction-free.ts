/**
 * Exact elimination over the integers: the slow, simple, always-correct path.
 *
 * Fraction-free row operations `row ← a·row − b·pivotRow` followed by division by the row's content
 * (gcd of its entries) keep every row primitive, which stops the coefficient growth that makes plain
 * rational Gauss–Jordan slow (DEPENDENCIES.md: 105-bit intermediates where every answer is ±1; a
 * sparse fraction-free pass was 3–5× faster than BigInt rationals). Used as the fallback when
 * modular reconstruction does not verify within its prime budget.
 */
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { rat, type Rational } from '../field/rational.js';
import type { IntegerMatrix } from './modular.js';
import type { SparseMatrix } from './sparse.js';
import { gcd } from '../util/bigint.js';

/** Sparse integer row: columns ascending, no zeros. */
interface IntRow {
  cols: number[];
  vals: bigint[];
}

/** Echelon (or reduced echelon) form over ℤ, one primitive row per pivot, positive pivot entry. */
export interface IntegerEchelon {
  readonly cols: number;
  /** Pivot columns ascending. */
  readonly pivots: readonly number[];
  /** Row with pivot `pivots[i]` (same index). */
  readonly rows: readonly { readonly cols: readonly number[]; readonly vals: readonly bigint[] }[];
}

/** a·x − b·y over the union of supports, then divided by the content; leading entry made > 0. */
function combine(a: bigint, x: IntRow, b: bigint, y: IntRow): IntRow {
  const cols: number[] = [];
  const vals: bigint[] = [];
  let i = 0;
  let j = 0;
  let g = 0n;
  while (i < x.cols.length || j < y.cols.length) {
    const cx = i < x.cols.length ? x.cols[i]! : Infinity;
    const cy = j < y.cols.length ? y.cols[j]! : Infinity;
    let v: bigint;
    let c: number;
    if (cx < cy) {
      c = cx;
      v = a * x.vals[i++]!;
    } else if (cy < cx) {
      c = cy;
      v = -b * y.vals[j++]!;
    } else {
      c = cx;
      v = a * x.vals[i++]! - b * y.vals[j++]!;
    }
    if (v !== 0n) {
      cols.push(c);
      vals.push(v);
      if (g !== 1n) g = gcd(g, v);
    }
  }
  normalize(vals, g);
  return { cols, vals };
}

function normalize(vals: bigint[], g: bigint): void {
  if (vals.length === 0) return;
  if (vals[0]! < 0n) g = -g;
  if (g !== 1n) for (let k = 0; k < vals.length; k++) vals[k] = vals[k]! / g;
}

/**
 * Echelon form over ℤ of the rows of `m` (leading entries at distinct columns).
 *
 * @example
 * echelonInteger(integerRows(C)).pivots.length // rank of C over ℚ
 */
export function echelonInteger(m: IntegerMatrix, deadline: Deadline = NO_DEADLINE): IntegerEchelon {
  const byPivot = new Map<number, IntRow>();
  for (let r = 0; r < m.rows && byPivot.size < m.cols; r++) {
    // Rows here can be slow (big integers): check the clock on every row.
    deadline.check();
    const lo = m.rowPtr[r]!;
    const hi = m.rowPtr[r + 1]!;
    let row: IntRow = { cols: Array.from(m.colIdx.subarray(lo, hi)), vals: m.big.slice(lo, hi) };
    let g = 0n;
    for (const v of row.vals) g = gcd(g, v);
    normalize(row.vals, g);
    while (row.cols.length > 0) {
      const p = byPivot.get(row.cols[0]!);
      if (!p) break;
      row = combine(p.vals[0]!, row, row.vals[0]!, p);
    }
    if (row.cols.length > 0) byPivot.set(row.cols[0]!, row);
  }
  const pivots = [...byPivot.keys()].sort((a, b) => a - b);
  return { cols: m.cols, pivots, rows: pivots.map((c) => byPivot.get(c)!) };
}

/**
 * Fully reduced form: every row is zero at the other rows' pivot columns (back-substitution from
 * the last pivot up; a reduced row has entries only at its pivot and free columns, so one sweep
 * per row suffices).
 *
 * @example
 * const r = reduceEchelon(echelonInteger(integerRows(C)));
 */
export function reduceEchelon(e: IntegerEchelon): IntegerEchelon {
  const isPivot = new Set(e.pivots);
  const reduced = new Map<number, IntRow>();
  for (let i = e.pivots.length - 1; i >= 0; i--) {
    const c = e.pivots[i]!;
    let row: IntRow = { cols: [...e.rows[i]!.cols], vals: [...e.rows[i]!.vals] };
    for (let k = 1; k < row.cols.length; ) {
      const j = row.cols[k]!;
      if (!isPivot.has(j)) {
        k++;
        continue;
      }
      const p = reduced.get(j)!;
      row = combine(p.vals[0]!, row, row.vals[k]!, p);
    }
    reduced.set(c, row);
  }
  return { cols: e.cols, pivots: e.pivots, rows: e.pivots.map((c) => reduced.get(c)!) };
}

/**
 * Rational RREF (pivot entries 1) from a fully reduced integer echelon form.
 *
 * @example
 * toRationalRref(reduceEchelon(echelonInteger(integerRows(M))))
 */
export function toRationalRref(e: IntegerEchelon): SparseMatrix<Rational> {
  const rowPtr = new Int32Array(e.rows.length + 1);
  const colIdx: number[] = [];
  const values: Rational[] = [];
  e.rows.forEach((row, i) => {
    const d = row.vals[0]!;
    row.cols.forEach((c, k) => {
      colIdx.push(c);
      values.push(rat(row.vals[k]!, d));
    });
    rowPtr[i + 1] = colIdx.length;
  });
  return Object.freeze({
    rows: e.rows.length,
    cols: e.cols,
    rowPtr,
    colIdx: Int32Array.from(colIdx),
    values: Object.freeze(values),
  });
}

/**
 * Null space in RREF from the fully reduced echelon form of the column-REVERSED matrix (the same
 * duality as nullspaceFromEchelon in echelon-modp.ts): for free column f, x_f = 1 and
 * x_c = −R_c[f]/d_c at each pivot c, where R_c has entries only at c and at free columns > c.
 *
 * @example
 * nullspaceFromReversed(reduceEchelon(echelonInteger(reverseColumns(integerRows(C)))))
 */
export function nullspaceFromReversed(e: IntegerEchelon): SparseMatrix<Rational> {
  const n = e.cols;
  const entries = new Map<number, { col: number; value: Rational }[]>();
  const isPivot = new Uint8Array(n);
  for (const c of e.pivots) isPivot[c] = 1;
  for (let f = 0; f < n; f++) if (!isPivot[f]) entries.set(f, [{ col: n - 1 - f, value: rat(1n) }]);
  e.rows.forEach((row, i) => {
    const c = e.pivots[i]!;
    const d = row.vals[0]!;
    for (let k = 1; k < row.cols.length; k++) {
      entries.get(row.cols[k]!)!.push({ col: n - 1 - c, value: rat(-row.vals[k]!, d) });
    }
  });
  const free = [...entries.keys()].sort((a, b) => b - a);
  const rowPtr = new Int32Array(free.length + 1);
  const colIdx: number[] = [];
  const values: Rational[] = [];
  free.forEach((f, i) => {
    for (const e2 of entries.get(f)!.sort((a, b) => a.col - b.col)) {
      colIdx.push(e2.col);
      values.push(e2.value);
    }
    rowPtr[i + 1] = colIdx.length;
  });
  return Object.freeze({
    rows: free.length,
    cols: n,
    rowPtr,
    colIdx: Int32Array.from(colIdx),
    values: Object.freeze(values),
  });
}
