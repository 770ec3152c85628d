/**
 * solveNetwork: the bases a network needs, solved in one session. The runtimes check the generated
 * code (test/emit/network.runtimes.test.ts); here the structure: hidden reps, gates, bilinear terms,
 * parameter counts, the exactness of every basis, errors and warnings.
 */
import { describe, expect, it } from 'vitest';
import { flatBasis, networkParameters } from '../../src/basis.js';
import { SolveBasisError } from '../../src/errors.js';
import { solveNetwork } from '../../src/network.js';
import { printRep } from '../../src/rep/rep.js';
import { RepMatrixCache } from '../../src/rep/matrices.js';
import type { SparseMatrix } from '../../src/linalg/index.js';

describe('solveNetwork', () => {
  it("builds EMLP's O5Synthetic network: blocks of linear, bilinear and gates, then a head", () => {
    const net = solveNetwork({ group: 'O(5)', in: '2V', out: 'scalar', hidden: 96, layers: 3 });
    expect(net.blocks).toHaveLength(3);
    const b = net.blocks[0]!;
    expect(printRep(b.hidden)).toBe('32*scalar+6V+V⊗V');
    // One gate scalar per non-scalar summand instance (6 V + 1 V⊗V), appended after the hidden rep.
    expect(b.gate.gates).toBe(7);
    expect(printRep(b.gated)).toBe('32*scalar+6V+V⊗V+7*scalar');
    expect(b.gate.index.slice(0, 32)).toEqual([...Array(32).keys()]);
    expect(b.gate.index.slice(32, 37)).toEqual([87, 87, 87, 87, 87]);
    expect(b.gate.index.slice(37, 42)).toEqual([88, 88, 88, 88, 88]);
    expect(b.linear.weight.shape).toEqual([94, 10]);
    expect(net.head.weight.shape).toEqual([1, 87]);
    expect(net.settings).toEqual({ hidden: '96', layers: 3, bilinear: true });
    expect(net.warnings).toEqual([]);
  });

  it('gates nothing where the group only permutes coordinates (S(n)), and gates products with a Lie factor', () => {
    const s5 = solveNetwork({ group: 'S(5)', in: 'V', out: 'V', hidden: 40, layers: 1 });
    expect(s5.blocks[0]!.gate.gates).toBe(0);
    const cloud = solveNetwork({ group: 'SO(3) x S(4)', in: 'V1⊗V2', out: 'V1', hidden: 48, layers: 1 });
    const layout = cloud.blocks[0]!.linear.weight.outLayout;
    const gated = layout.instances.filter((i, k) => k < layout.instances.length && cloud.blocks[0]!.gate.index[i.indices[0]!]! >= cloud.blocks[0]!.gate.dim);
    // V2 (S(4) permutes it, so(3) acts as zero) goes through SiLU; V1 and V1⊗V2 are gated.
    for (const inst of gated) expect(['V1', 'V1⊗V1', 'V1⊗V2', 'V2⊗V2']).toContain(layout.types[inst.type]!.key);
    expect(layout.instances.some((i) => layout.types[i.type]!.key === 'V2' && cloud.blocks[0]!.gate.index[i.indices[0]!] === i.indices[0])).toBe(true);
  });

  it('solves every bilinear term exactly: E(ρ_c(g) v, ρ_b(g) x) = ρ_a(g) E(v, x) on the generators', () => {
    const net = solveNetwork({ group: 'O(1,3)', in: '4V', out: 'scalar', hidden: 48, layers: 1 });
    const bil = net.blocks[0]!.bilinear!;
    expect(bil.terms.length).toBeGreaterThan(0);
    const cache = new RepMatrixCache(net.group);
    const f = net.group.field;
    for (const t of bil.terms) {
      const basis = t.basis;
      expect(basis.exact).toBe(true);
      const flat = flatBasis(basis);
      const [m, n] = basis.shape;
      const inM = cache.of(basis.inRep);
      const outM = cache.of(basis.outRep);
      for (let g = 0; g < inM.discrete.length; g++) {
        for (let k = 0; k < flat.rows; k++) {
          const w = denseRow(flat, k, m, n, f);
          const lhs = mul(dense(outM.discrete[g]!, f), w, f);
          const rhs = mul(w, dense(inM.discrete[g]!, f), f);
          expect(lhs.map((row) => row.map((v) => f.toNumber(v)))).toEqual(rhs.map((row) => row.map((v) => f.toNumber(v))));
        }
      }
    }
    // Terms with dim a · dim b · dim c ≤ D² (D the largest source); no scalar × scalar → scalar.
    const largest = Math.max(...bil.sources.map((i) => bil.layout.types[bil.layout.instances[i]!.type]!.dim));
    const dim = (t: number): number => bil.layout.types[t]!.dim;
    for (const t of bil.terms) {
      expect(dim(t.outType) * dim(t.inType) * dim(t.sourceType)).toBeLessThanOrEqual(largest * largest);
      expect(bil.layout.types[t.outType]!.rep.kind === 'scalar' && bil.layout.types[t.inType]!.rep.kind === 'scalar').toBe(false);
    }
  });

  it('has the outer product V ⊗ V → V⊗V among the bilinear terms (what Inertia needs), and not V⊗V ⊗ V⊗V → V⊗V', () => {
    const net = solveNetwork({ group: 'O(3)', in: '5*scalar+5V', out: 'V⊗V', hidden: 96, layers: 1 });
    const bil = net.blocks[0]!.bilinear!;
    const keys = bil.terms.map((t) => [t.outType, t.inType, t.sourceType].map((i) => bil.layout.types[i]!.key).join(' | '));
    expect(keys).toContain('V⊗V | V | V');
    expect(keys).not.toContain('V⊗V | V⊗V | V⊗V');
  });

  it('counts parameters as the generated files do', () => {
    const net = solveNetwork({ group: 'O(3)', in: 'V', out: 'V⊗V', hidden: ['8*scalar+2V+V⊗V', '4*scalar+3V'] });
    const linear = [...net.blocks.map((b) => b.linear), net.head].reduce((s, l) => s + l.weight.dim + l.bias.dim, 0);
    expect(networkParameters(net)).toBeGreaterThan(linear);
    expect(networkParameters(solveNetwork({ group: 'O(3)', in: 'V', out: 'V⊗V', hidden: ['8*scalar+2V+V⊗V', '4*scalar+3V'], bilinear: false }))).toBe(linear);
    expect(net.settings.hidden).toBe('8*scalar+2V+V⊗V,4*scalar+3V');
  });

  it('keeps the input and output summand types in the hidden rep (a point cloud is not seen through its centroid alone)', () => {
    const cloud = solveNetwork({ group: 'SO(3) x S(4)', in: 'V1⊗V2', out: 'scalar', hidden: 96, layers: 1 });
    expect(printRep(cloud.blocks[0]!.hidden)).toBe('32*scalar+5V1+4V2+2V1⊗V1+V1⊗V2');
    expect(printRep(solveNetwork({ group: 'O(3)', in: 'V', out: 'V', hidden: 4, layers: 1 }).blocks[0]!.hidden)).toBe('2*scalar+V');
  });

  it('adds V* to the hidden types only where it is not isomorphic to V', () => {
    expect(printRep(solveNetwork({ group: 'GL(3)', in: 'V', out: 'V', hidden: 96, layers: 1 }).blocks[0]!.hidden)).toContain('V*');
    expect(printRep(solveNetwork({ group: 'O(1,3)', in: 'V', out: 'V', hidden: 96, layers: 1 }).blocks[0]!.hidden)).not.toContain('V*');
    expect(printRep(solveNetwork({ group: 'Sp(2)', in: 'V', out: 'V', hidden: 96, layers: 1 }).blocks[0]!.hidden)).not.toContain('V*');
  });

  it('warns when an input or output summand cannot be reached from the hidden reps', () => {
    const net = solveNetwork({ group: 'O(3)', in: 'V', out: 'V', hidden: '4*scalar', layers: 1 });
    expect(net.warnings.join('\n')).toMatch(/input summand V .*ignores it/);
    expect(net.warnings.join('\n')).toMatch(/output summand V .*only its bias/);
  });

  it.each([
    [{ group: 'SU(2)', in: 'V', out: 'V' }, 'E_OPTION', /real group/],
    [{ group: 'O(3)', in: 'V', out: 'V', layers: 0 }, 'E_OPTION', /number of layers/],
    [{ group: 'O(3)', in: 'V', out: 'V', hidden: 0 }, 'E_OPTION', /hidden width/],
    [{ group: 'O(3)', in: 'V', out: 'V', hidden: [8, 8, 8], layers: 2 }, 'E_OPTION', /disagree/],
    [{ group: 'O(3)', in: 'V', out: 'V', hidden: 'V+' }, 'E_REP_SYNTAX', /hidden/],
    [{ group: 'O(3)', in: 'V', out: 'V', hidden: 'V2' }, 'E_REP_FACTOR', /hidden/],
  ])('refuses %j with %s', (request, code, message) => {
    try {
      solveNetwork(request as Parameters<typeof solveNetwork>[0]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SolveBasisError);
      expect((e as SolveBasisError).code).toBe(code);
      expect((e as SolveBasisError).oneLine()).toMatch(message);
    }
  });

  it('solves every basis under one deadline', () => {
    expect(() => solveNetwork({ group: 'SO(3) x S(5)', in: 'V1⊗V2', out: 'V1', hidden: 384, layers: 3, timeoutSeconds: 0.001 })).toThrow(
      expect.objectContaining({ code: 'E_TIMEOUT' }),
    );
  });
});

type F = ReturnType<typeof solveNetwork>['group']['field'];
function dense(m: SparseMatrix<unknown>, f: F): unknown[][] {
  const out = Array.from({ length: m.rows }, () => new Array<unknown>(m.cols).fill(f.zero));
  for (let r = 0; r < m.rows; r++) for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) out[r]![m.colIdx[k]!] = m.values[k];
  return out;
}
function denseRow(flat: SparseMatrix<unknown>, k: number, m: number, n: number, f: F): unknown[][] {
  const out = Array.from({ length: m }, () => new Array<unknown>(n).fill(f.zero));
  for (let e = flat.rowPtr[k]!; e < flat.rowPtr[k + 1]!; e++) out[Math.floor(flat.colIdx[e]! / n)]![flat.colIdx[e]! % n] = flat.values[e];
  return out;
}
function mul(a: unknown[][], b: unknown[][], f: F): unknown[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s: unknown, v, k) => f.add(s, f.mul(v, b[k]![j])), f.zero)));
}
