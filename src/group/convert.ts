/**
 * Moving a rational group into another field: float64 for `--strategy float` on a rational
 * problem (the float solver is then checked against the exact one) and for products mixing exact
 * and float factors; ℚ(i) for products with a complex group.
 */
import { SpecError } from '../errors.js';
import { FloatField, type Field } from '../field/field.js';
import { GaussianField, gaussian } from '../field/gaussian.js';
import { toNumber, type Rational } from '../field/rational.js';
import { map } from '../linalg/index.js';
import type { AnyGroup, ComplexGroup, FloatGroup, Group } from './group.js';

/** Every generator matrix of V and of each factor mapped entrywise into `field`. */
function mapGroup<T>(g: Group<Rational>, field: Field<T>, f: (v: Rational) => T): Group<T> {
  const all = (ms: Group<Rational>['discrete']) => Object.freeze(ms.map((m) => map(field, m, f)));
  return Object.freeze({
    ...g,
    field,
    discrete: all(g.discrete),
    lie: all(g.lie),
    factors: Object.freeze(g.factors.map((fac) => Object.freeze({ ...fac, discrete: all(fac.discrete), lie: all(fac.lie) }))),
  });
}

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
  return mapGroup(g as Group<Rational>, FloatField, toNumber);
}

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
  return mapGroup(g as Group<Rational>, GaussianField, (v) => gaussian(v));
}
