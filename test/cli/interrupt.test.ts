/**
 * "An interrupted run never leaves a partial file": the built CLI is spawned on a slow problem
 * with `-o FILE`, killed mid-run, and the directory is inspected.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/solve-basis.js', import.meta.url).pathname;

/** Runs the CLI, sends `signal` after `afterMs`, resolves with the exit and how long the kill took. */
function killDuring(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<{ code: number | null; signal: string | null; killToExitMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let sentAt = 0;
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, afterMs);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, killToExitMs: sentAt ? performance.now() - sentAt : -1 });
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
});
