/**
 * Issue 9, defect 16: permutation groups far beyond the dense cap of 10,000 load fast and solve by
 * orbit sums, because their generators are stored as sparse permutation matrices (one entry per
 * row). Times here are generous bounds for a loaded 2-core machine; the report has measurements.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { basisJsonText } from '../../src/emit/index.js';
import { customGroupFromJson, parseCustomGroup } from '../../src/group/custom.js';
import { RationalField } from '../../src/field/field.js';
import type { ExactGroup, Group } from '../../src/group/group.js';
import { generatorImages } from '../../src/group/permutations.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { solveBasis } from '../../src/pipeline.js';
import { typed } from '../fuzz/typed.js';

/** EMLP's Z(n) generator as image list: roll by one, M[i, (i − 1) mod n] = 1. */
const shift = (n: number): number[] => Array.from({ length: n }, (_, i) => (i + n - 1) % n);

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('a cyclic shift on 1,000,000 points', () => {
  const n = 1_000_000;
  const text = JSON.stringify({ name: 'Z1e6', dim: n, permutations: [shift(n)], order: n });
  const load = timed(() => parseCustomGroup(text, 'z1e6.json'));
  const g = load.value;

  it('loads in well under the time a dense matrix would take, stored with one entry per row', () => {
    expect(load.ms).toBeLessThan(5_000);
    expect(g.dim).toBe(n);
    expect(g.discrete[0]!.colIdx.length).toBe(n);
    expect(g.discrete[0]!.values.length).toBe(n);
  });

  it.each([
    ['V', 'scalar', 1],
    ['scalar', 'V', 1],
  ])('%s → %s: dimension %i, by orbit sums', (inRep, outRep, dim) => {
    const b = solveBasis({ group: g, in: inRep, out: outRep });
    expect(b.dim).toBe(dim);
    expect(b.blocks.map((x) => x.strategy)).toEqual(['orbit']);
  });
});

describe('a cyclic shift on 100,000 points', () => {
  const n = 100_000;
  const g = parseCustomGroup(JSON.stringify({ dim: n, permutations: [shift(n)] }), 'z1e5.json');

  it('V+scalar → scalar has dimension 2 (the sum of coordinates, and the scalar)', () => {
    const b = solveBasis({ group: g, in: 'V+scalar', out: 'scalar' });
    expect(b.dim).toBe(2);
    expect(b.blocks.every((x) => x.strategy === 'orbit')).toBe(true);
  });

  it('V → V (10^10 weights, a 100,000-dimensional space of circulants) is refused by the memory guard, at once', () => {
    const r = timed(() => typed(() => solveBasis({ group: g, in: 'V' })));
    expect(r.value.ok ? 'solved' : r.value.error.code).toBe('E_TOO_LARGE');
    expect(r.ms).toBeLessThan(2_000);
  });
});

describe('smaller permutation groups solve V → V', () => {
  it('the cyclic shift on 2,000 points: Hom(V, V) is the 2,000 circulant matrices', () => {
    const n = 2_000;
    const g = parseCustomGroup(JSON.stringify({ dim: n, permutations: [shift(n)] }));
    const b = solveBasis({ group: g, in: 'V' });
    expect(b.dim).toBe(n);
    // Circulant: W[i, j] depends on (i − j) mod n only.
    const first = b.blocks[0]!.elements;
    const cols = Array.from(first.colIdx.subarray(first.rowPtr[1]!, first.rowPtr[2]!));
    expect(cols.map((x) => (Math.floor(x / n) - (x % n) + n) % n).every((d, _, all) => d === all[0])).toBe(true);
  });

  it('S(20000) from a 20,000-cycle and a transposition: invariants and equivariant vectors', () => {
    const n = 20_000;
    const cycle = Array.from({ length: n }, (_, i) => (i + 1) % n);
    const swap = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : i));
    const g = parseCustomGroup(JSON.stringify({ name: 'S20000', dim: n, permutations: [cycle, swap] }));
    expect(solveBasis({ group: g, in: 'V', out: 'scalar' }).dim).toBe(1);
    expect(solveBasis({ group: g, in: 'scalar', out: '2V' }).dim).toBe(2);
    expect(solveBasis({ group: g, in: 'V+V', out: 'scalar' }).dim).toBe(2);
  });
});

