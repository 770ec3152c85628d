/**
 * The exact check C·N = 0 over a number field ℚ(θ) = ℚ[x]/(f), for C in integer coefficient rows
 * (algebraic-matrix.ts) and N a basis over ℚ(θ).
 *
 * Computed column-oriented: for each row of C, the rows of N that have an entry at one of its
 * columns are accumulated together (N is stored by columns), so the work is Σ over C's entries of
 * the length of N's column there, not rows(C)·rows(N)·row length. A rational N needs no reduction
 * modulo f: the result's component i is C_i·N. An irrational N gives polynomials of degree up to
 * 2d − 2, reduced modulo f (monic, integer) before comparing with zero. Doubles are used when a
 * bound shows every partial sum is a safe integer, BigInt otherwise; either way the check is exact.
 */
import type { Algebraic } from '../field/number-field.js';
import { reduceInteger } from '../field/qpoly.js';
import { bigCoefficients, type AlgebraicMatrix } from './algebraic-matrix.js';
import type { SparseMatrix } from './sparse.js';
import { gcd } from '../util/bigint.js';

/** N by columns, each row scaled to integer coefficients (w = 1 for rational N, else d). */
interface Columns {
  readonly start: Int32Array;
  readonly row: Int32Array;
  readonly w: number;
  readonly big: bigint[];
  readonly maxAbs: number;
}

function byColumns(n: SparseMatrix<Algebraic>, d: number, rational: boolean): Columns {
  const w = rational ? 1 : d;
  const nnz = n.colIdx.length;
  const start = new Int32Array(n.cols + 1);
  for (let k = 0; k < nnz; k++) start[n.colIdx[k]! + 1]!++;
  for (let c = 0; c < n.cols; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, n.cols);
  const row = new Int32Array(nnz);
  const big = new Array<bigint>(nnz * w);
  let maxAbs = 0;
  for (let r = 0; r < n.rows; r++) {
    let l = 1n;
    for (let k = n.rowPtr[r]!; k < n.rowPtr[r + 1]!; k++) {
      const den = n.values[k]!.d;
      if (den !== 1n) l = (l / gcd(l, den)) * den;
    }
    for (let k = n.rowPtr[r]!; k < n.rowPtr[r + 1]!; k++) {
      const v = n.values[k]!;
      const at = fill[n.colIdx[k]!]!++;
      row[at] = r;
      for (let j = 0; j < w; j++) {
        const x = v.c[j]! * (l / v.d);
        big[at * w + j] = x;
        maxAbs = Math.max(maxAbs, Math.abs(Number(x)));
      }
    }
  }
  return { start, row, w, big, maxAbs };
}

function maxRowLength(m: { rows: number; rowPtr: Int32Array }): number {
  let best = 0;
  for (let r = 0; r < m.rows; r++) best = Math.max(best, m.rowPtr[r + 1]! - m.rowPtr[r]!);
  return best;
}

/**
 * True iff C·x = 0 in ℚ(θ) for every row x of `basis`. `f` is θ's minimal polynomial.
 *
 * @example
 * isAlgebraicNullspace(algebraicRows(C, d), candidate, field.numberField.minimalPolynomial)
 */
export function isAlgebraicNullspace(c: AlgebraicMatrix, basis: SparseMatrix<Algebraic>, f: readonly bigint[]): boolean {
  const d = c.degree;
  const rational = basis.values.every((v) => v.c.every((x, i) => i === 0 || x === 0n));
  const cols = byColumns(basis, d, rational);
  const w = cols.w;
  const width = d + w - 1;
  const terms = maxRowLength(c) * Math.min(d, w);
  const useDoubles = rational && c.small !== null && c.maxAbs * cols.maxAbs * terms < 2 ** 52;
  const touched = new Int32Array(basis.rows);
  const seen = new Uint8Array(basis.rows);
  if (useDoubles) {
    const cs = c.small!;
    const ns = Float64Array.from(cols.big, Number);
    const acc = new Float64Array(basis.rows * width);
    for (let r = 0; r < c.rows; r++) {
      let count = 0;
      for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) {
        const x = c.colIdx[k]!;
        for (let t = cols.start[x]!; t < cols.start[x + 1]!; t++) {
          const b = cols.row[t]!;
          if (seen[b] === 0) {
            seen[b] = 1;
            touched[count++] = b;
          }
          const v = ns[t]!;
          for (let i = 0; i < d; i++) acc[b * width + i]! += cs[k * d + i]! * v;
        }
      }
      let ok = true;
      for (let q = 0; q < count; q++) {
        const b = touched[q]!;
        seen[b] = 0;
        for (let i = 0; i < width; i++) {
          if (acc[b * width + i] !== 0) ok = false;
          acc[b * width + i] = 0;
        }
      }
      if (!ok) return false;
    }
    return true;
  }
  const acc = new Array<bigint>(basis.rows * width).fill(0n);
  const cb = bigCoefficients(c);
  for (let r = 0; r < c.rows; r++) {
    let count = 0;
    for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) {
      const x = c.colIdx[k]!;
      for (let t = cols.start[x]!; t < cols.start[x + 1]!; t++) {
        const b = cols.row[t]!;
        if (seen[b] === 0) {
          seen[b] = 1;
          touched[count++] = b;
        }
        for (let j = 0; j < w; j++) {
          const v = cols.big[t * w + j]!;
          if (v === 0n) continue;
          for (let i = 0; i < d; i++) {
            const a = cb[k * d + i]!;
            if (a !== 0n) acc[b * width + i + j] = acc[b * width + i + j]! + a * v;
          }
        }
      }
    }
    let ok = true;
    for (let q = 0; q < count; q++) {
      const b = touched[q]!;
      seen[b] = 0;
      const poly = acc.slice(b * width, (b + 1) * width);
      const reduced = w > 1 ? reduceInteger(poly, f) : poly;
      if (reduced.some((v) => v !== 0n)) ok = false;
      for (let i = 0; i < width; i++) acc[b * width + i] = 0n;
    }
    if (!ok) return false;
  }
  return true;
}
