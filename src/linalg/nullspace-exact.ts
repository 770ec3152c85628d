/**
 * Exact null space over ℚ of a sparse rational constraint matrix, in canonical RREF.
 *
 * Route (measured in DEPENDENCIES.md and in this module's tests): elimination modulo primes below
 * 2^26 in double arithmetic — about ten times faster than any BigInt elimination — then Wang
 * rational reconstruction and an exact integer check C·N = 0. Soundness does not rest on the
 * primes: if N has r = n − rank_p(C) rows in RREF (so independent) and C·N = 0 exactly, then since
 * rank_p(C) ≤ rank_ℚ(C) the null space has dimension ≤ r and N spans it. A prime where the rank
 * drops yields more rows than the true nullity and can never pass that check. If a few primes do not
 * produce a verified answer (huge entries), a fraction-free integer elimination runs instead.
 *
 * Measured (Node 20, 2 cores; one prime unless noted): so(3) Hom(T(3), T(3)) 2187×729, nullity 15:
 * 15–60 ms; random sparse 2187×729 (5 entries in [−3, 3] per row, nullity 9): 70–400 ms; the same
 * with dense planted null vectors (two primes): 0.35–1 s; so(3) invariants of V^⊗8, 19683×6561,
 * nullity 91: 0.3 s. The spread is JIT warm-up; DEPENDENCIES.md has sympy at 0.43 s / 14 s.
 */
import type { Deadline } from '../util/deadline.js';
import { ONE, type Rational } from '../field/rational.js';
import { echelonModP } from './echelon-modp.js';
import { nullspaceFromEchelon } from './rref-modp.js';
import { echelonInteger, nullspaceFromReversed, reduceEchelon } from './fraction-free.js';
import { integerRows, reverseColumns } from './modular.js';
import { solveModular, type ModularStats } from './multimodular.js';
import { isNullspaceOf } from './verify-exact.js';
import { zeros, type SparseMatrix } from './sparse.js';
import { SolverError } from '../errors.js';

export interface NullspaceExactOptions {
  /**
   * Primes tried before falling back to fraction-free elimination. Default 16: answers with
   * numerators and denominators up to ~2^200. More primes cost time linear in their number, while
   * the fallback's cost grows with the intermediate (not the final) coefficients and can be far
   * larger: 138 s against 0.1 s modular on random sparse 2187×729.
   */
  readonly maxPrimes?: number;
  /** `auto` (modular, then fraction-free if needed), or force one method. */
  readonly method?: 'auto' | 'modular' | 'fraction-free';
  /** Cooperative time limit (`--timeout`). */
  readonly deadline?: Deadline;
  /**
   * The nullity when it is known beforehand (the character formula): each modular elimination
   * stops once its rank reaches cols − nullity (echelon-modp.ts rankBound). A wrong value only
   * costs time: no candidate verifies, and the fraction-free fallback reads every row.
   */
  readonly nullity?: number;
}

export interface NullspaceExactStats {
  readonly rows: number;
  readonly cols: number;
  readonly nnz: number;
  /** Present when the modular route ran (whether or not it produced the answer). */
  readonly modular?: ModularStats;
  /** Why the fallback ran, when it did. */
  readonly fallbackReason?: string;
}

export interface NullspaceExactResult {
  /** Rows form a basis of {x : C·x = 0}, in reduced row echelon form. nullity × cols. */
  readonly basis: SparseMatrix<Rational>;
  /** Rank of C over ℚ (= cols − nullity). */
  readonly rank: number;
  /** `modular` (multi-modular + rational reconstruction, verified exactly) or `fraction-free`. */
  readonly method: 'modular' | 'fraction-free';
  readonly stats: NullspaceExactStats;
}

/**
 * The null space of C over ℚ, as the RREF basis (pivot 1, pivots increasing, zeros above and below
 * every pivot). An empty null space is a 0×n matrix.
 *
 * @example
 * const C = fromDense(RationalField, [[rat(1n), rat(-1n), rat(0n)]]);
 * const { basis, rank } = nullspaceExact(C);
 * rank // 1
 * toDense(RationalField, basis).map((r) => r.map(toText)) // [["1","1","0"], ["0","0","1"]]
 */
export function nullspaceExact(C: SparseMatrix<Rational>, options: NullspaceExactOptions = {}): NullspaceExactResult {
  const n = C.cols;
  const base = { rows: C.rows, cols: n, nnz: C.colIdx.length };
  const ints = integerRows(C);
  if (ints.colIdx.length === 0) {
    return { basis: identityRational(n), rank: 0, method: 'modular', stats: base };
  }
  const reversed = reverseColumns(ints);
  const method = options.method ?? 'auto';
  let modular: ModularStats | undefined;
  let fallbackReason = 'method fraction-free requested';
  if (method !== 'fraction-free') {
    const maxPrimes = options.maxPrimes ?? 16;
    const echelonOptions = {
      ...(options.deadline ? { deadline: options.deadline } : {}),
      ...(options.nullity !== undefined ? { rankBound: n - options.nullity } : {}),
    };
    const out = solveModular(
      {
        image: (p) => {
          options.deadline?.check();
          return nullspaceFromEchelon(echelonModP(reversed, p, echelonOptions));
        },
        rank: (im) => n - im.pivots.length,
        verify: (cand) => isNullspaceOf(ints, cand),
      },
      maxPrimes,
    );
    if (out.result) {
      return { basis: out.result, rank: out.rank, method: 'modular', stats: { ...base, modular: out.stats } };
    }
    if (method === 'modular') {
      throw new SolverError('E_SOLVER', 'modular null space did not verify', {
        expected: `a verified answer within ${maxPrimes} primes`,
        actual: 'no candidate passed the exact check C·N = 0',
      });
    }
    modular = out.stats;
    fallbackReason = `no verified reconstruction within ${maxPrimes} primes`;
  }
  const basis = nullspaceFromReversed(reduceEchelon(echelonInteger(reversed, options.deadline)));
  const stats = modular ? { ...base, modular, fallbackReason } : { ...base, fallbackReason };
  return { basis, rank: n - basis.rows, method: 'fraction-free', stats };
}

function identityRational(n: number): SparseMatrix<Rational> {
  if (n === 0) return zeros<Rational>(0, 0);
  const values = new Array<Rational>(n).fill(ONE);
  return Object.freeze({
    rows: n,
    cols: n,
    rowPtr: Int32Array.from({ length: n + 1 }, (_, i) => i),
    colIdx: Int32Array.from({ length: n }, (_, i) => i),
    values: Object.freeze(values),
  });
}
