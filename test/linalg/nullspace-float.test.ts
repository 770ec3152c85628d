import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FloatField, RationalField } from '../../src/field/field.js';
import { rat } from '../../src/field/rational.js';
import { fromDense, identity, map, toDense, zeros, type SparseMatrix } from '../../src/linalg/sparse.js';
import { isRref } from '../helpers/rref.js';
import { nullspaceExact } from '../../src/linalg/nullspace-exact.js';
import { nullspaceFloat } from '../../src/linalg/nullspace-float.js';
import { ResourceError, SolverError } from '../../src/errors.js';
import { maxDiff, randomPlanted, so3Hom, so3Invariants, toFloat } from './nullspace-helpers.js';

const f = (rows: number[][]): SparseMatrix<number> => fromDense(FloatField, rows);

describe('nullspaceFloat: known null spaces', () => {
  it('identity: empty basis; zero matrix: identity basis', () => {
    expect(nullspaceFloat(identity(FloatField, 4)).basis.rows).toBe(0);
    const z = nullspaceFloat(zeros<number>(3, 3));
    expect(toDense(FloatField, z.basis)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(z.rank).toBe(0);
  });

  it('hand example in exact RREF form (pivots exactly 1, zeros exactly 0)', () => {
    const r = nullspaceFloat(f([[1, -1, 0]]));
    expect(r.rank).toBe(1);
    expect(toDense(FloatField, r.basis)).toEqual([
      [1, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('reports the singular-value gap and honours rtol', () => {
    const C = f([
      [1, 0],
      [0, 1e-20],
    ]);
    const r = nullspaceFloat(C);
    expect(r.rank).toBe(1);
    expect(r.singularValues.smallestKept).toBeCloseTo(1, 12);
    expect(r.singularValues.largestDropped).toBeLessThan(1e-19);
    expect(r.singularValues.gap).toBeGreaterThan(1e19);
    expect(nullspaceFloat(C, { rtol: 1e-30 }).rank).toBe(2);
  });

  it('agrees with the exact answer on so(3) systems to 1e-12', () => {
    for (const C of [so3Invariants(3), so3Invariants(4), so3Hom(2, 2)]) {
      const exact = nullspaceExact(C);
      const r = nullspaceFloat(toFloat(C));
      expect(r.rank).toBe(exact.rank);
      expect(isRref(FloatField, r.basis)).toBe(true);
      expect(maxDiff(r.basis, toFloat(exact.basis))).toBeLessThan(1e-12);
      expect(r.residual).toBeLessThan(1e-12);
      expect(r.singularValues.gap).toBeGreaterThan(1e10);
    }
  });

  it('is deterministic', () => {
    const C = toFloat(so3Hom(1, 2));
    const a = nullspaceFloat(C).basis;
    const b = nullspaceFloat(C).basis;
    expect(Array.from(b.colIdx)).toEqual(Array.from(a.colIdx));
    expect(b.values).toEqual(a.values);
  });
});

describe('nullspaceFloat: errors', () => {
  it('refuses systems wider than maxCols with ResourceError E_TOO_LARGE', () => {
    let err: unknown;
    try {
      nullspaceFloat(zeros<number>(1, 2001));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResourceError);
    expect((err as ResourceError).code).toBe('E_TOO_LARGE');
    expect((err as ResourceError).actual).toBe('1×2001');
    expect(() => nullspaceFloat(zeros<number>(1, 11), { maxCols: 10 })).toThrow(ResourceError);
  });

  it('rejects non-finite entries', () => {
    expect(() => nullspaceFloat(f([[1, NaN]]))).toThrow(SolverError);
  });
});

describe('nullspaceFloat ≡ nullspaceExact on random rational problems', () => {
  it('same rank and entrywise equal RREF (1e-9)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer(),
        (m, n, perRow, d, seed) => {
          const C0 = randomPlanted(m, n, perRow, Math.min(d, n - 1), seed);
          // Rescale rows by halves and thirds so the entries are genuinely rational.
          const C = map(RationalField, C0, (v) => RationalField.mul(v, rat(2n, 3n)));
          const exact = nullspaceExact(C);
          const r = nullspaceFloat(toFloat(C));
          expect(r.rank).toBe(exact.rank);
          expect(maxDiff(r.basis, toFloat(exact.basis))).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
