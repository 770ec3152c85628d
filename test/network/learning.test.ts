/**
 * The networks learn: a few hundred Adam steps of a small generated network on one task per group
 * family — O(n) (EMLP's O5Synthetic), the Lorentz group (ParticleInteraction), S(n) (a smooth
 * maximum of a set) and a product (the pairwise distances of a point cloud under SO(3) x S(4)) —
 * must explain most of the test variance and stay equivariant at float32 rounding level. The full
 * protocol is `npm run bench:networks` (bench/RESULTS.md). Runs under PyTorch 2.x.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { emitPyTorchNetwork } from '../../src/emit/networks/pytorch.js';
import { solveNetwork, type NetworkRequest } from '../../src/network.js';
import { generatedDir } from '../emit/layer-cases.js';
import { describeWithRuntime, findTorch2, requireRuntime, root } from '../emit/runtimes.js';

interface Learned {
  name: string;
  ok: boolean;
  error?: string;
  before: number;
  after: number;
  variance: number;
  equivariance: number;
}

const CASES: readonly { name: string; task: string; request: NetworkRequest; explained: number }[] = [
  { name: 'o5', task: 'O5Synthetic', request: { group: 'O(5)', in: '2V', out: 'scalar', hidden: 96, layers: 2 }, explained: 0.9 },
  { name: 'lorentz', task: 'ParticleInteraction', request: { group: 'O(1,3)', in: '4V', out: 'scalar', hidden: 96, layers: 2 }, explained: 0.5 },
  { name: 's5', task: 'SetLogSumExp', request: { group: 'S(5)', in: 'V', out: 'scalar', hidden: 48, layers: 2 }, explained: 0.9 },
  { name: 'cloud', task: 'PointCloudDistances', request: { group: 'SO(3) x S(4)', in: 'V1⊗V2', out: 'scalar', hidden: 96, layers: 2 }, explained: 0.8 },
];

const python = findTorch2();
const runtime = 'PyTorch 2.x (.venv-torch2, see .ci/setup.d/42-torch2.sh)';
const present = requireRuntime(runtime, python !== null);

describeWithRuntime('generated networks learn (a few hundred steps)', runtime, present, () => {
  let results: Map<string, Learned>;
  beforeAll(() => {
    if (!present) return;
    const dir = generatedDir('net-learn');
    const input = CASES.map((c) => {
      const file = join(dir, `${c.name}.py`);
      writeFileSync(file, emitPyTorchNetwork(solveNetwork(c.request)));
      return { name: c.name, file, task: c.task };
    });
    const out = execFileSync(python!, [join(root, 'test', 'network', 'drivers', 'learn.py')], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    results = new Map((JSON.parse(out) as Learned[]).map((r) => [r.name, r]));
  }, 600_000);

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const r = results.get(name)!;
    expect(r.error ?? '').toBe('');
    expect(r.after).toBeLessThan(r.before);
    expect(1 - r.after / r.variance).toBeGreaterThan(c.explained);
    expect(r.equivariance).toBeLessThan(1e-5);
  });
});
