/**
 * Seeded random group elements, built directly at the level of a pair of reps: a word in the
 * discrete generators (ρ_R of a word is the product of the ρ_R of its letters) times
 * exp(Σ t_k dρ_R(A_k)) = ρ_R(exp(Σ t_k A_k)). Used to check float bases beyond the generators.
 */
import { FloatField, type Field } from '../field/field.js';
import type { Group } from '../group/group.js';
import { denseIdentity, denseMultiply, expm, fromDense, toDense, type Dense, type SparseMatrix } from '../linalg/index.js';
import type { RepMatrices } from './matrices.js';
import { seededRng } from '../util/random.js';

function dense(f: Field<number>, m: SparseMatrix<number>): Dense {
  return toDense(f, m).map((row) => Float64Array.from(row));
}

/**
 * `count` pairs [ρ_out(g), ρ_in(g)] for random g, reproducible from `seed`.
 *
 * @example
 * randomGroupElements(FloatField, outMats, inMats, 3, 1).length // 3
 */
export function randomGroupElements(
  f: Field<number>,
  out: RepMatrices<number>,
  inn: RepMatrices<number>,
  count: number,
  seed: number,
): [SparseMatrix<number>, SparseMatrix<number>][] {
  const rng = seededRng(seed);
  const samples: [SparseMatrix<number>, SparseMatrix<number>][] = [];
  const outGens = out.discrete.map((m) => dense(f, m));
  const inGens = inn.discrete.map((m) => dense(f, m));
  const outLie = out.lie.map((m) => dense(f, m));
  const inLie = inn.lie.map((m) => dense(f, m));
  for (let s = 0; s < count; s++) {
    let go = denseIdentity(out.dim);
    let gi = denseIdentity(inn.dim);
    if (outLie.length > 0) {
      const t = outLie.map(() => 0.5 * rng.normal());
      const combine = (gens: Dense[], dim: number): Dense =>
        gens.reduce((acc, a, k) => acc.map((row, i) => row.map((v, j) => v + t[k]! * a[i]![j]!)), denseIdentity(dim).map((r) => r.fill(0)));
      go = expm(combine(outLie, out.dim));
      gi = expm(combine(inLie, inn.dim));
    }
    if (outGens.length > 0) {
      const length = 1 + rng.int(8);
      for (let l = 0; l < length; l++) {
        const h = rng.int(outGens.length);
        go = denseMultiply(go, outGens[h]!);
        gi = denseMultiply(gi, inGens[h]!);
      }
    }
    samples.push([fromDense(f, go.map((r) => [...r])), fromDense(f, gi.map((r) => [...r]))]);
  }
  return samples;
}

/**
 * The same kind of seeded random elements, made on V and on each factor's base rep — exp of a
 * random Lie algebra element times a random word in the discrete generators, as matrices of size
 * dim V — and returned as a group whose discrete generators they are. Its RepMatrixCache then builds
 * ρ_R(g) for any rep R the usual way (Kronecker products of small matrices), where the function
 * above multiplies and exponentiates dim R × dim R matrices: on C(3)'s V^⊗9 that was the largest
 * cost of the float path.
 *
 * @example
 * new RepMatrixCache(randomElementGroup(g, 3, 1)).of(rep).discrete // ρ_rep of 3 random elements
 */
export function randomElementGroup(group: Group<number>, count: number, seed: number): Group<number> {
  const rng = seededRng(seed);
  const f = FloatField;
  const spaces = [{ dim: group.dim, discrete: group.discrete, lie: group.lie }, ...group.factors];
  const gens = spaces.map((sp) => ({ discrete: sp.discrete.map((m) => dense(f, m)), lie: sp.lie.map((m) => dense(f, m)) }));
  const samples: Dense[][] = [];
  for (let s = 0; s < count; s++) {
    let g = spaces.map((sp) => denseIdentity(sp.dim));
    if (group.lie.length > 0) {
      const t = group.lie.map(() => 0.5 * rng.normal());
      g = spaces.map((sp, x) => expm(gens[x]!.lie.reduce((acc, a, k) => acc.map((row, i) => row.map((v, j) => v + t[k]! * a[i]![j]!)), denseIdentity(sp.dim).map((r) => r.fill(0)))));
    }
    if (group.discrete.length > 0) {
      const length = 1 + rng.int(8);
      for (let l = 0; l < length; l++) {
        const h = rng.int(group.discrete.length);
        g = g.map((m, x) => denseMultiply(m, gens[x]!.discrete[h]!));
      }
    }
    samples.push(g);
  }
  const sparse = (x: number): SparseMatrix<number>[] => samples.map((g) => fromDense(f, g[x]!.map((r) => [...r])));
  return Object.freeze({
    ...group,
    discrete: Object.freeze(sparse(0)),
    lie: Object.freeze([]),
    factors: Object.freeze(group.factors.map((fac, x) => Object.freeze({ ...fac, discrete: Object.freeze(sparse(x + 1)), lie: Object.freeze([]) }))),
  });
}
