/**
 * The built-in groups: one builder per family (under library/), the table `resolveGroup` looks
 * names up in, and the catalogue `solve-basis groups` prints. Nothing here is registered on import;
 * the table is a constant.
 */
import { SpecError } from '../../errors.js';
import type { AnyGroup } from '../group.js';
import { generalLinear, generalLinearPlus, orthogonal, specialLinear, specialOrthogonal, symplectic } from './classical.js';
import { lorentz, type LorentzName } from './lorentz.js';
import { alternating, cube, cyclic, symmetric, trivial } from './permutation.js';
import { dihedral, rotations } from './planar.js';
import { rubiksCube } from './rubik.js';
import { specialUnitary, unitary } from './unitary.js';

export { generalLinear, generalLinearPlus, orthogonal, specialLinear, specialOrthogonal, symplectic } from './classical.js';
export { lorentz, type LorentzName } from './lorentz.js';
export { alternating, cube, cyclic, symmetric, trivial } from './permutation.js';
export { dihedral, rotations } from './planar.js';
export { specialUnitary, unitary } from './unitary.js';
export { rubiksCube, rubiksCubePermutations, EMLP_RUBIKS_ORDER, RUBIKS_CUBE_GROUP_ORDER } from './rubik.js';
export { permMatrix, shiftMatrix } from './common.js';

/** A catalogue row for `solve-basis groups`. */
export interface BuiltinGroupInfo {
  /** Family name as written, e.g. `S(n)`. */
  readonly name: string;
  /** Accepted spellings, e.g. `S(n) | Sn, 1 ≤ n ≤ 1000`. */
  readonly pattern: string;
  readonly description: string;
  readonly example: string;
}

/** A family as the resolver sees it: a canonical key, the argument counts it takes, a builder. */
export interface GroupFamily {
  /** Canonical spelling of the family name (`SO`, `Sp`, `SO+`, `Cube`). */
  readonly key: string;
  /** Allowed numbers of integer arguments. */
  readonly arities: readonly number[];
  /** Builds the group; arguments have been parsed as integers and counted, not range-checked. */
  readonly build: (args: readonly number[]) => AnyGroup;
  readonly info: BuiltinGroupInfo;
}

function lorentzSignature(family: 'SO' | 'O' | 'SO+', args: readonly number[]): AnyGroup {
  const [p, q] = args;
  if (p === 1 && (q === 3 || q === 1)) return lorentz(`${family}(1,${q})` as LorentzName);
  const swapped = q === 1 && (p === 3 || p === 1);
  throw new SpecError('E_GROUP_ARGUMENT', `unsupported signature ${family}(${args.join(',')})`, {
    expected: '(1,3) or (1,1)',
    actual: `(${args.join(',')})`,
    ...(swapped ? { hint: `the time coordinate comes first: write ${family}(1,${p})` } : {}),
  });
}

function one(args: readonly number[]): number {
  return args[0]!;
}

const info = (name: string, pattern: string, description: string, example: string): BuiltinGroupInfo =>
  Object.freeze({ name, pattern, description, example });

