/**
 * A real number field K = ℚ(θ) as a value: θ's minimal polynomial f (monic, integer coefficients),
 * the real root θ stands for (its embedding), and elements as coefficient vectors over the power
 * basis 1, θ, …, θ^{d−1} (qpoly.ts). `group/subfield.ts` builds these from the entries of a group.
 *
 * Every field made here is a subfield of a real cyclotomic field ℚ(ζ_N)⁺ and remembers θ as an
 * element of ℚ(ζ_N): that is what gives the d embeddings of K modulo a prime p ≡ 1 (mod N) — the
 * images of θ under ζ_N ↦ ω^j for a primitive N-th root of unity ω mod p — on which the modular
 * solver runs (linalg/nullspace-algebraic.ts).
 *
 * JSON: a rational element is written as today ("-1/2"); any other as
 * `{"coefficients": ["c0", …, "c_{d−1}"], "float": x}`, meaning Σ c_i·θ^i ≈ x, with the field
 * (minimal polynomial, θ) named once in the basis file's header.
 */
import type { AlgebraicJson, Field } from './field.js';
import type { Cyclotomic } from './cyclotomic.js';
import * as P from './qpoly.js';
import type { QPoly } from './qpoly.js';
import * as Q from './rational.js';
import type { Rational } from './rational.js';

/** An element of a number field: Σ c_i θ^i / d. */
export type Algebraic = QPoly;

/** What defines the field, beyond the Field operations. */
export interface NumberFieldInfo {
  /** Display name: `ℚ(√3)`, `ℚ(2cos(2π/20))`, `ℚ(θ)`. */
  readonly name: string;
  /** θ as an expression solve-basis parses back: `sqrt(3)`, `2*cos(2*pi/20)`. */
  readonly generator: string;
  /** f with f(θ) = 0, monic, integer coefficients from the constant term up. */
  readonly minimalPolynomial: readonly bigint[];
  readonly degree: number;
  /** The real root of f that θ is (float64); the other roots are θ's conjugates. */
  readonly embedding: number;
  /** N with K ⊆ ℚ(ζ_N). */
  readonly conductor: number;
  /** θ in ℚ(ζ_N). */
  readonly theta: Cyclotomic;
  /** One j per embedding of K: θ ↦ σ_j(θ) with σ_j(ζ_N) = ζ_N^j; j = 1 (the real embedding) first. */
  readonly conjugates: readonly number[];
}

/** A number field: a Field over its elements plus what defines it. */
export interface NumberField extends Field<Algebraic> {
  readonly kind: 'exact';
  readonly name: string;
  readonly numberField: NumberFieldInfo;
  /** The rational q as an element. */
  fromRational(q: Rational): Algebraic;
  /** The rational value of a, or null when a is irrational. */
  asRational(a: Algebraic): Rational | null;
}

/**
 * Whether a field is a number field (other than ℚ and ℚ(i), which have their own types).
 *
 * @example
 * isNumberField(RationalField) // false
 */
export function isNumberField(f: Field<unknown>): f is Field<unknown> & NumberField {
  return (f as Partial<NumberField>).numberField !== undefined;
}

/** Bits of the fixed-point powers of θ that {@link numberField} uses for float values. */
const FIXED_BITS = 256n;

/**
 * θ to FIXED_BITS bits (θ·2^FIXED_BITS rounded), by Newton's method on f from the float64 value:
 * quadratic convergence takes the 52 correct bits to 256 in a few steps. Why: an element's float
 * value is Σ c_i θ^i / d, and in float64 the terms of that sum cancel (cos(2π/5) over θ = 2cos(2π/20)
 * is −3/2 + θ²/2): summing exact fixed-point powers first gives the correctly rounded value.
 */
function fixedTheta(f: readonly bigint[], approx: number): bigint {
  const s = FIXED_BITS;
  const one = 1n << s;
  let x = BigInt(Math.round(approx * 2 ** 52)) << (s - 52n);
  for (let iter = 0; iter < 12; iter++) {
    // f(x) and f'(x) in fixed point, by Horner.
    let fx = 0n;
    let dfx = 0n;
    for (let i = f.length - 1; i >= 0; i--) {
      dfx = ((dfx * x) >> s) + fx;
      fx = ((fx * x) >> s) + f[i]! * one;
    }
    if (dfx === 0n) break;
    const step = (fx << s) / dfx;
    x -= step;
    if (step === 0n) break;
  }
  return x;
}

