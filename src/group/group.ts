/**
 * A group is just its generators (as in EMLP): discrete generators `h_i` and Lie algebra
 * generators `A_k`, given as matrices of the base representation `V`. Plain frozen data.
 */
import type { Field } from '../field/field.js';
import type { Gaussian } from '../field/gaussian.js';
import type { Algebraic } from '../field/number-field.js';
import type { Rational } from '../field/rational.js';
import type { SparseMatrix } from '../linalg/index.js';

/**
 * The base representation of one factor of a (possibly direct-product) group, with one matrix per
 * generator of the whole group: a generator of another factor acts as the identity (discrete) or
 * zero (Lie algebra) here.
 */
export interface FactorRep<T> {
  /** Display name of the factor group, e.g. `SO(3)`. */
  readonly name: string;
  readonly dim: number;
  readonly discrete: readonly SparseMatrix<T>[];
  readonly lie: readonly SparseMatrix<T>[];
}

export interface Group<T> {
  /** Canonical display name: `S(5)`, `SO(3) x S(4)`, or the custom file's `name`. */
  readonly name: string;
  readonly field: Field<T>;
  /** Dimension of the base representation V. */
  readonly dim: number;
  /** Matrices of V for each discrete generator. */
  readonly discrete: readonly SparseMatrix<T>[];
  /** Matrices of V for each Lie algebra generator. */
  readonly lie: readonly SparseMatrix<T>[];
  /**
   * The factors' base reps `V1, V2, …` for direct products (V = V1 ⊕ V2 ⊕ …). A simple group has
   * exactly one factor, equal to V.
   */
  readonly factors: readonly FactorRep<T>[];
  /** Order of the group when finite and known in closed form (e.g. n! for S(n)). */
  readonly order?: bigint;
  /** One-line description of the generator convention, shown by `solve-basis groups`. */
  readonly convention: string;
  /** Validation warnings found when the group was loaded (custom groups); the solve still runs. */
  readonly warnings?: readonly string[];
  /** The path a custom group was read from, as given: what `--group` takes to load it again. */
  readonly source?: string;
}

export type ExactGroup = Group<Rational>;
export type FloatGroup = Group<number>;
/** Exact over ℚ(i): U(n), SU(n). */
export type ComplexGroup = Group<Gaussian>;
/** Exact over a real number field ℚ(θ) (cos/sin/√ entries: C(k), D(k), custom groups); see field/number-field.ts. */
export type AlgebraicGroup = Group<Algebraic>;
/**
 * A group over one of the supported fields; discriminate on `group.field.kind`, `complex` and
 * `isNumberField(group.field)`.
 */
export type AnyGroup = ExactGroup | FloatGroup | ComplexGroup | AlgebraicGroup;


/**
 * What `--group` takes to load the group again: a custom group's file as given, else its name.
 *
 * @example
 * groupArgument(resolveGroup('S(5)')) // 'S(5)'
 * groupArgument(loadCustomGroup('fixtures/groups/hexagonal-d6.json')) // 'fixtures/groups/hexagonal-d6.json'
 */
export function groupArgument(g: { readonly name: string; readonly source?: string }): string {
  return g.source ?? g.name;
}

/**
 * The space V the group acts on, named by the field its generators are written in: the same
 * words in `solve-basis groups` and in every summary.
 *
 * @example
 * spaceOf(resolveGroup('U(2)')) // 'ℚ(i)^2'
 * spaceOf(resolveGroup('C(6)')) // 'ℚ(√3)^2'
 */
export function spaceOf(g: { readonly dim: number; readonly field: { readonly kind: string; readonly complex?: boolean; readonly name?: string } }): string {
  return `${g.field.name ?? (g.field.complex ? 'ℚ(i)' : g.field.kind === 'exact' ? 'ℚ' : 'ℝ')}^${g.dim}`;
}
