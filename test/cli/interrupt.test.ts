/**
 * "An interrupted run never leaves a partial file": the built CLI is spawned on a slow problem
 * with `-o FILE`, killed mid-run, and the directory is inspected.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/solve-basis.js', import.meta.url).pathname;

interface Killed {
  readonly code: number | null;
  readonly signal: string | null;
  readonly killToExitMs: number;
  readonly stderr: string;
}

/** Runs the CLI, sends `signal` after `afterMs` (or when `when` resolves), resolves with the exit, how long the kill took and stderr. */
function killDuring(args: string[], signal: NodeJS.Signals, afterMs: number, when?: (child: ChildProcess) => Promise<void>): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let sentAt = 0;
    let guard: NodeJS.Timeout | undefined;
    const kill = (): void => {
      if (sentAt || child.exitCode !== null) return;
      sentAt = performance.now();
      child.kill(signal);
      // A CLI that ignores the signal (blocked in a write) would outlive the test: end it.
      guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    };
    const timer = setTimeout(kill, afterMs);
    void when?.(child).then(kill);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ code, signal: sig, killToExitMs: sentAt ? performance.now() - sentAt : -1, stderr });
    });
  });
}

describe('interrupted runs leave no partial file', () => {
  it.each([
    ['SIGINT', 800],
    ['SIGTERM', 800],
    ['SIGINT', 3000],
  ] as const)('%s after %i ms: the existing FILE is untouched, no temporary file remains, exit is prompt', async (signal, afterMs) => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-kill-'));
    const file = join(dir, 'basis.json');
    writeFileSync(file, 'previous contents\n');
    // S(7) T(4)→T(4) by orbit sums (the diagram strategy would answer at once), idle machine: ~2 s to solve, then ~4.5 s building 87 MB of JSON before the
    // write at ~6.5 s. 800 ms lands in the solve, 3000 ms in the JSON building with ~3 s to spare
    // before the write even when the timer fires late (at 4500 ms a late timer could reach the write).
    const r = await killDuring(['--group', 'S(7)', '--rep', 'T(4)', '--strategy', 'orbit', '--format', 'json', '-o', file], signal, afterMs);
    expect(r.killToExitMs, 'killed before it finished').toBeGreaterThanOrEqual(0);
    expect(r.code === 130 || r.signal === signal, `exit ${r.code} / ${r.signal}`).toBe(true);
    // Prompt: well before the ~14 s the run would take (loose: the suite runs in parallel on 2 cores).
    expect(r.killToExitMs, 'ms from the signal to the exit').toBeLessThan(5000);
    expect(readdirSync(dir)).toEqual(['basis.json']);
    expect(readFileSync(file, 'utf8')).toBe('previous contents\n');
    // Said in one line, although the solve holds its thread (run.ts: the CLI runs in a worker).
    expect(r.stderr).toBe(`solve-basis: interrupted (${signal}); no output written\n`);
  });

  it('a run that finishes replaces the file (the control)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-kill-'));
    const file = join(dir, 'basis.json');
    writeFileSync(file, 'previous contents\n');
    const r = await killDuring(['--group', 'S(4)', '--rep', 'V**2', '--format', 'json', '-o', file], 'SIGINT', 60_000);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['basis.json']);
    expect(JSON.parse(readFileSync(file, 'utf8')).dim).toBe(15);
  });

  it('during the write: the temporary file is removed (or, if the rename won, the file is complete), and the line says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-kill-'));
    const file = join(dir, 'basis.json');
    writeFileSync(file, 'previous contents\n');
    // S(6) T(4): 24 MB of JSON. The signal goes as soon as the temporary file appears.
    const tempAppears = (): Promise<void> =>
      new Promise((resolve) => {
        const w = watch(dir, (_event, name) => {
          if (name !== null && name.endsWith('.tmp')) {
            w.close();
            resolve();
          }
        });
      });
    const r = await killDuring(['--group', 'S(6)', '--rep', 'T(4)', '--format', 'json', '-o', file], 'SIGINT', 120_000, tempAppears);
    expect(r.killToExitMs, 'killed before it finished').toBeGreaterThanOrEqual(0);
    expect(r.code === 130 || r.signal === 'SIGINT', `exit ${r.code} / ${r.signal}`).toBe(true);
    expect(readdirSync(dir)).toEqual(['basis.json']);
    const text = readFileSync(file, 'utf8');
    if (r.stderr.includes('after')) {
      // The rename won the race; the worker may even have reported the write before the signal.
      expect(r.stderr.replace(/^solve-basis: wrote .*\n/, '')).toBe(`solve-basis: interrupted (SIGINT) after ${file} was written\n`);
      expect((JSON.parse(text) as { dim: number }).dim).toBe(4111);
    } else {
      expect(r.stderr).toBe(`solve-basis: interrupted (SIGINT) while writing ${file}; the partial file was removed (${file} is as it was)\n`);
      expect(text).toBe('previous contents\n');
    }
  });

  it('writing to a named pipe nobody reads: Ctrl-C still ends it at once, and the pipe stays a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-basis-kill-'));
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = await killDuring(['--group', 'S5', '--rep', 'V', '-o', fifo], 'SIGINT', 1500);
    expect(r.code === 130 || r.signal === 'SIGINT', `exit ${r.code} / ${r.signal}`).toBe(true);
    expect(r.killToExitMs).toBeLessThan(2000);
    expect(r.stderr).toBe(`solve-basis: interrupted (SIGINT) while writing ${fifo}; what reached it may be incomplete\n`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
