/**
 * Plane rotation groups C(k) and D(k) on R², EMLP 1.0.3 conventions: the rotation generator is
 * `[[cos θ, sin θ], [−sin θ, cos θ]]` with θ = 2π/k, D(k) adds the reflection `[[−1, 0], [0, 1]]`.
 *
 * cos θ and sin θ are both rational only for k ∈ {1, 2, 4}; those groups are exact (EMLP's C(4)
 * carries 6e-17 where we have an exact 0). Every other k is a float group with the values
 * `Math.cos(2π/k)`, `Math.sin(2π/k)` — what numpy computes, up to the last bit of the platform libm.
 */
import { FloatField, RationalField } from '../../field/field.js';
import { fromDense } from '../../linalg/index.js';
import type { AnyGroup } from '../group.js';
import { checkArg, entriesMatrix, makeGroup } from './common.js';

/** Cap on k: the groups stay 2×2, but a larger k cannot be told apart from SO(2) in float64. */
export const MAX_PLANAR_K = 1_000_000;

/** Exact [cos θ, sin θ] for θ = 2π/k when both are rational. */
const EXACT_COS_SIN: ReadonlyMap<number, readonly [number, number]> = new Map([
  [1, [1, 0]],
  [2, [-1, 0]],
  [4, [0, 1]],
]);

function planar(family: 'C' | 'D', k: number): AnyGroup {
  checkArg(`${family}(k)`, 'k', k, 1, MAX_PLANAR_K);
  const withReflection = family === 'D';
  const name = `${family}(${k})`;
  const order = BigInt(withReflection ? 2 * k : k);
  const convention = withReflection
    ? 'rotation [[cos θ, sin θ], [−sin θ, cos θ]], θ = 2π/k, then reflection [[−1, 0], [0, 1]] (EMLP D)'
    : 'rotation [[cos θ, sin θ], [−sin θ, cos θ]], θ = 2π/k (EMLP C)';
  const exact = EXACT_COS_SIN.get(k);
  if (exact !== undefined) {
    const [c, s] = exact;
    const rotation = entriesMatrix(2, [
      [0, 0, c],
      [0, 1, s],
      [1, 0, -s],
      [1, 1, c],
    ]);
    const reflection = entriesMatrix(2, [
      [0, 0, -1],
      [1, 1, 1],
    ]);
    return makeGroup({
      name,
      field: RationalField,
      dim: 2,
      discrete: withReflection ? [rotation, reflection] : [rotation],
      lie: [],
      order,
      convention,
    });
  }
  const theta = (2 * Math.PI) / k;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const rotation = fromDense(FloatField, [
    [c, s],
    [-s, c],
  ]);
  const reflection = fromDense(FloatField, [
    [-1, 0],
    [0, 1],
  ]);
  return makeGroup({
    name,
    field: FloatField,
    dim: 2,
    discrete: withReflection ? [rotation, reflection] : [rotation],
    lie: [],
    order,
    convention,
  });
}

/**
 * The cyclic rotation group C(k) of the plane. Exact for k ∈ {1, 2, 4}, float otherwise.
 *
 * @example
 * rotations(4).field.kind // 'exact'
 */
export function rotations(k: number): AnyGroup {
  return planar('C', k);
}

/**
 * The dihedral group D(k) of the plane (order 2k). Exact for k ∈ {1, 2, 4}, float otherwise.
 *
 * @example
 * dihedral(6).discrete.length // 2
 */
export function dihedral(k: number): AnyGroup {
  return planar('D', k);
}
