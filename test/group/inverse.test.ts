import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FloatField, RationalField } from '../../src/field/field.js';
import { rat, type Rational } from '../../src/field/rational.js';
import { equalMatrices, fromDense, identity, multiply, toDense, type SparseMatrix } from '../../src/linalg/sparse.js';
import { invertExact, invertExactOrNull, invertFloat, invertFloatOrNull } from '../../src/linalg/inverse.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { toFloatGroup } from '../../src/group/convert.js';

const q = (rows: number[][]) => fromDense(RationalField, rows.map((r) => r.map((v) => rat(v))));

describe('invertExact', () => {
  it('inverts a non-monomial rational matrix exactly', () => {
    const m = fromDense(RationalField, [
      [rat(2), rat(1)],
      [rat(1, 2), rat(3)],
    ]);
    const inv = invertExact(m);
    expect(equalMatrices(RationalField, multiply(RationalField, m, inv), identity(RationalField, 2))).toBe(true);
    expect(toDense(RationalField, inv)[0]![0]).toEqual(rat(6, 11));
  });

  it('inverts signed permutations by the fast path', () => {
    const g = resolveGroup('O(1,3) x Cube x RubiksCube');
    for (const h of g.discrete as readonly SparseMatrix<Rational>[]) {
      const inv = invertExact(h);
      expect(equalMatrices(RationalField, multiply(RationalField, h, inv), identity(RationalField, g.dim))).toBe(true);
    }
  });

  it('detects singular matrices', () => {
    expect(invertExactOrNull(q([[1, 2], [2, 4]]))).toBeNull();
    expect(invertExactOrNull(q([[0, 0], [0, 0]]))).toBeNull();
    expect(() => invertExact(q([[1, 1, 0], [1, 1, 0], [0, 0, 1]]))).toThrow(RangeError);
  });

  it('A · A⁻¹ = I for random invertible integer matrices', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }), (rows) => {
        const m = q(rows);
        const inv = invertExactOrNull(m);
        const det = determinant(rows);
        expect(inv === null).toBe(det === 0);
        if (inv !== null) {
          expect(equalMatrices(RationalField, multiply(RationalField, m, inv), identity(RationalField, 4))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('invertFloat', () => {
  it('inverts with partial pivoting', () => {
    const m = fromDense(FloatField, [
      [0, 2, 0],
      [1, 0, 0],
      [0, 0, 4],
    ]);
    expect(toDense(FloatField, invertFloat(m))).toEqual([
      [0, 1, 0],
      [0.5, 0, 0],
      [0, 0, 0.25],
    ]);
    const c5 = toFloatGroup(resolveGroup('C(5)'));
    const h = c5.discrete[0]! as SparseMatrix<number>;
    const p = toDense(FloatField, multiply(FloatField, h, invertFloat(h)));
    expect(p[0]![0]).toBeCloseTo(1, 14);
    expect(p[0]![1]).toBeCloseTo(0, 14);
  });

  it('uses a relative tolerance', () => {
    const s = Math.SQRT2;
    expect(invertFloatOrNull(fromDense(FloatField, [[s, 1], [2, s]]))).toBeNull();
    expect(invertFloatOrNull(fromDense(FloatField, [[1e-20, 0], [0, 1e-20]]))).not.toBeNull();
    expect(invertFloatOrNull(fromDense(FloatField, [[1, 1], [1, 1 + 1e-13]]))).toBeNull();
    expect(() => invertFloat(fromDense(FloatField, [[0, 0], [0, 0]]))).toThrow(RangeError);
  });
});

function determinant(rows: number[][]): number {
  const n = rows.length;
  if (n === 1) return rows[0]![0]!;
  let d = 0;
  for (let j = 0; j < n; j++) {
    const minor = rows.slice(1).map((r) => r.filter((_, k) => k !== j));
    d += (j % 2 === 0 ? 1 : -1) * rows[0]![j]! * determinant(minor);
  }
  return d;
}
