/**
 * From a channel count to a hidden rep: how a network's width `ch` (EMLP's `ch`) is spread over
 * tensor types. EMLP's `uniform_rep` gives every tensor rank 0…R the same total dimension, with R
 * as large as fits and the leftovers drawn at random. This heuristic keeps the even split by
 * dimension but is deterministic and caps the rank at 2, because
 *
 * - the cost of a block grows with the rank: a rank-3 type makes the bilinear layer solve and
 *   expand maps on T(6) → T(3) (4,096 × 64 unknowns for the Lorentz group), while the three EMLP
 *   benchmark tasks need nothing above rank 2 (Inertia's output is T(2));
 * - the same input gives the same network, byte for byte.
 *
 * The types of rank r are the products of r atoms (unordered: V1⊗V2 but not also V2⊗V1), the atoms
 * being V (or V1, V2, … for a product group) and V* where it is not isomorphic to V (SL(n), GL(n)).
 * Each kept rank gets ch/(ranks) dimensions, shared evenly by its types; a type larger than its
 * share is dropped (S(20)'s V⊗V at ch = 384) and the shares are recomputed; each type then gets
 * round(share / dim) copies, at least one. Scalars come first, then rank 1, then rank 2.
 *
 * Types the caller requires — the summands of the network's input and output — are never dropped
 * (and join the rank of their tensor degree if they are not products of atoms already): a hidden
 * rep without the input's types can lose information in the first layer (a point cloud V1⊗V2
 * under SO(3) x S(n) seen only through its centroid in V1).
 */
import { repKey, SCALAR, sum, tensor, type Rep } from './rep.js';

/** A rank-1 building block of the hidden rep: V, V*, V1, … with its dimension. */
export interface HiddenAtom {
  readonly rep: Rep;
  readonly dim: number;
}

/** The highest tensor rank the heuristic uses (see the module comment for why 2). */
export const HIDDEN_MAX_RANK = 2;

interface Candidate {
  readonly rank: number;
  readonly rep: Rep;
  readonly dim: number;
  readonly required?: boolean;
}

/** A summand the hidden rep must contain, with its tensor degree (its rank). */
export interface RequiredType extends HiddenAtom {
  readonly rank: number;
}

/** Products of `rank` atoms, as multisets (atom indices non-decreasing), in a fixed order. */
function productsOf(atoms: readonly HiddenAtom[], rank: number): Candidate[] {
  const out: Candidate[] = [];
  const walk = (from: number, chosen: readonly HiddenAtom[]): void => {
    if (chosen.length === rank) {
      out.push({ rank, rep: tensor(chosen.map((a) => a.rep)), dim: chosen.reduce((p, a) => p * a.dim, 1) });
      return;
    }
    for (let i = from; i < atoms.length; i++) walk(i, [...chosen, atoms[i]!]);
  };
  walk(0, []);
  return out;
}

/**
 * The hidden rep for `channels` channels; its dimension is close to `channels` (within half a
 * copy of each type, or more when a type must have its one copy).
 *
 * @example
 * printRep(hiddenRep(384, [{ rep: V, dim: 5 }])) // '128*scalar+26V+5V⊗V' (O(5): 128 + 130 + 125 = 383)
 */
export function hiddenRep(channels: number, atoms: readonly HiddenAtom[], required: readonly RequiredType[] = [], maxRank: number = HIDDEN_MAX_RANK): Rep {
  let kept: Candidate[] = [{ rank: 0, rep: SCALAR, dim: 1 }];
  for (let r = 1; r <= maxRank; r++) kept.push(...productsOf(atoms, r));
  for (const t of required) {
    const key = repKey(t.rep);
    const i = kept.findIndex((c) => repKey(c.rep) === key);
    if (i >= 0) kept[i] = { ...kept[i]!, required: true };
    else if (t.rep.kind !== 'scalar') kept.push({ rank: t.rank, rep: t.rep, dim: t.dim, required: true });
  }
  kept.sort((a, b) => a.rank - b.rank);
  const shareOf = (c: Candidate, set: readonly Candidate[]): number => {
    const ranks = new Set(set.map((k) => k.rank)).size;
    return channels / ranks / set.filter((k) => k.rank === c.rank).length;
  };
  for (;;) {
    const set = kept;
    const next = set.filter((c) => c.rank === 0 || c.required === true || c.dim <= shareOf(c, set));
    if (next.length === set.length) break;
    kept = next;
  }
  return sum(kept.map((c) => ({ count: Math.max(1, Math.round(shareOf(c, kept) / c.dim)), rep: c.rep })));
}
