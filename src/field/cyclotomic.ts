/**
 * Exact numbers in cyclotomic fields ℚ(ζ_N), ζ_N = e^{2πi/N}. Every entry solve-basis accepts as
 * exact — rationals, √q, cos(2πa/b), sin(2πa/b) and their arithmetic — lives in one: cos(πa/b) =
 * (ζ^a + ζ^{−a})/2 with ζ = ζ_{2b}, and √p is a Gauss sum (Kronecker–Weber in its easy direction).
 * So expressions are evaluated here first; group/subfield.ts then finds the (usually much smaller) field
 * they generate, and the solver works there.
 *
 * This module is for parse time — a few hundred operations on small conductors — not for inner
 * loops: elements carry their conductor and its cyclotomic polynomial, and operations on elements
 * of different conductors lift both to the lcm.
 */
import * as P from './qpoly.js';
import type { QPoly } from './qpoly.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import { isqrt } from '../util/bigint.js';

/**
 * Largest conductor N accepted: an element is a vector of φ(N) ≤ N coefficients and a product
 * costs φ(N)² BigInt operations, so beyond this an entry is not handled exactly (the caller falls
 * back to float64 and says so).
 */
export const MAX_CONDUCTOR = 720;

/** An element of ℚ(ζ_n) over the power basis 1, ζ, …, ζ^{φ(n)−1}, reduced modulo Φ_n. */
export interface Cyclotomic {
  readonly n: number;
  /** Φ_n, monic, coefficients low → high. */
  readonly phi: readonly bigint[];
  readonly v: QPoly;
}

/** Why an expression cannot be represented here (too large a conductor, a huge prime under √). */
export class NotCyclotomic extends Error {}

export function gcdInt(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function lcmInt(a: number, b: number): number {
  return (a / gcdInt(a, b)) * b;
}

function mobius(n: number): number {
  let m = 1;
  for (let p = 2; p * p <= n; p++) {
    if (n % p !== 0) continue;
    n /= p;
    if (n % p === 0) return 0;
    m = -m;
  }
  return n > 1 ? -m : m;
}

/**
 * Φ_n = ∏_{d | n} (x^d − 1)^{μ(n/d)}, computed with exact shift-and-subtract products and
 * synthetic divisions by x^d − 1.
 *
 * @example
 * cyclotomicPolynomial(12) // [1n, 0n, -1n, 0n, 1n]: x⁴ − x² + 1
 */
export function cyclotomicPolynomial(n: number): bigint[] {
  let p: bigint[] = [1n];
  const divisors: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) divisors.push(d);
  // Multiply first (so every division below is exact), then divide.
  for (const d of divisors) {
    if (mobius(n / d) !== 1) continue;
    const q = new Array<bigint>(p.length + d).fill(0n);
    p.forEach((c, i) => {
      q[i + d] = q[i + d]! + c;
      q[i] = q[i]! - c;
    });
    p = q;
  }
  for (const d of divisors) {
    if (mobius(n / d) !== -1) continue;
    // p / (x^d − 1): from the top, q_k = p_{k+d} + q_{k+d}.
    const q = new Array<bigint>(p.length - d).fill(0n);
    for (let k = q.length - 1; k >= 0; k--) q[k] = p[k + d]! + (k + d < q.length ? q[k + d]! : 0n);
    p = q;
  }
  return p;
}

function make(n: number, phi: readonly bigint[], v: QPoly): Cyclotomic {
  return Object.freeze({ n, phi, v });
}

/**
 * The rational q in ℚ(ζ_n) (n = 1 unless a conductor is given).
 *
 * @example
 * rational(Q.rat(1n, 2n)).n // 1
 */
export function rational(q: Rational, n = 1): Cyclotomic {
  const phi = cyclotomicPolynomial(n);
  return make(n, phi, P.constant(q, phi.length - 1));
}

