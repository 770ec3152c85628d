/**
 * An independent equivariance oracle for tests (in the spirit of e3nn's assert_equivariant):
 * dense float matrices, random words in the generators, and the plain definition
 * ρ_out(g)·W = W·ρ_in(g). It shares no code with src/verify.
 */
import { expect } from 'vitest';
import { flatBasis, type Basis } from '../../src/basis.js';
import { repMatrices } from '../../src/rep/matrices.js';
import type { SparseMatrix } from '../../src/linalg/sparse.js';
import type { Field } from '../../src/field/field.js';

type Dense = number[][];

function toDenseNumbers<T>(f: Field<T>, m: SparseMatrix<T>): Dense {
  const out: Dense = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) out[r]![m.colIdx[k]!] = f.toNumber(m.values[k]!);
  }
  return out;
}

function mul(a: Dense, b: Dense): Dense {
  const n = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(n).fill(0);
    row.forEach((v, k) => {
      if (v !== 0) b[k]!.forEach((w, j) => (out[j]! += v * w));
    });
    return out;
  });
}

function frob(a: Dense): number {
  return Math.sqrt(a.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0));
}

/** Rank by Gaussian elimination with partial pivoting and a relative tolerance. */
export function numericRank(rows: Dense): number {
  const a = rows.map((r) => [...r]);
  const scale = Math.max(1e-300, ...a.map((r) => Math.max(0, ...r.map(Math.abs))));
  let rank = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && rank < a.length; c++) {
    let best = rank;
    for (let r = rank + 1; r < a.length; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[best]![c]!)) best = r;
    if (Math.abs(a[best]![c]!) <= 1e-9 * scale) continue;
    [a[rank], a[best]] = [a[best]!, a[rank]!];
    for (let r = rank + 1; r < a.length; r++) {
      const factor = a[r]![c]! / a[rank]![c]!;
      if (factor !== 0) for (let j = c; j < cols; j++) a[r]![j]! -= factor * a[rank]![j]!;
    }
    rank++;
  }
  return rank;
}

/**
 * Asserts every flat basis element commutes with the generators and with random words in them,
 * and that the elements are linearly independent. Skips the dense part above `maxEntries`.
 */
export function assertEquivariant<T>(basis: Basis<T>, options: { maxEntries?: number; words?: number } = {}): void {
  const [m, n] = basis.shape;
  const maxEntries = options.maxEntries ?? 200_000;
  if (m * n * Math.max(1, basis.dim) > maxEntries * 50) return;
  const f = basis.field;
  const outM = repMatrices(basis.group, basis.outRep);
  const inM = repMatrices(basis.group, basis.inRep);
  const gens: [Dense, Dense][] = [
    ...outM.discrete.map((o, i): [Dense, Dense] => [toDenseNumbers(f, o), toDenseNumbers(f, inM.discrete[i]!)]),
    ...outM.lie.map((o, i): [Dense, Dense] => [toDenseNumbers(f, o), toDenseNumbers(f, inM.lie[i]!)]),
  ];
  // Random words in the discrete generators (deterministic: a fixed LCG).
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const words: [Dense, Dense][] = [];
  if (outM.discrete.length > 0) {
    for (let w = 0; w < (options.words ?? 2); w++) {
      let go = gens[rand(outM.discrete.length)]!;
      for (let l = 0; l < 4; l++) {
        const h = gens[rand(outM.discrete.length)]!;
        go = [mul(go[0], h[0]), mul(go[1], h[1])];
      }
      words.push(go);
    }
  }
  const flat = flatBasis(basis);
  expect(flat.rows).toBe(basis.dim);
  const elements: Dense[] = [];
  for (let r = 0; r < flat.rows; r++) {
    const w: Dense = Array.from({ length: m }, () => new Array<number>(n).fill(0));
    for (let k = flat.rowPtr[r]!; k < flat.rowPtr[r + 1]!; k++) {
      const x = flat.colIdx[k]!;
      w[Math.floor(x / n)]![x % n] = f.toNumber(flat.values[k]!);
    }
    elements.push(w);
    for (const [o, i] of [...gens, ...words]) {
      const lhs = mul(o, w);
      const rhs = mul(w, i);
      const diff = lhs.map((row, a) => row.map((v, b) => v - rhs[a]![b]!));
      const scale = Math.max(frob(lhs), frob(rhs), 1);
      expect(frob(diff) / scale).toBeLessThan(1e-9);
    }
  }
  if (m * n * basis.dim <= maxEntries) {
    expect(numericRank(elements.map((w) => w.flat()))).toBe(basis.dim);
  }
}
