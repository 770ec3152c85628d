/**
 * The complex groups U(n) and SU(n), exact over ℚ(i), with EMLP 1.0.3's Lie algebra bases:
 * for i > j, the real antisymmetric E_ij − E_ji followed by the imaginary symmetric
 * i(E_ij + E_ji); then the imaginary diagonal: i·E_kk for U(n) (n of them), and for SU(n) the
 * traceless i(E_kk − Σ_{l≠k} E_ll/(n−1)) for k < n − 1.
 */
import { GaussianField, gaussian, type Gaussian } from '../../field/gaussian.js';
import * as Q from '../../field/rational.js';
import { CsrBuilder, type SparseMatrix } from '../../linalg/index.js';
import type { Group } from '../group.js';
import { checkArg, makeGroup } from './common.js';

export const MAX_UNITARY_N = 50;

type Entry = readonly [number, number, Gaussian];

function matrix(n: number, entries: readonly Entry[]): SparseMatrix<Gaussian> {
  const rows: Map<number, Gaussian>[] = Array.from({ length: n }, () => new Map());
  for (const [r, c, v] of entries) rows[r]!.set(c, v);
  const b = new CsrBuilder(GaussianField, n);
  for (const row of rows) {
    for (const c of [...row.keys()].sort((x, y) => x - y)) b.push(c, row.get(c)!);
    b.endRow();
  }
  return b.build();
}

const real = (v: number): Gaussian => gaussian(Q.rat(v));
const imag = (v: Q.Rational): Gaussian => gaussian(Q.ZERO, v);

function offDiagonal(n: number): SparseMatrix<Gaussian>[] {
  const out: SparseMatrix<Gaussian>[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      out.push(matrix(n, [[i, j, real(1)], [j, i, real(-1)]]));
      out.push(matrix(n, [[i, j, imag(Q.ONE)], [j, i, imag(Q.ONE)]]));
    }
  }
  return out;
}

/**
 * U(n) on ℂⁿ: n² Lie algebra generators (EMLP U).
 *
 * @example
 * unitary(2).lie.length // 4
 */
export function unitary(n: number): Group<Gaussian> {
  checkArg('U(n)', 'n', n, 1, MAX_UNITARY_N);
  const diagonal = Array.from({ length: n }, (_, k) => matrix(n, [[k, k, imag(Q.ONE)]]));
  return makeGroup({
    name: `U(${n})`,
    field: GaussianField,
    dim: n,
    discrete: [],
    lie: [...offDiagonal(n), ...diagonal],
    convention: 'Lie algebra over ℚ(i): E_ij − E_ji and i(E_ij + E_ji) for i > j, then i·E_kk (EMLP U)',
  });
}

/**
 * SU(n) on ℂⁿ: n² − 1 traceless Lie algebra generators (EMLP SU). SU(1) is trivial.
 *
 * @example
 * specialUnitary(3).lie.length // 8
 */
export function specialUnitary(n: number): Group<Gaussian> {
  checkArg('SU(n)', 'n', n, 1, MAX_UNITARY_N);
  const diagonal: SparseMatrix<Gaussian>[] = [];
  for (let k = 0; k < n - 1; k++) {
    const entries: Entry[] = [];
    for (let l = 0; l < n; l++) entries.push([l, l, l === k ? imag(Q.ONE) : imag(Q.rat(-1n, BigInt(n - 1)))]);
    diagonal.push(matrix(n, entries));
  }
  return makeGroup({
    name: `SU(${n})`,
    field: GaussianField,
    dim: n,
    discrete: [],
    lie: n === 1 ? [] : [...offDiagonal(n), ...diagonal],
    ...(n === 1 ? { order: 1n } : {}),
    convention: 'Lie algebra over ℚ(i): E_ij − E_ji and i(E_ij + E_ji) for i > j, then traceless imaginary diagonals (EMLP SU)',
  });
}
