/**
 * Residues of rational polynomials modulo a monic integer polynomial: the element arithmetic that
 * number fields ℚ(θ) = ℚ[x]/(f) and cyclotomic fields ℚ(ζ_N) = ℚ[x]/(Φ_N) share.
 *
 * An element is an integer coefficient vector over the power basis 1, x, …, x^{n−1} and one common
 * positive denominator, kept in lowest terms (gcd of all coefficients and the denominator is 1), so
 * equal elements have equal fields. Why one denominator and BigInt numerators, not a vector of
 * Rationals: a product is an integer convolution plus one gcd pass, instead of n² rational
 * multiplications that each reduce a fraction (DEPENDENCIES.md: the hand-written BigInt rational
 * is already ~80 ns per operation; this saves most of them). Reducing by a *monic integer*
 * polynomial never creates denominators.
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import { gcd } from '../util/bigint.js';

/** Σ c[i]·x^i / d, reduced: d > 0, gcd(c…, d) = 1, zero is all-zero c with d = 1. Immutable. */
export interface QPoly {
  readonly c: readonly bigint[];
  readonly d: bigint;
}

/**
 * Lowest terms; `c` is taken over (not copied).
 *
 * @example
 * normalize([2n, 4n], 6n) // { c: [1n, 2n], d: 3n }
 */
export function normalize(c: bigint[], d: bigint): QPoly {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) {
    d = -d;
    for (let i = 0; i < c.length; i++) c[i] = -c[i]!;
  }
  if (d === 1n) return Object.freeze({ c: Object.freeze(c), d });
  let g = d;
  for (let i = 0; i < c.length && g !== 1n; i++) if (c[i] !== 0n) g = gcd(g, c[i]!);
  if (c.every((v) => v === 0n)) return Object.freeze({ c: Object.freeze(c), d: 1n });
  if (g !== 1n) {
    for (let i = 0; i < c.length; i++) c[i] = c[i]! / g;
    d /= g;
  }
  return Object.freeze({ c: Object.freeze(c), d });
}

/**
 * The rational q as an element of an n-dimensional algebra.
 *
 * @example
 * constant(Q.rat(1n, 2n), 3) // { c: [1n, 0n, 0n], d: 2n }
 */
export function constant(q: Rational, n: number): QPoly {
  const c = new Array<bigint>(n).fill(0n);
  if (n > 0) c[0] = q.num;
  return normalize(c, q.den);
}

export function isZero(a: QPoly): boolean {
  for (let i = 0; i < a.c.length; i++) if (a.c[i] !== 0n) return false;
  return true;
}

/** Whether a has no x terms (a rational), without building the rational. */
function isConstant(a: QPoly): boolean {
  for (let i = 1; i < a.c.length; i++) if (a.c[i] !== 0n) return false;
  return true;
}

export function equals(a: QPoly, b: QPoly): boolean {
  if (a.d !== b.d || a.c.length !== b.c.length) return false;
  for (let i = 0; i < a.c.length; i++) if (a.c[i] !== b.c[i]) return false;
  return true;
}

/** The rational value when a is rational (no x terms), else null. */
export function asRational(a: QPoly): Rational | null {
  for (let i = 1; i < a.c.length; i++) if (a.c[i] !== 0n) return null;
  return Q.rat(a.c[0] ?? 0n, a.d);
}

/** Coefficients as rationals. */
export function coefficients(a: QPoly): Rational[] {
  return a.c.map((v) => Q.rat(v, a.d));
}

export function add(a: QPoly, b: QPoly): QPoly {
  if (isZero(a)) return b;
  if (isZero(b)) return a;
  const c = new Array<bigint>(a.c.length);
  if (a.d === b.d) {
    for (let i = 0; i < c.length; i++) c[i] = a.c[i]! + b.c[i]!;
    return normalize(c, a.d);
  }
  for (let i = 0; i < c.length; i++) c[i] = a.c[i]! * b.d + b.c[i]! * a.d;
  return normalize(c, a.d * b.d);
}

export function neg(a: QPoly): QPoly {
  return Object.freeze({ c: Object.freeze(a.c.map((v) => -v)), d: a.d });
}

export function sub(a: QPoly, b: QPoly): QPoly {
  return add(a, neg(b));
}

export function scale(a: QPoly, q: Rational): QPoly {
  return normalize(
    a.c.map((v) => v * q.num),
    a.d * q.den,
  );
}

/**
 * Reduces an integer polynomial (any length) modulo the monic f of degree n, in place; returns
 * its first n coefficients.
 */
export function reduceInteger(p: bigint[], f: readonly bigint[]): bigint[] {
  const n = f.length - 1;
  for (let k = p.length - 1; k >= n; k--) {
    const t = p[k]!;
    if (t === 0n) continue;
    // x^k = x^{k−n}·x^n and x^n ≡ −(f_0 + … + f_{n−1}x^{n−1}).
    for (let i = 0; i < n; i++) if (f[i] !== 0n) p[k - n + i] = p[k - n + i]! - t * f[i]!;
    p[k] = 0n;
  }
  if (p.length > n) p.length = Math.max(n, 0);
  while (p.length < n) p.push(0n);
  return p;
}

