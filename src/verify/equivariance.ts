/**
 * Every basis is checked before it is returned:
 *  - exact bases: ρ_out(h)·B − B·ρ_in(h) = 0 and dρ_out(A)·B − B·dρ_in(A) = 0 exactly, for every
 *    generator and every basis element (for a rational group this is a proof: the generators
 *    generate the group, the Lie algebra its identity component);
 *  - float bases: the same residual relative to the sizes involved, on the generators and on
 *    seeded random group elements (words in the discrete generators times exp of a random Lie
 *    algebra element);
 *  - independence: the rows are in reduced row echelon form (distinct pivots, 1 at the pivot,
 *    zero at the other rows' pivots), which implies linear independence.
 */
import { SolverError } from '../errors.js';
import type { Field } from '../field/field.js';
import { CsrBuilder, equalMatrices, multiply, transpose, type SparseMatrix } from '../linalg/index.js';
import type { RepMatrices } from '../rep/matrices.js';
import type { SignedPerm } from '../rep/signed-perm.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { randomGroupElements } from '../rep/random-elements.js';
import type { VerifyReport } from './report.js';


/** Tolerance for the relative residual of float bases. */
export const FLOAT_RESIDUAL_TOLERANCE = 1e-9;

/** Row `r` of a basis as an m × n matrix. */
function rowAsMatrix<T>(f: Field<T>, rows: SparseMatrix<T>, r: number, m: number, n: number): SparseMatrix<T> {
  const b = new CsrBuilder(f, n);
  let k = rows.rowPtr[r]!;
  const end = rows.rowPtr[r + 1]!;
  for (let row = 0; row < m; row++) {
    while (k < end && Math.floor(rows.colIdx[k]! / n) === row) {
      b.push(rows.colIdx[k]! % n, rows.values[k]!);
      k++;
    }
    b.endRow();
  }
  return b.build();
}

/** A matrix's values as float64 (the float branch works on numbers only). */
function floatMatrix<T>(f: Field<T>, m: SparseMatrix<T>): SparseMatrix<number> & { readonly values: Float64Array } {
  return { rows: m.rows, cols: m.cols, rowPtr: m.rowPtr, colIdx: m.colIdx, values: Float64Array.from(m.values, (v) => f.toNumber(v)) } as never;
}

function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]! * values[k]!;
  return Math.sqrt(s);
}

/**
 * ‖ρ_out·B − B·ρ_in‖_F for one basis element B (entries lo… of `colIdx`, values `bv`): each entry
 * B[row, col] adds column `row` of ρ_out (row `row` of ρ_outᵀ) and subtracts row `col` of ρ_in, in
 * one dense accumulator — the generic sparse products cost more than the whole float solve.
 */
function residualNorm(oT: SparseMatrix<number>, inn: SparseMatrix<number>, colIdx: Int32Array, lo: number, bv: Float64Array, n: number, acc: Float64Array): number {
  // Large W: remember which entries were touched instead of scanning all of acc afterwards.
  const touched: number[] | null = acc.length > DENSE_SCAN ? [] : null;
  for (let t = 0; t < bv.length; t++) {
    const x = colIdx[lo + t]!;
    const row = Math.floor(x / n);
    const col = x - row * n;
    const v = bv[t]!;
    for (let k = oT.rowPtr[row]!; k < oT.rowPtr[row + 1]!; k++) {
      const pos = oT.colIdx[k]! * n + col;
      touched?.push(pos);
      acc[pos]! += oT.values[k]! * v;
    }
    for (let k = inn.rowPtr[col]!; k < inn.rowPtr[col + 1]!; k++) {
      const pos = row * n + inn.colIdx[k]!;
      touched?.push(pos);
      acc[pos]! -= v * inn.values[k]!;
    }
  }
  let s = 0;
  const take = (i: number): void => {
    const a = acc[i]!;
    if (a !== 0) {
      s += a * a;
      acc[i] = 0;
    }
  };
  if (touched) touched.forEach(take);
  else for (let i = 0; i < acc.length; i++) take(i);
  return Math.sqrt(s);
}

