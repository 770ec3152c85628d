/**
 * The exact equivariance check for groups over a number field ℚ(θ): ρ_out(h)·B − B·ρ_in(h) = 0
 * in ℚ(θ) for every generator and every basis element B, by matrix products — independent of the
 * constraint rows the solver eliminated.
 *
 * Generic field arithmetic (a BigInt vector and a gcd per operation) made this check take seconds
 * on C(6) T(5)→T(5), so the products run on integers: each generator matrix is scaled once to
 * integer coefficients over one denominator (ρ = P/D), each basis element to integers, and
 * D_in·(P·B) − D_out·(B·Q) is accumulated coefficient by coefficient — in doubles when a bound
 * shows every partial sum is a safe integer (rational bases, the common case), in BigInt with a
 * final reduction modulo θ's minimal polynomial otherwise.
 */
import { SolverError } from '../errors.js';
import type { Algebraic, NumberField } from '../field/number-field.js';
import { reduceInteger } from '../field/qpoly.js';
import { asSignedPermutation, transpose, type SparseMatrix } from '../linalg/index.js';
import type { RepMatrices } from '../rep/matrices.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { checkEchelon } from './equivariance.js';
import type { VerifyReport } from './report.js';
import { gcd } from '../util/bigint.js';

type SignedPermutation = { readonly perm: Int32Array; readonly sign: Int8Array };

/** Accumulators up to this many doubles are scanned whole instead of tracking touched entries. */
const DENSE_ACCUMULATOR = 1 << 16;

/** A matrix as integer coefficients (row-major entries, d per entry) over one denominator. */
interface IntMatrix {
  readonly m: SparseMatrix<Algebraic>;
  readonly den: bigint;
  readonly big: bigint[];
  readonly maxAbs: number;
}

function integral(m: SparseMatrix<Algebraic>, d: number): IntMatrix {
  let den = 1n;
  for (const v of m.values) if (v.d !== 1n) den = (den / gcd(den, v.d)) * v.d;
  const big = new Array<bigint>(m.values.length * d);
  let maxAbs = 0;
  m.values.forEach((v, k) => {
    for (let i = 0; i < d; i++) {
      big[k * d + i] = v.c[i]! * (den / v.d);
      maxAbs = Math.max(maxAbs, Math.abs(Number(big[k * d + i])));
    }
  });
  return { m, den, big, maxAbs };
}

/**
 * Pᵀ scaled by D_in and Q scaled by D_out (so the two products share the denominator D_out·D_in),
 * as BigInt and, when safe, as doubles with only the nonzero coefficients of each entry (entries of
 * ρ(h) for a tensor power are products, often in a single component: C(6)'s are rational or
 * rational·√3); `bound` · max|B| bounds every partial sum.
 */
interface ScaledPair {
  readonly p: IntMatrix;
  readonly q: IntMatrix;
  readonly small: readonly [Flat, Flat] | null;
  readonly bound: number;
}

/**
 * A generator matrix flattened for the double kernel: for each row i of the stored matrix, the
 * nonzero (entry, coefficient) pairs as an accumulator offset (column·stride + component) and a
 * value — one load of each per multiply-add, where per-entry component loops cost twice as much.
 */
interface Flat {
  readonly start: Int32Array;
  readonly offset: Int32Array;
  readonly value: Float64Array;
}

function flat(m: SparseMatrix<Algebraic>, big: readonly bigint[], d: number, stride: number): Flat {
  const start = new Int32Array(m.rows + 1);
  const offset: number[] = [];
  const value: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    for (let t = m.rowPtr[r]!; t < m.rowPtr[r + 1]!; t++) {
      for (let i = 0; i < d; i++) {
        const x = big[t * d + i]!;
        if (x === 0n) continue;
        offset.push(m.colIdx[t]! * stride + i);
        value.push(Number(x));
      }
    }
    start[r + 1] = offset.length;
  }
  return { start, offset: Int32Array.from(offset), value: Float64Array.from(value) };
}