/** ζ_n^k, reduced. */
export function zeta(n: number, k: number): Cyclotomic {
  if (n > MAX_CONDUCTOR) throw new NotCyclotomic(`needs the cyclotomic field of conductor ${n} (at most ${MAX_CONDUCTOR} is supported exactly)`);
  const phi = cyclotomicPolynomial(n);
  const e = ((k % n) + n) % n;
  const c = new Array<bigint>(e + 1).fill(0n);
  c[e] = 1n;
  return make(n, phi, P.normalize(P.reduceInteger(c, phi), 1n));
}

/** The same number in ℚ(ζ_m) for a multiple m of a.n (ζ_n = ζ_m^{m/n}). */
export function lift(a: Cyclotomic, m: number): Cyclotomic {
  if (m === a.n) return a;
  if (m % a.n !== 0) throw new RangeError(`cannot lift conductor ${a.n} to ${m}`);
  if (m > MAX_CONDUCTOR) throw new NotCyclotomic(`needs the cyclotomic field of conductor ${m} (at most ${MAX_CONDUCTOR} is supported exactly)`);
  const phi = cyclotomicPolynomial(m);
  const step = m / a.n;
  const c = new Array<bigint>((a.v.c.length - 1) * step + 1).fill(0n);
  a.v.c.forEach((x, i) => (c[i * step] = x));
  return make(m, phi, P.normalize(P.reduceInteger(c, phi), a.v.d));
}

function common(a: Cyclotomic, b: Cyclotomic): [Cyclotomic, Cyclotomic] {
  if (a.n === b.n) return [a, b];
  const m = lcmInt(a.n, b.n);
  return [lift(a, m), lift(b, m)];
}

export function add(a: Cyclotomic, b: Cyclotomic): Cyclotomic {
  const [x, y] = common(a, b);
  return make(x.n, x.phi, P.add(x.v, y.v));
}

export function neg(a: Cyclotomic): Cyclotomic {
  return make(a.n, a.phi, P.neg(a.v));
}

export function sub(a: Cyclotomic, b: Cyclotomic): Cyclotomic {
  return add(a, neg(b));
}

export function mul(a: Cyclotomic, b: Cyclotomic): Cyclotomic {
  const [x, y] = common(a, b);
  return make(x.n, x.phi, P.mul(x.v, y.v, x.phi));
}

/** Throws RangeError on zero. */
export function inv(a: Cyclotomic): Cyclotomic {
  return make(a.n, a.phi, P.inv(a.v, a.phi));
}

export function isZero(a: Cyclotomic): boolean {
  return P.isZero(a.v);
}

export function equals(a: Cyclotomic, b: Cyclotomic): boolean {
  const [x, y] = common(a, b);
  return P.equals(x.v, y.v);
}

/** The rational value, or null when a is irrational. */
export function asRational(a: Cyclotomic): Rational | null {
  return P.asRational(a.v);
}

/**
 * The Galois automorphism ζ ↦ ζ^j (gcd(j, n) = 1) applied to a.
 *
 * @example
 * galois(zeta(5, 1), 4) // ζ⁴ = ζ⁻¹
 */
export function galois(a: Cyclotomic, j: number): Cyclotomic {
  const n = a.n;
  const c = new Array<bigint>(n).fill(0n);
  a.v.c.forEach((x, i) => {
    const e = (i * j) % n;
    c[e] = c[e]! + x;
  });
  return make(n, a.phi, P.normalize(P.reduceInteger(c, a.phi), a.v.d));
}

/**
 * Real part of the value under ζ = e^{2πi/n} (the value itself for real elements), in float64.
 *
 * @example
 * toNumber(cosPi(Q.rat(2n, 5n))) // 0.30901699437494745
 */
export function toNumber(a: Cyclotomic, j = 1): number {
  const q = asRational(a);
  if (q !== null) return Q.toNumber(q);
  let s = 0;
  a.v.c.forEach((x, i) => {
    if (x !== 0n) s += Number(x) * Math.cos((2 * Math.PI * ((i * j) % a.n)) / a.n);
  });
  return s / Number(a.v.d);
}

