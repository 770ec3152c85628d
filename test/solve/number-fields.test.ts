/**
 * Issue 12, the spec for groups over number fields: C(k) and D(k) (k ≤ 12) and custom groups with
 * √ / cos / sin entries are solved exactly; the answer agrees with the float path on span, has the
 * dimension of the character formula (computed independently here, and in the field by
 * --certify), is rational for C(k), D(k) on reps of V, and is written deterministically.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { numberFieldOf } from '../../src/basis.js';
import { basisJsonText } from '../../src/emit/reports/json.js';
import { summaryText } from '../../src/emit/reports/summary.js';
import type { Field } from '../../src/field/field.js';
import { isNumberField } from '../../src/field/number-field.js';
import { customGroupFromJson, loadCustomGroup } from '../../src/group/custom.js';
import type { AnyGroup } from '../../src/group/group.js';
import { solveBasis, type SolveRequest } from '../../src/pipeline.js';
import { parseRep } from '../../src/rep/parse.js';
import { characterFormulaDim } from '../helpers/characters.js';
import { assertEquivariant } from '../helpers/equivariance.js';
import type { Group } from '../../src/group/group.js';
import { RepMatrixCache } from '../../src/rep/matrices.js';
import { verifyBlock } from '../../src/verify/index.js';
import { denseBasis, expectSameSpace } from '../helpers/span.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/basis.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);


const tensor = (k: number): string => (k === 0 ? 'scalar' : k === 1 ? 'V' : `V**${k}`);
const planar = [...Array.from({ length: 12 }, (_, i) => `C(${i + 1})`), ...Array.from({ length: 12 }, (_, i) => `D(${i + 1})`)];
const orders: [number, number][] = [];
for (let p = 0; p <= 4; p++) for (let q = 0; p + q <= 4; q++) orders.push([p, q]);

describe('C(k), D(k), k ≤ 12: exact ≡ float, the character formula, a rational basis', () => {
  it.each(planar)('%s, T(p) → T(q) for p + q ≤ 4', (group) => {
    for (const [p, q] of orders) {
      const request: SolveRequest = { group, in: tensor(p), out: tensor(q) };
      const exact = solveBasis({ ...request, certify: true });
      const float = solveBasis({ ...request, strategy: 'float' });
      expect(exact.exact).toBe(true);
      expect(float.exact).toBe(false);
      expectSameSpace(exact, float);
      expect(exact.dim, `${group} ${tensor(p)} → ${tensor(q)}`).toBe(characterFormulaDim(exact.group as AnyGroup, exact.inRep, exact.outRep));
      expect(exact.certificate).toMatchObject({ certified: true, method: 'character-formula', characterDim: exact.dim });
      const nf = numberFieldOf(exact);
      if (nf) expect(nf.basisRational).toBe(true);
      else expect(['C(1)', 'C(2)', 'C(4)', 'D(1)', 'D(2)', 'D(4)']).toContain(group);
    }
  });

  it('larger reps: T(2) ⊕ V → Sym²(V) ⊕ T(3) and duals, with multiplicities', () => {
    for (const group of ['C(5)', 'D(7)', 'D(12)']) {
      const exact = solveBasis({ group, in: '2V+V⊗V*', out: 'Sym^2(V)+V**3', certify: true });
      expect(exact.certificate?.certified).toBe(true);
      expectSameSpace(exact, solveBasis({ group, in: '2V+V⊗V*', out: 'Sym^2(V)+V**3', strategy: 'float' }));
      assertEquivariant(exact);
    }
  });
});

describe('custom groups over number fields', () => {
  it('the icosahedral rotations in ℚ(√5): T(3) → T(3) is irrational, T(4) → scalar rational, both certified', () => {
    const g = loadCustomGroup('fixtures/groups/icosahedral-rotations.json');
    expect(g.field.name).toBe('ℚ(√5)');
    const t3 = solveBasis({ group: g, in: 'T(3)', out: 'T(3)', certify: true });
    expect(t3.dim).toBe(16);
    expect(t3.certificate).toMatchObject({ certified: true, groupOrder: '60', characterDim: 16 });
    expect(numberFieldOf(t3)!.basisRational).toBe(false);
    expect(t3.blocks[0]!.diagnostics.method).toMatch(/all 2 embeddings/);
    assertEquivariant(t3);
    expectSameSpace(t3, solveBasis({ group: g, in: 'T(3)', out: 'T(3)', strategy: 'float' }));
    const t4 = solveBasis({ group: g, in: 'T(4)', out: 'scalar', certify: true });
    expect(t4.dim).toBe(3);
    expect(numberFieldOf(t4)!.basisRational).toBe(true);
    expect(t4.certificate?.certified).toBe(true);
  });

  it('the hexagonal D6 from a file equals the built-in D(6)', () => {
    const file = loadCustomGroup('fixtures/groups/hexagonal-d6.json');
    for (const [i, o] of [['V**2', 'V**2'], ['Sym^2(Sym^2(V))', 'scalar'], ['V**3', 'V']]) {
      const a = solveBasis({ group: file, in: i!, out: o!, certify: true });
      const b = solveBasis({ group: 'D(6)', in: i!, out: o! });
      expect(a.dim).toBe(b.dim);
      expect(a.certificate?.certified).toBe(true);
      expect(numberFieldOf(a)!.basisRational).toBe(true);
    }
  });

  it('√2 and √3 together: ℚ(√2, √3), and products of number-field groups', () => {
    const g = customGroupFromJson({ dim: 2, generators: [[['sqrt(2)/2', '-sqrt(2)/2'], ['sqrt(2)/2', 'sqrt(2)/2']], [['1/2', '-sqrt(3)/2'], ['sqrt(3)/2', '1/2']]] });
    expect(isNumberField(g.field as Field<unknown>)).toBe(true);
    // ⟨rotations by 45° and 60°⟩ = rotations by 15°: C(24).
    const b = solveBasis({ group: g, in: 'V**2', out: 'V**2', certify: true });
    expect(b.dim).toBe(solveBasis({ group: 'C(24)', in: 'V**2', out: 'V**2' }).dim);
    expect(b.certificate?.groupOrder).toBe('24');
    const p = solveBasis({ group: 'C(8) x D(3)', in: 'V1⊗V2', out: 'V1⊗V2', certify: true });
    expect(p.certificate?.certified).toBe(true);
    expectSameSpace(p, solveBasis({ group: 'C(8) x D(3)', in: 'V1⊗V2', out: 'V1⊗V2', strategy: 'float' }));
  });

  it('a Lie algebra over a number field: exact, certified by closure and random elements', () => {
    // so(2) written with a √3-scaled generator: the same Lie group.
    const g = customGroupFromJson({ dim: 2, lieAlgebra: [[[0, '-sqrt(3)'], ['sqrt(3)', 0]]] });
    const b = solveBasis({ group: g, in: 'V**2', out: 'scalar', certify: true });
    expect(b.dim).toBe(solveBasis({ group: 'SO(2)', in: 'V**2', out: 'scalar' }).dim);
    expect(b.certificate).toMatchObject({ certified: true, method: 'lie' });
  });
});

describe('balancing and verification', () => {
  it('Hom(scalar, V^8) is solved as Hom(V*^4, V^4): the same unknowns, the same basis', () => {
    for (const group of ['C(3)', 'D(8)']) {
      const b = solveBasis({ group, in: 'scalar', out: 'V^8', certify: true });
      expect(b.blocks[0]!.reason).toMatch(/solved as Hom\(V\*\^4 → V\^4\)/);
      expect(b.shape).toEqual([256, 1]);
      expect(b.certificate?.certified).toBe(true);
      assertEquivariant(b);
      expectSameSpace(b, solveBasis({ group, in: 'scalar', out: 'V^8', strategy: 'float' }));
    }
  });

  it('the exact check in the field rejects a tampered basis', () => {
    const b = solveBasis({ group: 'C(6)', in: 'V⊗V', out: 'V⊗V' });
    const block = b.blocks[0]!;
    const f = b.field as Field<unknown>;
    const values = [...block.elements.values];
    values[1] = f.add(values[1]!, f.one);
    const tampered = { ...block.elements, values };
    const cache = new RepMatrixCache(b.group as Group<unknown>);
    expect(() => verifyBlock(cache, b.outRep, b.inRep, { ...block, elements: tampered })).toThrow(/not equivariant/);
    expect(verifyBlock(cache, b.outRep, b.inRep, block).mode).toBe('exact');
  });
});

describe('output', () => {
  it('JSON: schema-valid, names the field, rational strings for C(k); deterministic', () => {
    const text = basisJsonText(solveBasis({ group: 'D(5)', in: 'V**2', out: 'V**2' }));
    expect(basisJsonText(solveBasis({ group: 'D(5)', in: 'V⊗V', out: 'tensor2' }))).toBe(text);
    const j = JSON.parse(text) as Record<string, unknown>;
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j['exact']).toBe(true);
    expect(j['field']).toMatchObject({ name: 'ℚ(2cos(2π/20))', generator: '2*cos(2*pi/20)', minimalPolynomial: ['5', '0', '-5', '0', '1'], basisRational: true });
    const values = (j['basis'] as { entries: [number, number, unknown][] }[]).flatMap((b) => b.entries.map((e) => e[2]));
    expect(values.every((v) => typeof v === 'string')).toBe(true);
    const gens = (j['group'] as { generators: unknown[][][] }).generators;
    expect(gens[0]![0]![0]).toEqual({ coefficients: ['-3/2', '0', '1/2', '0'], float: 0.30901699437494745 });
  });

  it('JSON: algebraic basis values with their floats; schema-valid', () => {
    const g = customGroupFromJson({ name: 'scaled-swap', dim: 2, generators: [[[0, 'sqrt(2)'], ['1/sqrt(2)', 0]]] });
    const j = JSON.parse(basisJsonText(solveBasis({ group: g, in: 'V', out: 'scalar' }))) as Record<string, unknown>;
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j['field']).toMatchObject({ name: 'ℚ(√2)', minimalPolynomial: ['-2', '0', '1'], basisRational: false });
    expect((j['basis'] as { entries: unknown[][] }[])[0]!.entries).toEqual([[0, 0, '1'], [0, 1, { coefficients: ['0', '1'], float: Math.SQRT2 }]]);
  });

  it('the summary names the field', () => {
    expect(summaryText(solveBasis({ group: 'C(6)', in: 'V' }))).toMatch(/acting on V = ℚ\(√3\)\^2[\s\S]*exact, rational \(the generators are over ℚ\(√3\), θ = sqrt\(3\)\)/);
    const g = loadCustomGroup('fixtures/groups/icosahedral-rotations.json');
    expect(summaryText(solveBasis({ group: g, in: 'V**3', out: 'V**3' }))).toMatch(/exact over ℚ\(√5\) \(θ = sqrt\(5\), x\^2 - 5 = 0\)/);
  });

  it('generated layers take the float values', () => {
    const b = solveBasis({ group: loadCustomGroup('fixtures/groups/icosahedral-rotations.json'), in: 'V**3', out: 'V**3' });
    const d = denseBasis(b);
    expect(d.flat().every(Number.isFinite)).toBe(true);
    expect(parseRep('V**3')).toEqual(b.inRep);
  });
});
