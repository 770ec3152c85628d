/**
 * Moving an exact group into another field: float64 for `--strategy float` on an exact problem
 * (the float solver is then checked against the exact one) and for products mixing exact and float
 * factors; ℚ(i) for products of a rational group with a complex group; a common number field for
 * products of groups over ℚ and number fields (see {@link toCommonNumberField}).
 */
import { SpecError } from '../errors.js';
import { FloatField, type Field } from '../field/field.js';
import * as Cyc from '../field/cyclotomic.js';
import type { Cyclotomic } from '../field/cyclotomic.js';
import { GaussianField, gaussian } from '../field/gaussian.js';
import { isNumberField, type Algebraic } from '../field/number-field.js';
import { subfieldOf, toCyclotomic } from './subfield.js';
import type { Rational } from '../field/rational.js';
import { map } from '../linalg/index.js';
import type { AnyGroup, ComplexGroup, FloatGroup, Group } from './group.js';

/** Every generator matrix of V and of each factor mapped entrywise into `field`. */
function mapGroup<S, T>(g: Group<S>, field: Field<T>, f: (v: S) => T): Group<T> {
  const all = (ms: Group<S>['discrete']) => Object.freeze(ms.map((m) => map(field, m, f)));
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
  // ℚ and number fields alike: each entry's float64 value (correctly rounded for number fields).
  const from = g as Group<unknown>;
  return mapGroup(from, FloatField, (v) => from.field.toNumber(v));
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
  if (g.field.kind === 'float' || isNumberField(g.field)) {
    throw new SpecError('E_GROUP_ARGUMENT', `cannot combine the ${g.field.kind === 'float' ? 'float' : g.field.name} group ${g.name} with a complex group`, {
      expected: 'rational or complex factors',
      actual: g.name,
    });
  }
  return mapGroup(g as Group<Rational>, GaussianField, (v) => gaussian(v));
}

/**
 * Exact real groups (over ℚ or number fields) moved into one number field: the field that all their
 * entries generate together (for ℚ(√2) and ℚ(√3), ℚ(√2, √3)). Falls back to float64 groups when
 * that field is too large to handle exactly.
 *
 * @example
 * toCommonNumberField([resolveGroup('C(8)'), resolveGroup('C(3)')])[0]!.field.name // 'ℚ(2cos(2π/24))'
 */
export function toCommonNumberField(groups: readonly AnyGroup[]): readonly Group<unknown>[] {
  const toCyc = (g: AnyGroup) => (v: unknown): Cyclotomic =>
    isNumberField(g.field) ? toCyclotomic(g.field, v as Algebraic) : Cyc.rational(v as Rational);
  const all: Cyclotomic[] = [];
  for (const g of groups) {
    const conv = toCyc(g);
    for (const m of [...g.discrete, ...g.lie, ...g.factors.flatMap((f) => [...f.discrete, ...f.lie])]) for (const v of m.values) all.push(conv(v));
  }
  let sub;
  try {
    sub = subfieldOf(all);
  } catch (e) {
    if (e instanceof Cyc.NotCyclotomic) return groups.map(toFloatGroup) as readonly Group<unknown>[];
    throw e;
  }
  const field = sub.field;
  if (field === null) return groups as readonly Group<unknown>[];
  return groups.map((g) => {
    const conv = toCyc(g);
    return mapGroup(g as Group<unknown>, field as Field<unknown>, (v) => sub.element(conv(v)));
  });
}