/** A string that is equal for equal elements of the same conductor. */
export function keyOf(a: Cyclotomic): string {
  return `${a.n}:${a.v.c.join(',')}/${a.v.d}`;
}

/**
 * cos(π·q) for rational q: (ζ^a + ζ^{−a})/2 in ℚ(ζ_{2b}), q = a/b.
 *
 * @example
 * toNumber(cosPi(Q.rat(1n, 3n))) // 0.5 (exactly 1/2)
 */
export function cosPi(q: Rational): Cyclotomic {
  const n = 2 * Number(q.den);
  if (!Number.isSafeInteger(n)) throw new NotCyclotomic('angle denominator too large');
  const a = Number(q.num % BigInt(n));
  const sum = add(zeta(n, a), zeta(n, -a));
  const half = make(sum.n, sum.phi, P.scale(sum.v, Q.rat(1n, 2n)));
  return simplify(half);
}

/** sin(π·q) = cos(π·(1/2 − q)). */
export function sinPi(q: Rational): Cyclotomic {
  return cosPi(Q.sub(Q.rat(1n, 2n), q));
}

/** A rational result as a conductor-1 element (so that it combines without lifting). */
function simplify(a: Cyclotomic): Cyclotomic {
  const q = asRational(a);
  return q !== null && a.n !== 1 ? rational(q) : a;
}

/**
 * √p for a prime p as a Gauss sum: g = Σ_{a=1}^{p−1} (a/p)·ζ_p^a has g = √p when p ≡ 1 (mod 4)
 * and g = i·√p when p ≡ 3 (mod 4) (Gauss's sign theorem); √2 = ζ_8 + ζ_8⁻¹.
 */
function sqrtPrime(p: number): Cyclotomic {
  if (p === 2) return add(zeta(8, 1), zeta(8, -1));
  let g = rational(Q.ZERO, p);
  for (let a = 1; a < p; a++) {
    // Euler's criterion for the Legendre symbol.
    let e = (p - 1) / 2;
    let base = a % p;
    let r = 1;
    while (e > 0) {
      if (e & 1) r = Number((BigInt(r) * BigInt(base)) % BigInt(p));
      base = Number((BigInt(base) * BigInt(base)) % BigInt(p));
      e >>= 1;
    }
    g = r === 1 ? add(g, zeta(p, a)) : sub(g, zeta(p, a));
  }
  // p ≡ 3 (mod 4): √p = −i·g, with i = ζ_4.
  return p % 4 === 1 ? g : neg(mul(zeta(4, 1), g));
}

/**
 * √q for a rational q ≥ 0. Throws NotCyclotomic when q has a prime factor too large for
 * {@link MAX_CONDUCTOR} and RangeError when q < 0.
 *
 * @example
 * toNumber(sqrtRational(Q.rat(3n, 4n))) // 0.8660254037844386
 */
export function sqrtRational(q: Rational): Cyclotomic {
  if (q.num < 0n) throw new RangeError('square root of a negative number');
  if (q.num === 0n) return rational(Q.ZERO);
  // √(a/b) = √(ab)/b; write ab = s²·t with t squarefree.
  let t = q.num * q.den;
  let s = 1n;
  const primes: number[] = [];
  for (let p = 2n; p * p <= t && p <= BigInt(MAX_CONDUCTOR); p++) {
    while (t % (p * p) === 0n) {
      t /= p * p;
      s *= p;
    }
    if (t % p === 0n) {
      t /= p;
      primes.push(Number(p));
    }
  }
  if (t > 1n) {
    const r = isqrt(t);
    if (r * r === t) s *= r;
    else if (t <= BigInt(MAX_CONDUCTOR)) primes.push(Number(t));
    else throw new NotCyclotomic(`√${t} needs a cyclotomic field of conductor above ${MAX_CONDUCTOR}`);
  }
  let root = rational(Q.rat(s, q.den));
  for (const p of primes) root = mul(root, sqrtPrime(p));
  return root;
}