function scaledPair(pT: IntMatrix, q: IntMatrix, d: number, n: number): ScaledPair {
  const p = { ...pT, big: pT.big.map((x) => x * q.den), maxAbs: pT.maxAbs * Number(q.den) };
  const qq = { ...q, big: q.big.map((x) => x * pT.den), maxAbs: q.maxAbs * Number(pT.den) };
  const bound = (p.maxAbs * maxRow(p.m) + qq.maxAbs * maxRow(qq.m)) * d;
  const safe = p.maxAbs <= Number.MAX_SAFE_INTEGER && qq.maxAbs <= Number.MAX_SAFE_INTEGER;
  // P·B lands at row r of W (stride n·d), B·Q at column c (stride d).
  return { p, q: qq, small: safe ? [flat(p.m, p.big, d, n * d), flat(qq.m, qq.big, d, d)] : null, bound };
}

/** Basis row b as integers (w coefficients per entry) over one scale; doubles when they are safe. */
/** A basis row scaled to integers: doubles, and BigInt on demand (only the BigInt check reads them). */
interface ScaledRow {
  readonly big: () => bigint[];
  readonly small: Float64Array;
  readonly maxAbs: number;
}

function scaledRow(rows: SparseMatrix<Algebraic>, b: number, w: number): ScaledRow {
  const lo = rows.rowPtr[b]!;
  const hi = rows.rowPtr[b + 1]!;
  const fast = w === 1 ? scaledRationalRow(rows, lo, hi) : null;
  if (fast) return fast;
  let l = 1n;
  for (let k = lo; k < hi; k++) if (rows.values[k]!.d !== 1n) l = (l / gcd(l, rows.values[k]!.d)) * rows.values[k]!.d;
  const big: bigint[] = [];
  const small = new Float64Array((hi - lo) * w);
  let maxAbs = 0;
  for (let k = lo; k < hi; k++) {
    const v = rows.values[k]!;
    const s = l / v.d;
    for (let j = 0; j < w; j++) {
      const x = v.c[j]! * s;
      big.push(x);
      small[(k - lo) * w + j] = Number(x);
      maxAbs = Math.max(maxAbs, Math.abs(small[(k - lo) * w + j]!));
    }
  }
  return { big: () => big, small, maxAbs };
}

/**
 * A rational row with small numerators and denominators (the usual case) scaled in doubles, with
 * no BigInt arithmetic; null when some value is too large for that to be exact.
 */
function scaledRationalRow(rows: SparseMatrix<Algebraic>, lo: number, hi: number): ScaledRow | null {
  let l = 1;
  for (let k = lo; k < hi; k++) {
    const d = Number(rows.values[k]!.d);
    if (d === 1) continue;
    if (d > 2 ** 20) return null;
    let a = l;
    let c = d;
    while (c !== 0) [a, c] = [c, a % c];
    l = (l / a) * d;
    if (l > 2 ** 40) return null;
  }
  const small = new Float64Array(hi - lo);
  let maxAbs = 0;
  for (let k = lo; k < hi; k++) {
    const v = rows.values[k]!;
    const x = Number(v.c[0]!) * (l / Number(v.d));
    if (!Number.isSafeInteger(x)) return null;
    small[k - lo] = x;
    if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
  }
  return { big: () => Array.from(small, (x) => BigInt(x)), small, maxAbs };
}

/**
 * D_in·(P·B) − D_out·(B·Q) = 0 for a rational basis row B, in doubles (the caller checked the
 * bound). P·B: column `row` of P is row `row` of Pᵀ; B·Q: row `col` of Q.
 */
