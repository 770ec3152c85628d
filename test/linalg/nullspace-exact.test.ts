import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RationalField } from '../../src/field/field.js';
import { parseRational, rat, toText, type Rational } from '../../src/field/rational.js';
import { fromDense, identity, toDense, zeros, type SparseMatrix } from '../../src/linalg/sparse.js';
import { isRref } from '../helpers/rref.js';
import { primesBelow, PRIME_LIMIT } from '../../src/linalg/modular.js';
import { nullspaceExact } from '../../src/linalg/nullspace-exact.js';
import { SolverError } from '../../src/errors.js';
import { annihilates, randomPlanted, referenceRank, so3Hom, so3Invariants } from './nullspace-helpers.js';

const F = RationalField;
const q = (rows: (number | string)[][]): SparseMatrix<Rational> =>
  fromDense(F, rows.map((r) => r.map((x) => (typeof x === 'number' ? rat(x) : parseRational(x)!))));
const text = (m: SparseMatrix<Rational>) => toDense(F, m).map((r) => r.map(toText));

describe('nullspaceExact: known null spaces', () => {
  it('identity has an empty null space (0×n, not an error)', () => {
    const r = nullspaceExact(identity(F, 5));
    expect(r.basis.rows).toBe(0);
    expect(r.basis.cols).toBe(5);
    expect(r.rank).toBe(5);
  });

  it('zero matrix: the null space is everything, as the identity', () => {
    const r = nullspaceExact(zeros<Rational>(4, 3));
    expect(text(r.basis)).toEqual([
      ['1', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '1'],
    ]);
    expect(r.rank).toBe(0);
  });

  it('no rows at all', () => {
    expect(nullspaceExact(zeros<Rational>(0, 2)).basis.rows).toBe(2);
    expect(nullspaceExact(zeros<Rational>(0, 0)).basis.rows).toBe(0);
  });

  it('hand example with fractions, in RREF', () => {
    // x0 − x1/2 + x3/3 = 0 and x2 = 2·x3 (written with thirds); the third row is twice the first.
    const C = q([
      [1, '-1/2', 0, '1/3'],
      [0, 0, '1/3', '-2/3'],
      [2, -1, 0, '2/3'],
    ]);
    const r = nullspaceExact(C);
    expect(r.rank).toBe(2);
    expect(text(r.basis)).toEqual([
      ['1', '0', '-6', '-3'],
      ['0', '1', '3', '3/2'],
    ]);
    expect(annihilates(C, r.basis)).toBe(true);
  });

  it('a nullity hint stops early and changes nothing; a wrong one falls back to every row', () => {
    const C = q([
      [1, '-1/2', 0, '1/3'],
      [0, 0, '1/3', '-2/3'],
      [2, -1, 0, '2/3'],
      [1, '-1/2', '1/3', '-1/3'],
    ]);
    const plain = text(nullspaceExact(C).basis);
    expect(text(nullspaceExact(C, { nullity: 2 }).basis)).toEqual(plain);
    const wrong = nullspaceExact(C, { nullity: 3 });
    expect(text(wrong.basis)).toEqual(plain);
    expect(wrong.method).toBe('fraction-free');
  });

  it('pivots of the null space are the first possible columns', () => {
    const r = nullspaceExact(q([[0, 1, -3]]));
    expect(text(r.basis)).toEqual([
      ['1', '0', '0'],
      ['0', '1', '1/3'],
    ]);
  });

  it('so(3) invariants of V⊗V⊗V: nullity 1, the Levi-Civita symbol', () => {
    const r = nullspaceExact(so3Invariants(3));
    expect(r.basis.rows).toBe(1);
    const eps = new Map<number, string>();
    for (let k = 0; k < r.basis.colIdx.length; k++) eps.set(r.basis.colIdx[k]!, toText(r.basis.values[k]!));
    // (i,j,k) ↦ 9i + 3j + k; normalised so the first entry ε_012 is 1.
    expect([...eps]).toEqual([
      [5, '1'],
      [7, '-1'],
      [11, '-1'],
      [15, '1'],
      [19, '1'],
      [21, '-1'],
    ]);
  });

  it('so(3) invariants of V^⊗4: nullity 3', () => {
    const C = so3Invariants(4);
    const r = nullspaceExact(C);
    expect(r.basis.rows).toBe(3);
    expect(isRref(F, r.basis)).toBe(true);
    expect(annihilates(C, r.basis)).toBe(true);
  });

  it('so(3) Hom(T(3), T(3)): 729 unknowns, dimension 15, fast', () => {
    const C = so3Hom(3, 3);
    expect([C.rows, C.cols]).toEqual([2187, 729]);
    const t = performance.now();
    const r = nullspaceExact(C);
    const ms = performance.now() - t;
    expect(r.basis.rows).toBe(15);
    expect(r.rank).toBe(714);
    expect(r.method).toBe('modular');
    expect(isRref(F, r.basis)).toBe(true);
    expect(annihilates(C, r.basis)).toBe(true);
    expect(ms).toBeLessThan(2000); // measured ≈ 15–60 ms; generous for slow CI
  });

  it('random sparse 2187×729 with planted dependencies, under ~2 s', () => {
    const C = randomPlanted(2187, 729, 5, 9, 1);
    const t = performance.now();
    const r = nullspaceExact(C);
    const ms = performance.now() - t;
    expect(r.basis.rows).toBe(9);
    expect(annihilates(C, r.basis)).toBe(true);
    expect(ms).toBeLessThan(4000); // measured ≈ 150 ms
  });
});

