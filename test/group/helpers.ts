/** Small dense-number helpers shared by the group tests. */
import type { Field } from '../../src/field/field.js';
import type { AnyGroup } from '../../src/group/group.js';
import { toDense, type SparseMatrix } from '../../src/linalg/sparse.js';

export type Dense = number[][];

export function dense(g: AnyGroup, m: SparseMatrix<unknown>): Dense {
  const f = g.field as Field<unknown>;
  // `+ 0` turns −0 into 0 so toEqual compares values, not signs of zero.
  return toDense(f, m).map((row) => row.map((v) => f.toNumber(v) + 0));
}

export function mat(a: Dense, b: Dense): Dense {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

export function transposeD(a: Dense): Dense {
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

export function sub(a: Dense, b: Dense): Dense {
  return a.map((row, i) => row.map((v, j) => v - b[i]![j]!));
}

export function add(a: Dense, b: Dense): Dense {
  return a.map((row, i) => row.map((v, j) => v + b[i]![j]!));
}

export function eye(n: number): Dense {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function diag(values: number[]): Dense {
  return values.map((v, i) => values.map((_, j) => (i === j ? v : 0)));
}

export function maxAbsDiff(a: Dense, b: Dense): number {
  return Math.max(0, ...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));
}

/** Rank of a list of vectors (Gaussian elimination with partial pivoting). */
export function rank(vectors: number[][], tol = 1e-9): number {
  const rows = vectors.map((v) => [...v]);
  let r = 0;
  const cols = rows[0]?.length ?? 0;
  for (let c = 0; c < cols && r < rows.length; c++) {
    let p = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[p]![c]!)) p = i;
    if (Math.abs(rows[p]![c]!) <= tol) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]! / rows[r]![c]!;
      for (let k = c; k < cols; k++) rows[i]![k]! -= f * rows[r]![k]!;
    }
    r++;
  }
  return r;
}

/** True when every bracket [A, B] of the basis lies in its span. */
export function closedUnderBracket(basis: Dense[]): boolean {
  const flat = (m: Dense): number[] => m.flat();
  const r = rank(basis.map(flat));
  for (const a of basis) {
    for (const b of basis) {
      const br = sub(mat(a, b), mat(b, a));
      if (rank([...basis.map(flat), flat(br)]) !== r) return false;
    }
  }
  return true;
}
