/**
 * Building blocks shared by the built-in group families: generator matrices in EMLP's
 * conventions, argument checks that raise the same SpecError whether a group comes from a spec
 * string or a direct call, and the deep freeze every returned group gets.
 */
import { SpecError } from '../../errors.js';
import type { Field } from '../../field/field.js';
import { RationalField } from '../../field/field.js';
import * as Q from '../../field/rational.js';
import type { Rational } from '../../field/rational.js';
import { CsrBuilder, type SparseMatrix } from '../../linalg/index.js';
import type { FactorRep, Group } from '../group.js';

/**
 * EMLP's `LazyPerm(perm)` acts as `x ↦ x[perm]`, i.e. the matrix with `M[i, perm[i]] = 1`.
 *
 * @example
 * permMatrix([1, 2, 0]) // rows: e_1, e_2, e_0
 */
export function permMatrix(perm: ArrayLike<number>): SparseMatrix<Rational> {
  const b = new CsrBuilder(RationalField, perm.length);
  for (let i = 0; i < perm.length; i++) {
    b.push(perm[i]!, Q.ONE);
    b.endRow();
  }
  return b.build();
}

/**
 * EMLP's `LazyShift(n, k)` acts as `jnp.roll(x, k)`: `y[i] = x[(i − k) mod n]`, so
 * `M[i, (i − k) mod n] = 1` (e_j ↦ e_{j+k}).
 *
 * @example
 * shiftMatrix(3) // M[0,2] = M[1,0] = M[2,1] = 1
 */
export function shiftMatrix(n: number, k = 1): SparseMatrix<Rational> {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = (((i - k) % n) + n) % n;
  return permMatrix(perm);
}

/** One entry `[row, col, value]`; a later duplicate overwrites (numpy assignment semantics). */
export type Entry = readonly [number, number, number | Rational];

/**
 * An exact n×n matrix from `[row, col, value]` entries, in any order.
 *
 * @example
 * entriesMatrix(2, [[0, 1, 1], [1, 0, -1]]) // [[0, 1], [-1, 0]]
 */
export function entriesMatrix(n: number, entries: readonly Entry[]): SparseMatrix<Rational> {
  const rows: Map<number, Rational>[] = Array.from({ length: n }, () => new Map());
  for (const [r, c, v] of entries) rows[r]!.set(c, typeof v === 'number' ? Q.rat(v) : v);
  const b = new CsrBuilder(RationalField, n);
  for (const row of rows) {
    for (const c of [...row.keys()].sort((x, y) => x - y)) b.push(c, row.get(c)!);
    b.endRow();
  }
  return b.build();
}

/**
 * diag(values) as an exact matrix.
 *
 * @example
 * diagMatrix([-1, 1, 1]) // the reflection of O(3)
 */
export function diagMatrix(values: readonly number[]): SparseMatrix<Rational> {
  return entriesMatrix(
    values.length,
    values.map((v, i) => [i, i, v] as const),
  );
}

/** What a family builder supplies; `makeGroup` adds the single factor and freezes. */
export interface GroupParts<T> {
  readonly name: string;
  readonly field: Field<T>;
  readonly dim: number;
  readonly discrete: readonly SparseMatrix<T>[];
  readonly lie: readonly SparseMatrix<T>[];
  readonly order?: bigint;
  readonly convention: string;
}

/**
 * Freezes the group, its arrays and its factor reps (matrices are frozen by CsrBuilder).
 *
 * @example
 * Object.isFrozen(freezeGroup(g).factors) // true
 */
export function freezeGroup<T>(g: Group<T>): Group<T> {
  for (const f of g.factors) {
    Object.freeze(f.discrete);
    Object.freeze(f.lie);
    Object.freeze(f);
  }
  Object.freeze(g.factors);
  Object.freeze(g.discrete);
  Object.freeze(g.lie);
  return Object.freeze(g);
}

/**
 * A simple (non-product) group: its one factor is V itself.
 *
 * @example
 * makeGroup({ name: 'Z(1)', field: RationalField, dim: 1, discrete: [], lie: [], order: 1n, convention: '' })
 */
export function makeGroup<T>(p: GroupParts<T>): Group<T> {
  const discrete = [...p.discrete];
  const lie = [...p.lie];
  const factor: FactorRep<T> = { name: p.name, dim: p.dim, discrete, lie };
  const g: Group<T> = {
    name: p.name,
    field: p.field,
    dim: p.dim,
    discrete,
    lie,
    factors: [factor],
    ...(p.order === undefined ? {} : { order: p.order }),
    convention: p.convention,
  };
  return freezeGroup(g);
}

/**
 * Checks an integer group argument; a bad one is a SpecError `E_GROUP_ARGUMENT` that names the
 * group and the allowed range, whoever called.
 *
 * @example
 * checkArg('S(n)', 'n', 5, 1, 1000) // returns 5
 */
export function checkArg(family: string, arg: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new SpecError('E_GROUP_ARGUMENT', `bad argument ${arg} = ${String(value)} for ${family}`, {
      expected: `an integer ${min} ≤ ${arg} ≤ ${max}`,
      actual: String(value),
    });
  }
  return value;
}

/**
 * n! as a bigint.
 *
 * @example
 * factorial(5) // 120n
 */
export function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
}
