/**
 * Issue 9, defect 16: custom groups may give generators as permutations,
 * `"permutations": [[1, 0, 2, …], …]`, in the convention of the built-in permutation groups
 * (EMLP's `x ↦ x[p]`: the matrix with M[i, p[i]] = 1). They are stored as sparse permutation
 * matrices — never dense — so degrees far above the dense cap load fast and solve by orbits.
 */
import { describe, expect, it } from 'vitest';
import { SpecError, type ErrorCode } from '../../src/errors.js';
import type { Field } from '../../src/field/field.js';
import { isNumberField } from '../../src/field/number-field.js';
import { customGroupFromJson, GroupFileError, MAX_CUSTOM_DIM } from '../../src/group/custom.js';
import { MAX_PERMUTATION_DIM } from '../../src/group/permutations.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { basisJson } from '../../src/emit/index.js';
import { solveBasis } from '../../src/pipeline.js';
import { dense } from './helpers.js';

const group = (obj: unknown) => customGroupFromJson(obj, 'perms.json');

function errorOf(fn: () => unknown): GroupFileError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GroupFileError);
    return e as GroupFileError;
  }
  throw new Error('expected a GroupFileError');
}

/** The built-in S(n)'s generators, the transpositions (0 i), as image lists. */
const transpositions = (n: number): number[][] =>
  Array.from({ length: n - 1 }, (_, k) => Array.from({ length: n }, (_, j) => (j === 0 ? k + 1 : j === k + 1 ? 0 : j)));

describe('permutation generators: the convention of the built-in groups', () => {
  it('S(5) given by its transpositions is the built-in S(5): same matrices, same basis', () => {
    const file = group({ name: 'S5p', dim: 5, permutations: transpositions(5), order: 120 });
    const builtin = resolveGroup('S(5)');
    expect(file.field.kind).toBe('exact');
    expect(file.discrete).toEqual(builtin.discrete);
    for (const rep of ['V', 'V⊗V', 'V⊗V⊗V', 'V+Sym^2(V)']) {
      const a = basisJson(solveBasis({ group: file, in: rep, certify: true })) as Record<string, unknown>;
      const b = basisJson(solveBasis({ group: builtin, in: rep, certify: true })) as Record<string, unknown>;
      expect({ ...a, group: null }).toEqual({ ...b, group: null });
    }
  });

  it('fixtures/groups/s5-permutations.json is the built-in S(5)', () => {
    const g = resolveGroup('fixtures/groups/s5-permutations.json');
    expect(g.name).toBe('S5-by-permutations');
    expect(g.order).toBe(120n);
    expect(g.discrete).toEqual(resolveGroup('S5').discrete);
    expect(solveBasis({ group: g, in: 'V**2', certify: true }).dim).toBe(15);
  });

  it.each([
    // Cube and Z(n) have generators that are not involutions: these pin M[i, p[i]] = 1 down.
    ['Cube', 6, [[4, 1, 0, 3, 5, 2], [3, 0, 2, 5, 4, 1]]],
    ['Z(5)', 5, [[4, 0, 1, 2, 3]]],
    ['A(4)', 4, [[1, 2, 0, 3], [1, 3, 2, 0]]],
  ])('%s given by its permutations has exactly the built-in matrices', (name, dim, permutations) => {
    const builtin = resolveGroup(name);
    expect(group({ dim, permutations }).discrete).toEqual(builtin.discrete);
  });

  it('the matrix of p has M[i, p[i]] = 1: (M x)_i = x_{p[i]}', () => {
    const g = group({ dim: 3, permutations: [[1, 2, 0]] });
    expect(dense(g, g.discrete[0]!)).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });
});

describe('combined with dense generators and a Lie algebra', () => {
  it('dense generators come first, then the permutations, in file order', () => {
    const g = group({ dim: 2, generators: [[[-1, 0], [0, 1]]], permutations: [[1, 0]] });
    expect(g.discrete.map((m) => dense(g, m))).toEqual([
      [[-1, 0], [0, 1]],
      [[0, 1], [1, 0]],
    ]);
    expect(solveBasis({ group: g, in: 'V', certify: true }).dim).toBe(1);
  });

  it('an algebraic dense generator puts the whole group over its number field, permutations included', () => {
    const g = group({ dim: 2, generators: [[['cos(2*pi/3)', '-sin(2*pi/3)'], ['sin(2*pi/3)', 'cos(2*pi/3)']]], permutations: [[1, 0]] });
    const f = g.field as Field<unknown>;
    expect(isNumberField(f)).toBe(true);
    expect(f.name).toBe('ℚ(√3)');
    expect(g.discrete[1]!.values.every((v) => f.eq(v, f.one))).toBe(true);
    expect(solveBasis({ group: g, in: 'V', certify: true }).dim).toBe(1); // D(3) on R²: scalars only
  });

  it('a decimal dense generator makes the whole group float, permutations included', () => {
    const s = 0.8660254037844386;
    const g = group({ dim: 2, generators: [[[-0.5, -s], [s, -0.5]]], permutations: [[1, 0]] });
    expect(g.field.kind).toBe('float');
    expect(g.discrete[1]!.values).toEqual([1, 1]);
    expect(solveBasis({ group: g, in: 'V', certify: true }).dim).toBe(1);
  });

  it('a Lie algebra of the same dim is allowed', () => {
    const g = group({ dim: 3, permutations: [[1, 0, 2]], lieAlgebra: [[[0, 0, 0], [0, 0, -1], [0, 1, 0]]] });
    expect(g.discrete).toHaveLength(1);
    expect(g.lie).toHaveLength(1);
    expect(solveBasis({ group: g, in: 'V' }).dim).toBeGreaterThan(0);
  });

  it('the dense cap does not apply to permutations, and does to dense matrices', () => {
    const n = MAX_CUSTOM_DIM + 1;
    const shift = Array.from({ length: n }, (_, i) => (i + n - 1) % n);
    expect(group({ dim: n, permutations: [shift] }).dim).toBe(n);
    const e = errorOf(() => group({ dim: n, permutations: [shift], lieAlgebra: [[[0]]] }));
    expect(e.code).toBe('E_GROUP_SHAPE');
    expect(e.path).toBe('/dim');
    expect(e.hint).toMatch(/permutations/);
  });
});

