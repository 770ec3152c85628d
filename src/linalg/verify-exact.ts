/**
 * Exact checks of modular answers, in integers.
 *
 * Both checks are homogeneous, so each rational row can be scaled to integers first; then the sums
 * are done in doubles whenever a bound shows that every partial sum is a safe integer (the usual
 * case: entries are small), and in BigInt otherwise. Either way the answer is exact.
 */
import type { Rational } from '../field/rational.js';
import type { IntegerMatrix } from './modular.js';
import type { SparseMatrix } from './sparse.js';
import { gcd } from '../util/bigint.js';

/** Row r of a rational matrix times the lcm of its denominators. */
function scaledRow(m: SparseMatrix<Rational>, r: number, lcm: bigint): bigint[] {
  const out: bigint[] = [];
  for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
    const v = m.values[k]!;
    out.push(v.den === 1n ? v.num * lcm : v.num * (lcm / v.den));
  }
  return out;
}

function rowLcm(m: SparseMatrix<Rational>, r: number): bigint {
  let l = 1n;
  for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
    const d = m.values[k]!.den;
    if (d !== 1n) l = (l / gcd(l, d)) * d;
  }
  return l;
}

function maxAbsBig(values: readonly bigint[]): number {
  let best = 0;
  for (const v of values) best = Math.max(best, Math.abs(Number(v)));
  return best;
}

function maxRowLength(m: { rows: number; rowPtr: Int32Array }): number {
  let best = 0;
  for (let r = 0; r < m.rows; r++) best = Math.max(best, m.rowPtr[r + 1]! - m.rowPtr[r]!);
  return best;
}

/**
 * True iff C·x = 0 exactly for every row x of `basis` (C given as scaled integer rows).
 *
 * @example
 * isNullspaceOf(integerRows(C), basis) // exact check, no rounding anywhere
 */
export function isNullspaceOf(c: IntegerMatrix, basis: SparseMatrix<Rational>): boolean {
  const n = c.cols;
  const terms = maxRowLength(c);
  for (let b = 0; b < basis.rows; b++) {
    const lo = basis.rowPtr[b]!;
    const ints = scaledRow(basis, b, rowLcm(basis, b));
    const useDoubles = c.small !== null && c.maxAbs * maxAbsBig(ints) * terms < 2 ** 52;
    if (useDoubles) {
      const x = new Float64Array(n);
      ints.forEach((v, k) => (x[basis.colIdx[lo + k]!] = Number(v)));
      const cv = c.small!;
      for (let r = 0; r < c.rows; r++) {
        let s = 0;
        for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) s += cv[k]! * x[c.colIdx[k]!]!;
        if (s !== 0) return false;
      }
    } else {
      const x = new Array<bigint>(n).fill(0n);
      ints.forEach((v, k) => (x[basis.colIdx[lo + k]!] = v));
      for (let r = 0; r < c.rows; r++) {
        let s = 0n;
        for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) s += c.big[k]! * x[c.colIdx[k]!]!;
        if (s !== 0n) return false;
      }
    }
  }
  return true;
}

/**
 * True iff every row of M lies in the span of the RREF matrix R. Because R is in RREF, the only
 * possible coefficients are M's entries at R's pivot columns, so the check is one combination per
 * row: D·m = Σ_i m[pivot_i]·(D·R_i), with D the lcm of all of R's denominators.
 *
 * @example
 * spansRowsOf(rref, integerRows(M))
 */
export function spansRowsOf(rref: SparseMatrix<Rational>, m: IntegerMatrix): boolean {
  const n = m.cols;
  let d = 1n;
  for (const v of rref.values) if (v.den !== 1n) d = (d / gcd(d, v.den)) * v.den;
  const rInts = rref.values.map((v) => (v.den === 1n ? v.num * d : v.num * (d / v.den)));
  const rowOfPivot = new Int32Array(n).fill(-1);
  for (let i = 0; i < rref.rows; i++) rowOfPivot[rref.colIdx[rref.rowPtr[i]!]!] = i;
  const terms = maxRowLength(m);
  const bound = Math.max(m.maxAbs * maxAbsBig(rInts) * terms, m.maxAbs * Number(d));
  const useDoubles = m.small !== null && bound < 2 ** 52;
  const rSmall = useDoubles ? Float64Array.from(rInts, (v) => Number(v)) : null;
  const dSmall = Number(d);
  const accD = new Float64Array(n);
  const accB = useDoubles ? [] : new Array<bigint>(n).fill(0n);
  const touched: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    touched.length = 0;
    const lo = m.rowPtr[r]!;
    const hi = m.rowPtr[r + 1]!;
    for (let k = lo; k < hi; k++) {
      const i = rowOfPivot[m.colIdx[k]!]!;
      if (i < 0) continue;
      for (let t = rref.rowPtr[i]!; t < rref.rowPtr[i + 1]!; t++) {
        const j = rref.colIdx[t]!;
        touched.push(j);
        if (useDoubles) accD[j] = accD[j]! + m.small![k]! * rSmall![t]!;
        else accB[j] = accB[j]! + m.big[k]! * rInts[t]!;
      }
    }
    for (let k = lo; k < hi; k++) {
      const j = m.colIdx[k]!;
      touched.push(j);
      if (useDoubles) accD[j] = accD[j]! - m.small![k]! * dSmall;
      else accB[j] = accB[j]! - m.big[k]! * d;
    }
    let ok = true;
    for (const j of touched) {
      if (useDoubles ? accD[j] !== 0 : accB[j] !== 0n) ok = false;
      accD[j] = 0;
      if (!useDoubles) accB[j] = 0n;
    }
    if (!ok) return false;
  }
  return true;
}
