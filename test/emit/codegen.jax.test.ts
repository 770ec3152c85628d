/**
 * Generated JAX layers, run for real with jax (and Flax for the wrapper): forward under jit,
 * gradient reaching θ, equivariance on random group elements (float32, 1e-5), parameter count,
 * initial output variance. All cases share one Python process.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { emitJax } from '../../src/emit/layers/jax.js';
import { generatedDir, prepareCases, type PreparedCase } from './layer-cases.js';
import { describeWithRuntime, findPython, requireRuntime, root } from './runtimes.js';

interface JaxResult {
  name: string;
  ok: boolean;
  error?: string;
  paramCount: number;
  flaxParamCount: number | null;
  shape: number[];
  gradNorm: number;
  equivarianceError: number;
  flaxDiff: number | null;
  outputVariance: number;
  paramKeys: string[];
  paramLeaves: number;
  dtype: string;
  selfTestComplex: boolean;
  brokenCaught: boolean | null;
}

const python = findPython('jax, flax');
const runtime = 'JAX + Flax (pip install jax flax, e.g. into .venv)';
const present = requireRuntime(runtime, python !== null);
// Listed even without the runtime, so that each case is counted as skipped rather than dropped.
const cases: PreparedCase[] = prepareCases();
const results = new Map<string, JaxResult>();

describeWithRuntime('generated JAX layers', runtime, present, () => {
  beforeAll(() => {
    if (!present) return;
    const dir = generatedDir('jax');
    const input = cases.map((c, i) => {
      const file = join(dir, `${c.name}.py`);
      writeFileSync(file, emitJax(c.layer));
      return { name: c.name, file, flax: i === 0 };
    });
    const out = execFileSync(python!, [join(root, 'test', 'emit', 'drivers', 'jax_check.py')], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, JAX_PLATFORMS: 'cpu' },
    });
    for (const r of JSON.parse(out) as JaxResult[]) results.set(r.name, r);
  }, 300_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.error ?? '').toBe('');
    expect(r.paramCount).toBe(c.params);
    // The params pytree holds the coefficients only; the basis is module-level constants.
    expect(r.paramKeys).toEqual(c.layer.bias.dim > 0 ? ['bias', 'theta'] : ['theta']);
    expect(r.paramLeaves).toBe(r.paramKeys.length);
    // Complex groups: complex64 θ and input, and a self-test with the full complex group action.
    expect(r.dtype).toBe(c.complex ? 'complex64' : 'float32');
    expect(r.selfTestComplex).toBe(c.complex === true);
    if (c.name === 'su2_vvstar') expect(r.brokenCaught).toBe(true);
    if (c === cases[0]) expect(r.flaxDiff, 'the Flax wrapper ran on the first case').not.toBeNull();
    if (r.flaxParamCount !== null) expect(r.flaxParamCount).toBe(c.params);
    expect(r.shape).toEqual([4, 3, c.layer.weight.shape[0]]);
    expect(r.gradNorm).toBeGreaterThan(0);
    expect(r.equivarianceError).toBeLessThan(1e-5);
    if (r.flaxDiff !== null) expect(r.flaxDiff).toBeLessThan(1e-5);
    expect(r.outputVariance).toBeGreaterThan(0.5);
    expect(r.outputVariance).toBeLessThan(2);
  });
});
