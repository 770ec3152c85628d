/**
 * Cheap checks that declared matrices look like a group, reported as warnings (the solve still
 * runs: the constraint system is well defined for any matrices, but the answer may not be what
 * the user meant).
 *
 * - Without a Lie algebra, the discrete generators should generate a finite group: a generator
 *   whose powers do not return to the identity within a bound, or whose entries grow without
 *   limit, has (almost surely) infinite order — e.g. a shear [[1, 1], [0, 1]] typed by mistake.
 * - Lie algebra generators should span a Lie algebra: closed under the bracket.
 */
import type { Field } from '../field/field.js';
import { asSignedPermutation, equalMatrices, identity, multiply, type SparseMatrix } from '../linalg/index.js';
import { lieClosure } from './lie-closure.js';
import type { Group } from './group.js';

/** Powers tried before a generator is reported as of (apparently) infinite order. */
export const MAX_GENERATOR_ORDER = 1000;
/** Entries above this size mean the powers are diverging (a finite-order matrix stays bounded). */
const DIVERGENCE = 1e9;
/** Above this dimension the checks are skipped: they are dense-ish and only a heuristic. */
const MAX_CHECKED_DIM = 64;

function isIdentity<T>(f: Field<T>, m: SparseMatrix<T>, id: SparseMatrix<T>): boolean {
  if (f.kind === 'exact') return equalMatrices(f, m, id);
  // Float generators (cos(2π/5), …): the identity up to rounding.
  const dense = new Map<number, number>();
  for (let r = 0; r < m.rows; r++) for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) dense.set(r * m.cols + m.colIdx[k]!, f.toNumber(m.values[k]!));
  for (let i = 0; i < m.rows; i++) if (Math.abs((dense.get(i * m.cols + i) ?? 0) - 1) > 1e-8) return false;
  for (const [x, v] of dense) if (Math.floor(x / m.cols) !== x % m.cols && Math.abs(v) > 1e-8) return false;
  return true;
}

/**
 * The order of a signed permutation from its cycles: lcm of the cycle lengths, a cycle counting
 * twice when its signs multiply to −1. Null as soon as it exceeds `bound`. Linear in the size.
 */
function signedPermutationOrder(perm: Int32Array, sign: Int8Array, bound: number): number | null {
  const seen = new Uint8Array(perm.length);
  let order = 1;
  for (let start = 0; start < perm.length; start++) {
    if (seen[start]) continue;
    let length = 0;
    let s = 1;
    for (let x = start; !seen[x]; x = perm[x]!) {
      seen[x] = 1;
      s *= sign[x]!;
      length++;
    }
    const cycle = s === 1 ? length : 2 * length;
    let a = order;
    let b = cycle;
    while (b !== 0) [a, b] = [b, a % b];
    order = (order / a) * cycle;
    if (order > bound) return null;
  }
  return order;
}

/**
 * The order of `h` if it is at most `bound`, else null. Signed permutations (every permutation
 * generator) are read by cycles in linear time: a 10^6-point shift would otherwise take 1,000
 * sparse powers of a million entries.
 *
 * @example
 * generatorOrder(RationalField, permMatrix([1, 2, 0])) // 3
 */
export function generatorOrder<T>(f: Field<T>, h: SparseMatrix<T>, bound = MAX_GENERATOR_ORDER): number | null {
  const signed = asSignedPermutation(f, h);
  if (signed !== null) return signedPermutationOrder(signed.perm, signed.sign, bound);
  const id = identity(f, h.rows);
  let power = h;
  for (let k = 1; k <= bound; k++) {
    if (isIdentity(f, power, id)) return k;
    if (power.values.some((v) => !(Math.abs(f.toNumber(v)) < DIVERGENCE))) return null;
    power = multiply(f, power, h);
  }
  return null;
}

/**
 * Warnings (possibly none) for a group's declared generators.
 *
 * @example
 * groupWarnings(customGroupFromJson({ dim: 2, generators: [[[1, 1], [0, 1]]] })) // ['generator 0 …']
 */
export function groupWarnings<T>(group: Group<T>): string[] {
  const f = group.field;
  const warnings: string[] = [];
  if (group.dim > MAX_CHECKED_DIM) return warnings;
  if (group.lie.length === 0) {
    group.discrete.forEach((h, i) => {
      // A signed permutation has finite order (its powers are among the finitely many signed
      // permutations), possibly above the bound: lcm(7, 11, 13) = 1001 on 31 points.
      if (asSignedPermutation(f, h) !== null) return;
      if (generatorOrder(f, h) === null) {
        warnings.push(`generator ${i} does not return to the identity within ${MAX_GENERATOR_ORDER} powers: the group is probably infinite, so its answer is the space fixed by an infinite discrete group (is a generator mistyped?)`);
      }
    });
  } else {
    const c = lieClosure(f, group.lie);
    if (!c.closed) {
      warnings.push(`the ${c.rank} Lie algebra generators do not close under the bracket: they generate an algebra of dimension ${c.generatedDim}, whose invariants are what the solve finds`);
    }
  }
  return warnings;
}
