/**
 * Immutable sparse matrices in CSR form over any `Field<T>`. Rows hold their columns in increasing
 * order and never store an explicit zero, so two equal matrices have equal arrays.
 *
 * Conventions (DESIGN.md §2): Kronecker products are row-major (numpy.kron order).
 */
import type { Field } from '../field/field.js';

export interface SparseMatrix<T> {
  readonly rows: number;
  readonly cols: number;
  /** `rowPtr[r]..rowPtr[r+1]` indexes the entries of row r. Length rows + 1. */
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: readonly T[];
}

/** Incremental builder: push rows in order, entries in increasing column order per row. */
export class CsrBuilder<T> {
  private readonly ptr: number[] = [0];
  private readonly idx: number[] = [];
  private readonly vals: T[] = [];
  constructor(
    private readonly field: Field<T>,
    readonly cols: number,
  ) {}

  /** Appends an entry to the current row; zeros are dropped. Columns must increase. */
  push(col: number, value: T): void {
    if (!this.field.isZero(value)) {
      this.idx.push(col);
      this.vals.push(value);
    }
  }

  endRow(): void {
    this.ptr.push(this.idx.length);
  }

  build(): SparseMatrix<T> {
    return freeze({
      rows: this.ptr.length - 1,
      cols: this.cols,
      rowPtr: Int32Array.from(this.ptr),
      colIdx: Int32Array.from(this.idx),
      values: this.vals,
    });
  }
}

function freeze<T>(m: SparseMatrix<T>): SparseMatrix<T> {
  Object.freeze(m.values);
  return Object.freeze(m);
}

/**
 * From a dense row-major array of rows.
 *
 * @example
 * fromDense(FloatField, [[0, 1], [1, 0]]).values // [1, 1]
 */
export function fromDense<T>(field: Field<T>, dense: readonly (readonly T[])[], cols?: number): SparseMatrix<T> {
  const c = cols ?? dense[0]?.length ?? 0;
  const b = new CsrBuilder(field, c);
  for (const row of dense) {
    for (let j = 0; j < c; j++) b.push(j, row[j] as T);
    b.endRow();
  }
  return b.build();
}

/** Dense copy (row arrays). Only for small matrices. */
export function toDense<T>(field: Field<T>, m: SparseMatrix<T>): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < m.rows; r++) {
    const row = new Array<T>(m.cols).fill(field.zero);
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) row[m.colIdx[k]!] = m.values[k]!;
    out.push(row);
  }
  return out;
}

export function identity<T>(field: Field<T>, n: number): SparseMatrix<T> {
  const b = new CsrBuilder(field, n);
  for (let i = 0; i < n; i++) {
    b.push(i, field.one);
    b.endRow();
  }
  return b.build();
}

export function zeros<T>(rows: number, cols: number): SparseMatrix<T> {
  return freeze({ rows, cols, rowPtr: new Int32Array(rows + 1), colIdx: new Int32Array(0), values: [] as T[] });
}

/** Entry (r, c), zero when absent. Binary search in the row. */
export function get<T>(field: Field<T>, m: SparseMatrix<T>, r: number, c: number): T {
  let lo = m.rowPtr[r]!;
  let hi = m.rowPtr[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cm = m.colIdx[mid]!;
    if (cm === c) return m.values[mid]!;
    if (cm < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return field.zero;
}

export function nnz(m: SparseMatrix<unknown>): number {
  return m.colIdx.length;
}

export function map<S, T>(to: Field<T>, m: SparseMatrix<S>, f: (v: S) => T): SparseMatrix<T> {
  const b = new CsrBuilder(to, m.cols);
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) b.push(m.colIdx[k]!, f(m.values[k]!));
    b.endRow();
  }
  return b.build();
}

export function transpose<T>(m: SparseMatrix<T>): SparseMatrix<T> {
  const count = new Int32Array(m.cols + 1);
  for (let k = 0; k < m.colIdx.length; k++) count[m.colIdx[k]! + 1]!++;
  for (let c = 0; c < m.cols; c++) count[c + 1]! += count[c]!;
  const rowPtr = Int32Array.from(count);
  const colIdx = new Int32Array(m.colIdx.length);
  const values = new Array<T>(m.colIdx.length);
  const next = Int32Array.from(count);
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
      const dst = next[m.colIdx[k]!]!++;
      colIdx[dst] = r;
      values[dst] = m.values[k]!;
    }
  }
  return freeze({ rows: m.cols, cols: m.rows, rowPtr, colIdx, values });
}

/**
 * Sparse product A·B (Gustavson's row-by-row algorithm with a dense accumulator and a list of
 * touched columns, so each row costs only its flops plus a sort of its pattern).
 */
export function multiply<T>(field: Field<T>, a: SparseMatrix<T>, b: SparseMatrix<T>): SparseMatrix<T> {
  if (a.cols !== b.rows) throw new RangeError(`multiply: ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`);
  const out = new CsrBuilder(field, b.cols);
  const acc = new Array<T | undefined>(b.cols);
  const touched: number[] = [];
  for (let r = 0; r < a.rows; r++) {
    for (let k = a.rowPtr[r]!; k < a.rowPtr[r + 1]!; k++) {
      const j = a.colIdx[k]!;
      const av = a.values[k]!;
      for (let l = b.rowPtr[j]!; l < b.rowPtr[j + 1]!; l++) {
        const c = b.colIdx[l]!;
        const prod = field.mul(av, b.values[l]!);
        const prev = acc[c];
        if (prev === undefined) {
          acc[c] = prod;
          touched.push(c);
        } else acc[c] = field.add(prev, prod);
      }
    }
    touched.sort((x, y) => x - y);
    for (const c of touched) {
      out.push(c, acc[c]!);
      acc[c] = undefined;
    }
    touched.length = 0;
    out.endRow();
  }
  return out.build();
}

