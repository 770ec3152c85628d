/**
 * Arithmetic modulo word-sized primes, and integer sparse matrices to feed it.
 *
 * Why Numbers and not BigInt: with p < 2^26 every product of two residues is below 2^52, so it is
 * an exact double, and the remainder can be taken with `x - Math.floor(x * invP) * p` instead of
 * `%`. DEPENDENCIES.md measured ~9 ns per multiply this way against ~80 ns for BigInt: this is what
 * makes modular elimination ~10× faster than exact rational elimination. The floor of a rounded
 * quotient may be off by one, hence the single correction step in {@link mulAddMod}.
 */
import type { Rational } from '../field/rational.js';
import type { SparseMatrix } from './sparse.js';
import { gcd } from '../util/bigint.js';

/** Upper bound for the primes used: products of two residues stay exact in a double. */
export const PRIME_LIMIT = 2 ** 26;

/**
 * Deterministic Miller–Rabin for n < 2^26 (bases 2, 3, 5, 7 suffice below 3.2·10⁹), with the
 * double-precision modular product of {@link mulAddMod}: finding primes near 2^26 by trial division
 * cost ~4,000 divisions per candidate, a visible part of small number-field solves.
 */
function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (const q of [2, 3, 5, 7]) if (n % q === 0) return n === q;
  if (n < 121) return true;
  const invN = 1 / n;
  let d = n - 1;
  let s = 0;
  while (d % 2 === 0) {
    d /= 2;
    s++;
  }
  for (const a of [2, 3, 5, 7]) {
    let x = 1;
    let base = a;
    for (let e = d; e > 0; e = Math.floor(e / 2)) {
      if (e % 2 === 1) x = mulAddMod(0, x, base, n, invN);
      base = mulAddMod(0, base, base, n, invN);
    }
    if (x === 1 || x === n - 1) continue;
    let composite = true;
    for (let r = 1; r < s && composite; r++) {
      x = mulAddMod(0, x, x, n, invN);
      if (x === n - 1) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

/**
 * The first `count` primes below `limit`, largest first. Deterministic (trial division), so every
 * run tries the same primes in the same order.
 *
 * @example
 * primesBelow(2 ** 26, 2) // [67108859, 67108837]
 */
export function primesBelow(limit: number, count: number): number[] {
  const out: number[] = [];
  for (let n = limit - 1; out.length < count && n >= 2; n--) if (isPrime(n)) out.push(n);
  return out;
}

/**
 * The first `count` primes p < `limit` with p ≡ 1 (mod n), largest first (deterministic). Modulo
 * such a prime GF(p) holds the n-th roots of unity, so every subfield of ℚ(ζ_n) splits completely:
 * each of its embeddings has an image in GF(p) (linalg/nullspace-algebraic.ts).
 *
 * @example
 * primesCongruentOne(12, 1) // [67108837]: the largest prime below 2^26 that is 1 mod 12
 */
export function primesCongruentOne(n: number, count: number, limit = PRIME_LIMIT): number[] {
  const out: number[] = [];
  for (let q = Math.floor((limit - 2) / n) * n + 1; out.length < count && q > n; q -= n) if (isPrime(q)) out.push(q);
  return out;
}

/**
 * `(a + b·c) mod p` for residues `a, b, c` in `[0, p)`, `p < 2^26`.
 *
 * @example
 * mulAddMod(1, 2, 3, 5, 1 / 5) // 2
 */
export function mulAddMod(a: number, b: number, c: number, p: number, invP: number): number {
  const x = a + b * c;
  let r = x - Math.floor(x * invP) * p;
  if (r < 0) r += p;
  else if (r >= p) r -= p;
  return r;
}

/**
 * Inverse of `a` modulo `p` by the extended Euclidean algorithm; throws RangeError when `a ≡ 0`.
 *
 * @example
 * invMod(3, 7) // 5
 */
export function invMod(a: number, p: number): number {
  let r0 = p;
  let r1 = a % p;
  if (r1 < 0) r1 += p;
  if (r1 === 0) throw new RangeError('inverse of zero mod p');
  let t0 = 0;
  let t1 = 1;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t0 < 0 ? t0 + p : t0;
}

/**
 * A sparse matrix of integers: each row of a rational matrix multiplied by the lcm of its
 * denominators and divided by the gcd of its numerators (a row's span is all that matters for
 * null spaces and row spaces). Entries are kept as doubles when every one is a safe integer —
 * the common case, so reductions mod p need no BigInt — and always as bigints.
 */
export interface IntegerMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly big: readonly bigint[];
  /** The same entries as doubles when all are safe integers, else null. */
  readonly small: Float64Array | null;
  /** Largest absolute entry (rounded to a double). */
  readonly maxAbs: number;
}

/**
 * Scales each row of a rational matrix to primitive integers (zero rows stay empty).
 *
 * @example
 * integerRows(fromDense(RationalField, [[rat(1n, 2n), rat(1n, 3n)]])).big // [3n, 2n]
 */
export function integerRows(m: SparseMatrix<Rational>): IntegerMatrix {
  const big: bigint[] = new Array<bigint>(m.values.length);
  let maxAbs = 0;
  for (let r = 0; r < m.rows; r++) {
    const lo = m.rowPtr[r]!;
    const hi = m.rowPtr[r + 1]!;
    let l = 1n;
    for (let k = lo; k < hi; k++) {
      const d = m.values[k]!.den;
      if (d !== 1n) l = (l / gcd(l, d)) * d;
    }
    let g = 0n;
    for (let k = lo; k < hi; k++) {
      const v = m.values[k]!;
      big[k] = v.den === 1n ? v.num * l : v.num * (l / v.den);
      g = gcd(g, big[k]!);
    }
    for (let k = lo; k < hi; k++) {
      if (g > 1n) big[k] = big[k]! / g;
      const a = Math.abs(Number(big[k]!));
      if (a > maxAbs) maxAbs = a;
    }
  }
  const safe = maxAbs <= Number.MAX_SAFE_INTEGER;
  const small = safe ? Float64Array.from(big, (b) => Number(b)) : null;
  return Object.freeze({ rows: m.rows, cols: m.cols, rowPtr: m.rowPtr, colIdx: m.colIdx, big, small, maxAbs });
}

/**
 * The same rows with column j renamed `cols − 1 − j` (entries re-sorted ascending). Eliminating
 * the reversed matrix makes the null space come out directly in reduced row echelon form; see
 * echelon-modp.ts.
 */
export function reverseColumns(m: IntegerMatrix): IntegerMatrix {
  const n = m.colIdx.length;
  const colIdx = new Int32Array(n);
  const big = new Array<bigint>(n);
  const small = m.small ? new Float64Array(n) : null;
  for (let r = 0; r < m.rows; r++) {
    const lo = m.rowPtr[r]!;
    const hi = m.rowPtr[r + 1]!;
    for (let k = lo; k < hi; k++) {
      const dst = lo + hi - 1 - k;
      colIdx[dst] = m.cols - 1 - m.colIdx[k]!;
      big[dst] = m.big[k]!;
      if (small) small[dst] = m.small![k]!;
    }
  }
  return Object.freeze({ ...m, colIdx, big, small });
}

/**
 * Entries reduced into `[0, p)`, aligned with `m.colIdx`.
 *
 * @example
 * residues(integerRows(fromDense(RationalField, [[rat(-1n)]])), 7) // Float64Array [6]
 */
export function residues(m: IntegerMatrix, p: number): Float64Array {
  const out = new Float64Array(m.colIdx.length);
  if (m.small) {
    for (let k = 0; k < out.length; k++) {
      let r = m.small[k]! % p;
      if (r < 0) r += p;
      out[k] = r;
    }
  } else {
    const P = BigInt(p);
    for (let k = 0; k < out.length; k++) {
      let r = m.big[k]! % P;
      if (r < 0n) r += P;
      out[k] = Number(r);
    }
  }
  return out;
}
