/**
 * Moving a rational group into float64, for `--strategy float` on a rational problem (the
 * float solver is then checked against the exact one) and for products mixing exact and float
 * factors.
 */
import { FloatField } from '../field/field.js';
import { toNumber, type Rational } from '../field/rational.js';
import { map, type SparseMatrix } from '../linalg/sparse.js';
import type { AnyGroup, FloatGroup, Group } from './group.js';

const toFloat = (m: SparseMatrix<Rational>): SparseMatrix<number> => map(FloatField, m, toNumber);

/**
 * The same group with float64 generator matrices (a float group is returned unchanged).
 *
 * @example
 * toFloatGroup(resolveGroup('SO(3)')).field.kind // 'float'
 */
export function toFloatGroup(g: AnyGroup): FloatGroup {
  if (g.field.kind === 'float') return g as FloatGroup;
  const e = g as Group<Rational>;
  return Object.freeze({
    ...e,
    field: FloatField,
    discrete: Object.freeze(e.discrete.map(toFloat)),
    lie: Object.freeze(e.lie.map(toFloat)),
    factors: Object.freeze(
      e.factors.map((f) =>
        Object.freeze({ ...f, discrete: Object.freeze(f.discrete.map(toFloat)), lie: Object.freeze(f.lie.map(toFloat)) }),
      ),
    ),
  });
}
