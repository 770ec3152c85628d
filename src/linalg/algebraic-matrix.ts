/**
 * Sparse matrices over a number field ℚ(θ) of degree d in the form the modular kernels want: every
 * entry is d integer coefficients over 1, θ, …, θ^{d−1}, each row scaled to integers (rows of a
 * homogeneous system can be). The rational case is d = 1 (modular.ts's IntegerMatrix).
 *
 * Two views are cheap from here: the residues of the entries under θ ↦ r modulo a prime (one
 * embedding of the field into GF(p), for elimination), and the d rational "component" matrices
 * C_i with C = Σ_i C_i θ^i (for exact checks: a rational vector x has C·x = 0 iff every C_i·x = 0,
 * since 1, θ, …, θ^{d−1} are linearly independent over ℚ).
 */
import type { Algebraic } from '../field/number-field.js';
import type { IntegerMatrix } from './modular.js';
import { mulAddMod } from './modular.js';
import type { SparseMatrix } from './sparse.js';
import { gcd } from '../util/bigint.js';

export interface AlgebraicMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly degree: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  /**
   * Coefficient i of entry k at k·degree + i, as doubles when every coefficient is a safe integer
   * (then `big` may be null: the usual case needs no BigInt at all), else null.
   */
  readonly small: Float64Array | null;
  /** The same coefficients as BigInt; null only when `small` holds them (see {@link bigCoefficients}). */
  readonly big: readonly bigint[] | null;
  /** Largest absolute coefficient (as a double). */
  readonly maxAbs: number;
}

/**
 * Builds the form from integer coefficient rows (already scaled), as BigInt or as doubles that are
 * all safe integers; keeps a double view whenever the values allow.
 *
 * @example
 * algebraicMatrix(rows, cols, 2, rowPtr, colIdx, Float64Array.of(1, 0, -2, 1))
 */
export function algebraicMatrix(rows: number, cols: number, degree: number, rowPtr: Int32Array, colIdx: Int32Array, coefficients: bigint[] | Float64Array): AlgebraicMatrix {
  let maxAbs = 0;
  if (coefficients instanceof Float64Array) {
    for (const x of coefficients) {
      if (!Number.isSafeInteger(x)) throw new RangeError('algebraicMatrix: coefficients must be safe integers');
      if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
    }
    return Object.freeze({ rows, cols, degree, rowPtr, colIdx, small: coefficients, big: null, maxAbs });
  }
  for (const b of coefficients) {
    const a = Math.abs(Number(b));
    if (a > maxAbs) maxAbs = a;
  }
  const small = maxAbs <= Number.MAX_SAFE_INTEGER ? Float64Array.from(coefficients, Number) : null;
  return Object.freeze({ rows, cols, degree, rowPtr, colIdx, small, big: Object.freeze(coefficients), maxAbs });
}

/** The coefficients as BigInt (converted from the double view when that is all there is). */
export function bigCoefficients(m: AlgebraicMatrix): readonly bigint[] {
  return m.big ?? Array.from(m.small!, (x) => BigInt(x));
}

/**
 * A matrix over ℚ(θ) as integer coefficient rows: each row times the lcm of its denominators,
 * divided by the gcd of its coefficients.
 *
 * @example
 * algebraicRows(C, field.numberField.degree).rows === C.rows
 */
export function algebraicRows(m: SparseMatrix<Algebraic>, degree: number): AlgebraicMatrix {
  const big: bigint[] = new Array<bigint>(m.values.length * degree);
  for (let r = 0; r < m.rows; r++) {
    const lo = m.rowPtr[r]!;
    const hi = m.rowPtr[r + 1]!;
    let l = 1n;
    for (let k = lo; k < hi; k++) {
      const d = m.values[k]!.d;
      if (d !== 1n) l = (l / gcd(l, d)) * d;
    }
    let g = 0n;
    for (let k = lo; k < hi; k++) {
      const v = m.values[k]!;
      const s = l / v.d;
      for (let i = 0; i < degree; i++) {
        const x = v.c[i]! * s;
        big[k * degree + i] = x;
        if (x !== 0n) g = gcd(g, x);
      }
    }
    if (g > 1n) for (let t = lo * degree; t < hi * degree; t++) big[t] = big[t]! / g;
  }
  return algebraicMatrix(m.rows, m.cols, degree, m.rowPtr, m.colIdx, big);
}