describe('the basis JSON of a large permutation group', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schema/basis.schema.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('records the generators as 0-based image lists, not as dense 100,000 × 100,000 matrices', () => {
    const n = 100_000;
    const g = parseCustomGroup(JSON.stringify({ name: 'Z1e5', dim: n, permutations: [shift(n)] }), 'z1e5.json');
    const r = timed(() => basisJsonText(solveBasis({ group: g, in: 'V', out: 'scalar' })));
    expect(r.ms).toBeLessThan(10_000);
    const j = JSON.parse(r.value) as { group: Record<string, unknown> };
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j.group.generators).toBeUndefined();
    expect(j.group.permutations).toEqual([shift(n)]);
  });

  it('small permutation groups keep the dense matrices, as before (byte-identical to the built-in group)', () => {
    const file = parseCustomGroup(JSON.stringify({ name: 'S(5)', dim: 5, order: 120, permutations: [1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].map((j) => (j === 0 ? i : j === i ? 0 : j))) }));
    const a = basisJsonText(solveBasis({ group: file, in: 'V⊗V' }));
    expect(a).toBe(basisJsonText(solveBasis({ group: 'S(5)', in: 'V⊗V' })));
    expect(validate(JSON.parse(a))).toBe(true);
  });
});

describe('generatorImages: when a basis file lists images instead of matrices', () => {
  it.each([
    ['S(5)', null],
    ['Z(10000)', null], // 10^8 dense entries: written densely, as it always was
    ['S(464)', null], // 463 × 464² = 99,682,048 dense entries
    ['S(465)', 464], // 464 × 465² = 100,328,400
    ['S(1000)', 999],
    ['SO(3)', null],
    ['Trivial(10000)', null],
  ])('%s → %s image lists', (name, count) => {
    const images = generatorImages(resolveGroup(name) as Group<unknown>);
    expect(images === null ? null : images.length).toBe(count);
  });

  it('a large group with a generator that is not a permutation keeps dense matrices', () => {
    const g = customGroupFromJson({ dim: 10_001, permutations: [shift(10_001)] }) as ExactGroup;
    const shiftMatrix = g.discrete[0]!;
    const signed = Object.freeze({ ...shiftMatrix, values: Object.freeze(shiftMatrix.values.map((v, i) => (i === 0 ? RationalField.neg(v) : v))) });
    expect(generatorImages({ ...g, discrete: [shiftMatrix, signed] })).toBeNull();
  });

  it('images follow the file convention: a group file read back gives its own images', () => {
    const g = customGroupFromJson({ dim: 10_001, permutations: [shift(10_001)] });
    expect(generatorImages(g as Group<unknown>)![0]).toEqual(shift(10_001));
  });
});

describe('--certify on a large permutation group', () => {
  it('D(100000) by two reflections (order 200,000, unknown to the file): not certified after a few seconds, instead of enumerating for ever', () => {
    const n = 100_000;
    const r1 = Array.from({ length: n }, (_, i) => (n - i) % n);
    const r2 = Array.from({ length: n }, (_, i) => (n + 1 - i) % n);
    const g = parseCustomGroup(JSON.stringify({ name: 'D100000', dim: n, permutations: [r1, r2] }));
    const r = timed(() => solveBasis({ group: g, in: 'V', out: 'scalar', certify: true }));
    expect(r.value.dim).toBe(1);
    expect(r.value.certificate).toMatchObject({ certified: false, method: 'none' });
    expect(r.ms).toBeLessThan(30_000); // ~5 s: it stops at 5,000,000 enumerated matrix entries
  });
});
