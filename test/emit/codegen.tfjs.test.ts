/**
 * Generated TensorFlow.js layers, run for real with @tensorflow/tfjs (pure-JS CPU backend):
 * forward, gradient reaching θ, equivariance on random group elements (float32, 1e-5), parameter
 * count, initial output variance. All cases share one Node process.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { emitTfjs } from '../../src/emit/layers/tfjs.js';
import { main } from '../../src/cli/main.js';
import { SpecError } from '../../src/errors.js';
import { solveLayer } from '../../src/pipeline.js';
import { generatedDir, prepareCases, type PreparedCase } from './layer-cases.js';
import { describeWithRuntime, requireRuntime, root } from './runtimes.js';

interface TfjsResult {
  name: string;
  ok: boolean;
  error?: string;
  paramCount: number;
  shape: number[];
  gradNorm: number;
  equivarianceError: number;
  outputVariance: number;
  seedZeroRepeats: boolean;
  seedSevenRepeats: boolean;
  seedsDiffer: boolean;
  leakedTensors: number;
  newVariables: number;
  trainable: number;
}

function hasTfjs(): boolean {
  try {
    createRequire(join(root, 'package.json')).resolve('@tensorflow/tfjs');
    return true;
  } catch {
    return false;
  }
}

const runtime = '@tensorflow/tfjs (npm devDependency)';
const present = requireRuntime(runtime, hasTfjs());
// Listed even without the runtime, so that each case is counted as skipped rather than dropped.
const cases: PreparedCase[] = prepareCases({ complex: false });
const results = new Map<string, TfjsResult>();

describeWithRuntime('generated TensorFlow.js layers', runtime, present, () => {
  beforeAll(() => {
    if (!present) return;
    // Inside the repo, so the generated module's `import '@tensorflow/tfjs'` resolves.
    const dir = generatedDir('tfjs');
    const input = cases.map((c) => {
      const file = join(dir, `${c.name}.js`);
      writeFileSync(file, emitTfjs(c.layer));
      return { name: c.name, file };
    });
    const out = execFileSync(process.execPath, [join(root, 'test', 'emit', 'drivers', 'tfjs_check.mjs')], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    for (const r of JSON.parse(out) as TfjsResult[]) results.set(r.name, r);
  }, 300_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.error ?? '').toBe('');
    expect(r.paramCount).toBe(c.params);
    expect(r.shape).toEqual([4, 3, c.layer.weight.shape[0]]);
    expect(r.gradNorm).toBeGreaterThan(0);
    expect(r.equivarianceError).toBeLessThan(1e-5);
    expect(r.outputVariance).toBeGreaterThan(0.5);
    expect(r.outputVariance).toBeLessThan(2);
    // `new EquivariantLinear({ seed: 0 })` (the header's usage) is reproducible; dispose() frees
    // every tensor the layer made.
    expect(r.seedZeroRepeats).toBe(true);
    expect(r.seedSevenRepeats).toBe(true);
    expect(r.seedsDiffer).toBe(true);
    expect(r.leakedTensors).toBe(0);
    // The only variables a layer creates are its trainable ones (the basis is plain tensors).
    expect(r.newVariables).toBe(c.layer.bias.dim > 0 ? 2 : 1);
    expect(r.trainable).toBe(r.newVariables);
  });

  it('is usable from TypeScript: the JSDoc types reach a strict TS consumer (allowJs)', () => {
    const dir = generatedDir('tfjs-ts');
    writeFileSync(join(dir, 'layer.js'), emitTfjs(cases[0]!.layer));
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import * as tf from '@tensorflow/tfjs';",
        "import { EquivariantLinear, selfTest } from './layer.js';",
        'const layer = new EquivariantLinear({ seed: 1 });',
        `export const y: tf.Tensor = layer.apply(tf.zeros([2, ${cases[0]!.layer.weight.shape[1]}]));`,
        'export const vars: tf.Variable[] = layer.trainableVariables;',
        'export const err: number = selfTest(layer, { trials: 1 });',
        '// @ts-expect-error selfTest returns a number (fails if the types were `any`)',
        'export const bad: string = selfTest(layer);',
        '',
      ].join('\n'),
    );
    const compilerOptions = { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', allowJs: true, noEmit: true, skipLibCheck: true };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { stdio: 'pipe', encoding: 'utf8' });
  }, 60_000);

  it('refuses complex groups with a typed error naming the formats that support them', () => {
    expect(() => emitTfjs(solveLayer({ group: 'SU(2)', in: 'V' }))).toThrow(SpecError);
    expect(() => emitTfjs(solveLayer({ group: 'SU(2)', in: 'V' }))).toThrow(/TF\.js layers for complex groups are not supported; use --format pytorch or jax/);
    let stderr = '';
    const status = main(['node', 'solve-basis', '--group', 'U(2)', '--rep', 'V', '--format', 'tfjs'], { stdout: () => undefined, stderr: (t) => (stderr += t), stderrIsTTY: false });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^solve-basis: error E_OPTION: TF\.js layers for complex groups are not supported/);
  });
});
