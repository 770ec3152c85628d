import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseHidden } from '../../src/cli/net.js';

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(['node', 'solve-basis', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { status, stdout, stderr };
}

describe('solve-basis net', () => {
  it('writes a PyTorch network by default, atomically with -o, and says what it wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'net-'));
    const file = join(dir, 'net.py');
    const r = run(['net', '--group', 'O(5)', '--in', '2V', '--out', 'scalar', '--hidden', '48', '--layers', '2', '-o', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^solve-basis: wrote .*net\.py \(2 blocks, [\d,]+ parameters, .*\)\n$/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('class EquivariantNetwork(nn.Module)');
    expect(text).toContain('Regenerate with: solve-basis net --group "O(5)" --in 2V --out scalar --hidden 48 --layers 2 --format pytorch');
  });

  it('prints JAX with --format jax, takes a hidden rep per layer, and leaves out bilinear layers on request', () => {
    const r = run(['net', '-g', 'O(3)', '-i', 'V', '--out', 'T(2)', '--hidden', '8V⁰+2V,T(1,1)+4V⁰', '--no-bilinear', '-f', 'jax']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('def apply(params, x, stats=None):');
    expect(r.stdout).toContain('block 2: hidden V⊗V*+4*scalar');
    expect(r.stdout).toContain('bilinear: none');
    expect(r.stdout).toContain('--no-bilinear --format jax');
  });

  it('warns on stderr when the hidden reps cannot carry the input', () => {
    const r = run(['net', '-g', 'O(3)', '-i', 'V', '--out', 'V', '--hidden', '4*scalar', '--layers', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: input summand V .*ignores it/);
  });

  it.each([
    [['net', '-g', 'SU(2)', '-i', 'V', '--out', 'V'], /E_OPTION: networks need a real group/],
    [['net', '-g', 'O(3)', '-i', 'V'], /E_OPTION: .*--out/],
    [['net', '-g', 'O(3)', '-i', 'V', '--out', 'V', '--layers', 'x'], /E_OPTION: .*positive whole number/],
    [['net', '-g', 'O(3)', '-i', 'V', '--out', 'V', '--hidden', '8,'], /E_OPTION: .*channel count or a rep for every layer/],
    [['net', '-g', 'O(3)', '-i', 'V', '--out', 'V', '-f', 'tfjs'], /E_OPTION: .*Allowed choices are pytorch, jax/],
    [['net', '-g', 'O(3)', '-i', 'V+', '--out', 'V'], /E_REP_SYNTAX: .*at --in/],
  ])('refuses %j with exit 2', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('stops at --timeout with exit 6', () => {
    const r = run(['net', '-g', 'SO(3) x S(5)', '-i', 'V1⊗V2', '--out', 'V1', '--timeout', '0.001']);
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/E_TIMEOUT/);
  });

  it('suggests net for a mistyped subcommand and shows its examples in --help', () => {
    expect(run(['nett']).stderr).toMatch(/did you mean net\?/);
    expect(run(['net', '--help']).stdout).toContain('solve-basis net --group "O(5)" --in 2V --out scalar -o net.py');
  });

  it('parses --hidden: channel counts, reps, one per layer (commas inside T(p,q) stay)', () => {
    expect(parseHidden('384')).toBe(384);
    expect(parseHidden('32V⁰+16V')).toBe('32V⁰+16V');
    expect(parseHidden('T(1,1)+2V, 64')).toEqual(['T(1,1)+2V', 64]);
  });
});
