/**
 * Exact rationals on BigInt. Hand-written rather than fraction.js because these sit in the inner
 * loops of exact assembly and verification: a plain frozen pair of bigints costs ~80 ns per
 * operation against ~200 ns for fraction.js (see DEPENDENCIES.md). fraction.js is used at the
 * edges, to parse user text such as "-3/4" or "0.125".
 */
import { gcd } from '../util/bigint.js';

/** An exact rational `num/den`, always reduced, `den > 0`. Immutable. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Rational = Object.freeze({ num: 0n, den: 1n });
export const ONE: Rational = Object.freeze({ num: 1n, den: 1n });
export const MINUS_ONE: Rational = Object.freeze({ num: -1n, den: 1n });

/**
 * Builds a reduced rational; throws RangeError on a zero denominator (callers validate user input
 * before it gets here).
 *
 * @example
 * rat(6n, -4n) // { num: -3n, den: 2n }
 */
export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return ZERO;
  if (d === 1n) {
    if (n === 1n) return ONE;
    if (n === -1n) return MINUS_ONE;
    return Object.freeze({ num: n, den: 1n });
  }
  const g = gcd(n, d);
  return Object.freeze({ num: n / g, den: d / g });
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function add(a: Rational, b: Rational): Rational {
  if (a.num === 0n) return b;
  if (b.num === 0n) return a;
  if (a.den === 1n && b.den === 1n) return rat(a.num + b.num);
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, neg(b));
}

export function neg(a: Rational): Rational {
  return a.num === 0n ? ZERO : Object.freeze({ num: -a.num, den: a.den });
}

export function mul(a: Rational, b: Rational): Rational {
  if (a.num === 0n || b.num === 0n) return ZERO;
  if (a.den === 1n && b.den === 1n) return rat(a.num * b.num);
  return rat(a.num * b.num, a.den * b.den);
}

export function inv(a: Rational): Rational {
  if (a.num === 0n) throw new RangeError('inverse of zero');
  return rat(a.den, a.num);
}

export function div(a: Rational, b: Rational): Rational {
  return mul(a, inv(b));
}

export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Nearest double. Exact for the small values generators have. */
export function toNumber(a: Rational): number {
  if (a.den === 1n) return Number(a.num);
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Huge parts: scale down both by the same power of two first.
  const shift = BigInt(Math.max(a.num.toString(2).length, a.den.toString(2).length) - 1000);
  return Number(a.num >> shift) / Number(a.den >> shift);
}

/**
 * The canonical text form used in basis JSON: `"3"`, `"-1/2"`.
 *
 * @example
 * toText(rat(-1n, 2n)) // "-1/2"
 */
export function toText(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/**
 * Parses `"p"`, `"p/q"` (optionally signed, no spaces inside numbers) and plain decimals such as
 * `"0.25"` or `"1e-3"`, exactly. Returns null for anything else (the caller decides whether the
 * text is an expression for mathjs or an error).
 *
 * @example
 * parseRational('-3/4') // { num: -3n, den: 4n }
 */
export function parseRational(text: string): Rational | null {
  const s = text.trim();
  let m = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(s);
  if (m) {
    const d = BigInt(m[2]!);
    if (d === 0n) return null;
    return rat(BigInt(m[1]!), d);
  }
  m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return null;
  let num = BigInt((intPart || '0') + frac) * sign;
  let den = 10n ** BigInt(frac.length);
  if (exp > 0) num *= 10n ** BigInt(exp);
  else if (exp < 0) den *= 10n ** BigInt(-exp);
  return rat(num, den);
}

/**
 * The exact rational value of a finite double (every double is a dyadic rational).
 *
 * @example
 * fromNumber(0.5) // { num: 1n, den: 2n }
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return rat(BigInt(x));
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rat(BigInt(v), den);
}

