import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RationalField } from '../../src/field/field.js';
import { rat, toText, type Rational } from '../../src/field/rational.js';
import { fromDense, identity, toDense, zeros, type SparseMatrix } from '../../src/linalg/sparse.js';
import { isRref, rrefExact, rrefExactDetailed } from '../helpers/rref.js';
import { echelonModP } from '../../src/linalg/echelon-modp.js';
import { rrefFromEchelon } from '../../src/linalg/rref-modp.js';
import { integerRows, PRIME_LIMIT, primesBelow } from '../../src/linalg/modular.js';
import { randomPlanted, referenceRank, so3Invariants } from './nullspace-helpers.js';

const F = RationalField;
const q = (rows: number[][]): SparseMatrix<Rational> => fromDense(F, rows.map((r) => r.map((x) => rat(x))));
const text = (m: SparseMatrix<Rational>) => toDense(F, m).map((r) => r.map(toText));
const [P] = primesBelow(PRIME_LIMIT, 1) as [number];

describe('rrefExact', () => {
  it('hand example: zero rows dropped, pivots 1, zeros above and below', () => {
    const r = rrefExact(
      q([
        [0, 2, 4, 2],
        [0, 0, 0, 0],
        [1, 1, 1, 1],
        [1, 2, 3, 2],
      ]),
    );
    expect(text(r)).toEqual([
      ['1', '0', '-1', '0'],
      ['0', '1', '2', '1'],
    ]);
  });

  it('fractions appear where the span needs them', () => {
    expect(text(rrefExact(q([[3, 1, 0], [0, 3, 1]])))).toEqual([
      ['1', '0', '-1/9'],
      ['0', '1', '1/3'],
    ]);
  });

  it('empty and full-rank inputs', () => {
    expect(rrefExact(zeros<Rational>(3, 4)).rows).toBe(0);
    expect(rrefExact(zeros<Rational>(3, 4)).cols).toBe(4);
    expect(text(rrefExact(q([[0, 1], [1, 0]])))).toEqual(text(identity(F, 2)));
  });

  it('an unlucky prime (rank drop mod p) does not change the answer', () => {
    const r = rrefExactDetailed(q([[1, 1], [1, 1 + P]]));
    expect(text(r.rref)).toEqual(text(identity(F, 2)));
    expect(r.method).toBe('modular');
  });

  it('entries beyond the prime budget fall back to fraction-free elimination', () => {
    const K = 3n ** 200n;
    const m = fromDense(F, [[rat(K), rat(1n)]]);
    const r = rrefExactDetailed(m, { maxPrimes: 2 });
    expect(r.method).toBe('fraction-free');
    expect(text(r.rref)).toEqual([['1', `1/${K}`]]);
    expect(text(rrefExact(m))).toEqual(text(r.rref));
  });

  it('so(3) constraint rows: modular and fraction-free agree', () => {
    const C = so3Invariants(4);
    const a = rrefExactDetailed(C);
    const b = rrefExactDetailed(C, { method: 'fraction-free' });
    expect(a.method).toBe('modular');
    expect(text(b.rref)).toEqual(text(a.rref));
    expect(a.rref.rows).toBe(81 - 3);
  });
});

const smallMatrix = fc
  .record({
    m: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 10 }),
    perRow: fc.integer({ min: 1, max: 4 }),
    d: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer(),
  })
  .map(({ m, n, perRow, d, seed }) => randomPlanted(m, n, perRow, Math.min(d, n - 1), seed));

describe('rrefExact: properties', () => {
  it('is in RREF, has rank rows, and both methods agree', () => {
    fc.assert(
      fc.property(smallMatrix, (M) => {
        const r = rrefExact(M);
        expect(isRref(F, r)).toBe(true);
        expect(r.rows).toBe(referenceRank(M));
        expect(text(rrefExact(M, { method: 'fraction-free' }))).toEqual(text(r));
      }),
      { numRuns: 150 },
    );
  });

  it('is canonical: invariant under row permutation, scaling and adding combinations', () => {
    fc.assert(
      fc.property(smallMatrix, fc.integer({ min: 1, max: 1000 }), (M, seed) => {
        const rows = toDense(F, M);
        const mixed = rows.map((row, i) => {
          const s = rat(BigInt(((seed * (i + 3)) % 7) - 3 || 2), BigInt((i % 3) + 1));
          const other = rows[(i + seed) % rows.length]!;
          return row.map((x, j) => F.add(F.mul(x, s), F.mul(other[j]!, rat(seed % 2))));
        });
        // mixing may lose rank (s·row_i + row_k can cancel); keep the originals' span by appending them
        const all = [...mixed.reverse(), ...rows];
        expect(text(rrefExact(fromDense(F, all, M.cols)))).toEqual(text(rrefExact(M)));
      }),
      { numRuns: 100 },
    );
  });

  it('all elimination modes (echelon-only, reduced, adaptive) give the same RREF mod p', () => {
    fc.assert(
      fc.property(smallMatrix, (M) => {
        const ints = integerRows(M);
        const a = rrefFromEchelon(echelonModP(ints, P, { mode: 'echelon' }));
        for (const mode of ['reduced', 'adaptive'] as const) {
          const b = rrefFromEchelon(echelonModP(ints, P, { mode }));
          expect(Array.from(b.pivots)).toEqual(Array.from(a.pivots));
          expect(b.rowCols.map((c) => Array.from(c))).toEqual(a.rowCols.map((c) => Array.from(c)));
          expect(b.rowVals.map((c) => Array.from(c))).toEqual(a.rowVals.map((c) => Array.from(c)));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('isRref', () => {
  it('rejects each violated condition', () => {
    expect(isRref(F, identity(F, 3))).toBe(true);
    expect(isRref(F, zeros<Rational>(0, 3))).toBe(true);
    expect(isRref(F, q([[2, 0]]))).toBe(false); // pivot not 1
    expect(isRref(F, q([[0, 1], [1, 0]]))).toBe(false); // pivots not increasing
    expect(isRref(F, q([[1, 1], [0, 1]]))).toBe(false); // entry above a pivot
    expect(isRref(F, q([[1, 0], [0, 0]]))).toBe(false); // zero row
  });
});
