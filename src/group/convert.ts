/**
 * Moving a rational group into float64, for `--strategy float` on a rational problem (the
 * float solver is then checked against the exact one) and for products mixing exact and float
 * factors.
 */
import { FloatField } from '../field/field.js';
import { toNumber, type Rational } from '../field/rational.js';
import { map, type SparseMatrix } from '../linalg/sparse.js';
import { SpecError } from '../errors.js';
import { GaussianField, gaussian, type Gaussian } from '../field/gaussian.js';
import type { AnyGroup, ComplexGroup, FloatGroup, Group } from './group.js';

const toFloat = (m: SparseMatrix<Rational>): SparseMatrix<number> => map(FloatField, m, toNumber);

/**
 * The same group with float64 generator matrices (a float group is returned unchanged).
 *
 * @example
 * toFloatGroup(resolveGroup('SO(3)')).field.kind // 'float'
 */
export function toFloatGroup(g: AnyGroup): FloatGroup {
  if (g.field.kind === 'float') return g as FloatGroup;
  if (g.field.complex) {
    throw new SpecError('E_GROUP_ARGUMENT', `${g.name} is complex: the float path supports real groups only`, {
      expected: 'a real group for --strategy float or a product with a float group',
      actual: g.name,
    });
  }
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

const toGaussian = (m: SparseMatrix<Rational>): SparseMatrix<Gaussian> => map(GaussianField, m, (v) => gaussian(v));

/**
 * A rational group viewed over ℚ(i), for products with a complex group (a complex group is
 * returned unchanged).
 *
 * @example
 * toComplexGroup(resolveGroup('S(3)')).field.complex // true
 */
export function toComplexGroup(g: AnyGroup): ComplexGroup {
  if (g.field.complex) return g as ComplexGroup;
  if (g.field.kind === 'float') {
    throw new SpecError('E_GROUP_ARGUMENT', `cannot combine the float group ${g.name} with a complex group`, {
      expected: 'rational or complex factors',
      actual: g.name,
    });
  }
  const e = g as Group<Rational>;
  return Object.freeze({
    ...e,
    field: GaussianField,
    discrete: Object.freeze(e.discrete.map(toGaussian)),
    lie: Object.freeze(e.lie.map(toGaussian)),
    factors: Object.freeze(
      e.factors.map((f) =>
        Object.freeze({ ...f, discrete: Object.freeze(f.discrete.map(toGaussian)), lie: Object.freeze(f.lie.map(toGaussian)) }),
      ),
    ),
  });
}