/** W with at most this many entries is scanned whole after each residual. */
const DENSE_SCAN = 1 << 16;

/**
 * Checks the reduced-row-echelon invariants; throws E_VERIFY when they fail.
 *
 * @example
 * checkEchelon(RationalField, orbitBasis(labels, 4)) // passes silently
 */
export function checkEchelon<T>(f: Field<T>, rows: SparseMatrix<T>): void {
  // Pivots increase strictly, so a sorted typed array answers membership by binary search: a Set
  // would pass the engine's 2^24-entry limit on bases such as Trivial(4097) V→V (16.8M elements).
  const pivots = new Int32Array(rows.rows);
  let last = -1;
  for (let r = 0; r < rows.rows; r++) {
    const k = rows.rowPtr[r]!;
    if (k === rows.rowPtr[r + 1]!) throw fail('basis element is zero', `row ${r}`);
    const p = rows.colIdx[k]!;
    if (p <= last) throw fail('basis pivots are not increasing', `row ${r}`);
    if (!f.eq(rows.values[k]!, f.one)) throw fail('basis pivot is not 1', `row ${r}`);
    pivots[r] = p;
    last = p;
  }
  for (let r = 0; r < rows.rows; r++) {
    for (let k = rows.rowPtr[r]! + 1; k < rows.rowPtr[r + 1]!; k++) {
      if (isPivot(pivots, rows.colIdx[k]!)) throw fail('basis is not in reduced echelon form', `row ${r}`);
    }
  }
}

function isPivot(sorted: Int32Array, c: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === c) return true;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function fail(message: string, path: string): SolverError {
  return new SolverError('E_VERIFY', `verification failed: ${message}`, { path });
}

/**
 * Verifies `rows` (basis elements of Hom(in, out), flattened row-major) against the generators.
 *
 * @example
 * verifyBasis(RationalField, outMats, inMats, block.elements, m, n).mode // 'exact'
 */
export function verifyBasis<T>(
  f: Field<T>,
  out: RepMatrices<T>,
  inn: RepMatrices<T>,
  rows: SparseMatrix<T>,
  m: number,
  n: number,
  options: {
    readonly randomElements?: number;
    readonly seed?: number;
    readonly deadline?: Deadline;
    /** Random group elements [ρ_out(g), ρ_in(g)] to check besides the generators (float bases); default: made from these matrices. */
    readonly samples?: readonly (readonly [SparseMatrix<T>, SparseMatrix<T>])[];
  } = {},
): VerifyReport {
  checkEchelon(f, rows);
  const deadline = options.deadline ?? NO_DEADLINE;
  const pairs: [SparseMatrix<T>, SparseMatrix<T>][] = [
    ...out.discrete.map((o, i): [SparseMatrix<T>, SparseMatrix<T>] => [o, inn.discrete[i]!]),
    ...out.lie.map((o, i): [SparseMatrix<T>, SparseMatrix<T>] => [o, inn.lie[i]!]),
  ];
  if (f.kind === 'exact') {
    for (let r = 0; r < rows.rows; r++) {
      deadline.check();
      const b = rowAsMatrix(f, rows, r, m, n);
      pairs.forEach(([o, i], g) => {
        if (!equalMatrices(f, multiply(f, o, b), multiply(f, b, i))) {
          throw fail(`basis element ${r} is not equivariant for generator ${g}`, `basis/${r}`);
        }
      });
    }
    return Object.freeze({ mode: 'exact', generatorsChecked: pairs.length, randomElementsChecked: 0, maxResidual: 0, tolerance: 0, independent: true });
  }
  const samples =
    (options.samples as [SparseMatrix<T>, SparseMatrix<T>][] | undefined) ??
    (randomGroupElements(f as unknown as Field<number>, out as unknown as RepMatrices<number>, inn as unknown as RepMatrices<number>, options.randomElements ?? 3, options.seed ?? 1) as unknown as [SparseMatrix<T>, SparseMatrix<T>][]);
  const all = [...pairs, ...samples].map(([o, i]) => {
    const oT = floatMatrix(f, transpose(o));
    const ii = floatMatrix(f, i);
    return { oT, inn: ii, scale: Math.max(norm(oT.values), norm(ii.values), 1e-300) };
  });
  const acc = new Float64Array(m * n);
  let worst = 0;
  for (let r = 0; r < rows.rows; r++) {
    deadline.check();
    const lo = rows.rowPtr[r]!;
    const hi = rows.rowPtr[r + 1]!;
    const bv = Float64Array.from(rows.values.slice(lo, hi), (v) => f.toNumber(v));
    const nb = norm(bv);
    all.forEach(({ oT, inn: ii, scale }, g) => {
      const res = residualNorm(oT, ii, rows.colIdx, lo, bv, n, acc) / (scale * nb);
      worst = Math.max(worst, res);
      if (!(res <= FLOAT_RESIDUAL_TOLERANCE)) {
        const what = g < pairs.length ? `generator ${g}` : `random group element ${g - pairs.length}`;
        throw fail(`basis element ${r} has relative residual ${res.toExponential(2)} for ${what}`, `basis/${r}`);
      }
    });
  }
  return Object.freeze({
    mode: 'float',
    generatorsChecked: pairs.length,
    randomElementsChecked: samples.length,
    maxResidual: worst,
    tolerance: FLOAT_RESIDUAL_TOLERANCE,
    independent: true,
  });
}

