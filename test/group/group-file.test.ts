/**
 * Reading a custom group file: what is not a regular file, or is larger than the cap, is refused
 * at once (before reading: /dev/zero once ran for a minute and died of std::bad_alloc), and
 * `--timeout` covers reading and checking the file, not only the solve.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SolveBasisError } from '../../src/errors.js';
import { loadCustomGroup } from '../../src/group/custom.js';
import { MAX_GROUP_FILE_BYTES } from '../../src/group/read-file.js';
import { solveBasis } from '../../src/pipeline.js';
import { deadlineAfter, type Deadline } from '../../src/util/deadline.js';

const bin = new URL('../../bin/solve-basis.js', import.meta.url).pathname;
const made: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'solve-basis-group-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const SWAP = JSON.stringify({ name: 'swap', dim: 2, generators: [[[0, 1], [1, 0]]] });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SolveBasisError);
    return (e as SolveBasisError).code;
  }
  return 'no error';
}

/** The built CLI, with a wall-clock limit so that a reader that blocks or reads for ever fails instead of hanging the suite. */
function cli(args: string[]): { status: number | null; stderr: string; ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 15_000 });
  return { status: r.status, stderr: r.stderr, ms: performance.now() - t };
}

describe('group files that are not regular files are refused before reading', () => {
  it.each([
    ['a character device (/dev/zero: reading it is harmless, and never ends)', () => '/dev/zero', 'it is a character device'],
    ['a named pipe without a writer', (d: string) => (execFileSync('mkfifo', [join(d, 'pipe.json')]), join(d, 'pipe.json')), 'it is a named pipe (FIFO)'],
    ['a directory', (d: string) => d, 'it is a directory'],
    ['a link to a character device', (d: string) => (symlinkSync('/dev/zero', join(d, 'zero.json')), join(d, 'zero.json')), 'it is a character device'],
  ])('%s', (_name, make, what) => {
    const path = make(tmp());
    const r = cli(['--group', path, '--rep', 'V', '--timeout', '5']);
    expect(r.stderr).toBe(`solve-basis: error E_GROUP_FILE: cannot read group file ${path}: ${what}, expected a regular JSON file\n`);
    expect(r.status).toBe(2);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a socket', async () => {
    const path = join(tmp(), 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const e = (() => {
        try {
          loadCustomGroup(path);
        } catch (err) {
          return err as SolveBasisError;
        }
        throw new Error('no error');
      })();
      expect(e.code).toBe('E_GROUP_FILE');
      expect(e.message).toBe(`cannot read group file ${path}: it is a socket`);
    } finally {
      server.close();
    }
  });

  it(`a file above the cap (${MAX_GROUP_FILE_BYTES / 2 ** 20} MiB) is refused with its size, without reading it`, () => {
    const path = join(tmp(), 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_GROUP_FILE_BYTES + 1); // sparse: no disk space used
    const r = cli(['--group', path, '--rep', 'V']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`solve-basis: error E_GROUP_FILE: cannot read group file ${path}: it is too large (64.0 MiB), expected at most 64 MiB (67108864 bytes), got 67108865 bytes\n`);
  });

  it('a link to a regular group file still works', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'swap.json'), SWAP);
    symlinkSync('swap.json', join(dir, 'link.json'));
    expect(loadCustomGroup(join(dir, 'link.json')).name).toBe('swap');
  });
});

describe('--timeout covers reading and checking the group file', () => {
  it('the deadline starts before the file is read', () => {
    const slowRead = (): string => {
      const until = performance.now() + 60;
      while (performance.now() < until);
      return SWAP;
    };
    expect(codeOf(() => solveBasis({ group: 'slow.json', readFile: slowRead, in: 'V', timeoutSeconds: 0.02 }))).toBe('E_TIMEOUT');
    expect(solveBasis({ group: 'slow.json', readFile: slowRead, in: 'V', timeoutSeconds: 10 }).dim).toBe(2);
  });

  it('checking a large file ticks the deadline', () => {
    const n = 300;
    const perm = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === (i + 1) % n ? 1 : 0)));
    const text = JSON.stringify({ name: 'cycle', dim: n, generators: [perm] });
    // A clock that runs out at its fourth reading: after the start and the coarse checks before
    // the matrices, only the per-entry ticks (a reading every 4096) get there.
    let reads = 0;
    const deadline = deadlineAfter(1, () => (reads++ < 3 ? 0 : 10_000));
    expect(codeOf(() => loadCustomGroup('cycle.json', { readFile: () => text, deadline }))).toBe('E_TIMEOUT');
    expect(reads).toBe(4);
  });
});

describe('--timeout covers the singular check of a dense generator', () => {
  /** A deadline that never expires and counts its ticks. */
  function counting(): { deadline: Deadline; ticks: () => number } {
    let n = 0;
    return { deadline: { tick: () => void n++, check: () => undefined }, ticks: () => n };
  }
  const dense = (n: number, entry: (i: number, j: number) => number): number[][] =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => entry(i, j)));

  it.each([
    ['exact', (i: number, j: number) => ((i * 7 + j * 3) % 5) - 2 + (i === j ? 9 : 0)],
    ['float', (i: number, j: number) => Math.sin(i * 31 + j * 17 + 0.5) + (i === j ? 3 : 0)],
  ])('%s: inverting it ticks the deadline (beyond the one tick per entry read)', (_kind, entry) => {
    const n = 30;
    const { deadline, ticks } = counting();
    loadCustomGroup('dense.json', { readFile: () => JSON.stringify({ dim: n, generators: [dense(n, entry)] }), deadline });
    expect(ticks()).toBeGreaterThan(n * n);
  });

  it('the CLI stops a 60 × 60 dense exact generator (about 10 s to invert) at --timeout', () => {
    const path = join(tmp(), 'dense60.json');
    // Entries -3…3 from a fixed linear congruential sequence: dense and (almost surely) invertible.
    let x = 12345;
    const next = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31), (x >> 16) % 7) - 3;
    const m = Array.from({ length: 60 }, () => Array.from({ length: 60 }, next));
    writeFileSync(path, JSON.stringify({ dim: 60, generators: [m] }));
    const r = cli(['--group', path, '--rep', 'V', '--timeout', '0.5']);
    expect(r.stderr).toMatch(/^solve-basis: error E_TIMEOUT: timed out after/);
    expect(r.status).toBe(6);
    expect(r.ms).toBeLessThan(8000);
  });
});
