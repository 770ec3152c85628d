/**
 * Gaussian rationals ℚ(i) = {a + b·i : a, b ∈ ℚ}: exact arithmetic for the complex groups U(n) and
 * SU(n), whose Lie algebra generators (EMLP conventions) have entries in ℚ(i).
 */
import type { Field } from './field.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';

/** a + b·i with exact rational parts. Immutable. */
export interface Gaussian {
  readonly re: Rational;
  readonly im: Rational;
}

/**
 * @example
 * gaussian(Q.ONE, Q.rat(-1n, 2n)) // 1 − i/2
 */
export function gaussian(re: Rational, im: Rational = Q.ZERO): Gaussian {
  return Object.freeze({ re, im });
}

const ZERO = gaussian(Q.ZERO);
const ONE = gaussian(Q.ONE);
export const I: Gaussian = gaussian(Q.ZERO, Q.ONE);

function mul(a: Gaussian, b: Gaussian): Gaussian {
  if (Q.isZero(a.im) && Q.isZero(b.im)) return gaussian(Q.mul(a.re, b.re));
  return gaussian(Q.sub(Q.mul(a.re, b.re), Q.mul(a.im, b.im)), Q.add(Q.mul(a.re, b.im), Q.mul(a.im, b.re)));
}

function inv(a: Gaussian): Gaussian {
  const norm = Q.add(Q.mul(a.re, a.re), Q.mul(a.im, a.im));
  if (Q.isZero(norm)) throw new RangeError('inverse of zero');
  return gaussian(Q.div(a.re, norm), Q.neg(Q.div(a.im, norm)));
}

/**
 * JSON form: a plain rational string when real, otherwise the pair [re, im] of rational strings.
 *
 * @example
 * gaussianToJSON(gaussian(Q.ZERO, Q.ONE)) // ["0", "1"]
 */
export function gaussianToJSON(a: Gaussian): string | [string, string] {
  return Q.isZero(a.im) ? Q.toText(a.re) : [Q.toText(a.re), Q.toText(a.im)];
}

/** ℚ(i) as a Field. `toNumber` gives the real part (callers needing both use re/im). */
export const GaussianField: Field<Gaussian> = Object.freeze({
  kind: 'exact' as const,
  complex: true,
  name: 'ℚ(i)',
  zero: ZERO,
  one: ONE,
  add: (a: Gaussian, b: Gaussian) => gaussian(Q.add(a.re, b.re), Q.add(a.im, b.im)),
  sub: (a: Gaussian, b: Gaussian) => gaussian(Q.sub(a.re, b.re), Q.sub(a.im, b.im)),
  mul,
  neg: (a: Gaussian) => gaussian(Q.neg(a.re), Q.neg(a.im)),
  inv,
  isZero: (a: Gaussian) => Q.isZero(a.re) && Q.isZero(a.im),
  eq: (a: Gaussian, b: Gaussian) => Q.equals(a.re, b.re) && Q.equals(a.im, b.im),
  toNumber: (a: Gaussian) => Q.toNumber(a.re),
  toJSON: gaussianToJSON,
});
