/**
 * The constraint system of assemble.ts for groups over a number field ℚ(θ), built directly as
 * integer coefficient rows (linalg/algebraic-matrix.ts) instead of field elements.
 *
 * Why a second assembler: a constraint row is a handful of generator entries copied with a sign,
 * and doing that with field elements (a BigInt vector and a gcd per operation, plus a string per
 * entry to detect duplicate rows) cost more than the whole modular solve on C(6) T(5)→T(5). Here
 * each generator matrix is first scaled to integers once (ρ = P/D), so a row of
 * D_out·D_in·(ρ_out W − W ρ_in) is D_in·P and −D_out·Q copied into a double accumulator. When the
 * integers could exceed 2^53 the generic assembler runs instead (same rows, slower).
 */
import type { Algebraic, NumberField } from '../field/number-field.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { algebraicMatrix, algebraicRows, type AlgebraicMatrix } from '../linalg/algebraic-matrix.js';
import { transpose, type SparseMatrix } from '../linalg/index.js';
import { assembleConstraints, type Reduction } from './assemble.js';

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** A matrix as integer coefficients (doubles) over one common denominator, or null if too large. */
interface Scaled {
  readonly den: bigint;
  readonly coef: Float64Array;
  readonly maxAbs: number;
}

function scaled(m: SparseMatrix<Algebraic>, d: number, factor: bigint): { den: bigint; coef: Float64Array; maxAbs: number } | null {
  let den = 1n;
  for (const v of m.values) if (v.d !== 1n) den = (den / gcd(den, v.d)) * v.d;
  const coef = new Float64Array(m.values.length * d);
  let maxAbs = 0;
  for (let k = 0; k < m.values.length; k++) {
    const v = m.values[k]!;
    const s = (den / v.d) * factor;
    for (let i = 0; i < d; i++) {
      const x = Number(v.c[i]! * s);
      if (!Number.isSafeInteger(x)) return null;
      coef[k * d + i] = x;
      if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
    }
  }
  return { den, coef, maxAbs };
}

function maxRow(m: SparseMatrix<unknown>): number {
  let best = 0;
  for (let r = 0; r < m.rows; r++) best = Math.max(best, m.rowPtr[r + 1]! - m.rowPtr[r]!);
  return best;
}

/**
 * The rows of ρ_out(g)·W − W·ρ_in(g) = 0 for every pair, over the m·n entries of W (or the orbit
 * coordinates of `reduction`), as integer coefficient rows; zero and repeated rows dropped.
 *
 * @example
 * assembleAlgebraic(K, [[rot5, rot5]], 32, 32).rows // 1024 for C(6) T(5)→T(5)
 */
export function assembleAlgebraic(
  field: NumberField,
  pairs: readonly (readonly [SparseMatrix<Algebraic>, SparseMatrix<Algebraic>])[],
  m: number,
  n: number,
  reduction?: Reduction,
  deadline: Deadline = NO_DEADLINE,
): AlgebraicMatrix {
  const d = field.numberField.degree;
  const cols = reduction ? reduction.count : m * n;
  const prepared: { out: SparseMatrix<Algebraic>; inT: SparseMatrix<Algebraic>; p: Scaled; q: Scaled }[] = [];
  for (const [out, inn] of pairs) {
    const inT = transpose(inn);
    const p0 = scaled(out, d, 1n);
    const q0 = scaled(inT, d, 1n);
    const p = p0 && scaled(out, d, q0?.den ?? 1n);
    const q = q0 && p0 && scaled(inT, d, -p0.den);
    // Every row sums at most maxRow(ρ_out) + maxRow(ρ_inᵀ) products into one coefficient.
    if (!p || !q || p.maxAbs * maxRow(out) + q.maxAbs * maxRow(inT) >= 2 ** 53) {
      return algebraicRows(assembleConstraints(field, pairs, m, n, reduction, deadline), d);
    }
    prepared.push({ out, inT, p, q });
  }
  const acc = new Float64Array(cols * d);
  const hit = new Uint8Array(cols);
  // Columns touched by the current row, sorted numerically as a typed array (no comparator calls).
  const touchedBuf = new Int32Array(cols);
  let touchedCount = 0;
  const rowPtr: number[] = [0];
  const colIdx: number[] = [];
  const coef: number[] = [];
  // Repeated rows are found by a hash of the row and confirmed entry by entry (a string key per
  // row cost more than the rest of the assembly).
  const seen = new Map<number, number[]>();
  const sameRow = (a: number, start: number): boolean => {
    const lo = rowPtr[a]!;
    const len = rowPtr[a + 1]! - lo;
    if (len !== colIdx.length - start) return false;
    for (let t = 0; t < len; t++) if (colIdx[lo + t] !== colIdx[start + t]) return false;
    for (let t = 0; t < len * d; t++) if (coef[lo * d + t] !== coef[start * d + t]) return false;
    return true;
  };
  const add = (x: number, src: Float64Array, k: number): void => {
    let col = x;
    let sign = 1;
    if (reduction) {
      col = reduction.label[x]!;
      if (col < 0) return;
      sign = reduction.sign[x]!;
    }
    if (hit[col] === 0) {
      hit[col] = 1;
      touchedBuf[touchedCount++] = col;
    }
    for (let i = 0; i < d; i++) acc[col * d + i]! += sign * src[k * d + i]!;
  };
  for (const { out, inT, p, q } of prepared) {
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < n; c++) {
        deadline.tick();
        for (let k = out.rowPtr[r]!; k < out.rowPtr[r + 1]!; k++) add(out.colIdx[k]! * n + c, p.coef, k);
        for (let k = inT.rowPtr[c]!; k < inT.rowPtr[c + 1]!; k++) add(r * n + inT.colIdx[k]!, q.coef, k);
        const touched = touchedBuf.subarray(0, touchedCount).sort();
        touchedCount = 0;
        const start = colIdx.length;
        let hash = 0;
        for (let t = 0; t < touched.length; t++) {
          const col = touched[t]!;
          hit[col] = 0;
          let nonzero = false;
          for (let i = 0; i < d; i++) if (acc[col * d + i] !== 0) nonzero = true;
          if (nonzero) {
            colIdx.push(col);
            hash = (Math.imul(hash, 31) + col) | 0;
            for (let i = 0; i < d; i++) {
              const v = acc[col * d + i]!;
              coef.push(v);
              hash = (Math.imul(hash, 31) + (v | 0) + Math.floor(v / 4294967296)) | 0;
            }
          }
          for (let i = 0; i < d; i++) acc[col * d + i] = 0;
        }
        // Repeats come from the orbit reduction; without one they are too rare to look for.
        const same = reduction ? seen.get(hash) : undefined;
        if (colIdx.length === start || (same !== undefined && same.some((a) => sameRow(a, start)))) {
          colIdx.length = start;
          coef.length = start * d;
          continue;
        }
        if (reduction) {
          if (same === undefined) seen.set(hash, [rowPtr.length - 1]);
          else same.push(rowPtr.length - 1);
        }
        rowPtr.push(colIdx.length);
      }
    }
  }
  return algebraicMatrix(rowPtr.length - 1, cols, d, Int32Array.from(rowPtr), Int32Array.from(colIdx), Float64Array.from(coef));
}
