import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SolveBasisError } from '../../src/errors.js';
import { solveBasis } from '../../src/pipeline.js';
import { deadlineAfter } from '../../src/util/deadline.js';

describe('--timeout: a cooperative deadline', () => {
  it('tick() reads the clock only every 4096 calls; check() every time', () => {
    let clock = 0;
    let reads = 0;
    const d = deadlineAfter(1, () => (reads++, clock));
    reads = 0;
    for (let i = 0; i < 4095; i++) d.tick();
    expect(reads).toBe(0);
    clock = 2000;
    expect(() => d.tick()).toThrow(/timed out after 2.0 s/);
    expect(reads).toBe(1);
    expect(() => d.check()).toThrow(SolveBasisError);
    expect(reads).toBe(2);
  });

  it('throws E_TIMEOUT from inside a long exact solve, promptly', () => {
    const start = performance.now();
    let code = '';
    try {
      // Forced: the diagram strategy answers SO(3) T(5) at once.
      solveBasis({ group: 'SO(3)', in: 'T(5)', strategy: 'exact', maxMemoryBytes: 1e12, timeoutSeconds: 0.3 });
    } catch (e) {
      code = (e as SolveBasisError).code;
    }
    expect(code).toBe('E_TIMEOUT');
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('throws E_TIMEOUT from inside a long orbit solve', () => {
    expect(() => solveBasis({ group: 'S(8)', in: 'T(4)', strategy: 'orbit', timeoutSeconds: 0.05 })).toThrow(/timed out/);
  });

  it('throws E_TIMEOUT from inside a long diagram enumeration (O(3) T(7): 30,537 diagrams)', () => {
    expect(() => solveBasis({ group: 'O(3)', in: 'T(7)', timeoutSeconds: 0.02 })).toThrow(/timed out/);
  });

  it('a generous timeout changes nothing', () => {
    expect(solveBasis({ group: 'S(5)', in: 'V**2', timeoutSeconds: 60 }).dim).toBe(15);
  });

  it('the CLI exits with status 6 and one line naming the option', () => {
    let stderr = '';
    const status = main(['node', 'solve-basis', '--group', 'SO(3)', '--rep', 'T(5)', '--strategy', 'exact', '--max-memory', '1T', '--timeout', '0.2'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
    });
    expect(status).toBe(6);
    expect(stderr).toMatch(/^solve-basis: error E_TIMEOUT: timed out after [\d.]+ s \(limit 0.2 s\).*--timeout/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