function residualZeroDoubles(pair: ScaledPair, rows: SparseMatrix<Algebraic>, b: number, bv: Float64Array, n: number, d: number, acc: Float64Array, hit: Uint8Array, touched: number[]): boolean {
  const [pf, qf] = pair.small!;
  const lo = rows.rowPtr[b]!;
  // Small W (the usual case: m·n ≤ 4096): no bookkeeping of touched positions, the whole
  // accumulator is scanned and cleared afterwards.
  const dense = acc.length <= DENSE_ACCUMULATOR;
  for (let k = lo; k < rows.rowPtr[b + 1]!; k++) {
    const x = rows.colIdx[k]!;
    const row = Math.floor(x / n);
    const col = x - row * n;
    const v = bv[k - lo]!;
    const at = col * d;
    for (let u = pf.start[row]!; u < pf.start[row + 1]!; u++) acc[pf.offset[u]! + at]! += pf.value[u]! * v;
    const base = row * n * d;
    for (let u = qf.start[col]!; u < qf.start[col + 1]!; u++) acc[base + qf.offset[u]!]! -= qf.value[u]! * v;
    if (!dense) {
      for (let u = pf.start[row]!; u < pf.start[row + 1]!; u++) touch(Math.floor((pf.offset[u]! + at) / d), hit, touched);
      for (let u = qf.start[col]!; u < qf.start[col + 1]!; u++) touch(Math.floor((base + qf.offset[u]!) / d), hit, touched);
    }
  }
  let ok = true;
  if (dense) {
    for (let i = 0; i < acc.length; i++) {
      if (acc[i] !== 0) {
        ok = false;
        acc[i] = 0;
      }
    }
    return ok;
  }
  for (const pos of touched) {
    hit[pos] = 0;
    for (let i = 0; i < d; i++) {
      if (acc[pos * d + i] !== 0) ok = false;
      acc[pos * d + i] = 0;
    }
  }
  touched.length = 0;
  return ok;
}

function touch(pos: number, hit: Uint8Array, touched: number[]): void {
  if (hit[pos] === 0) {
    hit[pos] = 1;
    touched.push(pos);
  }
}

/**
 * B is fixed by a generator acting as signed permutations on both reps: B[π(r), σ(c)] =
 * s_r·s_c·B[r, c] for every entry, in one pass over B (no products needed).
 */
function fixedBySignedPerm(field: NumberField, out: SignedPermutation, inn: SignedPermutation, rows: SparseMatrix<Algebraic>, b: number, n: number): boolean {
  const lo = rows.rowPtr[b]!;
  const hi = rows.rowPtr[b + 1]!;
  const at = new Map<number, Algebraic>();
  for (let k = lo; k < hi; k++) at.set(rows.colIdx[k]!, rows.values[k]!);
  for (let k = lo; k < hi; k++) {
    const x = rows.colIdx[k]!;
    const r = Math.floor(x / n);
    const c = x - r * n;
    const image = at.get(out.perm[r]! * n + inn.perm[c]!);
    const v = rows.values[k]!;
    const expected = out.sign[r]! * inn.sign[c]! === 1 ? v : field.neg(v);
    if (image === undefined || !field.eq(image, expected)) return false;
  }
  return true;
}

/** The same in BigInt, for irrational bases (polynomial products reduced modulo f) or large values. */
function residualZeroBig(
  pair: ScaledPair,
  rows: SparseMatrix<Algebraic>,
  b: number,
  bv: readonly bigint[],
  n: number,
  d: number,
  w: number,
  f: readonly bigint[],
  acc: bigint[],
  hit: Uint8Array,
  touched: number[],
): boolean {
  const width = d + w - 1;
  const lo = rows.rowPtr[b]!;
  const add = (pos: number, a: readonly bigint[], t: number, k: number, sign: bigint): void => {
    if (hit[pos] === 0) {
      hit[pos] = 1;
      touched.push(pos);
    }
    for (let i = 0; i < d; i++) {
      const x = a[t * d + i]!;
      if (x === 0n) continue;
      for (let j = 0; j < w; j++) {
        const y = bv[(k - lo) * w + j]!;
        if (y !== 0n) acc[pos * width + i + j] = acc[pos * width + i + j]! + sign * x * y;
      }
    }
  };
  for (let k = lo; k < rows.rowPtr[b + 1]!; k++) {
    const x = rows.colIdx[k]!;
    const row = Math.floor(x / n);
    const col = x - row * n;
    for (let t = pair.p.m.rowPtr[row]!; t < pair.p.m.rowPtr[row + 1]!; t++) add(pair.p.m.colIdx[t]! * n + col, pair.p.big, t, k, 1n);
    for (let t = pair.q.m.rowPtr[col]!; t < pair.q.m.rowPtr[col + 1]!; t++) add(row * n + pair.q.m.colIdx[t]!, pair.q.big, t, k, -1n);
  }
  let ok = true;
  for (const pos of touched) {
    hit[pos] = 0;
    const poly = acc.slice(pos * width, (pos + 1) * width);
    if ((w > 1 ? reduceInteger(poly, f) : poly).some((v) => v !== 0n)) ok = false;
    for (let i = 0; i < width; i++) acc[pos * width + i] = 0n;
  }
  touched.length = 0;
  return ok;
}

