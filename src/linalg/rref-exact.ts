/**
 * The canonical RREF over ℚ of the row space of integer rows whose rank is known — what turns a
 * closed-form basis (diagrams) into the canonical basis every strategy returns.
 *
 * Same route as the null space (nullspace-exact.ts): echelon form mod primes below 2^26, Wang
 * reconstruction, then an exact check. The check is a proof here because the rank is given: a
 * candidate with `rank` RREF rows (so independent) that spans every input row has the input's row
 * space, since that space has dimension `rank`.
 */
import { SolverError } from '../errors.js';
import type { Rational } from '../field/rational.js';
import type { Deadline } from '../util/deadline.js';
import { echelonModP } from './echelon-modp.js';
import type { IntegerMatrix } from './modular.js';
import { solveModular } from './multimodular.js';
import { rrefFromEchelon } from './rref-modp.js';
import type { SparseMatrix } from './sparse.js';
import { spansRowsOf } from './verify-exact.js';

/**
 * RREF of the row space of `m`, whose rank over ℚ the caller knows to be `rank`.
 *
 * @example
 * rrefOfRows(integerRows(fromDense(RationalField, [[1, 1], [1, -1]].map((r) => r.map((x) => rat(x))))), 2).rows // 2: the identity
 */
export function rrefOfRows(m: IntegerMatrix, rank: number, deadline?: Deadline): SparseMatrix<Rational> {
  const out = solveModular(
    {
      image: (p) => {
        deadline?.check();
        return rrefFromEchelon(echelonModP(m, p, deadline ? { deadline } : {}));
      },
      rank: (im) => im.pivots.length,
      verify: (cand) => cand.rows === rank && spansRowsOf(cand, m),
    },
    16,
  );
  if (!out.result) {
    throw new SolverError('E_VERIFY', `verification failed: the reduced echelon form of ${m.rows} rows did not reconstruct to rank ${rank}`, {
      expected: `rank ${rank}`,
      actual: `rank ${out.rank} mod p`,
    });
  }
  return out.result;
}