describe('nullspaceExact: unlucky primes and fallback', () => {
  const [p0] = primesBelow(PRIME_LIMIT, 1) as [number];

  it('a prime where the rank drops is detected and skipped', () => {
    // det = p0: rank 2 over ℚ, rank 1 mod p0 (the first prime tried).
    const C = q([
      [1, 1],
      [1, 1 + p0],
    ]);
    const r = nullspaceExact(C);
    expect(r.basis.rows).toBe(0);
    expect(r.rank).toBe(2);
    expect(r.stats.modular!.primesRejected).toBeGreaterThanOrEqual(1);
  });

  it('a prime dividing a denominator of the answer (other pivots, same rank) is outvoted', () => {
    // null vector (1, −1/p0): mod p0 the pivot moves to column 1.
    const r = nullspaceExact(q([[1, p0]]));
    expect(text(r.basis)).toEqual([['1', `-1/${p0}`]]);
    expect(r.method).toBe('modular');
  });

  it('entries too large for the prime budget fall back to fraction-free elimination', () => {
    const K = 2n ** 300n;
    const C: SparseMatrix<Rational> = fromDense(F, [[rat(1n), rat(K), rat(0n)]]);
    const r = nullspaceExact(C);
    expect(r.method).toBe('fraction-free');
    expect(r.stats.fallbackReason).toMatch(/no verified reconstruction/);
    expect(text(r.basis)).toEqual([
      ['1', `-1/${K}`, '0'],
      ['0', '0', '1'],
    ]);
    expect(() => nullspaceExact(C, { method: 'modular' })).toThrow(SolverError);
  });

  it('fraction-free and modular give identical arrays', () => {
    const C = so3Invariants(4);
    const a = nullspaceExact(C, { method: 'modular' }).basis;
    const b = nullspaceExact(C, { method: 'fraction-free' }).basis;
    expect(text(b)).toEqual(text(a));
  });
});

/** Random small integer matrices with planted dependent columns (fast-check drives the seed). */
const smallSystem = fc
  .record({
    m: fc.integer({ min: 1, max: 14 }),
    n: fc.integer({ min: 1, max: 12 }),
    perRow: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer(),
  })
  .map(({ m, n, perRow, d, seed }) => randomPlanted(m, n, perRow, Math.min(d, n - 1), seed));

describe('nullspaceExact: properties', () => {
  it('C·N = 0 exactly, nullity = n − rank (independent rank), RREF, method agreement', () => {
    fc.assert(
      fc.property(smallSystem, (C) => {
        const r = nullspaceExact(C);
        const rank = referenceRank(C);
        expect(r.rank).toBe(rank);
        expect(r.basis.rows).toBe(C.cols - rank);
        expect(isRref(F, r.basis)).toBe(true);
        expect(annihilates(C, r.basis)).toBe(true);
        expect(text(nullspaceExact(C, { method: 'fraction-free' }).basis)).toEqual(text(r.basis));
      }),
      { numRuns: 150 },
    );
  });

  it('is invariant under row permutation, row scaling and duplicated rows', () => {
    fc.assert(
      fc.property(smallSystem, fc.integer(), (C, seed) => {
        const dense = toDense(F, C);
        let s = seed;
        const next = () => (s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0;
        const scaled = dense.map((row) => {
          const f = rat(BigInt((next() % 5) + 1) * (next() % 2 ? 1n : -1n), BigInt((next() % 3) + 1));
          return row.map((x) => RationalField.mul(x, f));
        });
        const shuffled = [...scaled, ...scaled.slice(0, 2)].sort(() => (next() % 2 ? 1 : -1));
        const C2 = fromDense(F, shuffled, C.cols);
        expect(text(nullspaceExact(C2).basis)).toEqual(text(nullspaceExact(C).basis));
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: same input, identical arrays', () => {
    const C = randomPlanted(300, 120, 5, 6, 7);
    const a = nullspaceExact(C).basis;
    const b = nullspaceExact(C).basis;
    expect(Array.from(b.rowPtr)).toEqual(Array.from(a.rowPtr));
    expect(Array.from(b.colIdx)).toEqual(Array.from(a.colIdx));
    expect(b.values).toEqual(a.values);
  });
});
