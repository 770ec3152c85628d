/**
 * generatorOrder on permutation generators: by cycles, in linear time, instead of up to 1,000
 * sparse matrix powers (a 10^6-point shift took minutes under --certify, which asks it first).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RationalField } from '../../src/field/field.js';
import * as Q from '../../src/field/rational.js';
import { permMatrix } from '../../src/group/library/common.js';
import { generatorOrder } from '../../src/group/sanity.js';
import { CsrBuilder, type SparseMatrix } from '../../src/linalg/sparse.js';
import type { Rational } from '../../src/field/rational.js';

/** The signed permutation matrix with M[i, p[i]] = s[i]. */
function signedPerm(p: number[], s: number[]): SparseMatrix<Rational> {
  const b = new CsrBuilder(RationalField, p.length);
  p.forEach((c, i) => {
    b.push(c, Q.rat(s[i]!));
    b.endRow();
  });
  return b.build();
}

/** The order by repeated multiplication of dense matrices, the definition. */
function orderByPowers(p: number[], s: number[], bound: number): number | null {
  const n = p.length;
  const m = p.map((c, i) => Array.from({ length: n }, (_, j) => (j === c ? s[i]! : 0)));
  let power = m;
  for (let k = 1; k <= bound; k++) {
    if (power.every((row, i) => row.every((v, j) => v === (i === j ? 1 : 0)))) return k;
    power = power.map((row) => m[0]!.map((_, j) => row.reduce((acc, v, l) => acc + v * m[l]![j]!, 0)));
  }
  return null;
}

describe('generatorOrder of signed permutations', () => {
  it('agrees with repeated multiplication', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), fc.array(fc.constantFrom(1, -1), { minLength: n, maxLength: n })),
        ),
        fc.integer({ min: 1, max: 30 }),
        ([p, s], bound) => {
          expect(generatorOrder(RationalField, signedPerm(p, s), bound)).toBe(orderByPowers(p, s, bound));
        },
      ),
      { numRuns: 400, seed: 91 },
    );
  });

  it.each<[string, number[], number[], number | null]>([
    ['a transposition', [1, 0, 2], [1, 1, 1], 2],
    ['a 3-cycle', [1, 2, 0], [1, 1, 1], 3],
    ['a swap with one sign', [1, 0], [1, -1], 4],
    ['minus the identity', [0, 1], [-1, -1], 2],
    ['the identity', [0, 1, 2], [1, 1, 1], 1],
  ])('%s', (_, p, s, order) => {
    expect(generatorOrder(RationalField, signedPerm(p, s))).toBe(order);
  });

  it('a shift on 1,000,000 points: null (order above 1,000) at once', () => {
    const n = 1_000_000;
    const m = permMatrix(Int32Array.from({ length: n }, (_, i) => (i + n - 1) % n));
    const t = performance.now();
    expect(generatorOrder(RationalField, m)).toBeNull();
    expect(generatorOrder(RationalField, m, n)).toBe(n);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
