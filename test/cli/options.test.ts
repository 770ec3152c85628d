/**
 * Options given twice, options that contradict each other or have no effect, and stray arguments:
 * each is one E_OPTION line naming the option (commander alone keeps the last value silently).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(['node', 'solve-basis', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { status, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'solve-basis-opts-'));
const a = join(dir, 'a.json');
const b = join(dir, 'b.json');
const SOLVE = ['--group', 'S5', '--rep', 'V'];

describe('refused, with one E_OPTION line that names the option', () => {
  it.each([
    ['--group twice', ['--group', 'S5', '--group', 'S4', '--rep', 'V'], '--group given twice (S5, S4)'],
    ['-g then --group=', ['-g', 'S5', '--group=S4', '--rep', 'V'], '--group given twice (S5, S4)'],
    ['--rep twice', ['--group', 'S5', '-r', 'V', '--rep', 'V'], '--rep given twice (V, V)'],
    ['--in twice', ['--group', 'S5', '--in', 'V', '-i', 'V*'], '--in given twice (V, V*)'],
    ['--format twice', [...SOLVE, '--format', 'json', '-f', 'svg'], '--format given twice (json, svg)'],
    ['-o twice', [...SOLVE, '-o', a, '-o', b], `--output given twice (${a}, ${b})`],
    ['-o twice, values attached', [...SOLVE, `-o${a}`, `--output=${b}`], `--output given twice (${a}, ${b})`],
    ['an empty -o', [...SOLVE, '-o', ''], "--output needs a file name, got '' (leave out -o to print to stdout)"],
    ['--flat then --no-flat', [...SOLVE, '--format', 'json', '--flat', '--no-flat'], '--flat and --no-flat both given'],
    ['--no-flat then --flat', [...SOLVE, '--format', 'json', '--no-flat', '--flat'], '--no-flat and --flat both given'],
    ['--flat twice', [...SOLVE, '--format', 'json', '--flat', '--flat'], '--flat given twice'],
    ['--flat without JSON', [...SOLVE, '--flat'], '--flat applies only to --format json, not summary'],
    ['--no-flat without JSON', [...SOLVE, '--format', 'svg', '--no-flat'], '--no-flat applies only to --format json, not svg'],
    ['--certify twice', [...SOLVE, '--certify', '--certify'], '--certify given twice'],
    ['--timeout twice', [...SOLVE, '--timeout', '5', '--timeout', '6'], '--timeout given twice (5, 6)'],
    ['--max-memory twice', [...SOLVE, '--max-memory', '1G', '--max-memory', '2G'], '--max-memory given twice (1G, 2G)'],
    ['--strategy twice', [...SOLVE, '--strategy', 'orbit', '--strategy', 'exact'], '--strategy given twice (orbit, exact)'],
    ['groups with an argument', ['groups', 'extra'], "unexpected argument 'extra' after groups, expected no arguments"],
    ['explain with an argument', ['explain', 'extra', '--rep', 'V'], "unexpected argument 'extra' after explain, expected no arguments"],
    ['explain, --rep twice', ['explain', '--rep', 'V', '--rep', 'V2'], '--rep given twice (V, V2)'],
    ['explain, --group twice', ['explain', '--rep', 'V', '-g', 'S3', '--group', 'S4'], '--group given twice (S3, S4)'],
    ['-o before groups', ['-o', a, 'groups'], '--output before groups is not used by it (write the options of groups after it)'],
    ['--group before explain', ['--group', 'S3', 'explain', '--rep', 'V'], '--group before explain is not used by it (write the options of explain after it)'],
  ])('%s', (_name, args, message) => {
    const r = run(...args);
    expect(r.stderr).toBe(`solve-basis: error E_OPTION: ${message}\n`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an empty --group is not a "missing --group"', () => {
    const r = run('--group', '', '--rep', 'V');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^solve-basis: error E_GROUP_UNKNOWN: empty group name/);
  });

  it('--max-memory 0 is refused as an option, not reported as a problem too large', () => {
    const r = run(...SOLVE, '--max-memory', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^solve-basis: error E_OPTION: .*expected a positive size such as 512M or 8G, got '0'\n$/);
  });
});

describe('still accepted: the control', () => {
  it.each([
    ['each option once', [...SOLVE, '--format', 'json', '--flat', '--certify', '--timeout', '60', '--max-memory', '1G']],
    ['--no-flat with JSON', [...SOLVE, '--format', 'json', '--no-flat']],
    ['explain with its options after it', ['explain', '--rep', 'V', '--group', 'S3']],
    ['groups', ['groups']],
  ])('%s', (_name, args) => {
    const r = run(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
