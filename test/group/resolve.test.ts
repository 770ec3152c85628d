import { describe, expect, it } from 'vitest';
import { SpecError, type ErrorCode } from '../../src/errors.js';
import { resolveGroup, splitProduct } from '../../src/group/resolve.js';
import { nearestNames } from '../../src/group/library/names.js';

function errorOf(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('expected a SpecError');
}

/** A reader for a virtual file system: missing files throw ENOENT like node:fs. */
function files(map: Record<string, string>): (path: string) => string {
  return (path) => {
    if (path in map) return map[path]!;
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  };
}

describe('resolveGroup: names', () => {
  it.each([
    ['S(5)', 'S(5)'],
    ['S5', 'S(5)'],
    ['s(5)', 'S(5)'],
    ['s5', 'S(5)'],
    ['  S( 5 )  ', 'S(5)'],
    ['A(4)', 'A(4)'],
    ['Z12', 'Z(12)'],
    ['C(4)', 'C(4)'],
    ['D6', 'D(6)'],
    ['SO(3)', 'SO(3)'],
    ['so3', 'SO(3)'],
    ['O(2)', 'O(2)'],
    ['Sp(2)', 'Sp(2)'],
    ['sp(2)', 'Sp(2)'],
    ['SL(3)', 'SL(3)'],
    ['gl(2)', 'GL(2)'],
    ['SO+(1,3)', 'SO+(1,3)'],
    ['SO+(1, 3)', 'SO+(1,3)'],
    ['SO13p', 'SO+(1,3)'],
    ['SO(1,3)', 'SO(1,3)'],
    ['O(1,3)', 'O(1,3)'],
    ['Lorentz', 'O(1,3)'],
    ['lorentz', 'O(1,3)'],
    ['SO+(1,1)', 'SO+(1,1)'],
    ['SO11p', 'SO+(1,1)'],
    ['SO(1,1)', 'SO(1,1)'],
    ['O(1,1)', 'O(1,1)'],
    ['Trivial(3)', 'Trivial(3)'],
    ['Cube', 'Cube'],
    ['Cube()', 'Cube'],
    ['cube', 'Cube'],
    ['RubiksCube', 'RubiksCube'],
    ['SO(3) x S(4)', 'SO(3) x S(4)'],
    ['SO(3)×S(4)', 'SO(3) x S(4)'],
    ['SO3 x S4 x Z2', 'SO(3) x S(4) x Z(2)'],
  ])('%s → %s', (spec, name) => {
    expect(resolveGroup(spec).name).toBe(name);
  });

  it('splits products only at top level', () => {
    expect(splitProduct('SO(3) x S(4)')).toEqual(['SO(3)', 'S(4)']);
    expect(splitProduct('A×B × C')).toEqual(['A', 'B', 'C']);
    expect(splitProduct('Sx(3)')).toEqual(['Sx(3)']);
  });
});