/**
 * The same rows with column j renamed cols − 1 − j (see modular.ts reverseColumns: eliminating the
 * reversed matrix gives the null space directly in reduced row echelon form).
 */
export function reverseAlgebraic(m: AlgebraicMatrix): AlgebraicMatrix {
  const n = m.colIdx.length;
  const d = m.degree;
  const colIdx = new Int32Array(n);
  const small = m.small ? new Float64Array(n * d) : null;
  const big = m.small ? null : new Array<bigint>(n * d);
  for (let r = 0; r < m.rows; r++) {
    const lo = m.rowPtr[r]!;
    const hi = m.rowPtr[r + 1]!;
    for (let k = lo; k < hi; k++) {
      const dst = lo + hi - 1 - k;
      colIdx[dst] = m.cols - 1 - m.colIdx[k]!;
      for (let i = 0; i < d; i++) {
        if (small) small[dst * d + i] = m.small![k * d + i]!;
        else big![dst * d + i] = m.big![k * d + i]!;
      }
    }
  }
  return Object.freeze({ ...m, colIdx, small, big: big ? Object.freeze(big) : null });
}

/**
 * The matrix under θ ↦ root modulo p, as an IntegerMatrix of residues in [0, p) that the modular
 * echelon form accepts. Entries that vanish mod p stay as explicit zeros (the echelon form skips
 * them).
 *
 * @example
 * echelonModP(residuesAt(reverseAlgebraic(a), p, rootModP), p)
 */
export function residuesAt(m: AlgebraicMatrix, p: number, root: number): IntegerMatrix {
  const d = m.degree;
  const invP = 1 / p;
  const powers = new Float64Array(d);
  powers[0] = 1;
  for (let i = 1; i < d; i++) powers[i] = mulAddMod(0, powers[i - 1]!, root, p, invP);
  const out = new Float64Array(m.colIdx.length);
  const P = BigInt(p);
  for (let k = 0; k < out.length; k++) {
    let s = 0;
    for (let i = 0; i < d; i++) {
      let c: number;
      if (m.small) {
        c = m.small[k * d + i]! % p;
      } else {
        c = Number(m.big![k * d + i]! % P);
      }
      if (c === 0) continue;
      if (c < 0) c += p;
      s = mulAddMod(s, c, powers[i]!, p, invP);
    }
    out[k] = s;
  }
  return Object.freeze({ rows: m.rows, cols: m.cols, rowPtr: m.rowPtr, colIdx: m.colIdx, big: [], small: out, maxAbs: p });
}

/**
 * The columns listed in `keep` (ascending), renumbered 0, 1, …; rows left empty are dropped.
 *
 * @example
 * restrictColumns(c, Int32Array.of(0, 2)).cols // 2
 */
export function restrictColumns(m: AlgebraicMatrix, keep: Int32Array): AlgebraicMatrix {
  const d = m.degree;
  const at = new Int32Array(m.cols).fill(-1);
  keep.forEach((c, i) => (at[c] = i));
  let entries = 0;
  for (let k = 0; k < m.colIdx.length; k++) if (at[m.colIdx[k]!]! >= 0) entries++;
  const rowPtr: number[] = [0];
  const colIdx = new Int32Array(entries);
  const small = m.small ? new Float64Array(entries * d) : null;
  const big: bigint[] = [];
  let e = 0;
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
      const c = at[m.colIdx[k]!]!;
      if (c < 0) continue;
      colIdx[e] = c;
      for (let i = 0; i < d; i++) {
        if (small) small[e * d + i] = m.small![k * d + i]!;
        else big.push(m.big![k * d + i]!);
      }
      e++;
    }
    if (e > rowPtr[rowPtr.length - 1]!) rowPtr.push(e);
  }
  return algebraicMatrix(rowPtr.length - 1, keep.length, d, Int32Array.from(rowPtr), colIdx, small ?? big);
}
