/**
 * EMLP's RubiksCube: 48 facelets (6 faces × 8 non-centre stickers, faces ordered U, F, R, B, L, D),
 * six generators built exactly as EMLP 1.0.3 builds them: the U quarter turn, then F, R, B, L, D
 * obtained by conjugating U with whole-cube rotations.
 *
 * Caveat, verified by Schreier–Sims (test/group/order.test.ts): EMLP's whole-cube rotations move
 * faces without re-orienting their stickers, so these six permutations do NOT generate the real
 * Rubik's cube group (order 43 252 003 274 489 856 000). They generate all even permutations of
 * corner and edge facelets, order 24!²/2. We reproduce EMLP for comparability and report that
 * order.
 */
import { RationalField } from '../../field/field.js';
import type { ExactGroup } from '../group.js';
import { factorial, makeGroup, permMatrix } from './common.js';

/** A face as 9 stickers in row-major 3×3 order with the centre (index 4) padded in, like EMLP's pad. */
type Padded = number[][];

function pad(perm: readonly number[]): Padded {
  const out: Padded = [];
  for (let f = 0; f < 6; f++) {
    const row = perm.slice(8 * f, 8 * f + 8);
    out.push([...row.slice(0, 4), 0, ...row.slice(4)]);
  }
  return out;
}

function unpad(p: Padded): number[] {
  return p.flatMap((row) => [...row.slice(0, 4), ...row.slice(5)]);
}

/** numpy.roll(a, 1). */
function roll1<T>(a: readonly T[]): T[] {
  return [a[a.length - 1]!, ...a.slice(0, -1)];
}

/** numpy.rot90 of a 3×3 face (k = 1, counter-clockwise): out[i][j] = in[j][2 − i]. */
function rot90(face: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out.push(face[3 * j + (2 - i)]!);
  return out;
}

/** `P[rows, cols] = P[roll(rows, 1), cols]`, reading the right side before writing. */
function cycleRows(p: Padded, rows: readonly number[], cols: number): void {
  const src = roll1(rows).map((r) => p[r]!.slice(0, cols));
  rows.forEach((r, i) => p[r]!.splice(0, cols, ...src[i]!));
}

function argsort(perm: readonly number[]): number[] {
  const out = new Array<number>(perm.length);
  perm.forEach((v, i) => (out[v] = i));
  return out;
}

/** numpy fancy indexing `a[b]`: i ↦ a[b[i]]. */
function at(a: readonly number[], b: readonly number[]): number[] {
  return b.map((i) => a[i]!);
}

/**
 * The six generator permutations U, F, R, B, L, D as index arrays (matrix `M[i, perm[i]] = 1`).
 *
 * @example
 * rubiksCubePermutations()[0].slice(0, 8) // [2, 4, 7, 1, 6, 0, 3, 5]
 */
export function rubiksCubePermutations(): number[][] {
  const identity = Array.from({ length: 48 }, (_, i) => i);
  const up = pad(identity);
  up[0] = rot90(up[0]!);
  cycleRows(up, [1, 2, 3, 4], 3);
  const U = unpad(up);

  const front = pad(identity);
  cycleRows(front, [0, 2, 5, 4], 9);
  const rotFront = unpad(front);
  const rotBack = argsort(rotFront);
  const left = pad(identity);
  cycleRows(left, [0, 1, 5, 3], 9);
  const rotLeft = unpad(left);
  const rotRight = argsort(rotLeft);

  const F = at(rotRight, at(U, rotLeft));
  const R = at(rotBack, at(U, rotFront));
  const B = at(rotLeft, at(U, rotRight));
  const L = at(rotFront, at(U, rotBack));
  const D = at(rotRight, at(rotRight, at(U, at(rotLeft, rotLeft))));
  return [U, F, R, B, L, D];
}

/** |⟨EMLP RubiksCube generators⟩| = 24!²/2 (see the file comment). */
export const EMLP_RUBIKS_ORDER: bigint = (factorial(24) * factorial(24)) / 2n;

/** Order of the real Rubik's cube group, for reference. */
export const RUBIKS_CUBE_GROUP_ORDER = 43252003274489856000n;

/**
 * EMLP's RubiksCube on R⁴⁸ (6 facelet permutation generators).
 *
 * @example
 * rubiksCube().discrete.length // 6
 */
export function rubiksCube(): ExactGroup {
  return makeGroup({
    name: 'RubiksCube',
    field: RationalField,
    dim: 48,
    discrete: rubiksCubePermutations().map(permMatrix),
    lie: [],
    order: EMLP_RUBIKS_ORDER,
    convention:
      "EMLP's 48 facelet permutations U,F,R,B,L,D, M[i, perm[i]] = 1; they generate order 24!²/2, not the real cube group",
  });
}
