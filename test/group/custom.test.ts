import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SpecError, type ErrorCode } from '../../src/errors.js';
import { GroupFileError, customGroupFromJson, loadCustomGroup, parseCustomGroup } from '../../src/group/custom.js';
import { parseEntry } from '../../src/group/entries.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { rotations } from '../../src/group/library/index.js';
import { dense } from './helpers.js';
import type { Field } from '../../src/field/field.js';
import type { AnyGroup } from '../../src/group/group.js';
import { equalMatrices, identity, multiply, type SparseMatrix } from '../../src/linalg/sparse.js';

function errorOf(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('expected a SpecError');
}

const group = (obj: unknown) => customGroupFromJson(obj, 'test.json');

describe('entries', () => {
  it.each<[unknown, 'exact' | 'algebraic' | 'float', number]>([
    [3, 'exact', 3],
    [-2, 'exact', -2],
    [0.25, 'exact', 0.25],
    ['-1/2', 'exact', -0.5],
    [' 3 ', 'exact', 3],
    ['0.125', 'exact', 0.125],
    ['1e-3', 'exact', 0.001],
    ['(1/2)*3 - 1', 'exact', 0.5],
    ['2^-2', 'exact', 0.25],
    [0.30901699437494745, 'float', 0.30901699437494745],
    ['sqrt(3)/2', 'algebraic', Math.sqrt(3) / 2],
    ['cos(2*pi/5)', 'algebraic', Math.cos((2 * Math.PI) / 5)],
    ['-sin(2 pi / 5)', 'algebraic', -Math.sin((2 * Math.PI) / 5)],
    ['cos(2*pi*3/7)', 'algebraic', Math.cos((6 * Math.PI) / 7)],
    ['sin(tau/5)', 'algebraic', Math.sin((2 * Math.PI) / 5)],
    ['tan(pi/8)', 'algebraic', Math.tan(Math.PI / 8)],
    ['phi', 'algebraic', (1 + Math.sqrt(5)) / 2],
    ['1/(2*phi)', 'algebraic', 1 / (1 + Math.sqrt(5))],
    ['2^(1/2)', 'algebraic', Math.SQRT2],
    ['sqrt(7/3) - sqrt(12)', 'algebraic', Math.sqrt(7 / 3) - Math.sqrt(12)],
    ['abs(-sqrt(2))', 'algebraic', Math.SQRT2],
    ['cos(pi/3)', 'exact', 0.5],
    ['sin(tau/12)', 'exact', 0.5],
    ['sqrt(9/4)', 'exact', 1.5],
    ['(1+sqrt(5))/2 - phi', 'exact', 0],
    ['cos(1)', 'float', Math.cos(1)],
    ['exp(1)', 'float', Math.E],
    ['pi/4', 'float', Math.PI / 4],
    ['sqrt(2+sqrt(2))', 'float', Math.sqrt(2 + Math.SQRT2)],
  ])('%j → %s %d', (raw, kind, value) => {
    const e = parseEntry(raw);
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    expect(e.kind).toBe(kind);
    const number = e.kind === 'exact' ? Number(e.value.num) / Number(e.value.den) : e.kind === 'algebraic' ? e.float : e.value;
    expect(number).toBeCloseTo(value, 14);
  });

  it.each([
    ['cos(1)', /cos of 1 is transcendental/],
    ['exp(1)', /exp is not evaluated exactly/],
    ['pi/4', /π is transcendental/],
    ['e', /e is transcendental/],
    ['sqrt(2+sqrt(2))', /nested radicals/],
    ['sqrt(1009)', /conductor/],
  ])('%j falls back to float64 and says why (%s)', (raw, why) => {
    const e = parseEntry(raw);
    expect(e.ok && e.kind === 'float' ? e.note : '').toMatch(why);
  });

  it('exact rationals are exact', () => {
    expect(parseEntry('-1/2')).toEqual({ ok: true, kind: 'exact', value: { num: -1n, den: 2n } });
    expect(parseEntry(0.1)).toEqual({ ok: true, kind: 'exact', value: { num: 1n, den: 10n } });
  });

  it.each([
    ['1/0', /zero denominator/],
    ['3/(2-2)', /division by zero/],
    ['', /empty/],
    ['NaN', /finite/],
    ['Infinity', /finite/],
    ['1e400', /too large/],
    [Infinity, /finite/],
    ['sqrt(-1)', /not a real number/],
    ['sqrt(-3/4) + 1', /square root of the negative number -3\/4/],
    ['tan(pi/2)', /undefined/],
    ['sqrt(2)/(sqrt(8) - 2*sqrt(2))', /division by zero/],
    ['x + 1', /unknown name "x"/],
    ['f(x) = 1', /not allowed/],
    ['[1, 2]', /not allowed/],
    ['import("fs")', /not allowed/],
    ['3!', /not allowed/],
    ['1 +', /cannot parse/],
    ['1/0.0', /division by zero/],
    ['exp(1000)', /finite/],
    [true, /number or a string/],
    [null, /number or a string/],
    [[1], /number or a string/],
  ])('%j is rejected (%s)', (raw, why) => {
    const e = parseEntry(raw);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.message).toMatch(why);
  });
});

