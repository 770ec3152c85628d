/**
 * Moving tensor factors across a Hom: Hom(R, S⊗A) ≅ Hom(A*⊗R, S) and Hom(A⊗R, S) ≅ Hom(R, S⊗A*)
 * as G-reps, and with the *same* flattened index — W[s·dim A + a, r] is W'[s, a·dim R + r] — so a
 * basis solved for one side of the isomorphism is, entry for entry, the basis of the other.
 *
 * Why: for generators that are dense on V (rotations), ρ of a tensor power is dense, and a row of
 * the constraint system ρ_out(h)·W − W·ρ_in(h) has dim out + dim in entries. Hom(scalar, V^⊗10)
 * has rows of 1,025 entries over 1,024 unknowns; as Hom(V*^⊗5, V^⊗5) the same unknowns get rows of
 * 64 entries, and ρ of V^⊗5 is a 32 × 32 matrix instead of 1,024 × 1,024. The solvers and the
 * verifier use the balanced form whenever it lowers dim out + dim in (see select.ts, verify/).
 */
import type { Group } from '../group/group.js';
import { asSignedPermutation } from '../linalg/index.js';
import { dual, repDim, tensor, type Rep } from './rep.js';

/** The Hom rewritten with factors moved, and its shape. */
export interface BalancedHom {
  readonly inRep: Rep;
  readonly outRep: Rep;
  /** dim outRep. */
  readonly m: number;
  /** dim inRep. */
  readonly n: number;
}

const factorsOf = (r: Rep): readonly Rep[] => (r.kind === 'tensor' ? r.factors : r.kind === 'scalar' ? [] : [r]);

/**
 * The split of the tensor factors of `outRep` and `inRep` between the two sides that minimises
 * dim out + dim in (the row length of a dense constraint system); the given one when no split is
 * better. `dimOf` gives a rep's dimension.
 *
 * @example
 * balanceHom(SCALAR, power(V, 10), d).outRep // V^5, with inRep (V*)^5
 */
export function balanceHom(inRep: Rep, outRep: Rep, dimOf: (r: Rep) => number): BalancedHom {
  const outs = factorsOf(outRep);
  const ins = factorsOf(inRep);
  const m = dimOf(outRep);
  const n = dimOf(inRep);
  let best: BalancedHom = { inRep, outRep, m, n };
  // Move the last j factors of out to the front of in (as duals)…
  for (let j = 1; j <= outs.length; j++) {
    const kept = outs.slice(0, outs.length - j);
    const moved = outs.slice(outs.length - j).map(dual);
    const o = tensor(kept);
    const i = tensor([...moved, ...ins]);
    const cand = { inRep: i, outRep: o, m: dimOf(o), n: dimOf(i) };
    if (cand.m + cand.n < best.m + best.n) best = cand;
  }
  // …or the first j factors of in to the end of out (as duals).
  for (let j = 1; j <= ins.length; j++) {
    const moved = ins.slice(0, j).map(dual);
    const o = tensor([...outs, ...moved]);
    const i = tensor(ins.slice(j));
    const cand = { inRep: i, outRep: o, m: dimOf(o), n: dimOf(i) };
    if (cand.m + cand.n < best.m + best.n) best = cand;
  }
  return best;
}

/**
 * The balanced Hom for a group: factors move only when some discrete generator is not a signed
 * permutation on V (then its tensor powers are dense); otherwise the Hom as given.
 *
 * @example
 * balanceForGroup(resolveGroup('C(3)'), SCALAR, power(V, 10)).n // 32
 */
export function balanceForGroup<T>(group: Group<T>, inRep: Rep, outRep: Rep): BalancedHom {
  const dims = group.factors.map((f) => f.dim);
  const dimOf = (r: Rep): number => repDim(r, group.dim, dims);
  const dense = group.discrete.some((h) => asSignedPermutation(group.field, h) === null);
  return dense ? balanceHom(inRep, outRep, dimOf) : { inRep, outRep, m: dimOf(outRep), n: dimOf(inRep) };
}
