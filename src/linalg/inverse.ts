/**
 * Matrix inverses, needed for dual representations (ρ(g)^{-T}) of non-orthogonal generators and
 * for rejecting singular generators in custom groups.
 *
 * Generators are almost always signed permutations, so both inverses try that O(n) path first.
 * The exact inverse then runs Gauss–Jordan over ℚ on sparse rows (generators of custom groups are
 * sparse; dense rationals would be O(n²) objects). The float inverse is small dense Gauss–Jordan
 * with partial pivoting: float generators come from hand-written JSON files and are tiny.
 */
import { FloatField, RationalField } from '../field/field.js';
import * as Q from '../field/rational.js';
import type { Rational } from '../field/rational.js';
import { CsrBuilder, asSignedPermutation, type SparseMatrix } from './sparse.js';
import type { Field } from '../field/field.js';
import type { Deadline } from '../util/deadline.js';

/** Default relative pivot tolerance of the float inverse: pivots below `relTol · max|entry|` count as zero. */
export const DEFAULT_FLOAT_REL_TOL = 1e-10;

function signedPermutationInverse<T>(field: Field<T>, m: SparseMatrix<T>): SparseMatrix<T> | null {
  const sp = asSignedPermutation(field, m);
  if (sp === null) return null;
  // M·e_j = s_j·e_{perm[j]}, so M⁻¹·e_{perm[j]} = s_j·e_j: row j of M⁻¹ has s_j at column perm[j].
  const b = new CsrBuilder(field, m.cols);
  const minusOne = field.neg(field.one);
  for (let j = 0; j < m.rows; j++) {
    b.push(sp.perm[j]!, sp.sign[j] === 1 ? field.one : minusOne);
    b.endRow();
  }
  return b.build();
}

function checkSquare(m: SparseMatrix<unknown>, what: string): void {
  if (m.rows !== m.cols) throw new RangeError(`${what}: matrix is ${m.rows}x${m.cols}, not square`);
}

/**
 * The exact inverse, or null when the matrix is singular. A dense generator of a custom group can
 * take minutes (bigint growth), so `deadline` (`--timeout`) is ticked per entry update.
 *
 * @example
 * invertExactOrNull(fromDense(RationalField, [[rat(1), rat(1)], [rat(1), rat(1)]])) // null
 */
export function invertExactOrNull(m: SparseMatrix<Rational>, deadline?: Deadline): SparseMatrix<Rational> | null {
  checkSquare(m, 'invertExact');
  const fast = signedPermutationInverse(RationalField, m);
  if (fast !== null) return fast;
  const n = m.rows;
  // Augmented rows [A | I] as maps column → value; columns ≥ n belong to the identity part.
  const rows: Map<number, Rational>[] = [];
  for (let r = 0; r < n; r++) {
    const row = new Map<number, Rational>();
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) row.set(m.colIdx[k]!, m.values[k]!);
    row.set(n + r, Q.ONE);
    rows.push(row);
  }
  const pivotRowOfCol = new Int32Array(n).fill(-1);
  const used = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    // Sparsest candidate row keeps fill-in (and bigint growth) down.
    let best = -1;
    for (let r = 0; r < n; r++) {
      if (used[r] || !rows[r]!.has(c)) continue;
      if (best < 0 || rows[r]!.size < rows[best]!.size) best = r;
    }
    if (best < 0) return null;
    used[best] = 1;
    pivotRowOfCol[c] = best;
    const prow = rows[best]!;
    const scale = Q.inv(prow.get(c)!);
    for (const [k, v] of prow) prow.set(k, Q.mul(v, scale));
    for (let r = 0; r < n; r++) {
      if (r === best) continue;
      const row = rows[r]!;
      const f = row.get(c);
      if (f === undefined) continue;
      for (const [k, v] of prow) {
        deadline?.tick();
        const nv = Q.sub(row.get(k) ?? Q.ZERO, Q.mul(f, v));
        if (Q.isZero(nv)) row.delete(k);
        else row.set(k, nv);
      }
    }
  }
  const b = new CsrBuilder(RationalField, n);
  for (let c = 0; c < n; c++) {
    const row = rows[pivotRowOfCol[c]!]!;
    const entries = [...row].filter(([k]) => k >= n).sort((x, y) => x[0] - y[0]);
    for (const [k, v] of entries) b.push(k - n, v);
    b.endRow();
  }
  return b.build();
}

/**
 * The exact inverse over ℚ. Throws RangeError on a singular matrix (user input is checked for
 * singularity before it gets here, see group/custom.ts).
 *
 * @example
 * invertExact(fromDense(RationalField, [[rat(2), rat(0)], [rat(0), rat(1)]])) // diag(1/2, 1)
 */
export function invertExact(m: SparseMatrix<Rational>): SparseMatrix<Rational> {
  const inv = invertExactOrNull(m);
  if (inv === null) throw new RangeError('invertExact: singular matrix');
  return inv;
}

/**
 * The float64 inverse, or null when a pivot falls below `relTol` times the largest absolute entry.
 * `deadline` (`--timeout`) is ticked per row update: a dense custom generator of dim 4000 fits in a
 * group file and takes minutes.
 *
 * @example
 * invertFloatOrNull(fromDense(FloatField, [[1, 2], [2, 4]])) // null
 */
export function invertFloatOrNull(
  m: SparseMatrix<number>,
  relTol: number = DEFAULT_FLOAT_REL_TOL,
  deadline?: Deadline,
): SparseMatrix<number> | null {
  checkSquare(m, 'invertFloat');
  const fast = signedPermutationInverse(FloatField, m);
  if (fast !== null) return fast;
  const n = m.rows;
  const w = 2 * n;
  const a = new Float64Array(n * w);
  let scale = 0;
  for (let r = 0; r < n; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
      const v = m.values[k]!;
      if (!Number.isFinite(v)) return null;
      a[r * w + m.colIdx[k]!] = v;
      scale = Math.max(scale, Math.abs(v));
    }
    a[r * w + n + r] = 1;
  }
  if (scale === 0) return n === 0 ? new CsrBuilder(FloatField, 0).build() : null;
  const tol = relTol * scale;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * w + c]!) > Math.abs(a[p * w + c]!)) p = r;
    if (!(Math.abs(a[p * w + c]!) > tol)) return null;
    if (p !== c) {
      for (let k = 0; k < w; k++) {
        const t = a[c * w + k]!;
        a[c * w + k] = a[p * w + k]!;
        a[p * w + k] = t;
      }
    }
    const inv = 1 / a[c * w + c]!;
    for (let k = 0; k < w; k++) a[c * w + k]! *= inv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r * w + c]!;
      if (f === 0) continue;
      deadline?.tick();
      for (let k = 0; k < w; k++) a[r * w + k]! -= f * a[c * w + k]!;
    }
  }
  const b = new CsrBuilder(FloatField, n);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < n; k++) b.push(k, a[r * w + n + k]!);
    b.endRow();
  }
  return b.build();
}

/**
 * The float64 inverse (dense Gauss–Jordan, partial pivoting). Throws RangeError when singular to
 * within the relative tolerance.
 *
 * @example
 * invertFloat(fromDense(FloatField, [[0, 2], [1, 0]])) // [[0, 1], [0.5, 0]]
 */
export function invertFloat(m: SparseMatrix<number>, relTol: number = DEFAULT_FLOAT_REL_TOL): SparseMatrix<number> {
  const inv = invertFloatOrNull(m, relTol);
  if (inv === null) throw new RangeError('invertFloat: singular matrix');
  return inv;
}
