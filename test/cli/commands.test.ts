import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';
import { progressLine } from '../../src/cli/progress.js';

function run(args: string[], io: Partial<CliIO> = {}): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(['node', 'solve-basis', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    ...io,
  });
  return { status, stdout, stderr };
}

/** A clock that advances `step` ms at every reading. */
function fakeClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('solve-basis groups', () => {
  it('lists every built-in family with its generator convention', () => {
    const r = run(['groups']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of ['S(n)', 'A(n)', 'Z(n)', 'SO(n)', 'O(n)', 'Sp(m)', 'SO+(1,3)', 'Lorentz', 'Cube', 'RubiksCube']) {
      expect(r.stdout).toContain(`${name}  —`);
    }
    expect(r.stdout).toContain('transpositions (0 i)');
    expect(r.stdout).toContain('S(5): acts on V = ℚ^5; order 120, 4 discrete generators, exact');
    expect(r.stdout).toContain('SO(3): acts on V = ℚ^3; Lie algebra of dimension 3');
    // The same words as the summary: U(2) acts on ℚ(i)², not on R².
    expect(r.stdout).toContain('U(2): acts on V = ℚ(i)^2');
  });
});

describe('solve-basis explain', () => {
  it('prints the parsed rep, its dimension and its summands', () => {
    const r = run(['explain', '--rep', 'V+V**2', '--group', 'SO(3)']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("rep       V+V⊗V   (parsed from 'V+V**2')");
    expect(r.stdout).toContain('dim       12');
    expect(r.stdout).toContain('summands  2 (2 distinct)');
    expect(r.stdout).toContain('1 × V⊗V  (dim 9 each)  at [3, 12)');
  });

  it('shows interleaved coordinates of a tensor product of sums', () => {
    const r = run(['explain', '--rep', 'V⊗(V+V*)', '--group', 'S(3)']);
    expect(r.stdout).toContain('1 × V⊗V*  (dim 9 each)  at {3, 4, 5, 9, …}');
  });

  it('works without a group (canonical form only)', () => {
    const r = run(['explain', '--rep', '2*V']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('rep       2V');
  });

  it('a bad rep gets a caret under the column on a terminal', () => {
    const r = run(['explain', '--rep', 'V+*V', '--group', 'S5'], { stderrIsTTY: true });
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain('E_REP_SYNTAX');
    expect(lines[0]).toContain('column 3');
    expect(lines[1]).toBe('  V+*V');
    expect(lines[2]).toBe('    ^');
  });

  it('an unknown group suggests the nearest built-in names', () => {
    const r = run(['explain', '--rep', 'V', '--group', 'Lorenz']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean Lorentz?');
    expect(run(['--group', 'Trivail(3)', '--rep', 'V']).stderr).toContain('did you mean Trivial(n)?');
    expect(run(['--group', 'Rubik', '--rep', 'V']).stderr).toContain('did you mean RubiksCube?');
    expect(run(['--group', 'Q(3)', '--rep', 'V']).stderr).toContain('did you mean S(n) or A(n) or Z(n)?');
  });

  it('requires --rep', () => {
    const r = run(['explain', '--group', 'S5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("required option '-r, --rep <rep>'");
  });
});

describe('default command', () => {
  it('a mistyped subcommand gets a suggestion', () => {
    const r = run(['grups']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("solve-basis: error E_OPTION: unknown command 'grups', expected groups or explain or net, or options only (did you mean groups?)\n");
    expect(run(['--group', 'S5', '--rep', 'V', 'extra']).stderr).toContain("unknown command 'extra'");
  });

  it('still solves without a subcommand, and previews small patterns', () => {
    const r = run(['--group', 'S(3)', '--rep', 'V']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 of 9 parameters');
    expect(r.stdout).toContain('pattern   W[row = output, column = input]');
    expect(r.stdout).toContain('            a b b\n            b a b\n            b b a\n');
  });

  it('shows no pattern preview for overlapping (non-orbit) bases', () => {
    const r = run(['--group', 'SO(3)', '--rep', 'V**2']);
    expect(r.stdout).not.toContain('pattern');
  });

  it('--format svg -o writes the picture', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'solve-basis-')), 'pattern.svg');
    const r = run(['--group', 'S5', '--rep', 'tensor2', '--format', 'svg', '-o', out]);
    expect(r.status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('<svg');
    expect((svg.match(/class="element"/g) ?? []).length).toBe(15);
  });
});

describe('progress on stderr', () => {
  it('is drawn for slow solves on a terminal and erased at the end', () => {
    const r = run(['--group', 'S(4)', '--rep', 'V+V**2'], { stderrIsTTY: true, now: fakeClock(700) });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\rsolve-basis: \[#*\.*\] \d+% \(block \d\/4, [\d.]+ s\)/);
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(r.stdout).not.toContain('solve-basis: [');
  });

  it('never appears when stderr is not a terminal or the solve is quick', () => {
    expect(run(['--group', 'S(4)', '--rep', 'V+V**2'], { stderrIsTTY: false, now: fakeClock(700) }).stderr).toBe('');
    expect(run(['--group', 'S(4)', '--rep', 'V+V**2'], { stderrIsTTY: true, now: fakeClock(1) }).stderr).toBe('');
    const json = run(['--group', 'S(4)', '--rep', 'V+V**2', '--format', 'json'], { stderrIsTTY: false, now: fakeClock(700) });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toBe('');
  });

  it('progressLine reports percentages', () => {
    let out = '';
    const p = progressLine((t) => (out += t), true, fakeClock(2000));
    p.onProgress(1, 2);
    expect(out).toContain('50% (block 1/2');
    p.finish();
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });
});