/** a·A + b·B (same shape), with scalar factors. */
export function linearCombination<T>(
  field: Field<T>,
  alpha: T,
  a: SparseMatrix<T>,
  beta: T,
  b: SparseMatrix<T>,
): SparseMatrix<T> {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError('linearCombination: shape mismatch');
  const out = new CsrBuilder(field, a.cols);
  for (let r = 0; r < a.rows; r++) {
    let i = a.rowPtr[r]!;
    let j = b.rowPtr[r]!;
    const iEnd = a.rowPtr[r + 1]!;
    const jEnd = b.rowPtr[r + 1]!;
    while (i < iEnd || j < jEnd) {
      const ca = i < iEnd ? a.colIdx[i]! : Infinity;
      const cb = j < jEnd ? b.colIdx[j]! : Infinity;
      if (ca < cb) out.push(ca, field.mul(alpha, a.values[i++]!));
      else if (cb < ca) out.push(cb, field.mul(beta, b.values[j++]!));
      else out.push(ca, field.add(field.mul(alpha, a.values[i++]!), field.mul(beta, b.values[j++]!)));
    }
    out.endRow();
  }
  return out.build();
}

/** Row-major Kronecker product A ⊗ B: entry ((i·p + k), (j·q + l)) = A[i,j]·B[k,l]. */
export function kron<T>(field: Field<T>, a: SparseMatrix<T>, b: SparseMatrix<T>): SparseMatrix<T> {
  const out = new CsrBuilder(field, a.cols * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < b.rows; k++) {
      for (let x = a.rowPtr[i]!; x < a.rowPtr[i + 1]!; x++) {
        const j = a.colIdx[x]!;
        const av = a.values[x]!;
        for (let y = b.rowPtr[k]!; y < b.rowPtr[k + 1]!; y++) {
          out.push(j * b.cols + b.colIdx[y]!, field.mul(av, b.values[y]!));
        }
      }
      out.endRow();
    }
  }
  return out.build();
}

/** Kronecker sum A ⊗ I + I ⊗ B: how a Lie algebra element acts on a tensor product. */
export function kronSum<T>(field: Field<T>, a: SparseMatrix<T>, b: SparseMatrix<T>): SparseMatrix<T> {
  const left = kron(field, a, identity(field, b.rows));
  const right = kron(field, identity(field, a.rows), b);
  return linearCombination(field, field.one, left, field.one, right);
}

/** Block-diagonal matrix diag(M₁, M₂, …): the action on a direct sum. */
export function blockDiag<T>(field: Field<T>, blocks: readonly SparseMatrix<T>[]): SparseMatrix<T> {
  const cols = blocks.reduce((s, m) => s + m.cols, 0);
  const out = new CsrBuilder(field, cols);
  let offset = 0;
  for (const m of blocks) {
    for (let r = 0; r < m.rows; r++) {
      for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) out.push(offset + m.colIdx[k]!, m.values[k]!);
      out.endRow();
    }
    offset += m.cols;
  }
  return out.build();
}

export function equalMatrices<T>(field: Field<T>, a: SparseMatrix<T>, b: SparseMatrix<T>): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols || a.colIdx.length !== b.colIdx.length) return false;
  for (let r = 0; r <= a.rows; r++) if (a.rowPtr[r] !== b.rowPtr[r]) return false;
  for (let k = 0; k < a.colIdx.length; k++) {
    if (a.colIdx[k] !== b.colIdx[k] || !field.eq(a.values[k]!, b.values[k]!)) return false;
  }
  return true;
}

/** Largest absolute entry (as a number). */
export function maxAbs<T>(field: Field<T>, m: SparseMatrix<T>): number {
  let best = 0;
  for (const v of m.values) best = Math.max(best, Math.abs(field.toNumber(v)));
  return best;
}

/**
 * If every row and column holds exactly one entry and that entry is ±1, the matrix is a signed
 * permutation: returns `perm`, `sign` with `M·e_j = sign[j]·e_{perm[j]}`. Otherwise null.
 */
export function asSignedPermutation<T>(
  field: Field<T>,
  m: SparseMatrix<T>,
): { perm: Int32Array; sign: Int8Array } | null {
  if (m.rows !== m.cols) return null;
  const n = m.rows;
  const perm = new Int32Array(n).fill(-1);
  const sign = new Int8Array(n);
  for (let r = 0; r < n; r++) {
    if (m.rowPtr[r + 1]! - m.rowPtr[r]! !== 1) return null;
    const k = m.rowPtr[r]!;
    const c = m.colIdx[k]!;
    const v = m.values[k]!;
    let s: number;
    if (field.eq(v, field.one)) s = 1;
    else if (field.eq(v, field.neg(field.one))) s = -1;
    else return null;
    if (perm[c] !== -1) return null;
    perm[c] = r;
    sign[c] = s;
  }
  return { perm, sign };
}