describe('custom group fixtures', () => {
  it('cube-rotations.json: exact 3×3 signed permutations, 90° about x and y', () => {
    const g = resolveGroup('fixtures/groups/cube-rotations.json');
    expect(g.name).toBe('CubeRotations');
    expect(g.field.kind).toBe('exact');
    expect(g.order).toBe(24n);
    expect(g.dim).toBe(3);
    const [rx, ry] = g.discrete.map((m) => dense(g, m));
    expect(rx).toEqual([[1, 0, 0], [0, 0, -1], [0, 1, 0]]);
    expect(ry).toEqual([[0, 0, 1], [0, 1, 0], [-1, 0, 0]]);
    expect(g.factors[0]!.discrete).toEqual(g.discrete);
  });

  it('c5-irrational.json: an exact group equal to C(5)', () => {
    const g = loadCustomGroup('fixtures/groups/c5-irrational.json');
    expect(g.field.kind).toBe('exact');
    expect(g.field.name).toBe('ℚ(2cos(2π/20))');
    expect(g.order).toBe(5n);
    const c5 = rotations(5);
    const json = (x: AnyGroup) => x.discrete[0]!.values.map((v) => JSON.stringify((x.field as Field<unknown>).toJSON(v)));
    expect(json(g)).toEqual(json(c5));
    // h⁵ = I exactly
    const f = g.field as Field<unknown>;
    const h = g.discrete[0] as SparseMatrix<unknown>;
    let p = h;
    for (let i = 0; i < 4; i++) p = multiply(f, p, h);
    expect(equalMatrices(f, p, identity(f, 2))).toBe(true);
  });

  it('the field comes from all entries: ℚ(√2, √3) for √2 and √3; a transcendental entry makes float64 with a warning', () => {
    const g = group({ dim: 2, generators: [[['sqrt(2)/2', '-sqrt(2)/2'], ['sqrt(2)/2', 'sqrt(2)/2']], [['1/2', '-sqrt(3)/2'], ['sqrt(3)/2', '1/2']]] });
    expect(g.field.name).toBe('ℚ(2cos(2π/24))');
    expect(g.warnings ?? []).toEqual([]);
    const h = group({ dim: 2, generators: [[['cos(1)', '-sin(1)'], ['sin(1)', 'cos(1)']]] });
    expect(h.field.kind).toBe('float');
    expect(h.warnings![0]).toMatch(/^entry \/generators\/0\/0\/0 is not exact — cos of 1 is transcendental.*\(and 3 more such entries\): the group is solved in float64$/);
    // Long decimals are what the user wrote: float64 without a warning about exactness.
    const d = group({ dim: 1, generators: [[[0.30901699437494745]]] });
    expect(d.field.kind).toBe('float');
    expect((d.warnings ?? []).some((w) => /not exact/.test(w))).toBe(false);
  });

  it.each<[string, ErrorCode, string | undefined]>([
    ['non-square.json', 'E_GROUP_SHAPE', '/generators/1/0'],
    ['singular.json', 'E_GROUP_SINGULAR', '/generators/1'],
    ['zero-denominator.json', 'E_GROUP_ENTRY', '/generators/0/0/0'],
    ['not-json.json', 'E_GROUP_JSON', undefined],
    ['many-problems.json', 'E_GROUP_SHAPE', '/generator'],
  ])('invalid/%s → %s at %s', (file, code, path) => {
    const e = errorOf(() => resolveGroup(`fixtures/invalid/groups/${file}`));
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.message).toContain(file);
  });

  it('not-json.json reports line and column', () => {
    expect(errorOf(() => loadCustomGroup('fixtures/invalid/groups/not-json.json')).message).toMatch(/line 4, column 3/);
  });

  it('collects every problem of a file before throwing', () => {
    const e = errorOf(() => loadCustomGroup('fixtures/invalid/groups/many-problems.json')) as GroupFileError;
    expect(e).toBeInstanceOf(GroupFileError);
    expect(e.count).toBe(5);
    expect(e.message).toMatch(/and 4 more problems/);
    expect(e.hint).toBe('did you mean "generators"?');
    expect(e.problems.map((p) => [p.code, p.path])).toEqual([
      ['E_GROUP_SHAPE', '/generator'],
      ['E_GROUP_ENTRY', '/generators/0/0/1'],
      ['E_GROUP_ENTRY', '/generators/1/1/1'],
      ['E_GROUP_SHAPE', '/generators/2'],
      ['E_GROUP_ENTRY', '/lieAlgebra/0/0/1'],
    ]);
  });
});

