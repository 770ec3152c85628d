/**
 * Permutation generators of custom groups: `"permutations": [[p_0, …, p_{dim−1}], …]`, 0-based
 * images in the convention of the built-in permutation groups (S(n), Z(n), Cube) and of EMLP,
 * whose permutation acts as `x ↦ x[p]`: the generator is the matrix with `M[i, p[i]] = 1`, so
 * `(M·x)_i = x_{p[i]}` and M sends the basis vector `e_{p[i]}` to `e_i`.
 *
 * A permutation is validated in one linear pass and stored as a sparse permutation matrix (one
 * entry per row, built straight into CSR arrays), never as a dense dim × dim matrix: a million
 * points load in a fraction of a second, and the orbit strategy reads them as permutations.
 */
import type { Field } from '../field/field.js';
import type { SparseMatrix } from '../linalg/index.js';
import type { GroupFileProblem } from './file-problem.js';
import { describe } from './entries.js';
import type { Group } from './group.js';

/** Largest `dim` of a custom group whose generators are all given as permutations. */
export const MAX_PERMUTATION_DIM = 1_000_000;

/**
 * The permutation matrix of `p` over `field`: `M[i, p[i]] = 1` (see the file comment). `p` must
 * be a permutation of 0 … p.length − 1 (readPermutations checks that).
 *
 * @example
 * permutationMatrix(RationalField, Int32Array.of(1, 2, 0)) // rows e_1, e_2, e_0: equal to permMatrix([1, 2, 0])
 */
export function permutationMatrix<T>(field: Field<T>, p: Int32Array): SparseMatrix<T> {
  const n = p.length;
  const rowPtr = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) rowPtr[i] = i;
  const values = Object.freeze(new Array<T>(n).fill(field.one));
  return Object.freeze({ rows: n, cols: n, rowPtr, colIdx: Int32Array.from(p), values });
}

/** One image that is not usable, before its message is final (duplicates name the missing value). */
interface Bad {
  readonly index: number;
  readonly problem?: GroupFileProblem;
  /** For a repeated image: the value and where it first appeared. */
  readonly duplicate?: { readonly value: number; readonly first: number };
}

/** The first value of 0 … n−1 that `seen` lacks, and how many are missing. */
function missing(seen: Int32Array): { first: number; count: number } {
  let first = -1;
  let count = 0;
  for (let v = 0; v < seen.length; v++) {
    if (seen[v] === -1) {
      if (first < 0) first = v;
      count++;
    }
  }
  return { first, count };
}

/** Checks one permutation; the problems are reported in index order. */
function readOne(raw: unknown, path: string, dim: number | null, add: (p: GroupFileProblem) => void): Int32Array | null {
  if (!Array.isArray(raw)) {
    const n = dim === null ? 'dim' : String(dim);
    add({ code: 'E_GROUP_SHAPE', message: `a permutation must be an array of ${n} images`, path, expected: `an array of ${n} integers, a permutation of 0 … ${n}−1`, actual: describe(raw) });
    return null;
  }
  const n = dim ?? raw.length;
  let ok = true;
  if (raw.length !== n) {
    add({ code: 'E_GROUP_SHAPE', message: `permutation has ${raw.length} images, dim is ${n}`, path, expected: `${n} images`, actual: `${raw.length} images` });
    ok = false;
  }
  const expected = `an integer 0 ≤ image ≤ ${n - 1} (images are 0-based)`;
  const p = new Int32Array(raw.length);
  // seen[v]: the index where image v first appeared, −1 if not yet.
  const seen = new Int32Array(n).fill(-1);
  const bad: Bad[] = [];
  for (let j = 0; j < raw.length; j++) {
    const v: unknown = raw[j];
    const at = `${path}/${j}`;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      bad.push({ index: j, problem: { code: 'E_GROUP_ENTRY', message: 'an image must be an integer', path: at, expected, actual: describe(v) } });
    } else if (v < 0 || v >= n) {
      bad.push({ index: j, problem: { code: 'E_GROUP_ENTRY', message: `image ${v} is out of range: images are 0-based, 0 … ${n - 1}`, path: at, expected, actual: String(v) } });
    } else if (seen[v] !== -1) {
      bad.push({ index: j, duplicate: { value: v, first: seen[v]! } });
    } else {
      seen[v] = j;
      p[j] = v;
    }
  }
  if (bad.length > 0) {
    const gap = missing(seen);
    const lacks = gap.count === 0 ? '' : `, so ${gap.first} is missing${gap.count > 1 ? ` (and ${gap.count - 1} more)` : ''}`;
    for (const b of bad) {
      const d = b.duplicate;
      add(
        b.problem ?? {
          code: 'E_GROUP_ENTRY',
          message: `image ${d!.value} appears twice (also at index ${d!.first})${lacks}`,
          path: `${path}/${b.index}`,
          expected: `each of 0 … ${n - 1} exactly once`,
          actual: `${d!.value} (also at ${path}/${d!.first})`,
        },
      );
    }
  }
  return ok && bad.length === 0 ? p : null;
}

