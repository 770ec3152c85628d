/**
 * Generator matrices of a rep: ρ_R(h_i) for each discrete generator and dρ_R(A_k) for each Lie
 * algebra generator, built from the group's base matrices by the rules of DESIGN.md §2:
 * ⊗ → Kronecker product (Kronecker sum for the Lie algebra), ⊕ → block diagonal,
 * dual → ρ(g)^{-T} (−Aᵀ for the Lie algebra).
 */
import { FloatField, RationalField, type Field } from '../field/field.js';
import type { Group } from '../group/group.js';
import { SpecError } from '../errors.js';
import { blockDiag, equalMatrices, identity, invertExactOrNull, invertFloatOrNull, invertGenericOrNull, kron, kronSum, map, multiply, transpose, zeros, type SparseMatrix } from '../linalg/index.js';
import { signedPermAction, type SignedPerm } from './signed-perm.js';
import { printRep, repKey, type Rep } from './rep.js';
import { symmetricEmbedding } from './symmetric.js';

/** The matrices of one rep, one per generator of the group, in the group's generator order. */
export interface RepMatrices<T> {
  readonly dim: number;
  readonly discrete: readonly SparseMatrix<T>[];
  readonly lie: readonly SparseMatrix<T>[];
}

/**
 * An explicit memo for one group: building `V⊗V⊗V` reuses `V⊗V`'s matrices. Keys are canonical
 * rep strings, so hits do not depend on object identity. Create one per solve (or share one per
 * group deliberately); nothing is global.
 */
export class RepMatrixCache<T> {
  private readonly memo = new Map<string, RepMatrices<T>>();
  private readonly perms = new Map<string, SignedPerm[] | null>();
  constructor(readonly group: Group<T>) {}

  /**
   * The generators as signed permutations on `rep` (null when some base generator is not one),
   * memoised: the orbit strategy's check, its solve and its verification all ask for them.
   *
   * @example
   * new RepMatrixCache(resolveGroup('S(3)')).signedPerms(parseRep('V⊗V'))![0]!.perm.length // 9
   */
  signedPerms(rep: Rep): SignedPerm[] | null {
    const key = repKey(rep);
    if (!this.perms.has(key)) this.perms.set(key, signedPermAction(this.group, rep));
    return this.perms.get(key)!;
  }

  /**
   * @example
   * const cache = new RepMatrixCache(resolveGroup('SO(3)'));
   * cache.of(parseRep('V⊗V')).lie.length // 3
   */
  of(rep: Rep): RepMatrices<T> {
    const key = repKey(rep);
    let m = this.memo.get(key);
    if (m === undefined) {
      m = build(this, rep);
      this.memo.set(key, m);
    }
    return m;
  }
}

/**
 * Matrices of `rep` for `group` (no memo shared across calls).
 *
 * @example
 * repMatrices(resolveGroup('S(3)'), parseRep('V')).discrete.length // 2
 */
export function repMatrices<T>(group: Group<T>, rep: Rep): RepMatrices<T> {
  return new RepMatrixCache(group).of(rep);
}

function build<T>(cache: RepMatrixCache<T>, rep: Rep): RepMatrices<T> {
  const g = cache.group;
  const f = g.field;
  switch (rep.kind) {
    case 'scalar':
      return freeze({
        dim: 1,
        discrete: g.discrete.map(() => identity(f, 1)),
        lie: g.lie.map(() => zeros<T>(1, 1)),
      });
    case 'base': {
      const src = rep.factor === null ? g : g.factors[rep.factor - 1];
      if (src === undefined) throw new RangeError(`no factor ${rep.factor}`);
      return freeze({ dim: src.dim, discrete: src.discrete, lie: src.lie });
    }
    case 'dual': {
      const of = cache.of(rep.of);
      return freeze({
        dim: of.dim,
        discrete: of.discrete.map((m, i) => inverseTranspose(f, m, i, rep.of)),
        lie: of.lie.map((a) => map(f, transpose(a), (v) => f.neg(v))),
      });
    }
    case 'tensor': {
      const parts = rep.factors.map((x) => cache.of(x));
      return parts.reduce((acc, p) =>
        freeze({
          dim: acc.dim * p.dim,
          discrete: acc.discrete.map((m, i) => kron(f, m, p.discrete[i]!)),
          lie: acc.lie.map((a, i) => kronSum(f, a, p.lie[i]!)),
        }),
      );
    }
    case 'sum': {
      const parts = rep.terms.flatMap((t) => new Array<RepMatrices<T>>(t.count).fill(cache.of(t.rep)));
      return freeze({
        dim: parts.reduce((s, p) => s + p.dim, 0),
        discrete: g.discrete.map((_, i) => blockDiag(f, parts.map((p) => p.discrete[i]!))),
        lie: g.lie.map((_, i) => blockDiag(f, parts.map((p) => p.lie[i]!))),
      });
    }
    case 'sym':
    case 'alt':
      return freeze(symmetricPowerMatrices(f, rep.kind, rep.degree, cache.of(rep.of)));
  }
}

/** ρ(g)^{-T}; orthogonal matrices (all permutation and rotation generators) skip the inversion. */
function inverseTranspose<T>(f: Field<T>, m: SparseMatrix<T>, index: number, of: Rep): SparseMatrix<T> {
  const t = transpose(m);
  if (equalMatrices(f, multiply(f, m, t), identity(f, m.rows))) return m;
  // ℚ and float64 have specialised inversions; ℚ(i) and number fields use the generic one.
  const inv = f === (RationalField as unknown) ? invertExactOrNull(m as never) : f === (FloatField as unknown) ? invertFloatOrNull(m as never) : invertGenericOrNull(f, m);
  if (inv === null) {
    // Custom groups reject singular generators on load; this catches groups built in code.
    throw new SpecError('E_REP_DUAL', `the dual (${printRep(of)})* needs ρ(h_${index})⁻¹, but generator ${index} is not invertible on ${printRep(of)}`, {
      expected: 'invertible discrete generators',
      actual: `a singular ${m.rows}×${m.cols} matrix`,
    });
  }
  return transpose(inv as SparseMatrix<T>);
}

function freeze<T>(m: RepMatrices<T>): RepMatrices<T> {
  Object.freeze(m.discrete);
  Object.freeze(m.lie);
  return Object.freeze(m);
}

/** Generator matrices of Sym^k(R) or Alt^k(R) from those of R. */
export function symmetricPowerMatrices<T>(
  f: Field<T>,
  kind: 'sym' | 'alt',
  k: number,
  base: RepMatrices<T>,
): RepMatrices<T> {
  const { embed, read, tuples } = symmetricEmbedding(f, kind, base.dim, k);
  const restrict = (m: SparseMatrix<T>): SparseMatrix<T> => multiply(f, read, multiply(f, m, embed));
  const power = (m: SparseMatrix<T>, combine: typeof kron): SparseMatrix<T> => {
    let acc = m;
    for (let i = 1; i < k; i++) acc = combine(f, acc, m);
    return acc;
  };
  return {
    dim: tuples.length,
    discrete: base.discrete.map((m) => restrict(power(m, kron))),
    lie: base.lie.map((a) => restrict(power(a, kronSum))),
  };
}
