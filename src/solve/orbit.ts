/**
 * The orbit strategy: when every generator acts on both reps as a signed permutation, W is
 * equivariant iff W[π_out(r), π_in(c)] = s_out(r)·s_in(c)·W[r, c] for every generator. So the index
 * pairs (r, c) fall into orbits; an orbit that meets itself with the opposite sign forces zero, and
 * every other orbit contributes one basis element: ±1 on the orbit, 0 elsewhere. This is the
 * partition-diagram basis of Maron et al. for S(n) (Bell numbers).
 *
 * Union-find with a parity bit per node, so the work is near-linear in dim_out × dim_in × #gens.
 */
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { RationalField } from '../field/field.js';
import { MINUS_ONE, ONE, type Rational } from '../field/rational.js';
import { map, type SparseMatrix } from '../linalg/index.js';
import type { SignedPerm } from '../rep/signed-perm.js';
import type { BlockBasis, HomProblem, SolveOptions, Strategy } from './strategy.js';

/**
 * Orbit labels of the index pairs of an `m × n` matrix (flat row-major index r·n + c).
 * `label[x]` is the basis element x belongs to (−1: forced to zero), `sign[x]` its sign; basis
 * elements are numbered by their first (smallest) index and that index has sign +1, which is
 * exactly the reduced row echelon form of the basis.
 */
export interface OrbitLabels {
  readonly count: number;
  readonly label: Int32Array;
  readonly sign: Int8Array;
}

/**
 * Orbits of index pairs under `(r, c) ↦ (π_out(r), π_in(c))` with signs.
 *
 * @example
 * // S(2) swapping both coordinates, V → V: orbits {(0,0),(1,1)} and {(0,1),(1,0)}
 * const swap = { perm: Int32Array.of(1, 0), sign: Int8Array.of(1, 1) };
 * orbitLabels([swap], [swap], 2, 2).count // 2
 */
export function orbitLabels(
  outPerms: readonly SignedPerm[],
  inPerms: readonly SignedPerm[],
  m: number,
  n: number,
  deadline: Deadline = NO_DEADLINE,
): OrbitLabels {
  const size = m * n;
  const parent = new Int32Array(size);
  for (let x = 0; x < size; x++) parent[x] = x;
  // parity[x]: W[x] = (−1)^parity[x] · W[parent[x]].
  const parity = new Uint8Array(size);
  const conflict = new Uint8Array(size);

  let foundParity = 0;
  const find = (x: number): number => {
    // Two passes: find the root and the parity to it, then compress the path.
    let root = x;
    let p = 0;
    while (parent[root] !== root) {
      p ^= parity[root]!;
      root = parent[root]!;
    }
    let cur = x;
    let curParity = p;
    while (parent[cur] !== root && cur !== root) {
      const next = parent[cur]!;
      const nextParity = curParity ^ parity[cur]!;
      parent[cur] = root;
      parity[cur] = curParity;
      cur = next;
      curParity = nextParity;
    }
    foundParity = p;
    return root;
  };

  for (let g = 0; g < outPerms.length; g++) {
    const po = outPerms[g]!;
    const pi = inPerms[g]!;
    for (let r = 0; r < m; r++) {
      deadline.tick();
      const rowImage = po.perm[r]! * n;
      const rowSign = po.sign[r]!;
      for (let c = 0; c < n; c++) {
        const x = r * n + c;
        const y = rowImage + pi.perm[c]!;
        if (x === y && rowSign * pi.sign[c]! === 1) continue;
        const rel = rowSign * pi.sign[c]! === 1 ? 0 : 1;
        const rx = find(x);
        const px = foundParity;
        const ry = find(y);
        const py = foundParity;
        const p = rel ^ px ^ py;
        if (rx === ry) {
          if (p !== 0) conflict[rx] = 1;
        } else {
          parent[ry] = rx;
          parity[ry] = p;
          conflict[rx] = conflict[rx]! | conflict[ry]!;
        }
      }
    }
  }

  const label = new Int32Array(size).fill(-1);
  const sign = new Int8Array(size);
  const rootLabel = new Int32Array(size).fill(-1);
  const rootFirstParity = new Uint8Array(size);
  let count = 0;
  for (let x = 0; x < size; x++) {
    const root = find(x);
    const p = foundParity;
    if (conflict[root]) continue;
    if (rootLabel[root] === -1) {
      rootLabel[root] = count++;
      rootFirstParity[root] = p;
    }
    label[x] = rootLabel[root]!;
    sign[x] = (p ^ rootFirstParity[root]!) === 0 ? 1 : -1;
  }
  return { count, label, sign };
}

/**
 * The orbit basis as an r × (m·n) sparse matrix of ±1 rows in reduced row echelon form.
 *
 * @example
 * orbitBasis(orbitLabels([swap], [swap], 2, 2), 4).rows // 2
 */
export function orbitBasis(labels: OrbitLabels, size: number): SparseMatrix<Rational> {
  const counts = new Int32Array(labels.count + 1);
  for (let x = 0; x < size; x++) {
    const l = labels.label[x]!;
    if (l >= 0) counts[l + 1]!++;
  }
  for (let b = 0; b < labels.count; b++) counts[b + 1]! += counts[b]!;
  const rowPtr = Int32Array.from(counts);
  const colIdx = new Int32Array(counts[labels.count]!);
  const values = new Array<Rational>(colIdx.length);
  const next = counts;
  for (let x = 0; x < size; x++) {
    const l = labels.label[x]!;
    if (l < 0) continue;
    const k = next[l]!++;
    colIdx[k] = x;
    values[k] = labels.sign[x] === 1 ? ONE : MINUS_ONE;
  }
  Object.freeze(values);
  return Object.freeze({ rows: labels.count, cols: size, rowPtr, colIdx, values });
}

/** Orbit sums: the strategy for signed-permutation generators without a Lie algebra. */
export const orbitStrategy: Strategy = Object.freeze({
  name: 'orbit',
  family: 'orbit',
  whyNot<T>(p: HomProblem<T>): string | null {
    if (p.group.lie.length > 0) return 'the group has a Lie algebra';
    if (p.matrices.signedPerms(p.inRep) === null || p.matrices.signedPerms(p.outRep) === null) {
      return 'some generator is not a signed permutation';
    }
    return null;
  },
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
    const labels = orbitLabels(p.matrices.signedPerms(p.outRep)!, p.matrices.signedPerms(p.inRep)!, p.m, p.n, options.deadline);
    const basis = orbitBasis(labels, p.m * p.n);
    // Orbit bases are {0, ±1}: representable in every field.
    const f = p.group.field;
    const minusOne = f.neg(f.one);
    const inField = f === (RationalField as unknown) ? basis : map(f, basis, (v) => (v.num === 1n ? f.one : minusOne));
    return Object.freeze({
      m: p.m,
      n: p.n,
      elements: inField as unknown as SparseMatrix<T>,
      strategy: 'orbit' as const,
      family: 'orbit' as const,
      reason: `all ${p.group.discrete.length} generators act as signed permutations on both reps and there is no Lie algebra`,
      diagnostics: Object.freeze({ reducedUnknowns: labels.count, constraintRows: 0, method: 'orbit sums (union-find)' }),
    });
  },
});