/** n/d as the nearest double, for any size of n and d. */
function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  let a = neg ? -n : n;
  let b = d;
  // Keep ~64 significant bits of each before dividing in float64.
  const shift = BigInt(Math.max(a.toString(2).length, b.toString(2).length) - 64);
  if (shift > 0n) {
    a >>= shift;
    b >>= shift;
    if (b === 0n) return neg ? -Infinity : Infinity;
  }
  const v = Number(a) / Number(b);
  return neg ? -v : v;
}

/**
 * Builds the field value from its definition.
 *
 * @example
 * const K = numberField(info); K.toNumber(K.mul(theta, theta)) // 3 for ℚ(√3)
 */
export function numberField(info: NumberFieldInfo): NumberField {
  const f = info.minimalPolynomial;
  const d = info.degree;
  const zero = P.constant(Q.ZERO, d);
  const one = P.constant(Q.ONE, d);
  const theta = fixedTheta(f, info.embedding);
  const powers: bigint[] = [1n << FIXED_BITS];
  for (let i = 1; i < d; i++) powers.push((powers[i - 1]! * theta) >> FIXED_BITS);
  const toNumber = (a: Algebraic): number => {
    const q = P.asRational(a);
    if (q !== null) return Q.toNumber(q);
    let sum = 0n;
    a.c.forEach((c, i) => (sum += c * powers[i]!));
    return ratioToNumber(sum, a.d << FIXED_BITS);
  };
  const toJSON = (a: Algebraic): string | AlgebraicJson => {
    const q = P.asRational(a);
    if (q !== null) return Q.toText(q);
    return Object.freeze({ coefficients: Object.freeze(P.coefficients(a).map(Q.toText)), float: toNumber(a) });
  };
  const embedding = ratioToNumber(theta, 1n << FIXED_BITS);
  const field: NumberField = {
    kind: 'exact',
    name: info.name,
    numberField: Object.freeze({ ...info, embedding, minimalPolynomial: Object.freeze([...f]), conjugates: Object.freeze([...info.conjugates]) }),
    zero,
    one,
    add: P.add,
    sub: P.sub,
    neg: P.neg,
    mul: (a, b) => P.mul(a, b, f),
    inv: (a) => P.inv(a, f),
    isZero: P.isZero,
    eq: P.equals,
    toNumber,
    toJSON,
    key: (a) => `${a.c.join(',')}/${a.d}`,
    fromRational: (q) => {
      // q is in lowest terms, so this is already the normal form (no gcd needed: hot in toK).
      const c = new Array<bigint>(d).fill(0n);
      c[0] = q.num;
      return Object.freeze({ c: Object.freeze(c), d: q.num === 0n ? 1n : q.den });
    },
    asRational: P.asRational,
  };
  return Object.freeze(field);
}

/**
 * Two number fields are the same field with the same generator and embedding (so their elements
 * can be mixed).
 *
 * @example
 * sameNumberField(resolveGroup('C(6)').field, resolveGroup('D(12)').field) // true: both ℚ(√3)
 */
export function sameNumberField(a: NumberField, b: NumberField): boolean {
  const x = a.numberField;
  const y = b.numberField;
  return x.degree === y.degree && x.minimalPolynomial.every((c, i) => c === y.minimalPolynomial[i]) && Math.abs(x.embedding - y.embedding) < 1e-9 * Math.max(1, Math.abs(x.embedding));
}

/** The minimal polynomial as text, `x^2 - 3`. */
export function polynomialText(f: readonly bigint[], variable = 'x'): string {
  const terms: string[] = [];
  for (let i = f.length - 1; i >= 0; i--) {
    const c = f[i]!;
    if (c === 0n) continue;
    const abs = c < 0n ? -c : c;
    const mono = i === 0 ? `${abs}` : `${abs === 1n ? '' : `${abs}*`}${variable}${i > 1 ? `^${i}` : ''}`;
    terms.push(terms.length === 0 ? (c < 0n ? `-${mono}` : mono) : `${c < 0n ? '-' : '+'} ${mono}`);
  }
  return terms.join(' ') || '0';
}
