/**
 * Classical matrix groups given by Lie algebra bases, EMLP 1.0.3 conventions (generators listed in
 * EMLP's loop order; the order matters to anyone comparing constraint matrices):
 * SO(n), O(n), Sp(m) on R²ᵐ, SL(n), GL(n) and GL+(n). Each is the whole group its name says:
 * SO(n), Sp(m), SL(n) and GL+(n) are connected, so their Lie algebra generates them; O(n) and
 * GL(n) add a reflection for the second component.
 */
import { RationalField } from '../../field/field.js';
import type { SparseMatrix } from '../../linalg/index.js';
import type { Rational } from '../../field/rational.js';
import type { ExactGroup } from '../group.js';
import { checkArg, diagMatrix, entriesMatrix, makeGroup, type Entry } from './common.js';

/**
 * Caps on n: these families have Θ(n²) generators, each stored with O(n) row pointers, and any
 * tensor rep past n ≈ 100 is beyond the solver anyway.
 */
export const MAX_CLASSICAL_N = 100;
export const MAX_SYMPLECTIC_M = 50;

/** EMLP SO(n).lie_algebra: for i in 0..n−1, j < i: A[i,j] = 1, A[j,i] = −1. */
function soBasis(n: number): SparseMatrix<Rational>[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      out.push(
        entriesMatrix(n, [
          [i, j, 1],
          [j, i, -1],
        ]),
      );
    }
  }
  return out;
}

/**
 * The rotation group SO(n): Lie algebra basis E_ij − E_ji for i > j, i-major (EMLP SO).
 *
 * @example
 * specialOrthogonal(3).lie.length // 3
 */
export function specialOrthogonal(n: number): ExactGroup {
  checkArg('SO(n)', 'n', n, 1, MAX_CLASSICAL_N);
  return makeGroup({
    name: `SO(${n})`,
    field: RationalField,
    dim: n,
    discrete: [],
    lie: soBasis(n),
    ...(n === 1 ? { order: 1n } : {}),
    convention: 'Lie algebra E_ij − E_ji for i > j in order (i, then j < i) (EMLP SO)',
  });
}

/**
 * The orthogonal group O(n): SO(n)'s Lie algebra plus the reflection diag(−1, 1, …, 1) (EMLP O).
 *
 * @example
 * orthogonal(2).discrete.length // 1
 */
export function orthogonal(n: number): ExactGroup {
  checkArg('O(n)', 'n', n, 1, MAX_CLASSICAL_N);
  return makeGroup({
    name: `O(${n})`,
    field: RationalField,
    dim: n,
    discrete: [diagMatrix([-1, ...new Array<number>(n - 1).fill(1)])],
    lie: soBasis(n),
    ...(n === 1 ? { order: 2n } : {}),
    convention: 'SO(n) Lie algebra plus the reflection diag(−1, 1, …, 1) (EMLP O)',
  });
}

/**
 * The symplectic group Sp(m) on R²ᵐ (preserving J = [[0, I], [−I, 0]]), EMLP's basis of m(2m+1)
 * generators: E_{i,j} − E_{m+j,m+i} (i, j < m), then for j ≤ i the pairs
 * E_{m+i,j} + E_{m+j,i} and E_{i,m+j} + E_{j,m+i} (entries set, not added, when i = j).
 *
 * @example
 * symplectic(1).lie.length // 3
 */
export function symplectic(m: number): ExactGroup {
  checkArg('Sp(m)', 'm', m, 1, MAX_SYMPLECTIC_M);
  const n = 2 * m;
  const lie = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      lie.push(
        entriesMatrix(n, [
          [i, j, 1],
          [m + j, m + i, -1],
        ]),
      );
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      lie.push(
        entriesMatrix(n, [
          [m + i, j, 1],
          [m + j, i, 1],
        ]),
      );
      lie.push(
        entriesMatrix(n, [
          [i, m + j, 1],
          [j, m + i, 1],
        ]),
      );
    }
  }
  return makeGroup({
    name: `Sp(${m})`,
    field: RationalField,
    dim: n,
    discrete: [],
    lie,
    convention: 'on R^2m, J = [[0, I], [−I, 0]]: Lie algebra [[A, B], [C, −Aᵀ]] with B, C symmetric, EMLP order (EMLP Sp)',
  });
}

/**
 * The special linear group SL(n): off-diagonal E_ij (row-major), then E_ll − E_{n−1,n−1} for
 * l < n − 1 (EMLP SL).
 *
 * @example
 * specialLinear(2).lie.length // 3
 */
export function specialLinear(n: number): ExactGroup {
  checkArg('SL(n)', 'n', n, 1, MAX_CLASSICAL_N);
  const lie = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) lie.push(entriesMatrix(n, [[i, j, 1]]));
  }
  for (let l = 0; l < n - 1; l++) {
    const e: Entry[] = [
      [l, l, 1],
      [n - 1, n - 1, -1],
    ];
    lie.push(entriesMatrix(n, e));
  }
  return makeGroup({
    name: `SL(${n})`,
    field: RationalField,
    dim: n,
    discrete: [],
    lie,
    ...(n === 1 ? { order: 1n } : {}),
    convention: 'Lie algebra: E_ij for i ≠ j (row-major), then E_ll − E_(n−1)(n−1) for l < n−1 (EMLP SL)',
  });
}

function glBasis(n: number): SparseMatrix<Rational>[] {
  const lie = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lie.push(entriesMatrix(n, [[i, j, 1]]));
  return lie;
}

/**
 * The general linear group GL(n), the whole group: Lie algebra E_ij, row-major, plus the
 * reflection diag(−1, 1, …, 1), which reaches the det < 0 component. EMLP's GL is only the
 * identity component, built from the Lie algebra alone: that group is `GL+(n)` here.
 *
 * @example
 * generalLinear(2).discrete.length // 1: the reflection
 */
export function generalLinear(n: number): ExactGroup {
  checkArg('GL(n)', 'n', n, 1, MAX_CLASSICAL_N);
  return makeGroup({
    name: `GL(${n})`,
    field: RationalField,
    dim: n,
    discrete: [diagMatrix([-1, ...new Array<number>(n - 1).fill(1)])],
    lie: glBasis(n),
    convention: 'Lie algebra E_ij, row-major, plus the reflection diag(−1, 1, …, 1) (EMLP GL lacks the reflection: it is GL+(n))',
  });
}

/**
 * GL+(n), the matrices of positive determinant: GL(n)'s identity component, Lie algebra E_ij only
 * (what EMLP calls GL).
 *
 * @example
 * generalLinearPlus(2).discrete.length // 0
 */
export function generalLinearPlus(n: number): ExactGroup {
  checkArg('GL+(n)', 'n', n, 1, MAX_CLASSICAL_N);
  return makeGroup({
    name: `GL+(${n})`,
    field: RationalField,
    dim: n,
    discrete: [],
    lie: glBasis(n),
    convention: 'Lie algebra E_ij, row-major; no discrete generator (identity component, as EMLP GL)',
  });
}
