/**
 * The weight-sharing pattern of a basis whose elements have disjoint supports and ±1 entries
 * (orbit bases, and any basis of that shape): each weight W[r, c] is ±θ_k for one k, or always 0.
 * Shared by the SVG picture and the terminal preview of the summary.
 */
import { flatBasis, type Basis } from '../../basis.js';

/**
 * The owner of every weight, row-major: `k + 1` when W[r, c] = θ_k, `-(k + 1)` when it is −θ_k,
 * 0 when no element touches it; or null when the basis does not have that shape.
 *
 * @example
 * patternOwners(solveBasis({ group: 'S(3)', in: 'V' })) // Int32Array [1,2,2, 2,1,2, 2,2,1]
 */
export function patternOwners<T>(basis: Basis<T>): Int32Array | null {
  const [m, n] = basis.shape;
  const flat = flatBasis(basis);
  const owner = new Int32Array(m * n);
  for (let k = 0; k < flat.rows; k++) {
    for (let p = flat.rowPtr[k]!; p < flat.rowPtr[k + 1]!; p++) {
      const v = basis.field.toNumber(flat.values[p]!);
      const cell = flat.colIdx[p]!;
      if (Math.abs(Math.abs(v) - 1) > 1e-12 || owner[cell] !== 0) return null;
      owner[cell] = v > 0 ? k + 1 : -(k + 1);
    }
  }
  return owner;
}

const SYMBOLS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Largest side of the matrix the preview draws; beyond it a picture (--format svg) is better. */
export const PREVIEW_MAX_SIDE = 25;

/**
 * A text picture of the pattern, one letter per parameter (`a` = θ1, `b` = θ2, …; `-a` = −θ1,
 * `.` = always zero), or null when the matrix is too large, has more than 62 elements, or its
 * elements overlap (then only a picture of each element makes sense).
 *
 * @example
 * patternPreview(solveBasis({ group: 'S(3)', in: 'V' }))
 * // [' a b b', ' b a b', ' b b a']
 */
export function patternPreview<T>(basis: Basis<T>): string[] | null {
  const [m, n] = basis.shape;
  if (m > PREVIEW_MAX_SIDE || n > PREVIEW_MAX_SIDE || basis.dim > SYMBOLS.length || basis.dim === 0) return null;
  const owner = patternOwners(basis);
  if (!owner) return null;
  const lines: string[] = [];
  for (let r = 0; r < m; r++) {
    let line = '';
    for (let c = 0; c < n; c++) {
      const o = owner[r * n + c]!;
      line += o === 0 ? ' .' : `${o < 0 ? '-' : ' '}${SYMBOLS[Math.abs(o) - 1]}`;
    }
    lines.push(line);
  }
  return lines;
}
