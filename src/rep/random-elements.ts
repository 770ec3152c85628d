/**
 * Seeded random group elements, built directly at the level of a pair of reps: a word in the
 * discrete generators (ρ_R of a word is the product of the ρ_R of its letters) times
 * exp(Σ t_k dρ_R(A_k)) = ρ_R(exp(Σ t_k A_k)). Used to check float bases beyond the generators.
 */
import type { Field } from '../field/field.js';
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
