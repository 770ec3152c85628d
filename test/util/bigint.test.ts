/** The shared BigInt helpers: gcd is never negative and divides both; isqrt is the floor of √n. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcd, isqrt } from '../../src/util/bigint.js';

describe('bigint helpers', () => {
  it('gcd: non-negative, divides both, and the largest such (by the cofactors being coprime)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (a, b) => {
        const g = gcd(a, b);
        expect(g >= 0n).toBe(true);
        if (g === 0n) return expect(a === 0n && b === 0n).toBe(true);
        expect(a % g).toBe(0n);
        expect(b % g).toBe(0n);
        expect(gcd(a / g, b / g)).toBe(1n);
      }),
    );
    expect(gcd(0n, 0n)).toBe(0n);
    expect(gcd(-12n, 18n)).toBe(6n);
  });

  it('isqrt: r² ≤ n < (r + 1)²', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (n) => {
        const r = isqrt(n);
        expect(r * r <= n && n < (r + 1n) * (r + 1n)).toBe(true);
      }),
    );
    expect([0n, 1n, 2n, 3n, 4n, 99n, 100n].map(isqrt)).toEqual([0n, 1n, 1n, 1n, 2n, 9n, 10n]);
  });
});
