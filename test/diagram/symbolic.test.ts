/**
 * Symbolic blocks (DESIGN.md §10): answers far beyond what can be materialised, their labels and
 * JSON form, what every consumer does with a block too large to expand (E_TOO_LARGE, never a
 * crash), and that the JSON alone rebuilds the basis — for the same n and for another n.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { blockRank, flatBasis } from '../../src/basis.js';
import { basisJsonText, basisSvg, emitPyTorch, summaryText } from '../../src/emit/index.js';
import { customGroupFromJson } from '../../src/group/custom.js';
import type { Group } from '../../src/group/group.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { parseRep } from '../../src/rep/parse.js';
import { layoutOf, repShape } from '../../src/rep/layout.js';
import { solveBasis, solveLayer, type SolveRequest } from '../../src/pipeline.js';
import { estimateResources } from '../../src/solve/resources.js';
import { GroupFacts } from '../../src/solve/facts.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/basis.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

interface DiagramJson {
  positions: { name: string; side: 'out' | 'in'; axis: number; factor: number; upper: boolean }[];
  families: { factor: number; n: number; kind: string }[];
  canonical: boolean;
  elements: { label: string; blocks?: string[][]; pairs?: [string, string, 'delta' | 'eta' | 'J'][]; epsilon?: string[][]; lowered?: string[] }[];
}

function json(request: SolveRequest, flat?: boolean): Record<string, unknown> {
  const parsed = JSON.parse(basisJsonText(solveBasis(request), flat === undefined ? {} : { flat })) as Record<string, unknown>;
  expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  return parsed;
}

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('answers no materialised strategy can give', () => {
  it('S(1000) T(3) → T(3): the 203 orbit-basis elements, W never built (10⁹ × 10⁹)', () => {
    const b = solveBasis({ group: 'S(1000)', in: 'T(3)' });
    expect(b.dim).toBe(203);
    expect(b.shape).toEqual([1e9, 1e9]);
    const block = b.blocks[0]!;
    expect(block.strategy).toBe('diagram');
    expect(block.diagrams!.canonical).toBe(true);
    expect(block.materialisation!.cheap).toBe(false);
    expect(block.verification.diagram).toEqual({ checked: 'S(1000): 999 generators are permutation matrices', materialised: false });
    expect(code(() => block.elements)).toBe('E_TOO_LARGE');
    expect(code(() => flatBasis(b))).toBe('E_TOO_LARGE');
    expect(summaryText(b)).toMatch(/θ1 = \[o1=o2=o3=i1=i2=i3\][\s\S]*… 187 more/);
  });

  it('O(3) T(5) → T(5): 603 of the 945 Brauer diagrams, exactly, without the 26.7 GiB elimination', () => {
    const t = performance.now();
    const b = solveBasis({ group: 'O(3)', in: 'T(5)' });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(b.dim).toBe(603);
    expect(b.blocks[0]!.verification.mode).toBe('diagram');
    // The elimination estimate is still what a forced materialised strategy gets.
    expect(code(() => solveBasis({ group: 'O(3)', in: 'T(5)', strategy: 'exact' }))).toBe('E_TOO_LARGE');
  });

  it('a layout holds no index array for a contiguous summand until one is read', () => {
    const big = layoutOf(resolveGroup('S(1000)') as Group<unknown>, parseRep('T(3)'), { maxBytes: 2 ** 20, path: 'in' });
    expect(big.instances.map((i) => i.offset)).toEqual([0]);
    const small = layoutOf(resolveGroup('S(3)') as Group<unknown>, parseRep('2V+V⊗(V+V)'), { maxBytes: 2 ** 20, path: 'in' });
    expect([...small.instances[1]!.indices]).toEqual([3, 4, 5]);
    expect(small.instances.slice(2).map((i) => [i.offset, [...i.indices]])).toEqual([
      [null, [6, 7, 8, 12, 13, 14, 18, 19, 20]],
      [null, [9, 10, 11, 15, 16, 17, 21, 22, 23]],
    ]);
  });

  it('the resource guard estimates by strategy', () => {
    const g = resolveGroup('O(3)') as Group<unknown>;
    const t5 = repShape(g, parseRep('T(5)'), 'in');
    const est = estimateResources(new GroupFacts(g), t5, t5);
    expect(est.strategyHint).toBe('diagram');
    expect(est.bytes).toBeLessThan(2 ** 20);
    expect(estimateResources(new GroupFacts(g), t5, t5, 'exact').strategyHint).toBe('elimination');
    expect(solveBasis({ group: 'S(50)', in: 'T(4)' }).dim).toBe(4140);
  });

  it('every consumer of a block too large to expand says E_TOO_LARGE', () => {
    const b = solveBasis({ group: 'O(3)', in: 'T(5)' });
    expect(code(() => basisJsonText(b, { flat: true }))).toBe('E_TOO_LARGE');
    expect(code(() => basisSvg(b))).toBe('E_TOO_LARGE');
    expect(code(() => emitPyTorch(solveLayer({ group: 'O(3)', in: 'T(5)' })))).toBe('E_TOO_LARGE');
    expect(() => basisJsonText(b, { flat: true })).toThrow(/diagram basis is too large to materialise: the reduced echelon form of 603 diagrams/);
    expect(summaryText(b)).toContain('603 elements, closed form: O(3): 603 of the 945 Brauer diagrams (δ)');
  });

  it('--certify on a symbolic block checks the invariant tensors on random elements', () => {
    const b = solveBasis({ group: 'SO(3)', in: 'T(5)', certify: true });
    expect(b.certificate?.certified).toBe(true);
    expect(b.certificate?.method).toBe('lie');
  });
});

describe('labels', () => {
  const labels = (request: SolveRequest): string[] => solveBasis(request).blocks.flatMap((b) => b.diagrams!.elements.map((e) => e.label));

  it('in the notation of the papers', () => {
    expect(labels({ group: 'O(3)', in: 'V⊗V' })).toEqual(['δ(o1,o2)·δ(i1,i2)', 'δ(o1,i1)·δ(o2,i2)', 'δ(o1,i2)·δ(o2,i1)']);
    expect(labels({ group: 'SO(3)', in: 'V⊗V', out: 'V' })).toEqual(['ε(o1,i1,i2)']);
    expect(labels({ group: 'S(3)', in: 'V', out: 'V' })).toEqual(['[o1=i1]', '[o1 ≠ i1]']);
    expect(labels({ group: 'S(5)', in: 'V⊗V', out: 'scalar' })).toEqual(['[i1=i2]', '[i1 ≠ i2]']);
    expect(labels({ group: 'O(1,3)', in: 'V⊗V', out: 'scalar' })).toEqual(['η(i1,i2)']);
    expect(labels({ group: 'Sp(1)', in: 'V⊗V', out: 'scalar' })).toEqual(['J(i1,i2)']);
    expect(labels({ group: 'Sp(1)', in: 'scalar', out: 'V⊗V' })).toEqual(['J(o2,o1)']);
    expect(labels({ group: 'SO(3) x S(4)', in: 'V1⊗V2' })).toEqual(['δ(o1,i1)·[o2=i2]', 'δ(o1,i1)·[o2 ≠ i2]']);
    expect(labels({ group: 'O(2)', in: 'scalar' })).toEqual(['1']);
  });

  it('for S(n) they name the parameters θ_k: row k of the canonical basis is 1 exactly on its label’s tuples', () => {
    const b = solveBasis({ group: 'S(4)', in: 'V⊗V', out: 'V' });
    const flat = flatBasis(b);
    const names = ['o1', 'i1', 'i2'];
    const labelOf = (tuple: number[]): string => {
      const blocks = new Map<number, string[]>();
      tuple.forEach((v, i) => blocks.set(v, [...(blocks.get(v) ?? []), names[i]!]));
      return `[${[...blocks.values()].map((x) => x.join('=')).join(' ≠ ')}]`;
    };
    const elements = b.blocks[0]!.diagrams!.elements;
    expect(elements).toHaveLength(flat.rows);
    elements.forEach((e, k) => {
      for (let t = flat.rowPtr[k]!; t < flat.rowPtr[k + 1]!; t++) {
        const x = flat.colIdx[t]!;
        expect(labelOf([Math.floor(x / 16), Math.floor(x / 4) % 4, x % 4])).toBe(e.label);
      }
    });
    expect(summaryText(b)).toContain('θ1 = [o1=i1=i2]');
  });

  it('the weight-sharing picture names each colour by its diagram', () => {
    const svg = basisSvg(solveBasis({ group: 'S(5)', in: 'V⊗V' }));
    expect(svg.match(/<title>θ\d+ = \[[^<]*\]<\/title>/g)).toHaveLength(15);
    expect(svg).toContain('<title>θ15 = [o1 ≠ o2 ≠ i1 ≠ i2]</title>');
    expect(basisSvg(solveBasis({ group: 'S(5)', in: 'V⊗V', strategy: 'orbit' }))).not.toContain('<title>');
  });
});

describe('the JSON form', () => {
  it('O(3) T(5): the diagrams alone (603), schema-valid; no flat basis by default', () => {
    const j = json({ group: 'O(3)', in: 'T(5)' });
    expect(j['basis']).toBeUndefined();
    const d = j['diagrams'] as DiagramJson;
    expect(d.elements).toHaveLength(603);
    expect(d.positions.map((p) => p.name)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'i1', 'i2', 'i3', 'i4', 'i5']);
    expect(d.elements[0]!.pairs).toHaveLength(5);
  });

  it('small bases carry both forms; several blocks carry the diagrams per pair', () => {
    const single = json({ group: 'SO(3)', in: 'V⊗V', out: 'V' });
    expect(single['basis']).toHaveLength(1);
    expect((single['diagrams'] as DiagramJson).elements).toEqual([{ label: 'ε(o1,i1,i2)', pairs: [], epsilon: [['o1', 'i1', 'i2']] }]);
    const multi = json({ group: 'O(3)', in: 'V+T(5)', out: 'V+T(5)' });
    const pairs = (multi['blocks'] as { pairs: { dim: number; basis?: unknown[]; diagrams?: DiagramJson }[] }).pairs;
    expect(pairs.map((p) => p.dim)).toEqual([1, 15, 15, 603]);
    expect(pairs.map((p) => p.basis !== undefined)).toEqual([true, true, true, false]);
    expect(multi['basis']).toBeUndefined();
  });

  it('is byte-identical across runs and spellings', () => {
    const a = basisJsonText(solveBasis({ group: 'SO(3)', in: 'V**3', out: 'V**2' }));
    const b = basisJsonText(solveBasis({ group: 'SO(3)', in: 'tensor3', out: 'V⊗V' }));
    expect(a).toBe(b);
  });

  // A reader that knows only the documented rule (schema `diagramBlock`), not our code.
  function rebuild(d: DiagramJson, n: number): number[][] {
    const positions = d.positions;
    const N = positions.length;
    const at = new Map(positions.map((p, i) => [p.name, i]));
    const rows: number[][] = [];
    for (const e of d.elements) {
      const row: number[] = [];
      for (let x = 0; x < n ** N; x++) {
        const a = Array.from({ length: N }, (_, i) => Math.floor(x / n ** (N - 1 - i)) % n);
        let v = 1;
        for (const block of e.blocks ?? []) {
          const vals = block.map((name) => a[at.get(name)!]!);
          if (new Set(vals).size !== 1) v = 0;
        }
        const firsts = (e.blocks ?? []).map((b) => a[at.get(b[0]!)!]!);
        if (new Set(firsts).size !== firsts.length) v = 0;
        for (const [p, q, form] of e.pairs ?? []) {
          const [x1, x2] = [a[at.get(p)!]!, a[at.get(q)!]!];
          if (form === 'J') v *= x2 === x1 + n / 2 ? 1 : x2 === x1 - n / 2 ? -1 : 0;
          else v *= x1 !== x2 ? 0 : form === 'eta' && x1 > 0 ? -1 : 1;
        }
        for (const eps of e.epsilon ?? []) {
          const vals = eps.map((name) => a[at.get(name)!]!);
          let sign = new Set(vals).size === vals.length ? 1 : 0;
          for (let i = 0; i < vals.length; i++) for (let j = i + 1; j < vals.length; j++) if (vals[i]! > vals[j]!) sign = -sign;
          v *= sign;
        }
        for (const name of e.lowered ?? []) if (a[at.get(name)!]! > 0) v = -v;
        row.push(v);
      }
      rows.push(row);
    }
    return rows;
  }

  function rank(rows: number[][]): number {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p]!, m[r]!];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const k = m[i]![c]! / m[r]![c]!;
        if (k !== 0) m[i] = m[i]!.map((v, j) => v - k * m[r]![j]!);
      }
      r++;
    }
    return r;
  }

  function flatRows(j: Record<string, unknown>): number[][] {
    const shape = j['shape'] as [number, number];
    return (j['basis'] as { entries: [number, number, string][] }[]).map((b) => {
      const row = new Array<number>(shape[0] * shape[1]).fill(0);
      for (const [r, c, v] of b.entries) row[r * shape[1] + c] = Number(v);
      return row;
    });
  }

  it.each([
    ['SO(1,3)', 'V⊗V*', 'V⊗V', 4],
    ['Sp(1)', 'V*⊗V', 'V⊗V', 2],
    ['SO(3)', 'T(2)', 'V', 3],
    ['S(3)', 'V⊗V', 'V', 3],
    ['SO(2)', 'T(2)', 'T(2)', 2],
  ] as const)('%s %s → %s: the JSON diagrams rebuild the flat basis', (group, inRep, outRep, n) => {
    const j = json({ group, in: inRep, out: outRep });
    const rebuilt = rebuild(j['diagrams'] as DiagramJson, n);
    const flat = flatRows(j);
    expect(rank(rebuilt)).toBe(j['dim']);
    expect(rank([...rebuilt, ...flat])).toBe(j['dim']);
  });

  it('…and for another n: the O(3) diagrams of T(2) → T(2) are the O(4) basis; those of S(5) are the basis of S(6)', () => {
    for (const [from, to, n, rep] of [
      ['O(3)', 'O(4)', 4, 'T(2)'],
      ['S(5)', 'S(6)', 6, 'T(2)'],
    ] as const) {
      const rebuilt = rebuild(json({ group: from, in: rep })['diagrams'] as DiagramJson, n);
      const target = json({ group: to, in: rep, strategy: to.startsWith('S') ? 'orbit' : 'exact' });
      expect(rank(rebuilt)).toBe(target['dim']);
      expect(rank([...rebuilt, ...flatRows(target)])).toBe(target['dim']);
    }
  });
});

describe('where the diagram strategy steps aside', () => {
  it('a custom group that only shares a name is not recognised; one with the built-in generators is', () => {
    const adjacent = customGroupFromJson({ name: 'S(3)', dim: 3, generators: [[[0, 1, 0], [1, 0, 0], [0, 0, 1]], [[1, 0, 0], [0, 0, 1], [0, 1, 0]]] });
    expect(solveBasis({ group: adjacent, in: 'V⊗V' }).blocks[0]!.strategy).toBe('orbit');
    const same = customGroupFromJson({ name: 'S(3)', dim: 3, generators: [[[0, 1, 0], [1, 0, 0], [0, 0, 1]], [[0, 0, 1], [0, 1, 0], [1, 0, 0]]] });
    expect(solveBasis({ group: same, in: 'V⊗V' }).blocks[0]!.strategy).toBe('diagram');
  });

  it('V of a product, Sym/Alt powers and groups without diagrams go to the other strategies', () => {
    expect(solveBasis({ group: 'SO(3) x S(3)', in: 'V' }).blocks.every((b) => b.strategy !== 'diagram')).toBe(true);
    expect(solveBasis({ group: 'SO(3)', in: 'Sym^2(V)' }).blocks[0]!.strategy).toBe('rational');
    expect(solveBasis({ group: 'A(4)', in: 'V' }).blocks[0]!.strategy).toBe('orbit');
    expect(() => solveBasis({ group: 'SL(2)', in: 'V', strategy: 'diagram' })).toThrow(/diagram: SL\(2\): its generators are not those of a built-in/);
  });

  it('blockRank counts without materialising', () => {
    const b = solveBasis({ group: 'O(3)', in: 'T(6)' });
    expect(b.blocks.map(blockRank)).toEqual([4213]);
  });
});

describe('diagram families are recognised by their generators, not their names', () => {
  it('a file listing S(5)’s transpositions gets the diagram basis; a borrowed name does not', () => {
    const transpositions = [1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].map((x) => (x === 0 ? i : x === i ? 0 : x)));
    const byGenerators = customGroupFromJson({ name: 'my group', dim: 5, permutations: transpositions });
    expect(new Set(solveBasis({ group: byGenerators, in: 'V**2' }).blocks.map((b) => b.strategy))).toEqual(new Set(['diagram']));
    const impostor = customGroupFromJson({ name: 'S(5)', dim: 5, permutations: [[1, 2, 3, 4, 0]] });
    expect(new Set(solveBasis({ group: impostor, in: 'V**2' }).blocks.map((b) => b.strategy))).toEqual(new Set(['orbit']));
  });

  it('a custom O(3) (the built-in generators under another name) gets the diagram basis', () => {
    const o3 = resolveGroup('O(3)');
    const dense = (g: typeof o3.discrete[number]) => Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => {
      for (let k = g.rowPtr[r]!; k < g.rowPtr[r + 1]!; k++) if (g.colIdx[k] === c) return Number((g.values[k] as { num: bigint }).num);
      return 0;
    }));
    const custom = customGroupFromJson({ name: 'rotations and a mirror', dim: 3, generators: o3.discrete.map(dense), lieAlgebra: o3.lie.map(dense) });
    const basis = solveBasis({ group: custom, in: 'T(5)' });
    expect(basis.dim).toBe(603);
    expect(basis.blocks[0]!.strategy).toBe('diagram');
  });
});
