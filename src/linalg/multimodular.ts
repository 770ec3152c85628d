/**
 * The multi-modular driver: compute a canonical RREF image modulo several primes, combine the
 * images that agree, reconstruct rationals, and stop at the first candidate that verifies exactly.
 *
 * Why correctness does not depend on luck: the caller's `verify` is an exact check that, together
 * with the rank mod p (which never exceeds the rank over ℚ), proves the candidate is the answer.
 * Unlucky primes — where the rank drops, or where a denominator of the answer vanishes — give images
 * with other pivots; they are kept apart by pivot pattern, images of a lower rank are never used,
 * and a pattern that happens to win a round simply fails verification and waits for more primes.
 */
import type { RrefModP } from './rref-modp.js';
import { reconstructRref } from './reconstruct.js';
import { PRIME_LIMIT, primesBelow } from './modular.js';
import type { Rational } from '../field/rational.js';
import type { SparseMatrix } from './sparse.js';

/** How a multi-modular run went; part of the solver statistics. */
export interface ModularStats {
  /** Primes whose images were computed. */
  readonly primesTried: number;
  /** Primes combined (CRT) in the returned answer. */
  readonly primesUsed: number;
  /** Images discarded because their rank was below the best seen, or their pivots disagreed. */
  readonly primesRejected: number;
  /** Candidates that reconstructed but failed the exact check. */
  readonly failedVerifications: number;
}

export interface ModularProblem {
  /** The canonical RREF image mod p. */
  image(p: number): RrefModP;
  /** Rank of the input mod p as seen by this image; a larger value is closer to the truth. */
  rank(image: RrefModP): number;
  /** Exact proof that the candidate is the answer. */
  verify(candidate: SparseMatrix<Rational>, rank: number): boolean;
}

/**
 * Runs up to `maxPrimes` primes below 2^26 (or the given ones); `result` is the verified rational
 * RREF, or null when no candidate verified.
 *
 * @example
 * const out = solveModular(problem, 8);
 * if (out.result) use(out.result) // verified exactly
 */
export function solveModular(
  problem: ModularProblem,
  maxPrimes: number,
  primeList?: readonly number[],
): { result: SparseMatrix<Rational> | null; rank: number; stats: ModularStats } {
  const groups = new Map<string, RrefModP[]>();
  let bestRank = -1;
  let failedVerifications = 0;
  const primes = primeList ?? primesBelow(PRIME_LIMIT, maxPrimes);
  for (let i = 0; i < primes.length; i++) {
    const image = problem.image(primes[i]!);
    const rank = problem.rank(image);
    if (rank < bestRank) continue;
    if (rank > bestRank) {
      bestRank = rank;
      groups.clear();
    }
    const key = image.pivots.join(',');
    const group = groups.get(key) ?? [];
    group.push(image);
    groups.set(key, group);
    const candidate = reconstructRref(group);
    if (candidate === null) continue;
    if (problem.verify(candidate, rank)) {
      return {
        result: candidate,
        rank,
        stats: {
          primesTried: i + 1,
          primesUsed: group.length,
          primesRejected: i + 1 - group.length,
          failedVerifications,
        },
      };
    }
    failedVerifications++;
  }
  const used = Math.max(0, ...[...groups.values()].map((g) => g.length));
  return {
    result: null,
    rank: bestRank,
    stats: { primesTried: primes.length, primesUsed: used, primesRejected: primes.length - used, failedVerifications },
  };
}