/**
 * Reads and validates the `"permutations"` of a group file; one entry per permutation, null for
 * those with problems (reported through `add`, with JSON pointers such as `/permutations/1/7`).
 * With `dim` null (missing or invalid), each permutation is checked against its own length.
 *
 * @example
 * readPermutations({ permutations: [[1, 0, 2]] }, 3, (p) => problems.push(p)) // [Int32Array [1, 0, 2]]
 */
export function readPermutations(json: Record<string, unknown>, dim: number | null, add: (p: GroupFileProblem) => void): (Int32Array | null)[] {
  const raw = json.permutations;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    add({ code: 'E_GROUP_SHAPE', message: '"permutations" must be an array of permutations', path: '/permutations', expected: 'an array of arrays of 0-based images', actual: describe(raw) });
    return [];
  }
  return raw.map((p: unknown, i) => readOne(p, `/permutations/${i}`, dim, add));
}

/**
 * The image list p of a permutation matrix (M[i, p[i]] = 1 with every other entry 0), or null when
 * M is not one.
 *
 * @example
 * asPermutation(RationalField, permMatrix([1, 2, 0])) // Int32Array [1, 2, 0]
 */
export function asPermutation<T>(field: Field<T>, m: SparseMatrix<T>): Int32Array | null {
  if (m.rows !== m.cols) return null;
  const p = new Int32Array(m.rows);
  const hit = new Uint8Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const k = m.rowPtr[i]!;
    if (m.rowPtr[i + 1]! - k !== 1 || !field.eq(m.values[k]!, field.one)) return null;
    const c = m.colIdx[k]!;
    if (hit[c]) return null;
    hit[c] = 1;
    p[i] = c;
  }
  return p;
}

/**
 * Above this many entries in all (generators × dim²), a basis file records permutation generators
 * as image lists rather than as dense matrices: Z(100000) would need 10^10 entries. Set where dense
 * files stop being writable at all (Z(10000), 10^8 entries, takes ~3.6 GB), so that every file
 * that could be written before is written as before, for readers of `generators`.
 */
export const DENSE_GENERATOR_ENTRY_LIMIT = 100_000_000;

/**
 * The discrete generators as image lists (`"permutations"` in a basis file, same convention as a
 * group file) when every one is a permutation matrix and their dense form would exceed
 * DENSE_GENERATOR_ENTRY_LIMIT entries; null otherwise, and the dense matrices are written as before.
 *
 * @example
 * generatorImages(resolveGroup('S(5)')) // null: 4 × 25 entries are written densely
 * generatorImages(resolveGroup('S(1000)'))!.length // 999 image lists of length 1000
 */
export function generatorImages<T>(group: Group<T>): number[][] | null {
  if (group.discrete.length * group.dim * group.dim <= DENSE_GENERATOR_ENTRY_LIMIT) return null;
  const images: number[][] = [];
  for (const m of group.discrete) {
    const p = asPermutation(group.field, m);
    if (p === null) return null;
    images.push(Array.from(p));
  }
  return images;
}
