/**
 * The speed hints of the algebraic strategy (issue 12): the nullity from the character formula
 * (GroupFacts.homDimension) and the split by a diagonal sign symmetry (solve/parity.ts). Neither
 * may change the answer: the canonical basis must be byte-identical to a plain elimination of all
 * constraint rows over all unknowns.
 */
import { describe, expect, it } from 'vitest';
import { assembleAlgebraic } from '../../src/constraints/assemble-algebraic.js';
import type { Algebraic, NumberField } from '../../src/field/number-field.js';
import { toFloatGroup } from '../../src/group/convert.js';
import type { Group } from '../../src/group/group.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { nullspaceAlgebraic, toDense } from '../../src/linalg/index.js';
import { fromDense } from '../../src/linalg/sparse.js';
import { solveBasis } from '../../src/pipeline.js';
import { RepMatrixCache } from '../../src/rep/matrices.js';
import { parseRep } from '../../src/rep/parse.js';
import { GroupFacts } from '../../src/solve/facts.js';
import { mergeHalves } from '../../src/solve/parity.js';
import { RationalField } from '../../src/field/field.js';
import { rat, type Rational } from '../../src/field/rational.js';
import { characterFormulaDim } from '../helpers/characters.js';
import { customGroupFromJson } from '../../src/group/custom.js';
import { assembleConstraints } from '../../src/constraints/assemble.js';
import { nullspaceExact } from '../../src/linalg/index.js';

const rep = (text: string) => parseRep(text, { factors: 1, path: 'in' });
const facts = (name: string) => new GroupFacts(resolveGroup(name) as Group<unknown>);

describe('GroupFacts: characters and parity of small finite groups', () => {
  it('dim Hom by the character formula, exactly in the field', () => {
    const cases: [string, string, string, number][] = [
      ['D(5)', 'V**6', 'V**6', 474],
      ['C(6)', 'V**5', 'V**5', 342],
      ['C(3)', 'scalar', 'V**10', 342],
      ['D(8)', 'scalar', 'V**10', 136],
      ['C(5)', 'V', 'V⊗V', 0],
    ];
    for (const [g, a, b, dim] of cases) {
      const group = resolveGroup(g);
      expect(new GroupFacts(group as Group<unknown>).homDimension(rep(a), rep(b)), `${g} ${a} → ${b}`).toBe(dim);
      expect(characterFormulaDim(group, rep(a), rep(b))).toBe(dim);
    }
  });

  it('no hint for Lie groups, float groups, or groups above the enumeration cap', () => {
    expect(facts('SO(3)').homDimension(rep('V'), rep('V'))).toBeNull();
    expect(new GroupFacts(toFloatGroup(resolveGroup('C(6)')) as Group<unknown>).homDimension(rep('V'), rep('V'))).toBeNull();
    expect(facts('S(8)').homDimension(rep('V'), rep('V'))).toBeNull();
  });

  it('C(k) has the reflection diag(1, −1) as parity; D(k) and Lie groups have none', () => {
    for (const k of [3, 5, 6, 8]) {
      const ck = facts(`C(${k})`);
      const s = ck.parity()!;
      // The first diagonal sign matrix that normalises C(k) without being in it: a reflection.
      expect(toDense(ck.group.field, s.sigma).map((r) => r.map((v) => ck.group.field.toNumber(v)))).toEqual([[-1, 0], [0, 1]]);
      // The +1 part is what ⟨C(k), σ⟩, a dihedral group of order 2k, fixes.
      expect(ck.parityDimension(rep('V**3'), rep('V**3'))).toBe(facts(`D(${k})`).homDimension(rep('V**3'), rep('V**3')));
    }
    expect(facts('C(6)').parityDimension(rep('V**5'), rep('V**5'))).toBe(171);
    expect(facts('D(5)').parity()).toBeNull();
    expect(facts('SO(2)').parity()).toBeNull();
  });
});

