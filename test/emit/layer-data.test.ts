/**
 * The shared preparation of generated layers: expansion form per block, the source-vector layout,
 * the initialisation rule, and that nothing the layer stores or builds is larger than W.
 */
import { describe, expect, it } from 'vitest';
import { agnosticPlan } from '../../src/emit/layers/agnostic/plan.js';
import { expansionOf, initStd, layerData } from '../../src/emit/layers/data.js';
import { toDense } from '../../src/linalg/sparse.js';
import { solveBasis, solveLayer } from '../../src/pipeline.js';
import { flatBasis } from '../../src/basis.js';

/** W from θ by the expansion's own rules, in plain JS (the reference the runtimes must match). */
function expand(req: { group: string; in: string; out: string }, theta: number[]): number[] {
  const e = expansionOf(solveBasis(req));
  const src: number[] = [...theta, ...(e.negate ? theta.map((t) => -t) : [])];
  for (const b of e.blocks) {
    if (b.form === 'gather') continue;
    const pairs = b.outIndices.length * b.inIndices.length;
    for (let p = 0; p < pairs; p++) {
      const row = new Array<number>(b.m * b.n).fill(0);
      const th = theta.slice(b.paramOffset + p * b.r, b.paramOffset + (p + 1) * b.r);
      if (b.form === 'sparse') b.cooRows!.forEach((r, k) => (row[b.cooCols![k]!]! += th[r]! * b.cooValues![k]!));
      else for (let r = 0; r < b.r; r++) for (let c = 0; c < b.m * b.n; c++) row[c]! += th[r]! * b.dense![r * b.m * b.n + c]!;
      src.push(...row);
    }
  }
  if (e.zeroSlot) src.push(0);
  expect(src).toHaveLength(e.srcLength);
  const w = new Array<number>(e.rows * e.cols).fill(NaN);
  for (const b of e.blocks) {
    b.outIndices.forEach((oi, o) =>
      b.inIndices.forEach((ii, i) => {
        for (let a = 0; a < b.m; a++)
          for (let c = 0; c < b.n; c++) {
            const pos = b.pos[a * b.n + c]!;
            w[oi[a]! * e.cols + ii[c]!] = pos >= 0 ? src[b.base + (o * b.inIndices.length + i) * b.stride + pos]! : 0;
          }
      }),
    );
  }
  return w.map((v) => (Number.isNaN(v) ? 0 : v));
}

describe('layer data', () => {
  it.each([
    ['S5', 'tensor2', 'tensor2', 'gather'],
    ['SO(3)', 'V**2', 'V**2', 'sparse'],
    ['C(5)', 'V**2', 'V**2', 'dense'],
    ['S(4)', '2V+scalar', 'V+V**2', 'gather'],
    ['SO(3)', 'V+V⊗V', 'V', 'gather'],
  ])('%s %s → %s: %s expansion equals Σ θ_k B_k', (group, inRep, outRep, form) => {
    const req = { group, in: inRep, out: outRep };
    const basis = solveBasis(req);
    const e = expansionOf(basis);
    expect(e.blocks.map((b) => b.form)).toContain(form);
    // θ = e_k must expand to basis element k (θ is block-major; flatBasis sorts by pivot, so
    // compare as sets), and a generic θ to the matching linear combination.
    const flat = toDense(basis.field, flatBasis(basis)).map((row) => row.map((v) => basis.field.toNumber(v)));
    const units = Array.from({ length: basis.dim }, (_, k) => expand(req, Array.from({ length: basis.dim }, (_, j) => (j === k ? 1 : 0))));
    const key = (row: number[]): string => row.map((v) => v.toFixed(12)).join(',');
    expect(units.map(key).sort()).toEqual(flat.map(key).sort());
    const theta = Array.from({ length: basis.dim }, (_, k) => Math.sin(3 * k + 1));
    const got = expand(req, theta);
    got.forEach((v, j) => expect(v).toBeCloseTo(units.reduce((s, u, k) => s + theta[k]! * u[j]!, 0), 12));
  });

  it('initialisation: σ² = dim_out / Σ‖B_k‖²', () => {
    // S(3) V → V: two 0/1 elements covering all 9 entries once: Σ‖B‖² = 9, σ² = 3/9.
    expect(initStd(expansionOf(solveBasis({ group: 'S(3)', in: 'V' })))).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it('bias: the invariant subspace of out; none for SO(3) V', () => {
    expect(layerData(solveLayer({ group: 'S5', in: 'tensor2' })).bias.size).toBe(2);
    expect(layerData(solveLayer({ group: 'SO(3)', in: 'V' })).bias.size).toBe(0);
  });

  it('multiplicity layer: stored data is block-sized, never dim_out × dim_in × r', () => {
    const basis = solveBasis({ group: 'S(6)', in: '100*scalar+100V+20V**2' });
    const e = expansionOf(basis);
    expect(e.size).toBe(84000);
    const stored = e.blocks.reduce((s, b) => s + b.pos.length + b.outIndices.flat().length + b.inIndices.flat().length, 0);
    expect(stored).toBeLessThan(e.rows * e.cols / 100);
    expect(e.srcLength).toBeLessThanOrEqual(e.rows * e.cols);
  });
});

describe('the regenerate command', () => {
  it('names a custom group by the file it was read from, which --group loads again', () => {
    const file = 'fixtures/groups/hexagonal-d6.json';
    const d = layerData(solveLayer({ group: file, in: 'V', out: 'V' }));
    expect(d.command).toBe(`solve-basis --group "${file}" --in V --out V`);
    expect(layerData(solveLayer({ group: 'S(3)', in: 'V', out: 'V' })).command).toBe(`solve-basis --group "S(3)" --in V --out V`);
  });
});

describe('the size-agnostic regenerate command', () => {
  it('names a custom group (here S(5) given by permutations) by its file', () => {
    const file = 'fixtures/groups/s5-permutations.json';
    const plan = agnosticPlan(solveLayer({ group: file, in: 'V**2', out: 'V**2' }));
    expect(plan.groupArg).toBe(file);
    expect(agnosticPlan(solveLayer({ group: 'S(5)', in: 'V**2', out: 'V**2' })).groupArg).toBe('S(5)');
  });
});