describe('custom group validation', () => {
  it.each<[string, unknown, ErrorCode, string | undefined]>([
    ['an array', [], 'E_GROUP_SHAPE', undefined],
    ['null', null, 'E_GROUP_SHAPE', undefined],
    ['missing dim', { generators: [] }, 'E_GROUP_SHAPE', '/dim'],
    ['dim 0', { dim: 0 }, 'E_GROUP_SHAPE', '/dim'],
    ['dim 1.5', { dim: 1.5 }, 'E_GROUP_SHAPE', '/dim'],
    ['dim as string', { dim: '2' }, 'E_GROUP_SHAPE', '/dim'],
    ['name not a string', { name: 3, dim: 1 }, 'E_GROUP_SHAPE', '/name'],
    ['generators not an array', { dim: 1, generators: {} }, 'E_GROUP_SHAPE', '/generators'],
    ['matrix not an array', { dim: 1, generators: [1] }, 'E_GROUP_SHAPE', '/generators/0'],
    ['row not an array', { dim: 1, generators: [[1]] }, 'E_GROUP_SHAPE', '/generators/0/0'],
    ['wrong dim', { dim: 2, generators: [[[1]]] }, 'E_GROUP_SHAPE', '/generators/0'],
    ['short row', { dim: 2, lieAlgebra: [[[0, 1], [0]]] }, 'E_GROUP_SHAPE', '/lieAlgebra/0/1'],
    ['bad entry text', { dim: 1, generators: [[['two']]] }, 'E_GROUP_ENTRY', '/generators/0/0/0'],
    ['1e400', { dim: 1, generators: [[[1e400]]] }, 'E_GROUP_ENTRY', '/generators/0/0/0'],
    ['singular exact', { dim: 2, generators: [[[1, 2], [2, 4]]] }, 'E_GROUP_SINGULAR', '/generators/0'],
    ['zero generator', { dim: 1, generators: [[[0]]] }, 'E_GROUP_SINGULAR', '/generators/0'],
    ['singular float', { dim: 2, generators: [[['sqrt(2)', 1], [2, 'sqrt(2)']]] }, 'E_GROUP_SINGULAR', '/generators/0'],
    ['bad order', { dim: 1, order: -1 }, 'E_GROUP_SHAPE', '/order'],
    ['unknown key', { dim: 1, lie_algebra: [] }, 'E_GROUP_SHAPE', '/lie_algebra'],
  ])('%s → %s at %s', (_, json, code, path) => {
    const e = errorOf(() => group(json));
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.oneLine()).toMatch(/^test\.json: /);
  });

  it('a singular Lie algebra element is fine; an empty group is the trivial group', () => {
    const g = group({ name: 'nil', dim: 2, lieAlgebra: [[[0, 1], [0, 0]]] });
    expect(g.lie).toHaveLength(1);
    const t = group({ dim: 3 });
    expect(t.name).toBe('test');
    expect(t.discrete).toHaveLength(0);
    expect(t.lie).toHaveLength(0);
  });

  it('any non-rational entry makes the whole group float; exact ones convert', () => {
    const g = group({ dim: 2, generators: [[[0, 1], [1, 0]]], lieAlgebra: [[[0, 'pi'], ['-pi', 0]]] });
    expect(g.field.kind).toBe('float');
    expect(dense(g, g.discrete[0]!)).toEqual([[0, 1], [1, 0]]);
    expect(g.discrete[0]!.values).toEqual([1, 1]);
  });

  it('large orders may be strings; convention is kept', () => {
    const g = group({ dim: 1, order: '43252003274489856000', convention: 'none really' });
    expect(g.order).toBe(43252003274489856000n);
    expect(g.convention).toBe('none really');
  });

  it('JSON errors are wrapped, never raw', () => {
    const e = errorOf(() => parseCustomGroup('{"dim": 1,', 'broken.json'));
    expect(e.code).toBe('E_GROUP_JSON');
    expect(e.message).toMatch(/^broken\.json is not valid JSON \(line 1, column 11\)/);
    expect(errorOf(() => parseCustomGroup('')).code).toBe('E_GROUP_JSON');
    expect(parseCustomGroup('\uFEFF{"dim": 1}').dim).toBe(1);
  });

  it('file problems are E_GROUP_FILE', () => {
    const e = errorOf(() => loadCustomGroup('fixtures/groups/nope.json'));
    expect(e.code).toBe('E_GROUP_FILE');
    expect(e.message).toMatch(/no such file/);
    expect(errorOf(() => loadCustomGroup('fixtures/groups')).code).toBe('E_GROUP_FILE');
  });

  it('the group is deeply frozen', () => {
    const g = JSON.parse(readFileSync('fixtures/groups/cube-rotations.json', 'utf8')) as unknown;
    const grp = group(g);
    expect(Object.isFrozen(grp)).toBe(true);
    expect(Object.isFrozen(grp.discrete)).toBe(true);
    expect(Object.isFrozen(grp.factors[0])).toBe(true);
  });
});

describe('a signed permutation matrix has finite order, whatever its order', () => {
  // Cycles of lengths 7, 11 and 13 on 31 points: order 1001, beyond the 1,000 powers the sanity
  // check tries, which used to warn "probably infinite" about a permutation matrix.
  const p = Array.from({ length: 31 }, (_, i) => (i < 7 ? (i + 1) % 7 : i < 18 ? 7 + ((i - 6) % 11) : 18 + ((i - 17) % 13)));
  const matrix = p.map((c) => Array.from({ length: 31 }, (_, j) => (j === c ? 1 : 0)));

  it.each([
    ['a permutation matrix', matrix],
    ['a signed permutation matrix', matrix.map((row, i) => (i === 0 ? row.map((v) => -v) : row))],
  ])('%s of order > 1000: no "infinite order" warning', (_, m) => {
    expect(group({ dim: 31, generators: [m] }).warnings).toBeUndefined();
  });

  it('a shear is still flagged', () => {
    expect(group({ dim: 2, generators: [[[1, 1], [0, 1]]] }).warnings).toHaveLength(1);
  });
});
