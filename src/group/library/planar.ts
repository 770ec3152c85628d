/**
 * Plane rotation groups C(k) and D(k) on R², EMLP 1.0.3 conventions: the rotation generator is
 * `[[cos θ, sin θ], [−sin θ, cos θ]]` with θ = 2π/k, D(k) adds the reflection `[[−1, 0], [0, 1]]`.
 *
 * The entries are algebraic numbers, so the groups are exact: over ℚ for k ∈ {1, 2, 4}, otherwise
 * over the number field ℚ(cos 2π/k, sin 2π/k) — a real cyclotomic field ℚ(ζ_L)⁺, L = lcm(k, 4)
 * (ℚ(√3) for k = 3, 6, 12; ℚ(√2) for k = 8; degree 4 for k = 5, 10). Hom spaces between reps built
 * from V are nevertheless rational: a Galois conjugate of the rotation by 2π/k is a rotation by
 * 2πj/k, which generates the same group, so the space is Galois-stable (solve/algebraic.ts finds a
 * rational basis directly). Fields beyond MAX_FIELD_DEGREE (k ≥ 31 for prime k) fall back to
 * float64 with `Math.cos(2π/k)`, `Math.sin(2π/k)` — what numpy computes, up to the last bit of libm.
 */
import * as C from '../../field/cyclotomic.js';
import { FloatField, RationalField, type Field } from '../../field/field.js';
import * as Q from '../../field/rational.js';
import { subfieldOf } from '../subfield.js';
import { fromDense } from '../../linalg/index.js';
import type { AnyGroup } from '../group.js';
import { checkArg, makeGroup } from './common.js';

/** Cap on k: the groups stay 2×2, but a larger k cannot be told apart from SO(2) in float64. */
export const MAX_PLANAR_K = 1_000_000;

/** cos(2π/k), sin(2π/k) and the rotation's and reflection's entries in the field they generate, or null (float). */
function exactEntries(k: number): { field: Field<unknown>; cos: unknown; sin: unknown; one: unknown; minusOne: unknown; zero: unknown } | null {
  if (C.lcmInt(k, 4) > C.MAX_CONDUCTOR) return null;
  const cos = C.cosPi(Q.rat(2n, BigInt(k)));
  const sin = C.sinPi(Q.rat(2n, BigInt(k)));
  let sub;
  try {
    sub = subfieldOf([cos, sin]);
  } catch (e) {
    if (e instanceof C.NotCyclotomic) return null;
    throw e;
  }
  if (sub.field === null) {
    const r = (x: C.Cyclotomic): Q.Rational => C.asRational(x)!;
    return { field: RationalField, cos: r(cos), sin: r(sin), one: Q.ONE, minusOne: Q.MINUS_ONE, zero: Q.ZERO };
  }
  const f = sub.field;
  return { field: f, cos: sub.element(cos), sin: sub.element(sin), one: f.one, minusOne: f.neg(f.one), zero: f.zero };
}

function planar(family: 'C' | 'D', k: number): AnyGroup {
  checkArg(`${family}(k)`, 'k', k, 1, MAX_PLANAR_K);
  const withReflection = family === 'D';
  const name = `${family}(${k})`;
  const order = BigInt(withReflection ? 2 * k : k);
  const convention = withReflection
    ? 'rotation [[cos θ, sin θ], [−sin θ, cos θ]], θ = 2π/k, then reflection [[−1, 0], [0, 1]] (EMLP D)'
    : 'rotation [[cos θ, sin θ], [−sin θ, cos θ]], θ = 2π/k (EMLP C)';
  const exact = exactEntries(k);
  const theta = (2 * Math.PI) / k;
  const e = exact ?? { field: FloatField as Field<unknown>, cos: Math.cos(theta), sin: Math.sin(theta), one: 1, minusOne: -1, zero: 0 };
  const f = e.field;
  const rotation = fromDense(f, [
    [e.cos, e.sin],
    [f.neg(e.sin), e.cos],
  ]);
  const reflection = fromDense(f, [
    [e.minusOne, e.zero],
    [e.zero, e.one],
  ]);
  return makeGroup({
    name,
    field: f,
    dim: 2,
    discrete: withReflection ? [rotation, reflection] : [rotation],
    lie: [],
    order,
    convention,
  }) as AnyGroup;
}

/**
 * The cyclic rotation group C(k) of the plane: exact (ℚ or a number field), float only for k whose
 * field is too large.
 *
 * @example
 * rotations(4).field.kind // 'exact'
 * rotations(6).field.name // 'ℚ(√3)'
 */
export function rotations(k: number): AnyGroup {
  return planar('C', k);
}

/**
 * The dihedral group D(k) of the plane (order 2k), exact like C(k).
 *
 * @example
 * dihedral(6).discrete.length // 2
 */
export function dihedral(k: number): AnyGroup {
  return planar('D', k);
}
