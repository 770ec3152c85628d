/**
 * Comparing bases across strategies: every basis is in canonical (RREF) form, so two bases span
 * the same space exactly when their flat matrices agree entry for entry.
 */
import { expect } from 'vitest';
import { flatBasis, type Basis } from '../../src/basis.js';
import type { Field } from '../../src/field/field.js';
import { toDense, type SparseMatrix } from '../../src/linalg/sparse.js';

/** The flat basis as float rows (one per element, row-major W). */
export function denseBasis(b: Basis<unknown>): number[][] {
  const f = b.field as Field<unknown>;
  return toDense(f, flatBasis(b) as SparseMatrix<unknown>).map((r) => r.map((v) => f.toNumber(v)));
}

/** Same dimension and the same canonical basis, to 1e-9 (float strategies are compared too). */
export function expectSameSpace(a: Basis<unknown>, b: Basis<unknown>): void {
  expect(b.dim).toBe(a.dim);
  const da = denseBasis(a);
  const db = denseBasis(b);
  da.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - db[i]![j]!)).toBeLessThan(1e-9)));
}
