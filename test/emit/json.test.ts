import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { basisJson, basisJsonText } from '../../src/emit/reports/json.js';
import { solveBasis, type SolveRequest } from '../../src/pipeline.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/basis.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function jsonOf(request: SolveRequest, flat?: boolean): Record<string, unknown> {
  const text = basisJsonText(solveBasis(request), flat === undefined ? {} : { flat });
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const ok = validate(parsed);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
  return parsed;
}

describe('basis JSON v1', () => {
  it('S5 tensor2: 15 elements of 0/1 entries, schema-valid, the generators actually used', () => {
    const j = jsonOf({ group: 'S5', in: 'tensor2' });
    expect(j['format']).toBe('solve-basis/basis@1');
    expect(j['dim']).toBe(15);
    expect(j['shape']).toEqual([25, 25]);
    expect(j['exact']).toBe(true);
    expect(j['in']).toEqual({ rep: 'V⊗V', dim: 25 });
    const basis = j['basis'] as { entries: [number, number, string][] }[];
    expect(basis).toHaveLength(15);
    const values = new Set(basis.flatMap((b) => b.entries.map((e) => e[2])));
    expect([...values]).toEqual(['1']);
    // Every one of the 625 weights belongs to exactly one orbit.
    expect(basis.reduce((s, b) => s + b.entries.length, 0)).toBe(625);
    const group = j['group'] as { generators: string[][][]; order: string };
    expect(group.generators).toHaveLength(4);
    expect(group.order).toBe('120');
  });

  it('float bases have numeric values and exact: false', () => {
    const j = jsonOf({ group: 'D(5)', in: 'V⊗V', out: 'scalar', strategy: 'float' });
    expect(j['exact']).toBe(false);
    const basis = j['basis'] as { entries: [number, number, number][] }[];
    expect(basis).toHaveLength(1);
    // The canonical (RREF) form of the invariant δ_ij: 1 at (0,0) and (0,3).
    expect(basis[0]!.entries.map((e) => e[1])).toEqual([0, 3]);
    expect(basis[0]!.entries[1]![2]).toBeCloseTo(1, 12);
  });

  it('multiplicities: the block form, never expanded unless asked', () => {
    const j = jsonOf({ group: 'S(6)', in: '100V⁰+100V+20V²' }, false);
    expect(j['dim']).toBe(84000);
    expect(j['basis']).toBeUndefined();
    const blocks = j['blocks'] as { in: { types: unknown[]; instances: unknown[] }; pairs: { dim: number }[] };
    expect(blocks.in.types).toEqual([
      { rep: 'scalar', dim: 1 },
      { rep: 'V', dim: 6 },
      { rep: 'V⊗V', dim: 36 },
    ]);
    expect(blocks.in.instances).toHaveLength(220);
    expect(blocks.pairs.map((p) => p.dim)).toEqual([1, 1, 2, 1, 2, 5, 2, 5, 15]);
  });

  it('small sums carry both the flat basis and the blocks; interleaved summands list indices', () => {
    const j = jsonOf({ group: 'SO(3)', in: 'V⊗(V+V*)', out: 'scalar' });
    expect(j['dim']).toBe(2);
    const blocks = j['blocks'] as { in: { instances: Record<string, unknown>[] } };
    expect(blocks.in.instances[1]).toEqual({ type: 1, indices: [3, 4, 5, 9, 10, 11, 15, 16, 17] });
    expect((j['basis'] as unknown[]).length).toBe(2);
  });

  it('an empty basis is valid JSON with dim 0', () => {
    const j = jsonOf({ group: 'SO(3)', in: 'V', out: 'scalar' });
    expect(j['dim']).toBe(0);
    expect(j['basis']).toEqual([]);
  });

  it('exact rationals are canonical strings', () => {
    const j = jsonOf({ group: 'Sp(1)', in: 'V⊗V', out: 'scalar' });
    const values = (j['basis'] as { entries: [number, number, string][] }[]).flatMap((b) => b.entries.map((e) => e[2]));
    for (const v of values) expect(v).toMatch(/^-?\d+(\/\d+)?$/);
  });
});

describe('determinism', () => {
  it('same input twice gives identical bytes', () => {
    for (const r of [
      { group: 'S5', in: 'tensor2' },
      { group: 'SO(3)', in: 'T(3)' },
      { group: 'D(5)', in: 'V⊗V', out: 'V⊗V' },
      { group: 'O(1,3)', in: 'T(2)' },
    ]) {
      expect(basisJsonText(solveBasis(r))).toBe(basisJsonText(solveBasis(r)));
    }
  });
  it('equivalent spellings give identical bytes', () => {
    const texts = ['V**2', 'V⊗V', 'tensor2', 'T(2,0)', 'V*V', 'V²'].map((s) => basisJsonText(solveBasis({ group: 'S(5)', in: s })));
    for (const t of texts) expect(t).toBe(texts[0]);
    const groups = ['S5', 'S(5)', 's(5)'].map((g) => basisJsonText(solveBasis({ group: g, in: 'V' })));
    for (const t of groups) expect(t).toBe(groups[0]);
  });
  it('the object form equals the parsed text', () => {
    const b = solveBasis({ group: 'S(3)', in: 'V+V⊗V' });
    expect(JSON.parse(basisJsonText(b))).toEqual(JSON.parse(JSON.stringify(basisJson(b))));
  });
});
