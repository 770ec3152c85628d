/**
 * Issue 9, defect 16: permutation groups far beyond the dense cap of 10,000 load fast and solve by
 * orbit sums, because their generators are stored as sparse permutation matrices (one entry per
 * row). Times here are generous bounds for a loaded 2-core machine; the report has measurements.
 */
import { describe, expect, it } from 'vitest';
import { parseCustomGroup } from '../../src/group/custom.js';
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
    const first = b.blocks[0]!.basis;
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

