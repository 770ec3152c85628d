/**
 * Complex matrices as real ones: M ↦ [[Re M, −Im M], [Im M, Re M]]. This is an injective algebra
 * homomorphism (products, sums and exp commute with it), so ρ_out(g)·B = B·ρ_in(g) holds over ℂ iff
 * it holds for the realified matrices — the float64 equivariance checks then apply unchanged to
 * U(n) and SU(n).
 */
import { FloatField } from '../field/field.js';
import type { Gaussian } from '../field/gaussian.js';
import { toNumber } from '../field/rational.js';
import { CsrBuilder, type SparseMatrix } from '../linalg/index.js';
import type { RepMatrices } from '../rep/matrices.js';

/**
 * @example
 * realifyMatrix(i·I₁) // [[0, −1], [1, 0]]
 */
export function realifyMatrix(m: SparseMatrix<Gaussian>): SparseMatrix<number> {
  const out = new CsrBuilder(FloatField, 2 * m.cols);
  for (const half of ['re', 'im'] as const) {
    for (let r = 0; r < m.rows; r++) {
      const left: [number, number][] = [];
      const right: [number, number][] = [];
      for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
        const c = m.colIdx[k]!;
        const re = toNumber(m.values[k]!.re);
        const im = toNumber(m.values[k]!.im);
        // Top rows: [Re, −Im]; bottom rows: [Im, Re].
        left.push([c, half === 're' ? re : im]);
        right.push([m.cols + c, half === 're' ? -im : re]);
      }
      for (const [c, v] of [...left, ...right]) out.push(c, v);
      out.endRow();
    }
  }
  return out.build();
}

/** The realified generator matrices of a complex rep. */
export function realifyRep(m: RepMatrices<Gaussian>): RepMatrices<number> {
  return Object.freeze({
    dim: 2 * m.dim,
    discrete: Object.freeze(m.discrete.map(realifyMatrix)),
    lie: Object.freeze(m.lie.map(realifyMatrix)),
  });
}

/**
 * Basis rows (each an m × n complex matrix flattened row-major) as rows of realified 2m × 2n
 * matrices. The RREF shape survives: a pivot 1 at (r, c) stays the first nonzero, at (r, c).
 *
 * @example
 * realifyRows(block.basis, block.m, block.n).cols // 4·m·n
 */
export function realifyRows(rows: SparseMatrix<Gaussian>, m: number, n: number): SparseMatrix<number> {
  const out = new CsrBuilder(FloatField, 4 * m * n);
  for (let r = 0; r < rows.rows; r++) {
    const entries: [number, number][] = [];
    for (let k = rows.rowPtr[r]!; k < rows.rowPtr[r + 1]!; k++) {
      const x = rows.colIdx[k]!;
      const i = Math.floor(x / n);
      const j = x % n;
      const re = toNumber(rows.values[k]!.re);
      const im = toNumber(rows.values[k]!.im);
      const at = (row: number, col: number, v: number): void => {
        if (v !== 0) entries.push([row * 2 * n + col, v]);
      };
      at(i, j, re);
      at(i, n + j, -im);
      at(m + i, j, im);
      at(m + i, n + j, re);
    }
    entries.sort((a, b) => a[0] - b[0]);
    for (const [c, v] of entries) out.push(c, v);
    out.endRow();
  }
  return out.build();
}
