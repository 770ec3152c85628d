/**
 * The trust features end to end through the built CLI: byte-identical JSON across separate
 * processes and spellings (certificate included), warnings on stderr, certificates in the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/solve-basis.js', import.meta.url).pathname;
const cli = (...args: string[]): string => execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('determinism across processes and spellings', () => {
  it.each([
    ['S(4)', ['--rep', 'tensor2'], ['--in', 'V⊗V', '--out', 'V**2']],
    ['D(5)', ['--rep', 'T(2)'], ['--in', 'V ⊗ V', '--out', '(V)^2']],
    ['SO(3)', ['--in', 'V**2', '--out', 'V'], ['--in', 'V⊗V', '--out', 'vector']],
    ['O(1,3)', ['--rep', 'T(2)'], ['--in', 'V**2', '--out', 'V^2']],
    ['S(3) x Z(3)', ['--in', 'V1⊗V2', '--out', 'V1+V2'], ['--in', 'V1*V2', '--out', 'V1⊕V2']],
  ])('%s: two processes, two spellings, --certify: identical bytes', (group, a, b) => {
    const first = cli('--group', group, ...a, '--format', 'json', '--certify');
    const second = cli('--group', group, ...b, '--format', 'json', '--certify');
    expect(second).toBe(first);
    expect(JSON.parse(first).certificate.certified).toBe(true);
  });
});

describe('warnings and certificates in the CLI', () => {
  it('a group that does not look like a group: a warning on stderr, exit 0, warnings in the JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-trust-'));
    const file = join(dir, 'shear.json');
    writeFileSync(file, JSON.stringify({ name: 'shear', dim: 2, generators: [[[1, 1], [0, 1]]] }));
    const r = spawnSync(process.execPath, [bin, '--group', file, '--rep', 'V', '--format', 'json', '--certify'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^solve-basis: warning: generator 0 does not return to the identity within 1000 powers/m);
    expect(r.stderr).toMatch(/^solve-basis: warning: not certified: generator 0 does not return/m);
    const json = JSON.parse(r.stdout);
    expect(json.warnings).toHaveLength(1);
    expect(json.certificate).toMatchObject({ certified: false, method: 'none' });
  });

  it('--certify in the summary names the method and the group order', () => {
    const out = cli('--group', 'S5', '--rep', 'tensor2', '--certify');
    expect(out).toMatch(/certified yes: dim 15 = \(1\/\|G\|\) Σ_g χ_in\(g⁻¹\)·χ_out\(g\) over all 120 elements \(exact\)/);
  });
});
