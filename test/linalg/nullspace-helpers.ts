/**
 * Shared fixtures for the null-space tests: so(3) constraint systems, random sparse integer
 * matrices with planted dependencies, and an independent (slow, obviously correct) rank over ℚ.
 */
import { FloatField, RationalField } from '../../src/field/field.js';
import * as Q from '../../src/field/rational.js';
import { rat, type Rational } from '../../src/field/rational.js';
import {
  CsrBuilder,
  fromDense,
  identity,
  kron,
  kronSum,
  linearCombination,
  map,
  multiply,
  toDense,
  transpose,
  type SparseMatrix,
} from '../../src/linalg/sparse.js';

const F = RationalField;

/** so(3) generators L_x, L_y, L_z as 3×3 antisymmetric integer matrices. */
export const so3: SparseMatrix<Rational>[] = [
  [[0, 0, 0], [0, 0, -1], [0, 1, 0]],
  [[0, 0, 1], [0, 0, 0], [-1, 0, 0]],
  [[0, -1, 0], [1, 0, 0], [0, 0, 0]],
].map((m) => fromDense(F, m.map((r) => r.map((x) => rat(x)))));

/** dρ(A) on V^⊗k: the k-fold Kronecker sum. */
export function tensorPower(a: SparseMatrix<Rational>, k: number): SparseMatrix<Rational> {
  let m = a;
  for (let i = 1; i < k; i++) m = kronSum(F, m, a);
  return m;
}

export function vstack<T>(field: typeof F | typeof FloatField, ms: SparseMatrix<T>[]): SparseMatrix<T> {
  const b = new CsrBuilder(field as never, ms[0]!.cols);
  for (const m of ms) {
    for (let r = 0; r < m.rows; r++) {
      for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) b.push(m.colIdx[k]!, m.values[k]! as never);
      b.endRow();
    }
  }
  return b.build() as SparseMatrix<T>;
}

/** Invariants of V^⊗k under so(3): stacked dρ(L_i). */
export function so3Invariants(k: number): SparseMatrix<Rational> {
  return vstack(F, so3.map((a) => tensorPower(a, k)));
}

/** Hom(V^⊗p, V^⊗q) constraints: dρ_out(A) ⊗ I − I ⊗ dρ_in(A)ᵀ (row-major vec). */
export function so3Hom(p: number, q: number): SparseMatrix<Rational> {
  return vstack(
    F,
    so3.map((a) => {
      const aIn = tensorPower(a, p);
      const aOut = tensorPower(a, q);
      return linearCombination(
        F,
        Q.ONE,
        kron(F, aOut, identity(F, aIn.rows)),
        Q.MINUS_ONE,
        kron(F, identity(F, aOut.rows), transpose(aIn)),
      );
    }),
  );
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random sparse m×n integer matrix, `perRow` entries in [−3, 3] \ {0} on the first n − d columns;
 * each of the last d columns is a small integer combination of two earlier ones, so the nullity is
 * at least d.
 */
export function randomPlanted(m: number, n: number, perRow: number, d: number, seed: number): SparseMatrix<Rational> {
  const R = rng(seed);
  const base = n - d;
  const deps = Array.from({ length: d }, () => [
    Math.floor(R() * base),
    Math.floor(R() * base),
    Math.floor(R() * 5) - 2,
    Math.floor(R() * 5) - 2,
  ]);
  const b = new CsrBuilder(F, n);
  for (let r = 0; r < m; r++) {
    const row = new Map<number, number>();
    while (row.size < Math.min(perRow, base)) {
      let v = 0;
      while (v === 0) v = Math.floor(R() * 7) - 3;
      row.set(Math.floor(R() * base), v);
    }
    deps.forEach(([x, y, a, c], k) => {
      const v = a! * (row.get(x!) ?? 0) + c! * (row.get(y!) ?? 0);
      if (v !== 0) row.set(base + k, v);
    });
    for (const c of [...row.keys()].sort((x, y) => x - y)) b.push(c, rat(row.get(c)!));
    b.endRow();
  }
  return b.build();
}

/** Rank over ℚ by plain dense Gaussian elimination with Rational — slow, independent, obviously right. */
export function referenceRank(c: SparseMatrix<Rational>): number {
  const a = toDense(F, c);
  let rank = 0;
  for (let col = 0; col < c.cols && rank < a.length; col++) {
    const p = a.findIndex((row, i) => i >= rank && !Q.isZero(row[col]!));
    if (p < 0) continue;
    [a[rank], a[p]] = [a[p]!, a[rank]!];
    const piv = a[rank]!;
    for (let i = rank + 1; i < a.length; i++) {
      const f = Q.div(a[i]![col]!, piv[col]!);
      if (Q.isZero(f)) continue;
      a[i] = a[i]!.map((x, j) => Q.sub(x, Q.mul(f, piv[j]!)));
    }
    rank++;
  }
  return rank;
}

/** C·Nᵀ computed exactly; true when every entry is zero. */
export function annihilates(c: SparseMatrix<Rational>, basis: SparseMatrix<Rational>): boolean {
  if (basis.rows === 0) return true;
  return multiply(F, c, transpose(basis)).values.length === 0;
}

export function toFloat(m: SparseMatrix<Rational>): SparseMatrix<number> {
  return map(FloatField, m, Q.toNumber);
}

/** Largest entrywise difference of two same-shaped float matrices. */
export function maxDiff(a: SparseMatrix<number>, b: SparseMatrix<number>): number {
  const x = toDense(FloatField, a);
  const y = toDense(FloatField, b);
  let worst = 0;
  x.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - y[i]![j]!)))));
  return worst;
}
