/**
 * The symbolic check of a diagram basis, at the group's actual n and without any matrix of size
 * dim_out × dim_in: every diagram is a product, over disjoint sets of indices, of invariant tensors
 * — a partition indicator (invariant under permutations), the pairings δ (always), η or J, and ε —
 * and a tensor product of invariant tensors is invariant. So the basis is equivariant as soon as
 * each generator of each factor preserves those tensors, which is checked exactly here:
 *
 * - S(n): every discrete generator is a permutation matrix (and there is no Lie algebra);
 * - δ, η, J with Gram matrix M: gᵀ M g = M for every discrete g, Xᵀ M + M X = 0 for every Lie X
 *   (then the inverse form M⁻¹ on two upper indices is invariant too);
 * - ε: det g = 1 and tr X = 0.
 *
 * `certifyDiagramForms` makes the same checks in float64 on seeded random group elements, for
 * `--certify` on blocks too large to materialise.
 */
import { SolverError } from '../errors.js';
import { FloatField, type Field } from '../field/field.js';
import { toFloatGroup } from '../group/convert.js';
import type { AnyGroup, FactorRep, Group } from '../group/group.js';
import { equalMatrices, linearCombination, multiply, toDense, transpose, type SparseMatrix } from '../linalg/index.js';
import { randomGroupElements } from '../rep/random-elements.js';
import type { DiagramBlock, DiagramFamily } from './types.js';

/** The Gram matrix of a family's pairing form, dense over the field: I, η or J. */
function gram<T>(f: Field<T>, family: DiagramFamily): T[][] {
  const d = family.dim;
  const h = d / 2;
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      if (family.form === 'J') return i < h && j === i + h ? f.one : i >= h && j === i - h ? f.neg(f.one) : f.zero;
      if (i !== j) return f.zero;
      return family.form === 'eta' && i > 0 ? f.neg(f.one) : f.one;
    }),
  );
}

function fromRows<T>(f: Field<T>, rows: T[][]): SparseMatrix<T> {
  const n = rows.length;
  const rowPtr = new Int32Array(n + 1);
  const colIdx: number[] = [];
  const values: T[] = [];
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (!f.isZero(v)) {
        colIdx.push(j);
        values.push(v);
      }
    });
    rowPtr[i + 1] = colIdx.length;
  });
  return Object.freeze({ rows: n, cols: n, rowPtr, colIdx: Int32Array.from(colIdx), values: Object.freeze(values) });
}

/** Determinant by elimination over the field (generators are small: n ≤ 100). */
function determinant<T>(f: Field<T>, m: SparseMatrix<T>): T {
  const a = toDense(f, m);
  const n = a.length;
  let det = f.one;
  for (let c = 0; c < n; c++) {
    const p = a.findIndex((row, r) => r >= c && !f.isZero(row[c]!));
    if (p < 0) return f.zero;
    if (p !== c) {
      [a[p], a[c]] = [a[c]!, a[p]!];
      det = f.neg(det);
    }
    const pivot = a[c]![c]!;
    det = f.mul(det, pivot);
    for (let r = c + 1; r < n; r++) {
      if (f.isZero(a[r]![c]!)) continue;
      const k = f.mul(a[r]![c]!, f.inv(pivot));
      for (let j = c; j < n; j++) a[r]![j] = f.sub(a[r]![j]!, f.mul(k, a[c]![j]!));
    }
  }
  return det;
}

/** Determinant in float64 with partial pivoting. */
function floatDeterminant(rows: readonly (readonly number[])[]): number {
  const a = rows.map((r) => [...r]);
  const n = a.length;
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (a[p]![c] === 0) return 0;
    if (p !== c) {
      [a[p], a[c]] = [a[c]!, a[p]!];
      det = -det;
    }
    det *= a[c]![c]!;
    for (let r = c + 1; r < n; r++) {
      const k = a[r]![c]! / a[c]![c]!;
      for (let j = c; j < n; j++) a[r]![j]! -= k * a[c]![j]!;
    }
  }
  return det;
}

function trace<T>(f: Field<T>, m: SparseMatrix<T>): T {
  let t = f.zero;
  for (let r = 0; r < m.rows; r++) for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) if (m.colIdx[k] === r) t = f.add(t, m.values[k]!);
  return t;
}

function isPermutationMatrix<T>(f: Field<T>, m: SparseMatrix<T>): boolean {
  const seen = new Uint8Array(m.cols);
  if (m.colIdx.length !== m.rows || m.rows !== m.cols) return false;
  for (let r = 0; r < m.rows; r++) {
    const v = m.values[r]!;
    if (m.rowPtr[r + 1]! - m.rowPtr[r]! !== 1 || (v !== f.one && !f.eq(v, f.one)) || seen[m.colIdx[r]!]) return false;
    seen[m.colIdx[r]!] = 1;
  }
  return true;
}

function fail(message: string): SolverError {
  return new SolverError('E_VERIFY', `verification failed: ${message}`, { hint: 'the diagram basis assumes the built-in generators of the group' });
}

