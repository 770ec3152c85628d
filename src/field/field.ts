/**
 * The number systems matrices live in. Generic code (rep assembly, verification) is written once
 * against `Field<T>`; the hot elimination loops are specialised per field instead of going through
 * this interface (see solve/).
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';

/**
 * An irrational element of a number field in JSON: Σ coefficients[i]·θ^i (rational strings) and
 * its float64 value, for readers that only want numbers (see number-field.ts).
 */
export interface AlgebraicJson {
  readonly coefficients: readonly string[];
  readonly float: number;
}

/** How one matrix entry is written in JSON. */
export type JsonScalar = string | number | readonly [string, string] | AlgebraicJson;

/** Operations generic matrix code needs. Implementations are plain frozen objects. */
export interface Field<T> {
  /** `exact` for ℚ, `float` for float64. Written into the basis JSON as `exact: true|false`. */
  readonly kind: 'exact' | 'float';
  /** True for complex fields (ℚ(i)); their JSON values are [re, im] pairs when not real. */
  readonly complex?: boolean;
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  /** Throws RangeError on zero. */
  inv(a: T): T;
  isZero(a: T): boolean;
  eq(a: T, b: T): boolean;
  toNumber(a: T): number;
  /**
   * Exact fields give canonical strings ("-1/2"), ℚ(i) a [re, im] pair when not real, number
   * fields an {@link AlgebraicJson} when irrational; floats numbers.
   */
  toJSON(a: T): JsonScalar;
  /** Display name of an exact field other than ℚ (`ℚ(i)`, `ℚ(√3)`). */
  readonly name?: string;
  /** A string equal exactly for equal elements, when toJSON's text is not one (objects). */
  key?(a: T): string;
}

/**
 * A string that is equal exactly when the elements are (exact fields): hashing and deduplication
 * use it.
 *
 * @example
 * valueKey(RationalField, rat(-1n, 2n)) // "-1/2"
 */
export function valueKey<T>(f: Field<T>, a: T): string {
  return f.key ? f.key(a) : String(f.toJSON(a));
}

/** Exact rationals. */
export const RationalField: Field<Rational> = Object.freeze({
  kind: 'exact' as const,
  zero: Q.ZERO,
  one: Q.ONE,
  add: Q.add,
  sub: Q.sub,
  mul: Q.mul,
  neg: Q.neg,
  inv: Q.inv,
  isZero: Q.isZero,
  eq: Q.equals,
  toNumber: Q.toNumber,
  toJSON: Q.toText,
});

/**
 * float64. `isZero` is exact comparison with 0: tolerances belong to the algorithms that know
 * the scale of their data, not to the field.
 */
export const FloatField: Field<number> = Object.freeze({
  kind: 'float' as const,
  zero: 0,
  one: 1,
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  neg: (a: number) => -a,
  inv: (a: number) => {
    if (a === 0) throw new RangeError('inverse of zero');
    return 1 / a;
  },
  isZero: (a: number) => a === 0,
  eq: (a: number, b: number) => a === b,
  toNumber: (a: number) => a,
  toJSON: (a: number) => a,
});
