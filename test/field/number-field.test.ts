/**
 * The number-field core: cyclotomic arithmetic (exact cos, sin, √), the subfield the entries
 * generate (degree, primitive element, minimal polynomial) and the field operations on it. The
 * oracle is float64 arithmetic on the same expressions and the algebraic identities themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/field/cyclotomic.js';
import { isNumberField, polynomialText, sameNumberField } from '../../src/field/number-field.js';
import * as Q from '../../src/field/rational.js';
import { subfieldOf, toCyclotomic } from '../../src/group/subfield.js';

const phi = (n: number): number => Array.from({ length: n }, (_, j) => j + 1).filter((j) => C.gcdInt(j, n) === 1).length;

describe('cyclotomic numbers', () => {
  it.each([
    [1, [-1n, 1n]],
    [2, [1n, 1n]],
    [3, [1n, 1n, 1n]],
    [4, [1n, 0n, 1n]],
    [8, [1n, 0n, 0n, 0n, 1n]],
    [12, [1n, 0n, -1n, 0n, 1n]],
    [15, [1n, -1n, 0n, 1n, -1n, 1n, 0n, -1n, 1n]],
  ])('Φ_%i', (n, expected) => expect(C.cyclotomicPolynomial(n)).toEqual(expected));

  it('Φ_n has degree φ(n) and vanishes at e^{2πi/n}', () => {
    for (let n = 1; n <= 60; n++) {
      const f = C.cyclotomicPolynomial(n);
      expect(f.length - 1).toBe(phi(n));
      let re = 0;
      let im = 0;
      f.forEach((c, k) => {
        re += Number(c) * Math.cos((2 * Math.PI * k) / n);
        im += Number(c) * Math.sin((2 * Math.PI * k) / n);
      });
      expect(Math.hypot(re, im)).toBeLessThan(1e-6);
    }
  });

  it('cos(πa/b), sin(πa/b) agree with float64 and satisfy cos² + sin² = 1 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 40 }), (a, b) => {
        const q = Q.rat(BigInt(a), BigInt(b));
        const cos = C.cosPi(q);
        const sin = C.sinPi(q);
        expect(C.toNumber(cos)).toBeCloseTo(Math.cos((Math.PI * a) / b), 12);
        expect(C.toNumber(sin)).toBeCloseTo(Math.sin((Math.PI * a) / b), 12);
        const one = C.add(C.mul(cos, cos), C.mul(sin, sin));
        expect(C.asRational(one)).toEqual(Q.ONE);
      }),
      { numRuns: 150 },
    );
  });

  it('√q squares to q and has the positive value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 50 }), (a, b) => {
        const q = Q.rat(BigInt(a), BigInt(b));
        let root: C.Cyclotomic;
        try {
          root = C.sqrtRational(q);
        } catch (e) {
          // A prime factor beyond the supported conductor: refused, never wrong.
          expect(e).toBeInstanceOf(C.NotCyclotomic);
          return;
        }
        expect(C.asRational(C.mul(root, root))).toEqual(q);
        expect(C.toNumber(root)).toBeCloseTo(Math.sqrt(a / b), 10);
      }),
      { numRuns: 150 },
    );
  });

  it('inverses and Galois conjugation', () => {
    const x = C.add(C.sqrtRational(Q.rat(2n)), C.cosPi(Q.rat(2n, 7n)));
    expect(C.asRational(C.mul(x, C.inv(x)))).toEqual(Q.ONE);
    // σ_{−1} is complex conjugation: it fixes real numbers.
    expect(C.equals(C.galois(x, x.n - 1), x)).toBe(true);
    expect(() => C.inv(C.rational(Q.ZERO))).toThrow(RangeError);
  });
});

describe('the field the entries generate', () => {
  it.each([
    [[C.sqrtRational(Q.rat(3n, 4n))], 'ℚ(√3)', 'x^2 - 3'],
    [[C.cosPi(Q.rat(2n, 5n))], 'ℚ(√5)', 'x^2 - 5'],
    [[C.sqrtRational(Q.rat(2n)), C.sqrtRational(Q.rat(3n))], 'ℚ(2cos(2π/24))', 'x^4 - 4*x^2 + 1'],
    [[C.cosPi(Q.rat(2n, 7n))], 'ℚ(2cos(2π/7))', 'x^3 + x^2 - 2*x - 1'],
    [[C.cosPi(Q.rat(2n, 5n)), C.sinPi(Q.rat(2n, 5n))], 'ℚ(2cos(2π/20))', 'x^4 - 5*x^2 + 5'],
  ])('%#: %s', (values, name, poly) => {
    const { field, element } = subfieldOf(values);
    expect(field!.name).toBe(name);
    expect(polynomialText(field!.numberField.minimalPolynomial)).toBe(poly);
    expect(isNumberField(field!)).toBe(true);
    for (const v of values) expect(field!.toNumber(element(v))).toBeCloseTo(C.toNumber(v), 14);
  });

  it('rational entries generate ℚ', () => {
    expect(subfieldOf([C.rational(Q.rat(1n, 2n)), C.cosPi(Q.rat(1n, 3n))]).field).toBeNull();
  });

  it('C(k) entries: degree φ(lcm(k, 4))/2, and the conversion is a ring map', () => {
    for (let k = 3; k <= 24; k++) {
      if (k === 4) continue;
      const cos = C.cosPi(Q.rat(2n, BigInt(k)));
      const sin = C.sinPi(Q.rat(2n, BigInt(k)));
      const { field, element } = subfieldOf([cos, sin]);
      const l = C.lcmInt(k, 4);
      expect(field!.numberField.degree, `k = ${k}`).toBe(phi(l) / 2);
      const [c, s] = [element(cos), element(sin)];
      expect(field!.eq(field!.add(field!.mul(c, c), field!.mul(s, s)), field!.one)).toBe(true);
      expect(Math.abs(field!.toNumber(c) - Math.cos((2 * Math.PI) / k))).toBeLessThan(1e-15);
      expect(Math.abs(field!.toNumber(s) - Math.sin((2 * Math.PI) / k))).toBeLessThan(1e-15);
      expect(C.equals(toCyclotomic(field!, field!.mul(c, s)), C.mul(cos, sin))).toBe(true);
    }
  });

  it('field operations: inverses, JSON forms, correctly rounded floats', () => {
    const { field, element } = subfieldOf([C.cosPi(Q.rat(2n, 5n)), C.sinPi(Q.rat(2n, 5n))]);
    const K = field!;
    const cos = element(C.cosPi(Q.rat(2n, 5n)));
    // −3/2 + θ²/2 cancels in float64; the fixed-point evaluation gives libm's value.
    expect(K.toNumber(cos)).toBe(0.30901699437494745);
    expect(K.toJSON(cos)).toEqual({ coefficients: ['-3/2', '0', '1/2', '0'], float: 0.30901699437494745 });
    expect(K.toJSON(K.fromRational(Q.rat(-1n, 2n)))).toBe('-1/2');
    expect(K.eq(K.mul(cos, K.inv(cos)), K.one)).toBe(true);
    expect(() => K.inv(K.zero)).toThrow(RangeError);
    expect(sameNumberField(K, subfieldOf([C.cosPi(Q.rat(2n, 10n)), C.sinPi(Q.rat(2n, 10n))]).field!)).toBe(true);
  });

  it('refuses fields beyond the supported degree', () => {
    expect(() => subfieldOf([C.cosPi(Q.rat(2n, 37n))], 16)).toThrow(C.NotCyclotomic);
  });
});
