import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RationalField } from '../../src/field/field.js';
import { rat } from '../../src/field/rational.js';
import { fromDense } from '../../src/linalg/sparse.js';
import {
  integerRows,
  invMod,
  mulAddMod,
  PRIME_LIMIT,
  primesBelow,
  residues,
  reverseColumns,
} from '../../src/linalg/modular.js';
import { crt, ratRecon, ratReconSmall } from '../../src/linalg/reconstruct.js';
import { echelonModP } from '../../src/linalg/echelon-modp.js';
import { nullspaceFromEchelon } from '../../src/linalg/rref-modp.js';

const primes = primesBelow(PRIME_LIMIT, 8);
const P = primes[0]!;

describe('modular arithmetic', () => {
  it('primesBelow: descending primes under 2^26, deterministic', () => {
    expect(primes.slice(0, 2)).toEqual([67108859, 67108837]);
    for (let i = 1; i < primes.length; i++) expect(primes[i]!).toBeLessThan(primes[i - 1]!);
    const isPrime = (p: number) => {
      for (let d = 2; d * d <= p; d++) if (p % d === 0) return false;
      return true;
    };
    expect(primes.every(isPrime)).toBe(true);
  });

  it('mulAddMod equals BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.nat(P - 1), fc.nat(P - 1), fc.nat(P - 1), (a, b, c) => {
        expect(mulAddMod(a, b, c, P, 1 / P)).toBe(Number((BigInt(a) + BigInt(b) * BigInt(c)) % BigInt(P)));
      }),
    );
  });

  it('invMod inverts, and refuses zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: P - 1 }), (a) => {
        expect(mulAddMod(0, a, invMod(a, P), P, 1 / P)).toBe(1);
      }),
    );
    expect(() => invMod(0, P)).toThrow(RangeError);
  });

  it('integerRows: rows scaled to primitive integers; residues of negatives and of bigints', () => {
    const m = fromDense(RationalField, [
      [rat(1n, 2n), rat(-1n, 3n), rat(0n)],
      [rat(4n), rat(6n), rat(2n ** 70n)],
    ]);
    const ints = integerRows(m);
    expect(ints.big).toEqual([3n, -2n, 2n, 3n, 2n ** 69n]);
    expect(ints.small).toBeNull();
    const r = residues(ints, 7);
    expect(Array.from(r)).toEqual([3, 5, 2, 3, Number(2n ** 69n % 7n)]);
    const rev = reverseColumns(ints);
    expect(Array.from(rev.colIdx)).toEqual([1, 2, 0, 1, 2]);
    expect(rev.big).toEqual([-2n, 3n, 2n ** 69n, 3n, 2n]);
  });
});

describe('rational reconstruction and CRT', () => {
  it('Wang reconstruction recovers fractions within √(m/2), one prime', () => {
    const bound = Math.floor(Math.sqrt(P / 2));
    fc.assert(
      fc.property(fc.integer({ min: -bound, max: bound }), fc.integer({ min: 1, max: bound }), (a, b) => {
        const q = rat(BigInt(a), BigInt(b));
        const u = Number((((q.num % BigInt(P)) + BigInt(P)) * BigInt(invMod(Number(q.den), P))) % BigInt(P));
        const small = ratReconSmall(u, P)!;
        expect([BigInt(small[0]), BigInt(small[1])]).toEqual([q.num, q.den]);
        expect(ratRecon(BigInt(u), BigInt(P))).toEqual(q);
      }),
    );
  });

  it('CRT + reconstruction over several primes recovers large fractions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: 1n, max: 2n ** 60n }), (a, b) => {
        const q = rat(a, b);
        let x = 0n;
        let m = 1n;
        for (const p of primes.slice(0, 6)) {
          const P2 = BigInt(p);
          const u = (((q.num % P2) + P2) * BigInt(invMod(Number(q.den % P2), p))) % P2;
          x = m === 1n ? u : crt(x, m, Number(u), p);
          m *= P2;
        }
        expect(ratRecon(x, m)).toEqual(q);
      }),
    );
  });

  it('double and BigInt versions agree, including on failures', () => {
    let failures = 0;
    fc.assert(
      fc.property(fc.nat(P - 1), (u) => {
        const small = ratReconSmall(u, P);
        const big = ratRecon(BigInt(u), BigInt(P));
        if (small === null) failures++;
        expect(big === null ? null : [Number(big.num), Number(big.den)]).toEqual(small);
      }),
      { numRuns: 500 },
    );
    expect(failures).toBeGreaterThan(0); // about 40% of residues have no fraction within the bound
  });
});

describe('echelonModP with a rank bound', () => {
  const matrixOf = (rows: number, cols: number, entries: readonly number[]) =>
    integerRows(fromDense(RationalField, Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => rat(BigInt(entries[r * cols + c]!))))));
  const form = (e: ReturnType<typeof echelonModP>) => ({ rank: e.rank, rows: e.rowCols.map((c, i) => [Array.from(c), Array.from(e.rowVals[i]!)]) });

  it('a bound at the true rank stops early and gives the same null space; a lower one stops there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 63, maxLength: 63 }),
        fc.integer({ min: 0, max: 4 }),
        (rows, cols, entries, repeats) => {
          // Repeated rows at the end: the part of a constraint system a rank bound skips.
          const base = entries.slice(0, rows * cols);
          const m = matrixOf(rows + repeats, cols, [...base, ...Array.from({ length: repeats * cols }, (_, k) => base[k % base.length]!)]);
          const full = echelonModP(m, P);
          const bounded = echelonModP(m, P, { rankBound: full.rank });
          expect(bounded.rank).toBe(full.rank);
          const ns = (e: ReturnType<typeof echelonModP>) => {
            const r = nullspaceFromEchelon(e);
            return { pivots: Array.from(r.pivots), rows: r.rowCols.map((c, i) => [Array.from(c), Array.from(r.rowVals[i]!)]) };
          };
          expect(ns(bounded)).toEqual(ns(full));
          for (const mode of ['echelon', 'reduced', 'adaptive'] as const) expect(echelonModP(m, P, { rankBound: full.rank, mode }).rank).toBe(full.rank);
          if (full.rank > 0) expect(echelonModP(m, P, { rankBound: full.rank - 1 }).rank).toBe(full.rank - 1);
          expect(form(echelonModP(m, P, { rankBound: cols + 5 }))).toEqual(form(full));
        },
      ),
      { numRuns: 200 },
    );
  });
});
