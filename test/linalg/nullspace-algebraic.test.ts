/**
 * Null spaces over number fields: the modular solver (both routes: rational span and general)
 * against plain Gauss–Jordan in the field, on random matrices, and the exact check itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/field/cyclotomic.js';
import type { Algebraic, NumberField } from '../../src/field/number-field.js';
import * as P from '../../src/field/qpoly.js';
import * as Q from '../../src/field/rational.js';
import { subfieldOf } from '../../src/group/subfield.js';
import { algebraicRows, embeddingsModP, isAlgebraicNullspace, nullspaceAlgebraic } from '../../src/linalg/index.js';
import { primesCongruentOne } from '../../src/linalg/modular.js';
import { rrefGeneric } from '../../src/linalg/rref-generic.js';
import { CsrBuilder, fromDense, toDense, type SparseMatrix } from '../../src/linalg/sparse.js';

const fields: [string, NumberField, Algebraic][] = [
  ['ℚ(√5)', C.sqrtRational(Q.rat(5n))],
  ['ℚ(2cos(2π/20))', C.cosPi(Q.rat(1n, 10n))],
  ['ℚ(2cos(2π/7))', C.cosPi(Q.rat(2n, 7n))],
].map(([name, x]) => {
  const s = subfieldOf([x as C.Cyclotomic]);
  return [name as string, s.field!, s.element(x as C.Cyclotomic)];
});

/** a + b·x for small integers. */
function element(K: NumberField, x: Algebraic, a: number, b: number): Algebraic {
  return K.add(K.fromRational(Q.rat(a)), K.mul(K.fromRational(Q.rat(b)), x));
}

/** The null space by Gauss–Jordan in the field, in RREF (the oracle). */
function oracle(K: NumberField, c: SparseMatrix<Algebraic>): SparseMatrix<Algebraic> {
  const r = rrefGeneric(K, c);
  const pivots = new Set<number>();
  for (let i = 0; i < r.rows; i++) pivots.add(r.colIdx[r.rowPtr[i]!]!);
  const rows = toDense(K, r);
  const b = new CsrBuilder(K, c.cols);
  for (let f = 0; f < c.cols; f++) {
    if (pivots.has(f)) continue;
    const x = new Array<Algebraic>(c.cols).fill(K.zero);
    x[f] = K.one;
    rows.forEach((row) => {
      const p = row.findIndex((v) => !K.isZero(v));
      x[p] = K.neg(row[f]!);
    });
    x.forEach((v, j) => b.push(j, v));
    b.endRow();
  }
  return rrefGeneric(K, b.build());
}

const text = (K: NumberField, m: SparseMatrix<Algebraic>) => toDense(K, m).map((r) => r.map((v) => JSON.stringify(K.toJSON(v))));

describe('nullspaceAlgebraic', () => {
  it.each(fields)('%s: random matrices agree with Gauss–Jordan in the field', (_, K, x) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -2, max: 2 })), { minLength: 49, maxLength: 49 }),
        fc.integer({ min: 0, max: 2 }),
        (rows, cols, entries, dependent) => {
          // Sparse-ish entries, plus `dependent` rows that are K-combinations of the first (so the
          // null space is often irrational).
          const dense: Algebraic[][] = [];
          for (let r = 0; r < rows; r++) dense.push(Array.from({ length: cols }, (_, j) => { const [a, b] = entries[r * 7 + j]!; return (a + b) % 3 === 0 ? K.zero : element(K, x, a, b); }));
          for (let k = 0; k < dependent; k++) dense.push(dense[0]!.map((v, j) => K.add(K.mul(v, element(K, x, 1, k + 1)), dense[rows - 1]![j]!)));
          const c = fromDense(K, dense, cols);
          const ints = algebraicRows(c, K.numberField.degree);
          const got = nullspaceAlgebraic(ints, K);
          expect(text(K, got.basis)).toEqual(text(K, oracle(K, c)));
          expect(isAlgebraicNullspace(ints, got.basis, K.numberField.minimalPolynomial)).toBe(true);
          expect(nullspaceAlgebraic(ints, K, { check: 'probable' }).basis.rows).toBe(got.basis.rows);
          // The nullity hint changes where the eliminations stop, never the answer; a wrong hint
          // (one too high) is noticed and the solve runs again without it.
          const hinted = nullspaceAlgebraic(ints, K, { nullity: got.basis.rows });
          expect(text(K, hinted.basis)).toEqual(text(K, got.basis));
          expect(hinted.hinted).toBe(true);
          if (got.basis.rows < cols) {
            const wrong = nullspaceAlgebraic(ints, K, { nullity: got.basis.rows + 1 });
            expect(text(K, wrong.basis)).toEqual(text(K, got.basis));
            expect(wrong.hinted).toBe(false);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a Galois-stable space comes back rational from one embedding', () => {
    const [, K, x] = fields[1]!;
    // Rows annihilate the rational vectors (1, 1, 0, 0) and (0, 0, 1, -2): K-combinations of a
    // rational basis of their orthogonal complement.
    const complement = [[1, -1, 0, 0], [0, 0, 2, 1]];
    const coeff = [[element(K, x, 1, 1), element(K, x, 0, 3)], [element(K, x, -2, 1), K.one], [K.zero, element(K, x, 1, -1)]];
    const dense = coeff.map(([a, b]) => complement[0]!.map((u, j) => K.add(K.mul(a!, K.fromRational(Q.rat(u))), K.mul(b!, K.fromRational(Q.rat(complement[1]![j]!))))));
    const r = nullspaceAlgebraic(algebraicRows(fromDense(K, dense), 4), K);
    expect(r.rational).toBe(true);
    expect(r.method).toMatch(/one embedding/);
    expect(text(K, r.basis)).toEqual([['"1"', '"1"', '"0"', '"0"'], ['"0"', '"0"', '"1"', '"-2"']]);
  });

  it('an irrational space needs every embedding', () => {
    const [, K, x] = fields[0]!;
    const r = nullspaceAlgebraic(algebraicRows(fromDense(K, [[K.one, K.neg(x)]]), 2), K);
    expect(r.rational).toBe(false);
    expect(r.method).toMatch(/all 2 embeddings/);
    const [one, y] = toDense(K, r.basis)[0]!.map((v) => K.toJSON(v));
    expect(one).toBe('1');
    expect(y).toMatchObject({ coefficients: ['0', '1/5'] });
    expect((y as { float: number }).float).toBeCloseTo(1 / Math.sqrt(5), 15);
  });

  it('the exact check rejects a wrong basis', () => {
    const [, K, x] = fields[0]!;
    const c = algebraicRows(fromDense(K, [[K.one, K.neg(x)]]), 2);
    const wrong = fromDense(K, [[K.one, K.mul(x, K.fromRational(Q.rat(1n, 4n)))]]);
    expect(isAlgebraicNullspace(c, wrong, K.numberField.minimalPolynomial)).toBe(false);
    expect(isAlgebraicNullspace(c, fromDense(K, [[K.one, P.constant(Q.rat(1n, 5n), 2)]]), K.numberField.minimalPolynomial)).toBe(false);
  });

  it('embeddings mod p are the roots of the minimal polynomial', () => {
    const [, K] = fields[2]!;
    const p = primesCongruentOne(K.numberField.conductor, 1)[0]!;
    const roots = embeddingsModP(K.numberField, p)!;
    expect(roots).toHaveLength(3);
    expect(new Set(roots).size).toBe(3);
    expect(embeddingsModP(K.numberField, 67108859)).toBeNull();
  });
});