/** Every built-in family, in catalogue order. */
export const GROUP_FAMILIES: readonly GroupFamily[] = Object.freeze(
  [
    {
      key: 'S',
      arities: [1],
      build: (a: readonly number[]) => symmetric(one(a)),
      info: info('S(n)', 'S(n) | Sn, 1 ≤ n ≤ 1000', 'symmetric group: permutation matrices on Rⁿ', 'S(5)'),
    },
    {
      key: 'A',
      arities: [1],
      build: (a: readonly number[]) => alternating(one(a)),
      info: info('A(n)', 'A(n) | An, 1 ≤ n ≤ 1000', 'alternating group: even permutations of Rⁿ (A(1), A(2) trivial)', 'A(5)'),
    },
    {
      key: 'Z',
      arities: [1],
      build: (a: readonly number[]) => cyclic(one(a)),
      info: info('Z(n)', 'Z(n) | Zn, 1 ≤ n ≤ 10000', 'cyclic group: the cyclic shift of Rⁿ', 'Z(8)'),
    },
    {
      key: 'C',
      arities: [1],
      build: (a: readonly number[]) => rotations(one(a)),
      info: info('C(k)', 'C(k) | Ck, k ≥ 1', 'rotations of the plane by 2π/k (exact over ℚ(cos 2π/k, sin 2π/k) up to degree 32)', 'C(6)'),
    },
    {
      key: 'D',
      arities: [1],
      build: (a: readonly number[]) => dihedral(one(a)),
      info: info('D(k)', 'D(k) | Dk, k ≥ 1', 'dihedral group of order 2k on the plane (exact over ℚ(cos 2π/k, sin 2π/k) up to degree 32)', 'D(6)'),
    },
    {
      key: 'SO',
      arities: [1, 2],
      build: (a: readonly number[]) => (a.length === 2 ? lorentzSignature('SO', a) : specialOrthogonal(one(a))),
      info: info('SO(n)', 'SO(n) | SOn, 1 ≤ n ≤ 100; SO(1,3), SO(1,1)', 'rotations of Rⁿ (Lie algebra)', 'SO(3)'),
    },
    {
      key: 'O',
      arities: [1, 2],
      build: (a: readonly number[]) => (a.length === 2 ? lorentzSignature('O', a) : orthogonal(one(a))),
      info: info('O(n)', 'O(n) | On, 1 ≤ n ≤ 100; O(1,3), O(1,1)', 'rotations and reflections of Rⁿ', 'O(3)'),
    },
    {
      key: 'Sp',
      arities: [1],
      build: (a: readonly number[]) => symplectic(one(a)),
      info: info('Sp(m)', 'Sp(m) | Spm, 1 ≤ m ≤ 50', 'symplectic group on R²ᵐ, J = [[0, I], [−I, 0]]', 'Sp(2)'),
    },
    {
      key: 'SL',
      arities: [1],
      build: (a: readonly number[]) => specialLinear(one(a)),
      info: info('SL(n)', 'SL(n) | SLn, 1 ≤ n ≤ 100', 'special linear group (Lie algebra)', 'SL(3)'),
    },
    {
      key: 'U',
      arities: [1],
      build: (a: readonly number[]) => unitary(one(a)) as unknown as AnyGroup,
      info: info('U(n)', 'U(n) | Un, 1 ≤ n ≤ 50', 'unitary group on ℂⁿ, exact over ℚ(i) (Lie algebra)', 'U(2)'),
    },
    {
      key: 'SU',
      arities: [1],
      build: (a: readonly number[]) => specialUnitary(one(a)) as unknown as AnyGroup,
      info: info('SU(n)', 'SU(n) | SUn, 1 ≤ n ≤ 50', 'special unitary group on ℂⁿ, exact over ℚ(i) (Lie algebra)', 'SU(3)'),
    },
    {
      key: 'GL',
      arities: [1],
      build: (a: readonly number[]) => generalLinear(one(a)),
      info: info('GL(n)', 'GL(n) | GLn, 1 ≤ n ≤ 100', 'general linear group, both components (Lie algebra and a reflection; EMLP GL is GL+(n))', 'GL(3)'),
    },
    {
      key: 'GL+',
      arities: [1],
      build: (a: readonly number[]) => generalLinearPlus(one(a)),
      info: info('GL+(n)', 'GL+(n), 1 ≤ n ≤ 100', 'matrices of positive determinant: the identity component of GL(n) (what EMLP calls GL)', 'GL+(3)'),
    },
    {
      key: 'SO+',
      arities: [2],
      build: (a: readonly number[]) => lorentzSignature('SO+', a),
      info: info('SO+(1,3)', 'SO+(1,3) | SO13p; SO+(1,1) | SO11p', 'proper orthochronous Lorentz group', 'SO+(1,3)'),
    },
    {
      key: 'Lorentz',
      arities: [0],
      build: () => lorentz('O(1,3)'),
      info: info('Lorentz', 'Lorentz = O(1,3)', 'full Lorentz group with parity and time reversal', 'Lorentz'),
    },
    {
      key: 'Trivial',
      arities: [1],
      build: (a: readonly number[]) => trivial(one(a)),
      info: info('Trivial(n)', 'Trivial(n), 1 ≤ n ≤ 10000', 'trivial group on Rⁿ: no constraints', 'Trivial(3)'),
    },
    {
      key: 'Cube',
      arities: [0],
      build: () => cube(),
      info: info('Cube', 'Cube', 'the 24 rotations of a cube acting on its 6 faces', 'Cube'),
    },
    {
      key: 'RubiksCube',
      arities: [0],
      build: () => rubiksCube(),
      info: info('RubiksCube', 'RubiksCube', "EMLP's 48-facelet Rubik's cube generators (order 24!²/2, see docs)", 'RubiksCube'),
    },
  ].map((f) => Object.freeze({ ...f, arities: Object.freeze(f.arities) })),
);

/** Exact spellings that stand for a family with fixed arguments (EMLP class names). */
export const GROUP_ALIASES: ReadonlyMap<string, string> = new Map([
  ['SO13p', 'SO+(1,3)'],
  ['SO11p', 'SO+(1,1)'],
]);

/**
 * EMLP class names that our `SOn` shorthand would silently read as something else (SO13 is
 * EMLP's SO(1,3) but reads as SO(13)); refused with a hint instead.
 */
export const AMBIGUOUS_NAMES: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['SO13', ['SO(13)', 'SO(1,3)']],
  ['O13', ['O(13)', 'O(1,3)']],
  ['SO11', ['SO(11)', 'SO(1,1)']],
  ['O11', ['O(11)', 'O(1,1)']],
]);

/**
 * The catalogue of built-in groups, in display order.
 *
 * @example
 * builtinGroups().map((g) => g.example) // ['S(5)', 'A(5)', 'Z(8)', …]
 */
export function builtinGroups(): readonly BuiltinGroupInfo[] {
  return Object.freeze(GROUP_FAMILIES.map((f) => f.info));
}