/** A factor's own generators: the others' act on it as the identity (discrete) or zero (Lie). */
function ownGenerators<T>(factor: FactorRep<T>, f: Field<T>, product: boolean): { discrete: SparseMatrix<T>[]; lie: SparseMatrix<T>[] } {
  // In a simple group every generator is the factor's own (and an identity generator is harmless).
  if (!product) return { discrete: [...factor.discrete], lie: [...factor.lie] };
  const one = (v: T): boolean => v === f.one || f.eq(v, f.one);
  const id = (m: SparseMatrix<T>): boolean => m.colIdx.length === m.rows && m.colIdx.every((c, r) => c === r && one(m.values[r]!));
  return { discrete: factor.discrete.filter((m) => !id(m)), lie: factor.lie.filter((m) => m.colIdx.length > 0) };
}

/**
 * Checks exactly that every generator of every factor the block uses preserves the factor's
 * invariant tensors; throws E_VERIFY otherwise. Returns the number of generator checks and a
 * one-line account of what was checked.
 *
 * @example
 * checkDiagramForms(resolveGroup('SO(3)'), block).what // 'SO(3): Xᵀ + X = 0 and tr X = 0 for 3 Lie generators'
 */
export function checkDiagramForms<T>(group: Group<T>, block: DiagramBlock): { readonly checked: number; readonly what: string } {
  const f = group.field;
  let checked = 0;
  const what: string[] = [];
  for (const family of block.families) {
    const own = ownGenerators(group.factors[family.factor - 1]!, f, group.factors.length > 1);
    if (family.diagrams === 'partition') {
      if (own.lie.length > 0) throw fail(`${family.group} has a Lie algebra; its partition diagrams need a permutation group`);
      own.discrete.forEach((g, i) => {
        if (!isPermutationMatrix(f, g)) throw fail(`generator ${i} of ${family.group} is not a permutation matrix`);
      });
      checked += own.discrete.length;
      what.push(`${family.group}: ${own.discrete.length} generators are permutation matrices`);
      continue;
    }
    const M = fromRows(f, gram(f, family));
    own.discrete.forEach((g, i) => {
      if (!equalMatrices(f, multiply(f, transpose(g), multiply(f, M, g)), M)) throw fail(`generator ${i} of ${family.group} does not preserve its form`);
      if (family.epsilon && !f.eq(determinant(f, g), f.one)) throw fail(`generator ${i} of ${family.group} has determinant ≠ 1 (ε is not invariant)`);
    });
    own.lie.forEach((x, i) => {
      const s = linearCombination(f, f.one, multiply(f, transpose(x), M), f.one, multiply(f, M, x));
      if (s.colIdx.length !== 0) throw fail(`Lie generator ${i} of ${family.group} does not preserve its form`);
      if (family.epsilon && !f.isZero(trace(f, x))) throw fail(`Lie generator ${i} of ${family.group} is not traceless (ε is not invariant)`);
    });
    checked += own.discrete.length + own.lie.length;
    const form = family.form === 'delta' ? 'gᵀg = I' : `gᵀ${family.form === 'eta' ? 'η' : 'J'}g = ${family.form === 'eta' ? 'η' : 'J'}`;
    what.push(`${family.group}: ${form}${family.epsilon ? ', det g = 1' : ''} on ${own.discrete.length + own.lie.length} generators`);
  }
  return Object.freeze({ checked, what: what.join('; ') || 'no group factor acts (scalars)' });
}

/**
 * The same checks in float64 on `count` seeded random elements of each factor (`--certify` for a
 * block too large to materialise). Returns the largest relative residual; throws E_VERIFY above `tolerance`.
 *
 * @example
 * certifyDiagramForms(resolveGroup('O(3)'), block, 8, 1, 1e-9).maxResidual // ~1e-15
 */
export function certifyDiagramForms<T>(group: Group<T>, block: DiagramBlock, count: number, seed: number, tolerance: number): { readonly checked: number; readonly maxResidual: number } {
  const floatGroup = toFloatGroup(group as unknown as AnyGroup) as Group<number>;
  let worst = 0;
  let checked = 0;
  for (const family of block.families) {
    const factor = floatGroup.factors[family.factor - 1]!;
    const base = { dim: factor.dim, discrete: factor.discrete, lie: factor.lie };
    const samples = randomGroupElements(FloatField, base, base, count, seed);
    const M = toDense(FloatField, fromRows(FloatField, gram(FloatField, family)));
    for (const [g] of samples) {
      const a = toDense(FloatField, g);
      const d = a.length;
      let res = 0;
      if (family.diagrams === 'partition') {
        // A permutation matrix: entries 0 or 1, one 1 per row.
        for (const row of a) res = Math.max(res, Math.abs(row.reduce((s, v) => s + Math.abs(v), 0) - 1), ...row.map((v) => Math.min(Math.abs(v), Math.abs(v - 1))));
      } else {
        const scale = a.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0);
        // gᵀ·(M·g), with M·g first: M has one non-zero per row.
        const mg = M.map((row) => {
          const k = row.findIndex((v) => v !== 0);
          return a[k]!.map((v) => v * row[k]!);
        });
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < d; j++) {
            let s = 0;
            for (let k = 0; k < d; k++) s += a[k]![i]! * mg[k]![j]!;
            res = Math.max(res, Math.abs(s - M[i]![j]!) / Math.max(1, scale));
          }
        }
        if (family.epsilon) res = Math.max(res, Math.abs(floatDeterminant(a) - 1) / Math.max(1, scale ** (d / 2)));
      }
      worst = Math.max(worst, res);
      checked++;
      if (!(res <= tolerance)) throw fail(`a random element of ${family.group} does not preserve its invariant tensors (relative residual ${res.toExponential(2)})`);
    }
  }
  return Object.freeze({ checked, maxResidual: worst });
}