/**
 * a·b modulo the monic integer polynomial f.
 *
 * @example
 * mul(x, x, [-3n, 0n, 1n]) // 3 in ℚ(√3) with x = √3
 */
export function mul(a: QPoly, b: QPoly, f: readonly bigint[]): QPoly {
  if (isZero(a) || isZero(b)) return constant(Q.ZERO, a.c.length);
  // A rational factor (most generator entries, ±1, ½) scales the other: no convolution.
  if (isConstant(a) || isConstant(b)) {
    const [s, v] = isConstant(a) ? [a, b] : [b, a];
    const k = s.c[0]!;
    if (k === 1n && s.d === 1n) return v;
    return normalize(
      v.c.map((x) => x * k),
      v.d * s.d,
    );
  }
  const n = a.c.length;
  const p = new Array<bigint>(Math.max(2 * n - 1, 0)).fill(0n);
  for (let i = 0; i < n; i++) {
    const x = a.c[i]!;
    if (x === 0n) continue;
    for (let j = 0; j < n; j++) if (b.c[j] !== 0n) p[i + j] = p[i + j]! + x * b.c[j]!;
  }
  return normalize(reduceInteger(p, f), a.d * b.d);
}

/**
 * The inverse of a ≠ 0 modulo an irreducible f, by solving a·y = 1 as a linear system over ℚ
 * (fraction-free Gauss–Jordan on the multiplication matrix). Throws RangeError on zero.
 *
 * @example
 * inv(x, [-3n, 0n, 1n]) // x/3 = 1/√3
 */
export function inv(a: QPoly, f: readonly bigint[]): QPoly {
  if (isZero(a)) throw new RangeError('inverse of zero');
  const n = a.c.length;
  // Column j of M is the integer vector of (a·d)·x^j; solve M·y = e_0, then y·d is the inverse.
  const m: bigint[][] = Array.from({ length: n }, () => new Array<bigint>(n + 1).fill(0n));
  let col = [...a.c];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) m[i]![j] = col[i]!;
    col = reduceInteger([0n, ...col], f);
  }
  m[0]![n] = 1n;
  // Bareiss-style fraction-free elimination to diagonal form.
  for (let k = 0; k < n; k++) {
    let piv = k;
    while (piv < n && m[piv]![k] === 0n) piv++;
    if (piv === n) throw new RangeError('not invertible (is the modulus irreducible?)');
    [m[k], m[piv]] = [m[piv]!, m[k]!];
    const pk = m[k]!;
    for (let i = 0; i < n; i++) {
      if (i === k || m[i]![k] === 0n) continue;
      const mi = m[i]!;
      const g = gcd(pk[k]!, mi[k]!);
      const s = pk[k]! / g;
      const t = mi[k]! / g;
      let h = 0n;
      for (let c = 0; c <= n; c++) {
        mi[c] = mi[c]! * s - pk[c]! * t;
        if (mi[c] !== 0n) h = gcd(h, mi[c]!);
      }
      if (h > 1n) for (let c = 0; c <= n; c++) mi[c] = mi[c]! / h;
    }
  }
  // y_i = m[i][n] / m[i][i]; bring to one denominator.
  let den = 1n;
  for (let i = 0; i < n; i++) {
    const di = m[i]![i]! < 0n ? -m[i]![i]! : m[i]![i]!;
    den = (den / gcd(den, di)) * di;
  }
  const y = new Array<bigint>(n);
  for (let i = 0; i < n; i++) y[i] = (m[i]![n]! * den) / m[i]![i]!;
  return normalize(
    y.map((v) => v * a.d),
    den,
  );
}

/**
 * a^k for an integer k (negative powers through {@link inv}).
 *
 * @example
 * pow(x, 4, f) // 9 in ℚ(√3)
 */
export function pow(a: QPoly, k: number, f: readonly bigint[]): QPoly {
  let base = k < 0 ? inv(a, f) : a;
  let e = Math.abs(k);
  let acc = constant(Q.ONE, a.c.length);
  while (e > 0) {
    if (e & 1) acc = mul(acc, base, f);
    base = mul(base, base, f);
    e >>= 1;
  }
  return acc;
}

/**
 * Value at a real number (Horner in float64), for elements whose size is moderate.
 *
 * @example
 * evaluate({ c: [1n, 1n], d: 2n }, Math.sqrt(5)) // (1 + √5)/2
 */
export function evaluate(a: QPoly, x: number): number {
  const q = asRational(a);
  if (q !== null) return Q.toNumber(q);
  let s = 0;
  for (let i = a.c.length - 1; i >= 0; i--) s = s * x + Q.toNumber(Q.rat(a.c[i]!, a.d));
  return s;
}
