/**
 * Generated PyTorch layers, run for real with torch: forward, backward, equivariance on random
 * group elements (float32, 1e-5), parameter count, gradient reaching θ, state_dict round trip,
 * TorchScript, .to(dtype). All cases share one Python process.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { emitPyTorch } from '../../src/emit/layers/pytorch.js';
import { generatedDir, prepareCases, type PreparedCase } from './layer-cases.js';
import { describeWithRuntime, findPython, requireRuntime, root } from './runtimes.js';

interface TorchResult {
  name: string;
  ok: boolean;
  error?: string;
  paramCount: number;
  shape: number[];
  gradNorm: number;
  equivarianceError: number;
  equivarianceError64: number;
  stateDictDiff: number;
  scriptDiff: number;
  buffersMoved: boolean;
  outputVariance: number;
  stateDictKeys: string[];
  parameterNames: string[];
  stateDictBytes: number;
  weightShape: number[] | null;
  weightMatches: boolean;
  biasShape: number[] | null;
  layoutError: number | null;
  dtype: string;
  selfTestComplex: boolean;
  brokenCaught: boolean | null;
}

const python = findPython('torch');
const runtime = 'PyTorch (python3-torch for /usr/bin/python3)';
const present = requireRuntime(runtime, python !== null);
// Listed even without the runtime, so that each case is counted as skipped rather than dropped.
const cases: PreparedCase[] = prepareCases();
const results = new Map<string, TorchResult>();

describeWithRuntime('generated PyTorch layers', runtime, present, () => {
  beforeAll(() => {
    if (!present) return;
    const dir = generatedDir('pytorch');
    const input = cases.map((c) => {
      const file = join(dir, `${c.name}.py`);
      writeFileSync(file, emitPyTorch(c.layer));
      return { name: c.name, file };
    });
    const out = execFileSync(python!, [join(root, 'test', 'emit', 'drivers', 'torch_check.py')], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      timeout: 300_000,
    });
    for (const r of JSON.parse(out) as TorchResult[]) results.set(r.name, r);
  }, 300_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.error ?? '').toBe('');
    expect(r.ok).toBe(true);
    expect(r.paramCount).toBe(c.params);
    expect(r.shape).toEqual([4, 3, c.layer.weight.shape[0]]);
    expect(r.gradNorm).toBeGreaterThan(0);
    expect(r.equivarianceError).toBeLessThan(1e-5);
    expect(r.equivarianceError64).toBeLessThan(1e-9);
    expect(r.stateDictDiff).toBe(0);
    expect(r.scriptDiff).toBeLessThan(1e-6);
    expect(r.buffersMoved).toBe(true);
    // Initialisation rule: output variance near 1 for unit-variance input.
    expect(r.outputVariance).toBeGreaterThan(0.5);
    expect(r.outputVariance).toBeLessThan(2);
    // Like nn.Linear: `weight` and `bias` are the expanded tensors; the coefficients behind them
    // are the parameters `theta` and `bias_theta`, and they are all the state_dict holds.
    const [dimOut, dimIn] = c.layer.weight.shape;
    expect(r.weightShape).toEqual([dimOut, dimIn]);
    expect(r.weightMatches).toBe(true);
    expect(r.biasShape).toEqual(c.layer.bias.dim > 0 ? [dimOut] : null);
    expect(r.parameterNames).toEqual(c.layer.bias.dim > 0 ? ['bias_theta', 'theta'] : ['theta']);
    expect(r.stateDictKeys).toEqual(r.parameterNames);
    expect(r.stateDictBytes).toBeLessThan(2000 + 8 * c.params);
    // The layout the header states (row-major V⊗V, summands in order), checked by acting on it.
    if (c.name === 's5_tensor2' || c.name === 'so3_vvv_v') expect(r.layoutError).toBeLessThan(1e-5);
    // Complex groups: complex64 θ and input, and a self-test with the full complex group action.
    expect(r.dtype).toBe(c.complex ? 'torch.complex64' : 'torch.float32');
    expect(r.selfTestComplex).toBe(c.complex === true);
    if (c.name === 'su2_vvstar') expect(r.brokenCaught).toBe(true);
  });
});
