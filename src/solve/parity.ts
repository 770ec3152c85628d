/**
 * Splitting a null space by a parity symmetry (facts.ts ParitySymmetry): a diagonal ±1 matrix σ
 * outside the group that normalises it, such as the reflection diag(1, −1) for C(k).
 *
 * Why it is exact and keeps the canonical form: σ maps the solution space S to itself and is
 * diagonal, so S = S₊ ⊕ S₋ with S₊ on the coordinates where σ acts by +1 and S₋ on the others.
 * Two spaces on disjoint coordinates have RREF rows that are zero at each other's pivots, so the
 * RREF of S is the two RREFs merged by pivot. Each half has half the unknowns and about half of
 * every constraint row, and its nullity comes from the character formula of ⟨G, σ⟩: on C(6)
 * T(5)→T(5) the two eliminations take 12 ms where the whole one took 70 ms.
 */
import type { Reduction } from '../constraints/assemble.js';
import type { Rep } from '../rep/rep.js';
import { signedPermAction } from '../rep/signed-perm.js';
import type { Group } from '../group/group.js';
import type { SparseMatrix } from '../linalg/index.js';
import type { Deadline } from '../util/deadline.js';
import type { HomProblem } from './strategy.js';

/** The columns of each half (ascending) and, when the characters are known, its nullity. */
export interface ParityHalves {
  readonly columns: readonly [Int32Array, Int32Array];
  readonly nullity: readonly [number, number] | null;
}

/** σ's sign on each coordinate of `rep` (σ is diagonal, so ρ_rep(σ) is too). */
function signsOn<T>(extended: Group<T>, sigma: SparseMatrix<T>, rep: Rep): Int8Array | null {
  const only: Group<T> = { ...extended, discrete: [sigma], factors: extended.factors.map((f) => ({ ...f, discrete: [sigma] })) };
  return signedPermAction(only, rep)?.[0]?.sign ?? null;
}

/**
 * The two halves of the unknowns of p (the orbit coordinates of `reduction` when given), or null
 * when the group has no parity symmetry or it does not split these unknowns.
 *
 * @example
 * parityHalves(problemFor('C(6)', 'V^5', 'V^5'), null)!.columns[0].length // 512
 */
export function parityHalves<T>(p: HomProblem<T>, reduction: Reduction | null, deadline?: Deadline): ParityHalves | null {
  const symmetry = p.facts.parity(deadline);
  if (symmetry === null) return null;
  const so = signsOn(symmetry.extended, symmetry.sigma, p.outRep);
  const si = signsOn(symmetry.extended, symmetry.sigma, p.inRep);
  if (so === null || si === null) return null;
  const count = reduction ? reduction.count : p.m * p.n;
  // σ acts on W by ρ_out(σ)·W·ρ_in(σ): entry (r, c) by so[r]·si[c]. An orbit coordinate stands
  // for a vector on its orbit that σ maps to ± itself, so σ's sign is the same on the whole orbit.
  const sign = new Int8Array(count);
  for (let x = 0; x < p.m * p.n; x++) {
    const j = reduction ? reduction.label[x]! : x;
    if (j < 0) continue;
    const s = so[Math.floor(x / p.n)]! * si[x % p.n]!;
    if (sign[j] === 0) sign[j] = s;
    else if (sign[j] !== s) return null;
  }
  const plus: number[] = [];
  const minus: number[] = [];
  sign.forEach((s, j) => (s === 1 ? plus : minus).push(j));
  if (plus.length === 0 || minus.length === 0) return null;
  const total = p.facts.homDimension(p.inRep, p.outRep, deadline);
  const even = p.facts.parityDimension(p.inRep, p.outRep, deadline);
  return {
    columns: [Int32Array.from(plus), Int32Array.from(minus)],
    nullity: total !== null && even !== null && even <= total ? [even, total - even] : null,
  };
}

/**
 * The RREF rows of two null spaces on disjoint column sets, mapped back to the full columns and
 * merged by pivot: the RREF of their direct sum.
 *
 * @example
 * mergeHalves([plusRows, minusRows], halves.columns, 1024).rows // plusRows.rows + minusRows.rows
 */
export function mergeHalves<T>(parts: readonly [SparseMatrix<T>, SparseMatrix<T>], columns: readonly [Int32Array, Int32Array], cols: number): SparseMatrix<T> {
  const [a, b] = parts;
  const rows = a.rows + b.rows;
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(a.colIdx.length + b.colIdx.length);
  const values = new Array<T>(colIdx.length);
  const pivot = (m: SparseMatrix<T>, part: number, r: number): number => (r < m.rows ? columns[part]![m.colIdx[m.rowPtr[r]!]!]! : Infinity);
  let ra = 0;
  let rb = 0;
  let k = 0;
  for (let i = 0; i < rows; i++) {
    const fromA = pivot(a, 0, ra) < pivot(b, 1, rb);
    const m = fromA ? a : b;
    const map = columns[fromA ? 0 : 1]!;
    const r = fromA ? ra++ : rb++;
    for (let t = m.rowPtr[r]!; t < m.rowPtr[r + 1]!; t++, k++) {
      colIdx[k] = map[m.colIdx[t]!]!;
      values[k] = m.values[t]!;
    }
    rowPtr[i + 1] = k;
  }
  return Object.freeze({ rows, cols, rowPtr, colIdx, values: Object.freeze(values) });
}
