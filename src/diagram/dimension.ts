/**
 * The dimension of Hom_G(R_in, R_out) for the diagram families, in closed form, as a function of
 * the number N of index positions of one group factor and of n. These are classical consequences
 * of Schur–Weyl duality; each is checked against the solver's materialised answers in
 * test/diagram/, and at run time the diagram strategy checks that it selected exactly this many
 * diagrams (the independence of the selection is proved in enumerate.ts; with the count it spans).
 *
 * - S(n): the orbits of S(n) on index tuples are the set partitions with at most n blocks:
 *   Σ_{t ≤ n} S(N, t) (Stirling numbers of the second kind; Bell(N) once n ≥ N).
 * - O(n) (and O(1,3), whose invariants are those of its Zariski closure O(4, ℂ)): V^⊗N =
 *   ⊕_μ S_μ(V) ⊗ Specht_μ over partitions μ ⊢ N with at most n rows, and S_μ(V) holds one
 *   O(n)-invariant exactly when every part of μ is even (Littlewood): Σ f^μ over those μ.
 * - SO(n): the O(n) invariants plus the det-isotypic part, one for every μ with exactly n rows,
 *   all parts odd (μ = (1ⁿ) + an even partition): the diagrams with one ε.
 * - Sp(m) on R^{2m}: S_μ(V) holds one invariant exactly when every column of μ has even length;
 *   Σ f^μ over those μ with at most 2m rows.
 * f^μ is the number of standard Young tableaux of shape μ (hook length formula).
 */
import type { DiagramFamily } from './types.js';

/** Partitions of `n` as non-increasing part lists, largest first. */
function partitions(n: number, max = n): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (let k = Math.min(n, max); k >= 1; k--) for (const rest of partitions(n - k, k)) out.push([k, ...rest]);
  return out;
}

function conjugate(mu: readonly number[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < (mu[0] ?? 0); j++) out.push(mu.filter((x) => x > j).length);
  return out;
}

/**
 * Standard Young tableaux of shape μ, by the hook length formula.
 *
 * @example
 * standardTableaux([2, 1]) // 2n
 */
export function standardTableaux(mu: readonly number[]): bigint {
  const conj = conjugate(mu);
  let hooks = 1n;
  let size = 0;
  mu.forEach((row, i) => {
    size += row;
    for (let j = 0; j < row; j++) hooks *= BigInt(row - j - 1 + conj[j]! - i - 1 + 1);
  });
  let fact = 1n;
  for (let k = 2; k <= size; k++) fact *= BigInt(k);
  return fact / hooks;
}

function sumTableaux(size: number, keep: (mu: readonly number[]) => boolean): bigint {
  return partitions(size)
    .filter(keep)
    .reduce((s, mu) => s + standardTableaux(mu), 0n);
}

/**
 * Σ_{t ≤ n} S(N, t): set partitions of N points into at most n blocks.
 *
 * @example
 * partitionCount(4, 1000) // 15n (Bell(4))
 */
export function partitionCount(points: number, n: number): bigint {
  // S(N, t) by the recurrence S(k, t) = t·S(k−1, t) + S(k−1, t−1), one row at a time.
  let row = [1n];
  for (let k = 1; k <= points; k++) {
    const next = new Array<bigint>(k + 1).fill(0n);
    for (let t = 1; t <= k; t++) next[t] = BigInt(t) * (row[t] ?? 0n) + (row[t - 1] ?? 0n);
    row = next;
  }
  return row.slice(0, n + 1).reduce((s, x) => s + x, 0n);
}

/**
 * The dimension of the invariants of one factor's family in its N index positions.
 *
 * @example
 * familyDimension({ kind: 'orthogonal', dim: 3, … }, 10) // 603n: O(3) on T(5) → T(5)
 */
export function familyDimension(family: Pick<DiagramFamily, 'kind' | 'dim'>, points: number): bigint {
  const n = family.dim;
  switch (family.kind) {
    case 'symmetric':
      return partitionCount(points, n);
    case 'orthogonal':
    case 'lorentz':
      return evenRows(points, n);
    case 'special-orthogonal':
    case 'special-lorentz':
      return evenRows(points, n) + oddRows(points, n);
    case 'symplectic':
      return sumTableaux(points, (mu) => mu.length <= n && conjugate(mu).every((c) => c % 2 === 0));
  }
}

/** O(n) invariants of V^⊗N: μ ⊢ N with even parts and at most n rows. */
function evenRows(points: number, n: number): bigint {
  return sumTableaux(points, (mu) => mu.length <= n && mu.every((x) => x % 2 === 0));
}

/** The det-isotypic part of V^⊗N under O(n): μ ⊢ N with exactly n rows, all parts odd. */
export function oddRows(points: number, n: number): bigint {
  return sumTableaux(points, (mu) => mu.length === n && mu.every((x) => x % 2 === 1));
}
