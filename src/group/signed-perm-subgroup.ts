/**
 * Signed-permutation elements hidden in a Lie group. SO(3) contains the 24 rotations of the cube,
 * O(1,3) the signed permutations of the spatial axes, Sp(n) the symplectic form J itself. Orbit
 * sums under such elements shrink the unknowns of Hom(R, S) by up to the subgroup's order before
 * any elimination runs — the pre-reduction DESIGN.md §7 describes.
 *
 * Exactness: an element is only used when it is *exactly* exp(θ·A) for a rational Lie algebra
 * element A, so every equivariant W commutes with it. For A with A³ = −A (a rotation generator:
 * eigenvalues 0, ±i), the Rodrigues form gives exp(θA) = I + sin θ·A + (1 − cos θ)·A², so the
 * quarter turn is I + A + A² and the half turn I + 2A², both rational. Candidates are the Lie
 * generators and their pairwise sums and differences (which finds J = e − f in sp(2)).
 */
import type { Field } from '../field/field.js';
import { asSignedPermutation, equalMatrices, identity, linearCombination, map, multiply, type SparseMatrix } from '../linalg/index.js';
import type { Group } from './group.js';

/** At most this many candidate pairs are tried (groups with huge Lie algebras stay cheap). */
const MAX_PAIR_CANDIDATES = 400;
/** Powers of a generator tried for signed permutations (up to its order), and on V of at most this dimension. */
const MAX_POWER = 120;
const MAX_POWERED_DIM = 64;

interface Candidate<T> {
  /** The Lie algebra element restricted to V and to each factor's base rep. */
  readonly onV: SparseMatrix<T>;
  readonly onFactors: readonly SparseMatrix<T>[];
}

/** Whether a signed permutation matrix is the identity: entry (r, r) = 1 in every row. */
function isIdentity<T>(f: Field<T>, m: SparseMatrix<T>): boolean {
  for (let r = 0; r < m.rows; r++) {
    if (m.rowPtr[r + 1]! - m.rowPtr[r]! !== 1 || m.colIdx[m.rowPtr[r]!] !== r || !f.eq(m.values[m.rowPtr[r]!]!, f.one)) return false;
  }
  return true;
}

function isRotationGenerator<T>(f: Field<T>, a: SparseMatrix<T>): boolean {
  const a2 = multiply(f, a, a);
  const a3 = multiply(f, a2, a);
  return equalMatrices(f, a3, map(f, a, (v) => f.neg(v)));
}

function turns<T>(f: Field<T>, a: SparseMatrix<T>): SparseMatrix<T>[] {
  const id = identity(f, a.rows);
  const a2 = multiply(f, a, a);
  const two = f.add(f.one, f.one);
  const quarter = linearCombination(f, f.one, linearCombination(f, f.one, id, f.one, a), f.one, a2);
  const half = linearCombination(f, f.one, id, two, a2);
  return [quarter, half];
}

/**
 * A group with the same base reps whose discrete generators are signed-permutation elements of
 * `group`: its signed-permutation discrete generators, the signed-permutation powers of the others,
 * and exact quarter and half turns found in its Lie algebra (exact groups only). Null when there
 * are none.
 *
 * @example
 * signedPermSubgroup(resolveGroup('SO(3)'))!.discrete.length // 6: quarter and half turns about 3 axes
 */
export function signedPermSubgroup<T>(group: Group<T>): Group<T> | null {
  const f = group.field;
  const elements: { onV: SparseMatrix<T>; onFactors: SparseMatrix<T>[] }[] = [];
  const add = (onV: SparseMatrix<T>, onFactors: SparseMatrix<T>[]): void => {
    if (asSignedPermutation(f, onV) === null || onFactors.some((m) => asSignedPermutation(f, m) === null)) return;
    // Compared in place, not through identity matrices or string keys: a permutation generator
    // of a custom group may act on a million points.
    if (isIdentity(f, onV) || elements.some((e) => equalMatrices(f, e.onV, onV))) return;
    elements.push({ onV, onFactors });
  };
  group.discrete.forEach((h, i) => add(h, group.factors.map((fac) => fac.discrete[i]!)));
  // Powers of the other generators: D(8)'s rotation by 45° has the quarter turn as its square,
  // C(6)'s has −I as its cube. Exact groups only (a float power is only nearly a permutation).
  if (f.kind === 'exact' && group.dim <= MAX_POWERED_DIM) {
    group.discrete.forEach((h, i) => {
      if (asSignedPermutation(f, h) !== null) return;
      const id = identity(f, h.rows);
      let onV = h;
      let onFactors = group.factors.map((fac) => fac.discrete[i]!);
      for (let k = 2; k <= MAX_POWER; k++) {
        onV = multiply(f, onV, h);
        onFactors = onFactors.map((m, x) => multiply(f, m, group.factors[x]!.discrete[i]!));
        if (equalMatrices(f, onV, id)) break;
        add(onV, onFactors);
      }
    });
  }

  // A float "turn" would only approximately be in the group: float groups use their discrete
  // generators alone.
  const lie = f.kind === 'exact' ? group.lie : [];
  const candidates: Candidate<T>[] = lie.map((a, k) => ({ onV: a, onFactors: group.factors.map((fac) => fac.lie[k]!) }));
  const pairs: Candidate<T>[] = [];
  for (let i = 0; i < candidates.length && pairs.length < MAX_PAIR_CANDIDATES; i++) {
    for (let j = i + 1; j < candidates.length && pairs.length < MAX_PAIR_CANDIDATES; j++) {
      for (const sign of [f.one, f.neg(f.one)]) {
        const a = candidates[i]!;
        const b = candidates[j]!;
        pairs.push({
          onV: linearCombination(f, f.one, a.onV, sign, b.onV),
          onFactors: a.onFactors.map((m, x) => linearCombination(f, f.one, m, sign, b.onFactors[x]!)),
        });
      }
    }
  }
  for (const c of [...candidates, ...pairs]) {
    if (!isRotationGenerator(f, c.onV) || !c.onFactors.every((m) => isRotationGenerator(f, m))) continue;
    const onV = turns(f, c.onV);
    const onFactors = c.onFactors.map((m) => turns(f, m));
    onV.forEach((t, which) => add(t, onFactors.map((ts) => ts[which]!)));
  }
  if (elements.length === 0) return null;
  const { order: _order, ...rest } = group;
  return Object.freeze({
    ...rest,
    name: `${group.name} ⊇ signed permutations`,
    discrete: Object.freeze(elements.map((e) => e.onV)),
    lie: Object.freeze([]),
    factors: Object.freeze(
      group.factors.map((fac, x) =>
        Object.freeze({ ...fac, discrete: Object.freeze(elements.map((e) => e.onFactors[x]!)), lie: Object.freeze([]) }),
      ),
    ),
  });
}
