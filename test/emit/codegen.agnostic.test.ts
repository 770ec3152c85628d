/**
 * Size-agnostic layers (`--size-agnostic`): generated for S(n), O(n), SO(n) (δ diagrams) and their
 * products, and run for
 * real in PyTorch and JAX — equivariance at several n in one program (n = 1 and 2 included, with
 * random parameters and biases), and agreement at the solved n with the fixed-n layer on the same
 * parameters mapped through the change of basis (drivers/agnostic_check.py). Also the typed
 * refusals, one golden file per runtime (regenerate with UPDATE_GOLDEN=1), and torch.compile with a
 * dynamic n under PyTorch 2.x (drivers/agnostic_compile.py).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SolveBasisError } from '../../src/errors.js';
import { emitJaxAgnostic } from '../../src/emit/layers/agnostic/jax.js';
import { agnosticPlan } from '../../src/emit/layers/agnostic/plan.js';
import { emitPyTorchAgnostic } from '../../src/emit/layers/agnostic/pytorch.js';
import { emitJax } from '../../src/emit/layers/jax.js';
import { emitPyTorch } from '../../src/emit/layers/pytorch.js';
import { emitterFor } from '../../src/emit/registry.js';
import { solveLayer } from '../../src/pipeline.js';
import { generatedDir } from './layer-cases.js';
import { describeWithRuntime, findPython, findTorch2, requireRuntime, root } from './runtimes.js';

const CASES = [
  // n < k + l: the 15 diagrams of T(2) → T(2) are dependent at n = 3 (14 dimensions).
  { name: 's3_mixed', group: 'S(3)', in: '2V**2+V+V⁰', out: '2V**2+V+V⁰' },
  { name: 's5_t3_t1', group: 'S(5)', in: 'T(3)', out: 'V+V**2' },
  { name: 's4_dual', group: 'S(4)', in: 'T(1,1)', out: 'T(2)+V*' },
  { name: 'o3_t2_v', group: 'O(3)', in: 'T(2)+V', out: 'T(2)+V+V⁰' },
  // n < (k + l) / 2: Brauer diagrams of T(2) → T(2) dependent at n = 1.
  { name: 'o1_t2', group: 'O(1)', in: 'T(2)', out: 'T(2)' },
  { name: 'o2_mixed', group: 'O(2)', in: 'T(1,1)+2T(2)', out: 'T(1,1)' },
  // Products: one size per factor; SO(3) stays at 3 (δ diagrams only), S(n) and O(n) any size.
  { name: 'so3_s4_cloud', group: 'SO(3) x S(4)', in: '2V1⊗V2', out: 'V1⊗V2+V1+V⁰' },
  { name: 'o2_s3_mixed', group: 'O(2) x S(3)', in: 'V1⊗V2⊗V2+V2', out: 'V1⊗V1⊗V2+V2*' },
  { name: 's3_s2_grid', group: 'S(3) x S(2)', in: 'V1⊗V2', out: 'V1⊗V2+V2' },
  { name: 'so3_t2', group: 'SO(3)', in: 'T(2)', out: 'T(2)+V⁰' },
  // Constant tensors in the diagrams: ε (SO(n), fixed n), η (Lorentz, n = 4), J (Sp(n), any n).
  { name: 'so3_eps', group: 'SO(3)', in: 'T(2)+V', out: 'V+V⁰' },
  { name: 'so2_s3_eps', group: 'SO(2) x S(3)', in: 'V1⊗V2', out: 'V1⊗V2+V1' },
  { name: 'o13_t2', group: 'O(1,3)', in: 'T(2)+V', out: 'T(2)+T(1,1)+V⁰' },
  { name: 'so13_eps', group: 'SO(1,3)', in: 'T(2)', out: 'T(1,1)' },
  { name: 'sp2_mixed', group: 'Sp(2)', in: 'T(2)+V*', out: 'T(1,1)+V+V⁰' },
  // Empty bases are answers: no weights at all (odd order), or a bias alone.
  { name: 'o3_empty', group: 'O(3)', in: 'T(2)', out: 'V' },
  { name: 'so3_s4_bias_only', group: 'SO(3) x S(4)', in: 'V1⊗V2', out: 'V2+V⁰' },
] as const;
const SIZES = [1, 2, 3, 4, 6];

interface Result {
  name: string;
  ok: boolean;
  error?: string;
  equivariance: number;
  residual: number;
  agreement: number;
  params: number;
}

function runtimeSuite(runtime: 'torch' | 'jax'): void {
  const python = findPython(runtime === 'torch' ? 'torch' : 'jax');
  const label = runtime === 'torch' ? 'PyTorch (python3-torch for /usr/bin/python3)' : 'JAX (.venv)';
  const present = requireRuntime(label, python !== null);
  const results = new Map<string, Result>();
  describeWithRuntime(`size-agnostic ${runtime} layers`, label, present, () => {
    beforeAll(() => {
      if (!present) return;
      const dir = generatedDir(`agnostic-${runtime}`);
      const input = CASES.map((c) => {
        const layer = solveLayer({ group: c.group, in: c.in, out: c.out });
        const agnostic = join(dir, `${c.name}.py`);
        const dense = join(dir, `${c.name}_dense.py`);
        writeFileSync(agnostic, runtime === 'torch' ? emitPyTorchAgnostic(layer) : emitJaxAgnostic(layer));
        writeFileSync(dense, runtime === 'torch' ? emitPyTorch(layer) : emitJax(layer));
        return { name: c.name, agnostic, dense, sizes: SIZES };
      });
      const out = execFileSync(python!, [join(root, 'test', 'emit', 'drivers', 'agnostic_check.py'), runtime], {
        input: JSON.stringify(input),
        encoding: 'utf8',
        timeout: 300_000,
      });
      for (const r of JSON.parse(out) as Result[]) results.set(r.name, r);
    }, 300_000);
    it.each(CASES.map((c) => [c.name, c] as const))('%s: equivariant at n = 1, 2, 3, 4, 6 and equal to the fixed-n layer', (name, c) => {
      const r = results.get(name)!;
      expect(r.error ?? '').toBe('');
      expect(r.equivariance).toBeLessThan(runtime === 'torch' ? 1e-10 : 1e-4);
      // The size-agnostic map lies in the span the solver found, and the outputs agree.
      expect(r.residual).toBeLessThan(1e-5);
      expect(r.agreement).toBeLessThan(1e-5);
      const plan = agnosticPlan(solveLayer({ group: c.group, in: c.in, out: c.out }));
      const expected = plan.weights.reduce((s, w) => s + w.labels.length * plan.outputs[w.output]!.channels * plan.inputs[w.input]!.channels, 0) +
        plan.biases.reduce((s, b) => s + b.labels.length * plan.outputs[b.output]!.channels, 0);
      expect(r.params).toBe(expected);
    });
  });
}

runtimeSuite('torch');
runtimeSuite('jax');

// torch.compile with dynamic shapes: one graph for every n (no recompilation per size), the same
// outputs and parameter gradients as eager mode. The in-place diagonal update must be a view
// torch.compile can functionalise (torch.diagonal/permute, not as_strided). 20–40 s per case here.
const COMPILED = [
  { name: 's4_mixed_compile', group: 'S(4)', in: '2V**2+V', out: 'V**2+V⁰' },
  { name: 'so3_s5_cloud_compile', group: 'SO(3) x S(5)', in: '4V1⊗V2', out: '2V1⊗V2' },
  // J built from the run-time size inside the compiled graph (axes of size 10, 12, 14).
  { name: 'sp_mixed_compile', group: 'Sp(2)', in: '2T(2)+V', out: 'T(1,1)+V⁰' },
  // ε of SO(3) in a product whose other size varies, and η of O(1,3) (n stays 4): constant
  // tensors built by Python loops inside the compiled graph.
  { name: 'so3_s5_eps_compile', group: 'SO(3) x S(5)', in: 'V1⊗V1⊗V2', out: 'V1⊗V2+V2' },
  { name: 'o13_eta_compile', group: 'O(1,3)', in: 'T(2)+V', out: 'T(1,1)+V⁰' },
] as const;
const torch2 = findTorch2();
const torch2Runtime = 'PyTorch 2.x (.venv-torch2, see .ci/setup.d/42-torch2.sh, or SOLVE_BASIS_TORCH2_PYTHON)';
const torch2Present = requireRuntime(torch2Runtime, torch2 !== null);
describeWithRuntime('size-agnostic PyTorch layers under torch.compile with a dynamic n', torch2Runtime, torch2Present, () => {
  const results = new Map<string, { forward: number; backward: number; graphs: number; error?: string }>();
  beforeAll(() => {
    if (!torch2Present) return;
    const dir = generatedDir('agnostic-compile');
    const files = COMPILED.map((c) => {
      const file = join(dir, `${c.name}.py`);
      writeFileSync(file, emitPyTorchAgnostic(solveLayer({ group: c.group, in: c.in, out: c.out })));
      return file;
    });
    const out = execFileSync(torch2!, [join(root, 'test', 'emit', 'drivers', 'agnostic_compile.py'), ...files], { encoding: 'utf8', timeout: 600_000 });
    (JSON.parse(out) as { forward: number; backward: number; graphs: number; error?: string }[]).forEach((r, i) => results.set(COMPILED[i]!.name, r));
  }, 600_000);
  it.each(COMPILED.map((c) => [c.name] as const))('%s: compiled once for n = 5, 6, 7, equal to eager forward and backward', (name) => {
    const r = results.get(name)!;
    expect(r.error ?? '').toBe('');
    expect(r.forward).toBeLessThan(1e-5);
    expect(r.backward).toBeLessThan(1e-4);
    expect(r.graphs).toBe(1);
  });
});

describe('size-agnostic plans', () => {
  it('uses all Bell(k + l) partitions for S(n) and all Brauer diagrams for O(n), whatever n', () => {
    expect(agnosticPlan(solveLayer({ group: 'S(2)', in: 'V**2', out: 'V**2' })).weights[0]!.labels).toHaveLength(15);
    expect(agnosticPlan(solveLayer({ group: 'S(100)', in: 'V**3', out: 'V**3' })).weights[0]!.labels).toHaveLength(203);
    expect(agnosticPlan(solveLayer({ group: 'O(1)', in: 'V**2', out: 'V**2' })).weights[0]!.labels).toHaveLength(3);
  });

  it('counts a multiplicity as channels', () => {
    const plan = agnosticPlan(solveLayer({ group: 'S(4)', in: '16V**2', out: '8V**2+V' }));
    expect(plan.inputs.map((t) => [t.key, t.rank, t.channels])).toEqual([['V⊗V', 2, 16]]);
    expect(plan.outputs.map((t) => [t.key, t.rank, t.channels])).toEqual([['V⊗V', 2, 8], ['V', 1, 1]]);
  });

  it.each([
    ['S(4)', 'Sym^2(V)', /not a tensor power/],
    ['Z(5)', 'V', /without diagrams/],
  ])('refuses %s on %s with a typed error', (group, rep, message) => {
    const layer = solveLayer({ group, in: rep, out: rep });
    for (const emit of [emitPyTorchAgnostic, emitJaxAgnostic]) {
      let error: unknown;
      try {
        emit(layer);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SolveBasisError);
      expect((error as SolveBasisError).code).toBe('E_OPTION');
      expect((error as SolveBasisError).message).toMatch(message);
    }
  });

  it('is chosen by sizeAgnostic in the registry; the default stays the fixed-n layer', () => {
    const layer = solveLayer({ group: 'S(5)', in: 'V**2', out: 'V**2' });
    const e = emitterFor('pytorch');
    if (e?.input !== 'layer') throw new Error('pytorch is a layer format');
    expect(e.emit(layer, { sizeAgnostic: true })).toContain('Size-agnostic');
    expect(e.emit(layer, {})).not.toContain('Size-agnostic');
  });

  it.each([
    ['s5_vv.agnostic.pytorch.py', emitPyTorchAgnostic, 'S(5)', '2V**2', 'V**2+V⁰'],
    ['o3_t2_v.agnostic.jax.py', emitJaxAgnostic, 'O(3)', 'T(2)+V', 'T(2)'],
  ] as const)('golden file %s', (file, emit, group, input, output) => {
    const text = emit(solveLayer({ group, in: input, out: output }));
    const path = new URL(`./golden/${file}`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });
});