describe('resolveGroup: invalid specs', () => {
  it.each<[string, ErrorCode]>([
    ['S(0)', 'E_GROUP_ARGUMENT'],
    ['S(-1)', 'E_GROUP_ARGUMENT'],
    ['SO(0)', 'E_GROUP_ARGUMENT'],
    ['Z(0)', 'E_GROUP_ARGUMENT'],
    ['S(1.5)', 'E_GROUP_ARGUMENT'],
    ['S(five)', 'E_GROUP_ARGUMENT'],
    ['S(5', 'E_GROUP_ARGUMENT'],
    ['S()', 'E_GROUP_ARGUMENT'],
    ['S', 'E_GROUP_ARGUMENT'],
    ['S(2,3)', 'E_GROUP_ARGUMENT'],
    ['S((5))', 'E_GROUP_ARGUMENT'],
    ['S(100000)', 'E_GROUP_ARGUMENT'],
    ['S(99999999999999999999)', 'E_GROUP_ARGUMENT'],
    ['GL(1000)', 'E_GROUP_ARGUMENT'],
    ['Sp(0)', 'E_GROUP_ARGUMENT'],
    ['Cube(3)', 'E_GROUP_ARGUMENT'],
    ['Lorentz(4)', 'E_GROUP_ARGUMENT'],
    ['O(3,1)', 'E_GROUP_ARGUMENT'],
    ['O(2,2)', 'E_GROUP_ARGUMENT'],
    ['SO+(3)', 'E_GROUP_ARGUMENT'],
    ['U(0)', 'E_GROUP_ARGUMENT'],
    ['SU(51)', 'E_GROUP_ARGUMENT'],
    ['U(2) x D(5)', 'E_GROUP_ARGUMENT'],
    ['SE(3)', 'E_GROUP_UNKNOWN'],
    ['Foo', 'E_GROUP_UNKNOWN'],
    ['', 'E_GROUP_UNKNOWN'],
    ['S(3) x ', 'E_GROUP_UNKNOWN'],
    ['x S(3)', 'E_GROUP_UNKNOWN'],
    ['S(3) x x S(2)', 'E_GROUP_UNKNOWN'],
    ['SO13', 'E_GROUP_UNKNOWN'],
    ['O13', 'E_GROUP_UNKNOWN'],
    ['SO(3)xS(4)', 'E_GROUP_UNKNOWN'],
    ['S(3) * S(4)', 'E_GROUP_UNKNOWN'],
    ['S3*S4', 'E_GROUP_UNKNOWN'],
    ['missing.json', 'E_GROUP_FILE'],
    ['dir/missing', 'E_GROUP_FILE'],
  ])('%s → %s', (spec, code) => {
    const e = errorOf(() => resolveGroup(spec, { readFile: files({}) }));
    expect(e.code).toBe(code);
    expect(e.oneLine()).not.toMatch(/undefined/);
  });

  it('argument errors say what was expected and what was found', () => {
    const e = errorOf(() => resolveGroup('S(0)'));
    expect(e.expected).toBe('an integer 1 ≤ n ≤ 1000');
    expect(e.actual).toBe('0');
    const f = errorOf(() => resolveGroup('S()'));
    expect(f.expected).toBe('one integer argument');
    expect(f.actual).toBe('no argument');
    const g = errorOf(() => resolveGroup('S(1.5)'));
    expect(g.actual).toBe('"1.5"');
    expect(g.hint).toMatch(/S\(n\)/);
  });

  it("complex groups are exact over ℚ(i) with EMLP's generator counts", () => {
    expect(resolveGroup('U(2)').lie).toHaveLength(4);
    expect(resolveGroup('SU(3)').lie).toHaveLength(8);
    expect(resolveGroup('su(2)').field.complex).toBe(true);
    const product = resolveGroup('SU(2) x S(3)');
    expect(product.field.complex).toBe(true);
    expect(product.factors).toHaveLength(2);
  });

  it('unknown names get the nearest known names as a hint', () => {
    expect(errorOf(() => resolveGroup('SE(3)')).hint).toMatch(/did you mean S\(n\) or SO\(n\)/);
    expect(errorOf(() => resolveGroup('Lorenz')).hint).toMatch(/Lorentz/);
    expect(errorOf(() => resolveGroup('Cub')).hint).toMatch(/Cube/);
    expect(errorOf(() => resolveGroup('RubikCube')).hint).toMatch(/RubiksCube/);
    expect(errorOf(() => resolveGroup('GL-(3)')).hint).toMatch(/GL\(n\)/);
    expect(errorOf(() => resolveGroup('Trival(3)')).hint).toMatch(/Trivial\(n\)/);
    expect(errorOf(() => resolveGroup('SO13')).hint).toMatch(/SO\(13\) or SO\(1,3\)/);
    expect(errorOf(() => resolveGroup('SO(3)xS(4)')).hint).toMatch(/G1 x G2/);
  });

  it('nearestNames ranks by edit distance', () => {
    expect(nearestNames('Sq', ['S', 'SO', 'Sp', 'GL'])).toEqual(['S', 'SO', 'Sp']);
    expect(nearestNames('SOO', ['S', 'SO', 'Sp'])).toEqual(['SO']);
    expect(nearestNames('zzzzzz', ['S', 'SO'])).toEqual([]);
  });
});

describe('resolveGroup: files', () => {
  const swap = JSON.stringify({ name: 'Swap', dim: 2, generators: [[[0, 1], [1, 0]]] });

  it('loads .json specs through the injected reader, also inside products', () => {
    const readFile = files({ 'swap.json': swap, 'groups/flip': '{"dim": 1, "generators": [[[-1]]]}' });
    expect(resolveGroup('swap.json', { readFile }).name).toBe('Swap');
    expect(resolveGroup('S(3) x swap.json', { readFile }).name).toBe('S(3) x Swap');
    expect(resolveGroup('groups/flip', { readFile }).name).toBe('flip');
  });

  it('a bare name that is not built in may name an existing file', () => {
    expect(resolveGroup('mygroup', { readFile: files({ mygroup: swap }) }).name).toBe('Swap');
  });

  it('built-in names never touch the file system', () => {
    const readFile = (): string => {
      throw new Error('should not be called');
    };
    expect(resolveGroup('S(3) x Cube x lorentz', { readFile }).factors).toHaveLength(3);
  });

  it('reader failures other than a missing file are E_GROUP_FILE', () => {
    const readFile = (): string => {
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    };
    const e = errorOf(() => resolveGroup('dir.json', { readFile }));
    expect(e.code).toBe('E_GROUP_FILE');
    expect(e.message).toMatch(/is a directory/);
  });
});
