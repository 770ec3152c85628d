/**
 * Symmetric and alternating powers as subspaces of R^{⊗k}.
 *
 * Basis (part of the answer, recorded in the basis JSON): for Sym^k, one vector per multiset
 * i₁ ≤ … ≤ i_k of R's coordinates (lexicographic order), equal to the sum of e_{i_σ(1)}⊗…⊗e_{i_σ(k)}
 * over the *distinct* rearrangements, each with coefficient 1; for Alt^k, one vector per strictly
 * increasing i₁ < … < i_k, equal to Σ_σ sign(σ) e_{i_σ(1)}⊗…⊗e_{i_σ(k)}.
 *
 * With E the embedding of that basis into R^{⊗k} and P the map reading the coefficient at the
 * sorted tuple, ρ_Sym(g) = P·ρ(g)^{⊗k}·E. P·E = I and E·P is the identity on the (invariant)
 * subspace, so this is a homomorphism, and dρ_Sym(A) = P·dρ^{⊗k}(A)·E likewise.
 */
import type { Field } from '../field/field.js';
import { CsrBuilder, type SparseMatrix } from '../linalg/index.js';

/** Sorted index tuples spanning Sym^k (non-decreasing) or Alt^k (strictly increasing) of R^d. */
export function symmetricTuples(kind: 'sym' | 'alt', d: number, k: number): number[][] {
  const out: number[][] = [];
  const tuple: number[] = [];
  const rec = (start: number): void => {
    if (tuple.length === k) {
      out.push([...tuple]);
      return;
    }
    for (let i = start; i < d; i++) {
      tuple.push(i);
      rec(kind === 'sym' ? i : i + 1);
      tuple.pop();
    }
  };
  rec(0);
  return out;
}

/** Binomial coefficient C(n, r) as a float (exact below 2^53; callers stay below the rep size cap). */
function binomial(n: number, r: number): number {
  if (r < 0 || r > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(r, n - r); i++) c = (c * (n - i + 1)) / i;
  return Math.round(c);
}

/**
 * The number of sorted tuples: dim Sym^k(R^d) = C(d+k−1, k), dim Alt^k(R^d) = C(d, k).
 *
 * @example
 * symmetricCount('sym', 3, 2) // 6
 */
export function symmetricCount(kind: 'sym' | 'alt', d: number, k: number): number {
  if (k === 0) return 1; // the empty tuple: Sym⁰ = Alt⁰ = the scalars
  return kind === 'sym' ? binomial(d + k - 1, k) : binomial(d, k);
}

/**
 * The position of a sorted tuple in `symmetricTuples(kind, d, k)` (lexicographic order), computed
 * instead of looked up: a table of every tuple would pass the engine's Map limit (2^24 entries)
 * for Sym²(R^6000). A multiset t₀ ≤ t₁ ≤ … becomes the strictly increasing t_i + i over
 * d + k − 1 values; for strictly increasing tuples the hockey-stick identity sums the tuples
 * skipped at each position in closed form.
 *
 * @example
 * symmetricRank('alt', 4, [1, 3]) // 4: after [0,1] [0,2] [0,3] [1,2]
 */
export function symmetricRank(kind: 'sym' | 'alt', d: number, tuple: ArrayLike<number>): number {
  const k = tuple.length;
  const n = kind === 'sym' ? d + k - 1 : d;
  let rank = 0;
  let lo = 0;
  for (let i = 0; i < k; i++) {
    const x = tuple[i]! + (kind === 'sym' ? i : 0);
    // Tuples with value v ∈ [lo, x) at position i: Σ C(n−1−v, k−1−i) = C(n−lo, k−i) − C(n−x, k−i).
    rank += binomial(n - lo, k - i) - binomial(n - x, k - i);
    lo = x + 1;
  }
  return rank;
}

function permutationsWithSign(k: number): { perm: number[]; sign: number }[] {
  if (k === 0) return [{ perm: [], sign: 1 }];
  const out: { perm: number[]; sign: number }[] = [];
  for (const { perm, sign } of permutationsWithSign(k - 1)) {
    // Inserting k-1 at position p moves it past (k-1-p) elements: that many transpositions.
    for (let p = 0; p <= perm.length; p++) {
      const next = [...perm.slice(0, p), k - 1, ...perm.slice(p)];
      out.push({ perm: next, sign: (k - 1 - p) % 2 === 0 ? sign : -sign });
    }
  }
  return out;
}

function flatIndex(tuple: readonly number[], d: number): number {
  let idx = 0;
  for (const i of tuple) idx = idx * d + i;
  return idx;
}

/**
 * Embedding E (d^k × s) and coefficient reader P (s × d^k) of the Sym^k / Alt^k basis.
 *
 * @example
 * symmetricEmbedding(RationalField, 'alt', 2, 2).embed // 4×1: e₀⊗e₁ − e₁⊗e₀
 */
export function symmetricEmbedding<T>(
  f: Field<T>,
  kind: 'sym' | 'alt',
  d: number,
  k: number,
): { embed: SparseMatrix<T>; read: SparseMatrix<T>; tuples: number[][] } {
  const tuples = symmetricTuples(kind, d, k);
  const perms = permutationsWithSign(k);
  const total = d ** k;
  // Entries of E by row (flat tensor index) so the CSR builder sees rows in order.
  const byRow = new Map<number, [number, T][]>();
  tuples.forEach((tuple, col) => {
    const seen = new Set<number>();
    for (const { perm, sign } of perms) {
      const row = flatIndex(
        perm.map((p) => tuple[p]!),
        d,
      );
      if (seen.has(row)) continue;
      seen.add(row);
      const v = kind === 'alt' && sign < 0 ? f.neg(f.one) : f.one;
      let list = byRow.get(row);
      if (!list) byRow.set(row, (list = []));
      list.push([col, v]);
    }
  });
  const e = new CsrBuilder(f, tuples.length);
  for (let r = 0; r < total; r++) {
    for (const [c, v] of (byRow.get(r) ?? []).sort((a, b) => a[0] - b[0])) e.push(c, v);
    e.endRow();
  }
  const p = new CsrBuilder(f, total);
  for (const tuple of tuples) {
    p.push(flatIndex(tuple, d), f.one);
    p.endRow();
  }
  return { embed: e.build(), read: p.build(), tuples };
}
