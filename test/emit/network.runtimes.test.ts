/**
 * Generated networks, run for real in every runtime users have: Debian's PyTorch 1.13, a current
 * PyTorch 2.x (also torch.compile and torch.export of the whole network, on a few cases), and JAX.
 * Per case: float64 equivariance of every block (linear, bilinear, gate, the block) and of the
 * whole network on random group elements (discrete components included), the file's own float32
 * self-test, gradients reaching every parameter, the parameter count, batch shapes, the
 * state_dict round trip and the equivariant standardisation. One Python process per runtime.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { emitJaxNetwork } from '../../src/emit/networks/jax.js';
import { emitPyTorchNetwork } from '../../src/emit/networks/pytorch.js';
import { generatedDir } from './layer-cases.js';
import { prepareNetworks, type PreparedNetwork } from './network-cases.js';
import { describeWithRuntime, findPython, findTorch2, requireRuntime, root } from './runtimes.js';

interface BlockErrors {
  linear: number;
  bilinear: number | null;
  gate: number;
  block: number;
}

interface NetResult {
  name: string;
  ok: boolean;
  error?: string;
  paramCount: number;
  eqNet64: number;
  eqBlocks64: (BlockErrors | number)[];
  eqFitted64: number;
  selfTest32: number;
  noGrad: string[];
  shapeBatch: number[];
  shapeSingle: number[];
  stateDictDiff?: number;
  stateKeys?: string[];
  paramNames?: string[];
  compileDiff?: number;
  compileEq?: number;
  exportDiff?: number;
  compileTrainStep?: boolean;
}

/** torch.compile and torch.export take ~25 s per network here: two cases cover them (parity and time reversal, a product). */
const COMPILED = new Set(['o13_particles', 'so3_points']);
/** JAX compiles each network several times (~12 s a case here): the torch runs cover every case, JAX these. */
const JAX_CASES = new Set(['o5_synthetic', 'o3_inertia', 'o13_particles', 's5_set', 'sp2_vector', 'so3_points', 'gl3_dual']);
const nets: PreparedNetwork[] = prepareNetworks();

function runDriver(python: string, driver: string, files: { name: string; file: string }[], args: string[] = []): Map<string, NetResult> {
  const out = execFileSync(python, [join(root, 'test', 'emit', 'drivers', driver), ...args], {
    input: JSON.stringify(files),
    encoding: 'utf8',
    timeout: 900_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, JAX_PLATFORMS: 'cpu', OMP_NUM_THREADS: '1' },
  });
  return new Map((JSON.parse(out) as NetResult[]).map((r) => [r.name, r]));
}

function write(runtime: string, emit: (n: PreparedNetwork) => string, only?: Set<string>): { name: string; file: string }[] {
  const dir = generatedDir(runtime);
  return nets
    .filter((n) => !only || only.has(n.name))
    .map((n) => {
      const file = join(dir, `${n.name}.py`);
      writeFileSync(file, emit(n));
      return { name: n.name, file };
    });
}

/** What every runtime must show for every case. */
function expectCommon(r: NetResult, n: PreparedNetwork): void {
  expect(r.error ?? '').toBe('');
  expect(r.ok).toBe(true);
  expect(r.paramCount).toBe(n.params);
  expect(r.eqNet64).toBeLessThan(1e-9);
  for (const b of r.eqBlocks64) {
    if (typeof b === 'number') expect(b).toBeLessThan(1e-9);
    else for (const v of [b.linear, b.gate, b.block, b.bilinear ?? 0]) expect(v).toBeLessThan(1e-9);
  }
  expect(r.eqFitted64).toBeLessThan(1e-9);
  expect(r.selfTest32).toBeLessThan(1e-4);
  expect(r.noGrad).toEqual([]);
  const dimOut = n.net.head.weight.shape[0];
  expect(r.shapeBatch).toEqual([2, 3, dimOut]);
  expect(r.shapeSingle).toEqual([dimOut]);
}

function expectTorch(r: NetResult, n: PreparedNetwork): void {
  expectCommon(r, n);
  expect(r.stateDictDiff).toBe(0);
  // state_dict: the parameters and the fitted standardisation; the bases are in the file.
  const norms = ['input_norm.scale', 'input_norm.shift', 'output_norm.scale', 'output_norm.shift'];
  expect(r.stateKeys).toEqual([...r.paramNames!, ...norms].sort());
  expect(r.paramNames!.filter((p) => p.includes('bilinear')).length).toBe(n.net.blocks.filter((b) => b.bilinear && b.bilinear.terms.length > 0).length);
}

const debian = findPython('torch');
const debianRuntime = 'PyTorch (python3-torch for /usr/bin/python3)';
const debianPresent = requireRuntime(debianRuntime, debian !== null);
describeWithRuntime("generated PyTorch networks, Debian's torch 1.13", debianRuntime, debianPresent, () => {
  let results: Map<string, NetResult>;
  beforeAll(() => {
    if (!debianPresent) return;
    results = runDriver(debian!, 'net_torch_check.py', write('net-pytorch', (n) => emitPyTorchNetwork(n.net)));
  }, 900_000);
  it.each(nets.map((n) => [n.name, n] as const))('%s', (name, n) => expectTorch(results.get(name)!, n));
});

const torch2 = findTorch2();
const torch2Runtime = 'PyTorch 2.x (.venv-torch2, see .ci/setup.d/42-torch2.sh, or SOLVE_BASIS_TORCH2_PYTHON)';
const torch2Present = requireRuntime(torch2Runtime, torch2 !== null);
describeWithRuntime('generated PyTorch networks, PyTorch 2.x with torch.compile and torch.export', torch2Runtime, torch2Present, () => {
  let results: Map<string, NetResult>;
  let compiled: Map<string, NetResult>;
  beforeAll(() => {
    if (!torch2Present) return;
    const files = write('net-pytorch2', (n) => emitPyTorchNetwork(n.net));
    results = runDriver(torch2!, 'net_torch_check.py', files.filter((f) => !COMPILED.has(f.name)));
    compiled = runDriver(torch2!, 'net_torch_check.py', files.filter((f) => COMPILED.has(f.name)), ['torch2']);
  }, 900_000);
  it.each(nets.map((n) => [n.name, n] as const))('%s', (name, n) => {
    const r = (COMPILED.has(name) ? compiled : results).get(name)!;
    expectTorch(r, n);
    if (COMPILED.has(name)) {
      expect(r.compileDiff).toBeLessThan(1e-5);
      expect(r.compileEq).toBeLessThan(1e-4);
      expect(r.exportDiff).toBeLessThan(1e-5);
      expect(r.compileTrainStep).toBe(true);
    }
  });
});

const jax = findPython('jax');
const jaxRuntime = 'JAX (pip install jax, e.g. into .venv)';
const jaxPresent = requireRuntime(jaxRuntime, jax !== null);
describeWithRuntime('generated JAX networks', jaxRuntime, jaxPresent, () => {
  let results: Map<string, NetResult>;
  beforeAll(() => {
    if (!jaxPresent) return;
    results = runDriver(jax!, 'net_jax_check.py', write('net-jax', (n) => emitJaxNetwork(n.net), JAX_CASES));
  }, 900_000);
  it.each(nets.filter((n) => JAX_CASES.has(n.name)).map((n) => [n.name, n] as const))('%s', (name, n) => expectCommon(results.get(name)!, n));
});
