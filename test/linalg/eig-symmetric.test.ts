import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../src/linalg/eig-symmetric.js';
import { rightSvd } from '../../src/linalg/svd.js';

describe('symmetricEigenvalues', () => {
  it('small cases', () => {
    const [a, b] = symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2);
    expect(a).toBeCloseTo(3, 15);
    expect(b).toBeCloseTo(1, 15);
    expect([...symmetricEigenvalues(Float64Array.of(5), 1)]).toEqual([5]);
    expect([...symmetricEigenvalues(new Float64Array(0), 0)]).toEqual([]);
    expect([...symmetricEigenvalues(Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, -1), 3)]).toEqual([0, 0, -1]);
  });

  // (Entries on a 1/16 grid: ml-matrix's SVD, the oracle, mishandles subnormal entries such as 5e-324.)
  it('agrees with ml-matrix on random symmetric positive semidefinite matrices (singular values = eigenvalues)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: -16, max: 16 }).map((k) => k / 16), { minLength: 144, maxLength: 144 }), (n, r, xs) => {
        // A = BᵀB with B r × n: rank ≤ r, eigenvalues ≥ 0.
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < r; k++) a[i * n + j]! += xs[k * 12 + i]! * xs[k * 12 + j]!;
        const got = symmetricEigenvalues(a, n);
        const want = rightSvd(a, n).values;
        const scale = Math.max(1, want[0] ?? 0);
        got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-12 * scale));
      }),
      { numRuns: 60 },
    );
  });
});