describe('the hinted and split solve equals a plain elimination', () => {
  /** RREF of all constraint rows over all m·n unknowns, no pre-reduction, no hint, no split. */
  function plain(groupName: string, a: string, b: string) {
    const group = resolveGroup(groupName) as Group<Algebraic>;
    const field = group.field as unknown as NumberField;
    const cache = new RepMatrixCache(group);
    const out = cache.of(rep(b));
    const inn = cache.of(rep(a));
    const c = assembleAlgebraic(field, out.discrete.map((o, i) => [o, inn.discrete[i]!] as const), out.discrete[0]!.rows, inn.discrete[0]!.rows);
    return { field, basis: nullspaceAlgebraic(c, field).basis };
  }

  const tensor = (k: number) => (k === 0 ? 'scalar' : `V**${k}`);

  function expectPlain(g: string, a: string, b: string): string | undefined {
    const solved = solveBasis({ group: g, in: a, out: b });
    const { field, basis } = plain(g, a, b);
    const text = (rows: readonly (readonly Algebraic[])[]) => rows.map((r) => r.map((v) => JSON.stringify(field.toJSON(v))));
    const block = solved.blocks[0];
    const got = block ? toDense(field, block.elements as never) : [];
    expect(text(got), `${g} ${a} → ${b}`).toEqual(text(basis.rows ? toDense(field, basis) : []));
    return block?.diagnostics?.method;
  }

  it.each(['C(3)', 'C(5)', 'C(6)', 'C(8)', 'D(5)', 'D(6)'])('%s: T(p) → T(q), p + q ≤ 5 (no hints: too small to pay)', (g) => {
    for (let p = 0; p <= 5; p++) for (let q = 0; p + q <= 5; q++) expect(expectPlain(g, tensor(p), tensor(q)) ?? '').not.toMatch(/character formula/);
  });

  // From 256 unknowns on: p + q = 8 for C(k), 10 for D(k), whose reflection halves them first.
  it.each(['C(3)', 'C(5)', 'C(6)', 'D(5)', 'D(7)'])('%s: T(p) → T(q) from 256 unknowns (hinted, and split for C(k))', (g) => {
    const sizes = g.startsWith('C') ? [[4, 4], [3, 5], [0, 8]] : [[5, 5], [3, 7]];
    for (const [p, q] of sizes as [number, number][]) {
      const method = expectPlain(g, tensor(p), tensor(q));
      expect(method).toMatch(g.startsWith('C') ? /split in two halves .* each stopped at the rank the character formula gives/ : /stopped at the rank the character formula gives/);
    }
  });
});

describe('the rational strategy takes the nullity hint too', () => {
  it('the hexagonal D6 in lattice coordinates (integer matrices): byte-identical to a plain elimination', () => {
    // Rotation by 60° and a reflection of the hexagonal lattice, in the lattice basis.
    const g = customGroupFromJson({ dim: 2, generators: [[[1, -1], [1, 0]], [[0, 1], [1, 0]]] }) as Group<Rational>;
    const solved = solveBasis({ group: g, in: 'V**5', out: 'V**5' });
    expect(solved.blocks[0]!.diagnostics?.method).toMatch(/stopped at the rank the character formula gives/);
    expect(solved.dim).toBe(characterFormulaDim(g, rep('V**5'), rep('V**5')));
    const cache = new RepMatrixCache(g);
    const m = cache.of(rep('V**5'));
    const c = assembleConstraints(RationalField, m.discrete.map((x) => [x, x] as const), 32, 32);
    const plainRows = nullspaceExact(c).basis;
    const text = (x: typeof plainRows) => toDense(RationalField, x).map((r) => r.map((v) => `${v.num}/${v.den}`));
    expect(text(solved.blocks[0]!.elements as typeof plainRows)).toEqual(text(plainRows));
  });
});

describe('mergeHalves', () => {
  it('interleaves two RREFs on disjoint columns by pivot', () => {
    const q = (rows: number[][]) => fromDense(RationalField, rows.map((r) => r.map((x) => rat(BigInt(x)))));
    // Columns 0, 2, 3 and 1, 4 of five.
    const merged = mergeHalves([q([[1, 0, 2], [0, 1, 0]]), q([[1, 3]])] as const, [Int32Array.of(0, 2, 3), Int32Array.of(1, 4)], 5);
    expect(toDense(RationalField, merged).map((r) => r.map((v: Rational) => Number(v.num)))).toEqual([
      [1, 0, 0, 2, 0],
      [0, 1, 0, 0, 3],
      [0, 0, 1, 0, 0],
    ]);
  });
});
