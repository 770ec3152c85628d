/**
 * Exact null space over ℚ(i) by realification: with w = x + i·y, the complex system C·w = 0 is
 * the rational system [Re C, −Im C; Im C, Re C]·[x; y] = 0, solved by the fast modular kernel.
 * Its solutions are closed under multiplication by i, so they come in pairs; the complex vectors
 * x + i·y span the complex null space, and their RREF over ℚ(i) is the canonical basis.
 */
import { SolverError } from '../errors.js';
import { GaussianField, gaussian, type Gaussian } from '../field/gaussian.js';
import { RationalField } from '../field/field.js';
import * as Q from '../field/rational.js';
import type { Rational } from '../field/rational.js';
import { rrefGeneric } from './rref-generic.js';
import { CsrBuilder, type SparseMatrix } from './sparse.js';
import { nullspaceExact } from './nullspace-exact.js';

/**
 * The null space of a ℚ(i) matrix in canonical RREF.
 *
 * @example
 * nullspaceComplex(C).basis.rows // complex dimension of {w : C·w = 0}
 */
export function nullspaceComplex(c: SparseMatrix<Gaussian>): { basis: SparseMatrix<Gaussian>; method: string } {
  const n = c.cols;
  const real = new CsrBuilder(RationalField, 2 * n);
  const pushRow = (r: number, part: 're' | 'im'): void => {
    const left: [number, Rational][] = [];
    const right: [number, Rational][] = [];
    for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) {
      const j = c.colIdx[k]!;
      const v = c.values[k]!;
      // Re: a·x − b·y; Im: b·x + a·y.
      left.push([j, part === 're' ? v.re : v.im]);
      right.push([n + j, part === 're' ? Q.neg(v.im) : v.re]);
    }
    for (const [j, v] of [...left, ...right]) real.push(j, v);
    real.endRow();
  };
  for (let r = 0; r < c.rows; r++) {
    pushRow(r, 're');
    pushRow(r, 'im');
  }
  const solved = nullspaceExact(real.build());
  const pairs = solved.basis;
  if (pairs.rows % 2 !== 0) {
    throw new SolverError('E_SOLVER', `realified null space has odd dimension ${pairs.rows}`, {});
  }
  const complex = new CsrBuilder(GaussianField, n);
  for (let r = 0; r < pairs.rows; r++) {
    const values = new Map<number, Gaussian>();
    for (let k = pairs.rowPtr[r]!; k < pairs.rowPtr[r + 1]!; k++) {
      const j = pairs.colIdx[k]!;
      const v = pairs.values[k]!;
      const col = j % n;
      const prev = values.get(col) ?? gaussian(Q.ZERO);
      values.set(col, j < n ? gaussian(v, prev.im) : gaussian(prev.re, v));
    }
    for (const col of [...values.keys()].sort((a, b) => a - b)) complex.push(col, values.get(col)!);
    complex.endRow();
  }
  const basis = rrefGeneric(GaussianField, complex.build());
  if (basis.rows * 2 !== pairs.rows) {
    throw new SolverError('E_SOLVER', `complex null space has dimension ${basis.rows}, the realified one ${pairs.rows}`, {});
  }
  return { basis, method: `realified ${solved.method} + RREF over ℚ(i)` };
}
