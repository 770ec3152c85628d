import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FloatField } from '../../src/field/field.js';
import { fromDense, toDense } from '../../src/linalg/sparse.js';
import { decideRank, defaultRtol, givensR, rightSvd } from '../../src/linalg/svd.js';
import { rrefFloat } from '../../src/linalg/rref-float.js';
import { rrefExact } from '../helpers/rref.js';
import { randomPlanted, toFloat, maxDiff } from './nullspace-helpers.js';

describe('givensR', () => {
  it('RᵀR = CᵀC and R is upper triangular', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (m, n, seed) => {
        const C = toFloat(randomPlanted(m, n, 3, Math.min(2, n - 1), seed));
        const R = givensR(C);
        const c = toDense(FloatField, C);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (i > j) expect(R[i * n + j]).toBe(0);
            let rr = 0;
            let cc = 0;
            for (let k = 0; k < n; k++) rr += R[k * n + i]! * R[k * n + j]!;
            for (const row of c) cc += row[i]! * row[j]!;
            expect(Math.abs(rr - cc)).toBeLessThan(1e-10 * (1 + Math.abs(cc)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('rightSvd and decideRank', () => {
  it('singular values of a diagonal matrix, sorted descending', () => {
    const { values, v } = rightSvd(Float64Array.of(1, 0, 0, 0, -3, 0, 0, 0, 0), 3);
    expect(Array.from(values).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([3, 1, 0]);
    expect(Math.abs(v[2 * 3 + 2]!)).toBeCloseTo(1, 12); // null vector e₂
  });

  it('decideRank: relative threshold, gap and its edge cases', () => {
    const d = decideRank(Float64Array.of(4, 2, 1e-14, 0), 1e-12);
    expect(d).toEqual({ rank: 2, smallestKept: 2, largestDropped: 1e-14, gap: 2e14, tolerance: 4e-12 });
    expect(decideRank(Float64Array.of(3, 1), 1e-12)).toMatchObject({ rank: 2, largestDropped: 0, gap: Infinity });
    expect(decideRank(Float64Array.of(0, 0), 1e-12)).toMatchObject({ rank: 0, smallestKept: Infinity });
    expect(defaultRtol(2187, 729)).toBeCloseTo(10 * 2187 * Number.EPSILON, 20);
  });
});

describe('rrefFloat', () => {
  it('puts a basis in exact RREF form', () => {
    const m = rrefFloat(Float64Array.of(0, 2, 4, 0, 1, 3), 2, 3);
    expect(toDense(FloatField, m)).toEqual([
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('treats noise as zero: no pivot on a 1e-13 column, tiny entries dropped', () => {
    const m = rrefFloat(Float64Array.of(1e-13, 1, 2, -1e-13, 2, 4 + 1e-16), 2, 3);
    expect(m.rows).toBe(1);
    expect(toDense(FloatField, m)).toEqual([[0, 1, 2]]);
  });

  it('matches rrefExact on random rational row spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 10 }), fc.integer(), (m, n, seed) => {
        const M = randomPlanted(m, n, 3, 0, seed);
        const exact = rrefExact(M);
        // Feed rrefFloat a well-conditioned (diagonally dominant) mix of the exact rows, as an SVD would.
        const e = toDense(FloatField, toFloat(exact));
        const mixed = new Float64Array(e.length * n);
        const mix = (i: number, k: number) => (i === k ? 2 : 0) + 0.2 * Math.cos(i * 1.3 + k * 0.7 + seed);
        e.forEach((_, i) => {
          for (let j = 0; j < n; j++) mixed[i * n + j] = e.reduce((s, row, k) => s + mix(i, k) * row[j]!, 0);
        });
        const got = rrefFloat(mixed, e.length, n);
        expect(got.rows).toBe(exact.rows);
        expect(maxDiff(got, fromDense(FloatField, e, n))).toBeLessThan(1e-9);
      }),
      { numRuns: 150 },
    );
  });
});
