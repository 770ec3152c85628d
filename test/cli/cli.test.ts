import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (p: string): string => join(root, 'fixtures', p);

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(['node', 'solve-basis', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
  });
  return { status, stdout, stderr };
}

describe('CLI: success', () => {
  it('prints a human summary by default', () => {
    const r = run('--group', 'S5', '--rep', 'tensor2');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('15 of 625 parameters');
    expect(r.stdout).toContain('orbit');
    expect(r.stdout).toMatch(/time\s+[\d.]+ m?s/);
  });

  it('--format json prints the basis JSON', () => {
    const r = run('--group', 'S5', '--rep', 'tensor2', '--format', 'json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { dim: number };
    expect(j.dim).toBe(15);
  });

  it('--in/--out and -o FILE write atomically, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-'));
    const out = join(dir, 'basis.json');
    writeFileSync(out, 'old content');
    const r = run('--group', 'SO(3)', '--in', 'V**2', '--out', 'V', '--format', 'json', '-o', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { dim: number }).dim).toBe(1);
    expect(readdirSync(dir)).toEqual(['basis.json']);
  });

  it('a failed run leaves an existing output file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-'));
    const out = join(dir, 'basis.json');
    writeFileSync(out, 'old content');
    const r = run('--group', 'S(0)', '--rep', 'V', '--format', 'json', '-o', out);
    expect(r.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['basis.json']);
  });

  it('--help shows examples and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--group');
    // commander lists the subcommands under its own heading; ours must not repeat it.
    expect(r.stdout.match(/^Commands:/gm)).toHaveLength(1);
  });

  it('custom groups from a file', () => {
    const r = run('--group', fixture('groups/cube-rotations.json'), '--in', 'V⊗V', '--out', 'scalar', '--format', 'json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { dim: number }).dim).toBe(1);
  });
});

describe('CLI: every bad input is one line on stderr and a non-zero exit', () => {
  const cases: [string, string[], number, string][] = [
    ['unknown group', ['--group', 'Foo(3)', '--rep', 'V'], 2, 'E_GROUP_UNKNOWN'],
    ['S(0)', ['--group', 'S(0)', '--rep', 'V'], 2, 'E_GROUP_ARGUMENT'],
    ['S(-1)', ['--group', 'S(-1)', '--rep', 'V'], 2, 'E_GROUP_ARGUMENT'],
    ['malformed rep V**', ['--group', 'S5', '--rep', 'V**'], 2, 'E_REP_SYNTAX'],
    ['malformed rep T(1,', ['--group', 'S5', '--rep', 'T(1,'], 2, 'E_REP_SYNTAX'],
    ['negative power', ['--group', 'S5', '--rep', 'V**-1'], 2, 'E_REP_SYNTAX'],
    ['huge power', ['--group', 'S5', '--rep', 'V**1000'], 2, 'E_REP_VALUE'],
    ['no such factor', ['--group', 'S5', '--rep', 'V2'], 2, 'E_REP_FACTOR'],
    ['missing custom file', ['--group', fixture('groups/nope.json'), '--rep', 'V'], 2, 'E_GROUP_FILE'],
    ['custom file not JSON', ['--group', fixture('invalid/groups/not-json.json'), '--rep', 'V'], 2, 'E_GROUP_JSON'],
    ['non-square generator', ['--group', fixture('invalid/groups/non-square.json'), '--rep', 'V'], 2, 'E_GROUP_SHAPE'],
    ['singular generator', ['--group', fixture('invalid/groups/singular.json'), '--rep', 'V'], 2, 'E_GROUP_SINGULAR'],
    ['zero denominator', ['--group', fixture('invalid/groups/zero-denominator.json'), '--rep', 'V'], 2, 'E_GROUP_ENTRY'],
    ['missing --group', ['--rep', 'V'], 2, 'E_OPTION'],
    ['missing --rep', ['--group', 'S5'], 2, 'E_OPTION'],
    ['--rep with --in', ['--group', 'S5', '--rep', 'V', '--in', 'V'], 2, 'E_OPTION'],
    ['unknown option', ['--group', 'S5', '--rep', 'V', '--frobnicate'], 2, 'E_OPTION'],
    ['bad format', ['--group', 'S5', '--rep', 'V', '--format', 'xml'], 2, 'E_OPTION'],
    ['bad memory size', ['--group', 'S5', '--rep', 'V', '--max-memory', 'lots'], 2, 'E_OPTION'],
    // Forced strategies: the diagram strategy answers both in closed form.
    ['too large', ['--group', 'S(50)', '--rep', 'T(4)', '--strategy', 'orbit'], 3, 'E_TOO_LARGE'],
    ['too large for a small limit', ['--group', 'SO(3)', '--rep', 'T(3)', '--strategy', 'exact', '--max-memory', '1M'], 3, 'E_TOO_LARGE'],
    ['--flat of a diagram basis too large to expand', ['--group', 'O(3)', '--rep', 'T(5)', '--format', 'json', '--flat'], 3, 'E_TOO_LARGE'],
    ['orbit forced on a Lie group', ['--group', 'SO(3)', '--rep', 'V', '--strategy', 'orbit'], 4, 'E_SOLVER'],
  ];
  it.each(cases)('%s', (_name, args, status, code) => {
    const r = run(...args);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(code);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a rep error names the column; on a terminal a caret points at it', () => {
    let stderr = '';
    const status = main(['node', 'solve-basis', '--group', 'S5', '--rep', 'V⊗V**'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      stderrIsTTY: true,
    });
    expect(status).toBe(2);
    expect(stderr).toContain('column 6');
    expect(stderr.split('\n')[2]).toBe('       ^');
  });
});

describe('the installed command', () => {
  const bin = join(root, 'bin', 'solve-basis.js');
  it.runIf(existsSync(join(root, 'dist', 'cli', 'main.js')))('runs from bin/ as a child process', () => {
    const out = execFileSync(process.execPath, [bin, '--group', 'S5', '--rep', 'tensor2', '--format', 'json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as { dim: number }).dim).toBe(15);
    const bad = spawnSync(process.execPath, [bin, '--group', 'S5', '--rep', 'V**'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
