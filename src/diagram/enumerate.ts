/**
 * The diagrams that form a basis, chosen in closed form — no elimination, nothing of size n — for
 * one group factor acting on the N index positions `points` (global position numbers, ascending).
 *
 * - S(n): the set partitions of the points with at most n blocks, as the orbit basis (1 where the
 *   indices are equal within blocks and distinct across blocks). Their supports are disjoint and
 *   non-empty exactly when there are at most n blocks, so they are independent; they span because
 *   they are the orbits of S(n) on index tuples. Generated as restricted growth strings in
 *   lexicographic order, which is the order of their first index tuples, i.e. of the RREF pivots.
 *
 * - O(n), O(1,3): the perfect matchings (Brauer diagrams) whose arcs can be split into at most n
 *   chains of pairwise nested arcs — equivalently, with no n + 1 pairwise non-nested arcs (Dilworth).
 *   For n ≥ N/2 that is every matching. Independence: colour the arcs of such a matching π by
 *   chain, with n colours, and evaluate every diagram at the index tuple a_π that gives each point
 *   its arc's colour. A matching π' is non-zero there only if each of its arcs stays inside one
 *   colour class. Weigh a matching by W(π') = −Σ_{arcs (p,q)} p·q: within a class, the all-nested
 *   matching (π's) is the unique maximum, since un-nesting two arcs (a,b), (c,d) with a < c changes
 *   the sum by (c − a)(d − b) > 0 — so every other π' non-zero at a_π has W(π') < W(π). Ordered by
 *   W, the evaluation matrix is triangular with non-zero diagonal. (With η for O(1,3), or with mixed
 *   upper and lower indices, the same holds: an invertible change of basis per index maps those
 *   diagrams to these.) They span because their number is the dimension (dimension.ts).
 *
 * - Sp(m) on R^{2m}: the matchings with no m + 1 pairwise nested arcs, i.e. split into at most m
 *   chains of pairwise non-nested arcs. Independence as above, with the tuple that gives the left
 *   end of an arc of colour c the value c and its right end m + c, where J pairs exactly those
 *   values, and W(π') = +Σ p·q, maximal within a class for the non-nested (same-order) pairing.
 *
 * - SO(n), SO(1,3), SO+(1,3): the O(n) diagrams and, when N − n is even and non-negative, the
 *   diagrams with one ε on a set S of n points and a matching of the rest, such that the arcs plus
 *   one arc (s, ∞_s) per s ∈ S split into n nested chains — each chain then holds one ε-arc, outside
 *   all its other arcs. Independence as for O(n): each colour class is one ε point (its smallest
 *   point) and a nested matching of the rest, the unique maximum of −V·s − Σ p·q with V beyond every
 *   point; the two kinds are independent of each other because O(n) acts on the first by 1 and on
 *   the second by det.
 *
 * The chain conditions are checked arc by arc while the matchings are generated (longest
 * increasing or decreasing run of right ends, patience sorting), so the work is proportional to
 * the basis, not to all (N − 1)!! matchings.
 */
import type { Deadline } from '../util/deadline.js';
import { NO_DEADLINE } from '../util/deadline.js';

/** A matching as arcs [p, q] with p < q, ordered by p, plus the ε points (ascending). */
export interface RawBrauer {
  readonly pairs: readonly (readonly [number, number])[];
  readonly epsilon: readonly number[];
}

/**
 * Set partitions of `points` into at most `maxBlocks` blocks, in lexicographic order of their
 * restricted growth strings.
 *
 * @example
 * setPartitions([0, 1, 2], 2).length // 4: {012} {01|2} {02|1} {0|12}
 */
export function setPartitions(points: readonly number[], maxBlocks: number, deadline: Deadline = NO_DEADLINE): number[][][] {
  const out: number[][][] = [];
  const rgs = new Array<number>(points.length).fill(0);
  const go = (i: number, blocks: number): void => {
    if (i === points.length) {
      deadline.tick();
      const parts: number[][] = Array.from({ length: blocks }, () => []);
      rgs.forEach((b, k) => parts[b]!.push(points[k]!));
      out.push(parts);
      return;
    }
    for (let b = 0; b <= Math.min(blocks, maxBlocks - 1); b++) {
      rgs[i] = b;
      go(i + 1, Math.max(blocks, b + 1));
    }
  };
  if (points.length === 0) return [[]];
  if (maxBlocks >= 1) go(0, 0);
  return out;
}

/** Patience-sorting tails: the longest increasing run of the values pushed so far. */
function pushTail(tails: readonly number[], v: number): number[] {
  let lo = 0;
  let hi = tails.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tails[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  const next = tails.slice();
  next[lo] = v;
  return next;
}

/** Which chain condition a family's matchings obey (see the module comment). */
export type ChainRule =
  /** O(n), SO(n), Lorentz: at most `limit` chains of nested arcs (no limit + 1 pairwise non-nested arcs). */
  | 'nested'
  /** Sp(m): at most `limit` chains of non-nested arcs (no limit + 1 pairwise nested arcs). */
  | 'non-nested';

/**
 * The independent Brauer diagrams on `points`: matchings under the chain rule, and with
 * `epsilon` > 0 the ε-diagrams (exactly `epsilon` ε points; the rule is then 'nested' with
 * limit `epsilon`).
 *
 * @example
 * brauerDiagrams([0, 1, 2, 3], 'nested', 1, 0).length // 1: only the nested matching (0 3)(1 2)
 * brauerDiagrams([0, 1, 2], 'nested', 3, 3).length // 1: ε(0, 1, 2)
 */
export function brauerDiagrams(points: readonly number[], rule: ChainRule, limit: number, epsilon: number, deadline: Deadline = NO_DEADLINE): RawBrauer[] {
  const N = points.length;
  if (epsilon > N || (N - epsilon) % 2 !== 0) return [];
  const out: RawBrauer[] = [];
  const used = new Uint8Array(N);
  const pairs: [number, number][] = [];
  const eps: number[] = [];
  // ε-arcs end beyond every point, in the order of their ε points.
  const beyond = N + 1;
  const go = (tails: readonly number[]): void => {
    let i = 0;
    while (i < N && used[i]) i++;
    if (i === N) {
      deadline.tick();
      out.push(Object.freeze({ pairs: Object.freeze(pairs.map(([p, q]) => Object.freeze([points[p]!, points[q]!] as const))), epsilon: Object.freeze(eps.map((e) => points[e]!)) }));
      return;
    }
    used[i] = 1;
    if (eps.length < epsilon) {
      const t = pushTail(tails, beyond + eps.length);
      if (t.length <= limit) {
        eps.push(i);
        go(t);
        eps.pop();
      }
    }
    const free = N - pairs.length * 2 - eps.length - 1;
    // The rest must still hold the ε points still owed, with an even remainder.
    if (free >= epsilon - eps.length + 1) {
      for (let j = i + 1; j < N; j++) {
        if (used[j]) continue;
        const t = pushTail(tails, rule === 'nested' ? j : -j);
        if (t.length > limit) continue;
        used[j] = 1;
        pairs.push([i, j]);
        go(t);
        pairs.pop();
        used[j] = 0;
      }
    }
    used[i] = 0;
  };
  go([]);
  return out;
}