function maxRow(m: SparseMatrix<unknown>): number {
  let best = 0;
  for (let r = 0; r < m.rows; r++) best = Math.max(best, m.rowPtr[r + 1]! - m.rowPtr[r]!);
  return best;
}

function fail(message: string, path: string): SolverError {
  return new SolverError('E_VERIFY', `verification failed: ${message}`, { path });
}

/**
 * Checks the basis rows of Hom(in, out) (m × n matrices, flattened row-major) exactly.
 *
 * @example
 * verifyAlgebraic(K, outMats, inMats, block.elements, 32, 32).mode // 'exact'
 */
export function verifyAlgebraic(
  field: NumberField,
  out: RepMatrices<Algebraic>,
  inn: RepMatrices<Algebraic>,
  rows: SparseMatrix<Algebraic>,
  m: number,
  n: number,
  options: { readonly deadline?: Deadline } = {},
): VerifyReport {
  checkEchelon(field, rows);
  const deadline = options.deadline ?? NO_DEADLINE;
  const d = field.numberField.degree;
  const f = field.numberField.minimalPolynomial;
  const pairs = [...out.discrete.map((o, i) => [o, inn.discrete[i]!] as const), ...out.lie.map((o, i) => [o, inn.lie[i]!] as const)];
  // Rows share one object per distinct value (reconstruction memoises): look at each once.
  const rational = [...new Set(rows.values)].every((v) => v.c.every((x, i) => i === 0 || x === 0n));
  const w = rational ? 1 : d;
  const width = d + w - 1;
  // Signed-permutation generators (D(k)'s reflection) need no products: a linear check.
  const perms = pairs.map(([o, i]) => {
    const po = asSignedPermutation(field, o);
    const pi = po && asSignedPermutation(field, i);
    return po && pi ? ([po, pi] as const) : null;
  });
  const prepared = pairs.map(([o, i], g) => (perms[g] ? null : scaledPair(integral(transpose(o), d), integral(i, d), d, n)));
  const accD = new Float64Array(m * n * width);
  const accB = new Array<bigint>(m * n * width).fill(0n);
  const touched: number[] = [];
  const hit = new Uint8Array(m * n);
  for (let b = 0; b < rows.rows; b++) {
    deadline.check();
    const element = scaledRow(rows, b, w);
    for (let g = 0; g < prepared.length; g++) {
      const pair = prepared[g];
      const perm = perms[g];
      if (perm) {
        if (!fixedBySignedPerm(field, perm[0], perm[1], rows, b, n)) throw fail(`basis element ${b} is not equivariant for generator ${g}`, `basis/${b}`);
        continue;
      }
      if (!pair) continue;
      const ok =
        rational && pair.small !== null && pair.bound * element.maxAbs < 2 ** 52
          ? residualZeroDoubles(pair, rows, b, element.small, n, d, accD, hit, touched)
          : residualZeroBig(pair, rows, b, element.big(), n, d, w, f, accB, hit, touched);
      if (!ok) throw fail(`basis element ${b} is not equivariant for generator ${g}`, `basis/${b}`);
    }
  }
  return Object.freeze({ mode: 'exact', generatorsChecked: pairs.length, randomElementsChecked: 0, maxResidual: 0, tolerance: 0, independent: true });
}