describe('permutation validation: every problem, with a JSON pointer', () => {
  it.each<[string, ErrorCode, string, unknown, RegExp]>([
    ['not an array', 'E_GROUP_SHAPE', '/permutations', { dim: 2, permutations: {} }, /array of permutations/],
    ['a permutation not an array', 'E_GROUP_SHAPE', '/permutations/0', { dim: 2, permutations: [3] }, /array of 2 images/],
    ['a matrix instead of a permutation', 'E_GROUP_ENTRY', '/permutations/0/0', { dim: 2, permutations: [[[0, 1], [1, 0]]] }, /integer/],
    ['too short', 'E_GROUP_SHAPE', '/permutations/0', { dim: 3, permutations: [[0, 1]] }, /2 images, dim is 3/],
    ['too long', 'E_GROUP_SHAPE', '/permutations/1', { dim: 2, permutations: [[0, 1], [1, 0, 2]] }, /3 images, dim is 2/],
    ['out of range', 'E_GROUP_ENTRY', '/permutations/0/1', { dim: 3, permutations: [[0, 3, 1]] }, /out of range/],
    ['negative', 'E_GROUP_ENTRY', '/permutations/0/1', { dim: 3, permutations: [[0, -1, 1]] }, /out of range/],
    ['non-integer', 'E_GROUP_ENTRY', '/permutations/0/1', { dim: 3, permutations: [[0, 1.5, 2]] }, /integer/],
    ['a string', 'E_GROUP_ENTRY', '/permutations/0/1', { dim: 3, permutations: [[0, '1', 2]] }, /integer/],
    ['null', 'E_GROUP_ENTRY', '/permutations/0/1', { dim: 3, permutations: [[0, null, 2]] }, /integer/],
    ['duplicate image', 'E_GROUP_ENTRY', '/permutations/0/7', { dim: 8, permutations: [[0, 1, 2, 3, 4, 5, 6, 2]] }, /image 2 appears twice.*7 is missing/],
    ['1-based', 'E_GROUP_ENTRY', '/permutations/0/2', { dim: 3, permutations: [[1, 2, 3]] }, /0-based/],
  ])('%s → %s at %s', (_, code, path, json, message) => {
    const e = errorOf(() => group(json));
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
    expect(e.oneLine()).toMatch(/^perms\.json: /);
    expect(e.expected).toBeDefined();
    expect(e.actual).toBeDefined();
  });

  it('the duplicate is reported where it repeats, with where it was first', () => {
    const e = errorOf(() => group({ dim: 10, permutations: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 0, 2, 3, 4, 5, 6, 3, 8, 9]] }));
    expect(e.path).toBe('/permutations/1/7');
    expect(e.actual).toBe('3 (also at /permutations/1/3)');
  });

  it('collects the problems of several permutations before throwing', () => {
    const e = errorOf(() => group({ dim: 3, permutations: [[0, 0, 1], [0, 1], [2, 'x', 0]] }));
    expect(e.problems.map((p) => [p.code, p.path])).toEqual([
      ['E_GROUP_ENTRY', '/permutations/0/1'],
      ['E_GROUP_SHAPE', '/permutations/1'],
      ['E_GROUP_ENTRY', '/permutations/2/1'],
    ]);
  });

  it(`dim may go up to ${MAX_PERMUTATION_DIM.toLocaleString('en-US')} with permutations only`, () => {
    const e = errorOf(() => group({ dim: MAX_PERMUTATION_DIM + 1, permutations: [] }));
    expect(e.code).toBe('E_GROUP_SHAPE');
    expect(e.path).toBe('/dim');
  });

  it('the group is deeply frozen', () => {
    const g = group({ dim: 3, permutations: [[1, 2, 0]] });
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.discrete)).toBe(true);
    expect(Object.isFrozen(g.discrete[0])).toBe(true);
  });
});

describe('a permutation has finite order, whatever its order', () => {
  // Cycles of lengths 7, 11 and 13 on 31 points: order 1001, beyond the 1,000 powers the sanity
  // check tries (dense matrices of the same are tested in custom.test.ts).
  const p = Array.from({ length: 31 }, (_, i) => (i < 7 ? (i + 1) % 7 : i < 18 ? 7 + ((i - 6) % 11) : 18 + ((i - 17) % 13)));

  it('given as "permutations": no "infinite order" warning', () => {
    expect(group({ dim: 31, permutations: [p] }).warnings).toBeUndefined();
  });
});

describe('SpecError contract', () => {
  it('a GroupFileError is a SpecError', () => {
    expect(errorOf(() => group({ dim: 2, permutations: [[0, 0]] }))).toBeInstanceOf(SpecError);
  });
});

describe('dim above the dense cap', () => {
  it.each<[string, string, unknown]>([
    ['dense generators', '/dim', { dim: 20_000, generators: [[[1]]] }],
    ['"generators" that is not an array: its own shape problem', '/generators', { dim: 20_000, generators: {} }],
    ['an empty "generators" is no dense matrix', '/permutations/0', { dim: 20_000, generators: [], permutations: [[0]] }],
  ])('%s → first problem at %s', (_, path, json) => {
    expect(errorOf(() => group(json)).path).toBe(path);
  });
});
