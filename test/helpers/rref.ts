/**
 * Reduced row echelon form over ℚ: the canonical form of a row space. Every basis this project
 * returns is put in this form, so the same subspace always gives the same arrays whatever produced
 * it (orbit sums, modular elimination, fraction-free elimination, float SVD).
 */
import type { Field } from '../../src/field/field.js';
import type { Rational } from '../../src/field/rational.js';
import { echelonModP } from '../../src/linalg/echelon-modp.js';
import { rrefFromEchelon } from '../../src/linalg/rref-modp.js';
import { echelonInteger, reduceEchelon, toRationalRref } from '../../src/linalg/fraction-free.js';
import { integerRows } from '../../src/linalg/modular.js';
import { solveModular, type ModularStats } from '../../src/linalg/multimodular.js';
import { zeros, type SparseMatrix } from '../../src/linalg/sparse.js';
import { spansRowsOf } from '../../src/linalg/verify-exact.js';

export interface RrefExactOptions {
  /**
   * Primes tried before falling back to fraction-free elimination. Default 16: answers with
   * numerators and denominators up to ~2^200. More primes cost time linear in their number, while
   * the fallback's cost grows with the intermediate (not the final) coefficients and can be far
   * larger: 138 s against 0.1 s modular on random sparse 2187×729.
   */
  readonly maxPrimes?: number;
  /** `modular` (default: verified multi-modular, falling back) or `fraction-free` only. */
  readonly method?: 'modular' | 'fraction-free';
}

export interface RrefExactResult {
  readonly rref: SparseMatrix<Rational>;
  readonly method: 'modular' | 'fraction-free';
  readonly modular?: ModularStats;
}

/**
 * The reduced row echelon form of the span of `rows`, zero rows dropped: pivots are 1 and strictly
 * increase, and every other row is 0 in each pivot column. Unique for a subspace.
 *
 * @example
 * const r = rrefExact(fromDense(RationalField, [[rat(2n), rat(4n)], [rat(1n), rat(2n)]]));
 * toDense(RationalField, r) // [[1, 2]]
 */
export function rrefExact(rows: SparseMatrix<Rational>, options: RrefExactOptions = {}): SparseMatrix<Rational> {
  return rrefExactDetailed(rows, options).rref;
}

/**
 * {@link rrefExact} with the method that produced the answer.
 *
 * Modular route: RREF mod p of the scaled integer rows, Wang reconstruction (CRT over more primes as
 * needed), then the exact proof: every input row is in the candidate's span, and the candidate has
 * rank-mod-p rows, which is at most the rank over ℚ — so the spans are equal.
 *
 * @example
 * rrefExactDetailed(M).method // 'modular'
 */
export function rrefExactDetailed(rows: SparseMatrix<Rational>, options: RrefExactOptions = {}): RrefExactResult {
  const ints = integerRows(rows);
  if (ints.colIdx.length === 0) return { rref: zeros<Rational>(0, rows.cols), method: 'modular' };
  if (options.method !== 'fraction-free') {
    const out = solveModular(
      {
        image: (p) => rrefFromEchelon(echelonModP(ints, p)),
        rank: (im) => im.pivots.length,
        verify: (cand) => spansRowsOf(cand, ints),
      },
      options.maxPrimes ?? 16,
    );
    if (out.result) return { rref: out.result, method: 'modular', modular: out.stats };
  }
  return { rref: toRationalRref(reduceEchelon(echelonInteger(ints))), method: 'fraction-free' };
}

/**
 * Whether `m` is in reduced row echelon form (no zero rows; each row's first entry is 1; pivots
 * strictly increase; no other row has an entry in a pivot column).
 *
 * @example
 * isRref(RationalField, identity(RationalField, 3)) // true
 */
export function isRref<T>(field: Field<T>, m: SparseMatrix<T>): boolean {
  const pivotCols = new Set<number>();
  let last = -1;
  for (let r = 0; r < m.rows; r++) {
    const lo = m.rowPtr[r]!;
    if (lo === m.rowPtr[r + 1]!) return false;
    const c = m.colIdx[lo]!;
    if (c <= last || !field.eq(m.values[lo]!, field.one)) return false;
    last = c;
    pivotCols.add(c);
  }
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]! + 1; k < m.rowPtr[r + 1]!; k++) {
      if (pivotCols.has(m.colIdx[k]!) || field.isZero(m.values[k]!)) return false;
    }
  }
  return true;
}