/**
 * Fast exact check for bases whose elements have disjoint supports and ±1 entries (orbit bases)
 * under signed-permutation generators: W is equivariant iff every index pair and its image
 * under each generator carry the same element with the sign the generator dictates. Linear in the
 * number of entries, so it scales to the million-entry bases of S(10) T(3).
 *
 * @example
 * verifySignedPerm(RationalField, outPerms, inPerms, block.elements, m, n).mode // 'signed-permutation'
 */
export function verifySignedPerm<T>(
  f: Field<T>,
  outPerms: readonly SignedPerm[],
  inPerms: readonly SignedPerm[],
  rows: SparseMatrix<T>,
  m: number,
  n: number,
  options: { readonly deadline?: Deadline } = {},
): VerifyReport {
  const deadline = options.deadline ?? NO_DEADLINE;
  checkEchelon(f, rows);
  const size = m * n;
  const label = new Int32Array(size).fill(-1);
  const sign = new Int8Array(size);
  const minusOne = f.neg(f.one);
  for (let r = 0; r < rows.rows; r++) {
    for (let k = rows.rowPtr[r]!; k < rows.rowPtr[r + 1]!; k++) {
      const x = rows.colIdx[k]!;
      const v = rows.values[k]!;
      if (label[x] !== -1) throw fail('orbit basis elements overlap', `basis/${r}`);
      if (!f.eq(v, f.one) && !f.eq(v, minusOne)) throw fail('orbit basis entry is not ±1', `basis/${r}`);
      label[x] = r;
      sign[x] = f.eq(v, f.one) ? 1 : -1;
    }
  }
  for (let g = 0; g < outPerms.length; g++) {
    const po = outPerms[g]!;
    const pi = inPerms[g]!;
    for (let r = 0; r < m; r++) {
      deadline.tick();
      for (let c = 0; c < n; c++) {
        const x = r * n + c;
        const y = po.perm[r]! * n + pi.perm[c]!;
        if (label[x] !== label[y] || (label[x]! >= 0 && sign[y] !== po.sign[r]! * pi.sign[c]! * sign[x]!)) {
          throw fail(`basis element ${label[x]! >= 0 ? label[x] : label[y]} is not equivariant for generator ${g}`, `basis/${label[x]}`);
        }
      }
    }
  }
  return Object.freeze({ mode: 'signed-permutation', generatorsChecked: outPerms.length, randomElementsChecked: 0, maxResidual: 0, tolerance: 0, independent: true });
}
