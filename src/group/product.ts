/**
 * Direct products G1 x G2 x … . V = V1 ⊕ V2 ⊕ … with block-diagonal generators: G1's generators
 * act on V1 and as the identity (discrete) or zero (Lie) on the other blocks, then G2's, and so
 * on. Each factor keeps its own base rep in `factors`, so reps such as V1 ⊗ V2 can be built.
 *
 * EMLP's DirectProduct differs here: its base rep is the Kronecker product V1 ⊗ V2 (LazyKron),
 * not the direct sum. The generator order (G1's, then G2's) and the factor actions are the same,
 * so EMLP's `V` for `G1 x G2` is our `V1 ⊗ V2` over the factor reps.
 */
import { GaussianField } from '../field/gaussian.js';
import { SpecError } from '../errors.js';
import { FloatField } from '../field/field.js';
import type { Field } from '../field/field.js';
import type { Rational } from '../field/rational.js';
import { blockDiag, identity, zeros, type SparseMatrix } from '../linalg/index.js';
import { toCommonNumberField, toComplexGroup, toFloatGroup } from './convert.js';
import { isNumberField } from '../field/number-field.js';
import type { AnyGroup, FactorRep, Group } from './group.js';
import { freezeGroup } from './library/common.js';

/** Separator used in canonical product names. */
export const PRODUCT_SEPARATOR = ' x ';

function productOf<T>(field: Field<T>, groups: readonly Group<T>[]): Group<T> {
  const discreteCount = groups.reduce((s, g) => s + g.discrete.length, 0);
  const lieCount = groups.reduce((s, g) => s + g.lie.length, 0);
  const factors: FactorRep<T>[] = [];
  let dBefore = 0;
  let lBefore = 0;
  for (const g of groups) {
    for (const f of g.factors) {
      // This factor's matrix for every generator of the whole product.
      const id = identity(field, f.dim);
      const zero = zeros<T>(f.dim, f.dim);
      const discrete: SparseMatrix<T>[] = [];
      const lie: SparseMatrix<T>[] = [];
      for (let i = 0; i < discreteCount; i++) {
        const own = i - dBefore;
        discrete.push(own >= 0 && own < g.discrete.length ? f.discrete[own]! : id);
      }
      for (let i = 0; i < lieCount; i++) {
        const own = i - lBefore;
        lie.push(own >= 0 && own < g.lie.length ? f.lie[own]! : zero);
      }
      factors.push({ name: f.name, dim: f.dim, discrete, lie });
    }
    dBefore += g.discrete.length;
    lBefore += g.lie.length;
  }
  const discrete = Array.from({ length: discreteCount }, (_, i) =>
    blockDiag(
      field,
      factors.map((f) => f.discrete[i]!),
    ),
  );
  const lie = Array.from({ length: lieCount }, (_, i) =>
    blockDiag(
      field,
      factors.map((f) => f.lie[i]!),
    ),
  );
  const orders = groups.map((g) => g.order);
  const order = orders.every((o) => o !== undefined) ? orders.reduce((a, b) => a! * b!, 1n) : undefined;
  return freezeGroup({
    name: groups.map((g) => g.name).join(PRODUCT_SEPARATOR),
    field,
    dim: factors.reduce((s, f) => s + f.dim, 0),
    discrete,
    lie,
    factors,
    ...(order === undefined ? {} : { order }),
    // A factor's load-time warnings still apply to the product.
    ...(groups.some((g) => g.warnings?.length) ? { warnings: groups.flatMap((g) => (g.warnings ?? []).map((w) => `${g.name}: ${w}`)) } : {}),
    convention: `direct product on ${factors.map((f) => `R^${f.dim}`).join(' ⊕ ')}: generators of ${groups
      .map((g) => g.name)
      .join(', then ')}, block-diagonal`,
  });
}

/**
 * The direct product of the given groups. Factors of products are flattened (`(A x B) x C` has
 * three factors); if any group is float, the whole product is float; exact real factors over
 * different fields share the field their entries generate together. A single group is returned
 * as it is.
 *
 * @example
 * directProduct([specialOrthogonal(3), symmetric(4)]).name // 'SO(3) x S(4)'
 */
export function directProduct(groups: readonly AnyGroup[]): AnyGroup {
  if (groups.length === 0) {
    throw new SpecError('E_GROUP_ARGUMENT', 'a direct product needs at least one factor', {
      expected: 'one or more groups',
      actual: 'none',
    });
  }
  if (groups.length === 1) return groups[0]!;
  if (groups.some((g) => g.field.complex)) {
    return productOf(GaussianField, groups.map(toComplexGroup)) as unknown as AnyGroup;
  }
  if (groups.every((g) => g.field.kind === 'exact')) {
    if (groups.some((g) => isNumberField(g.field))) {
      // ℚ and number-field factors: one common field (float64 if that field is too large).
      const common = toCommonNumberField(groups);
      return productOf(common[0]!.field, common) as AnyGroup;
    }
    return productOf(groups[0]!.field as Field<Rational>, groups as readonly Group<Rational>[]);
  }
  return productOf(FloatField, groups.map(toFloatGroup));
}
