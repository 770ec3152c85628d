import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { basisJsonText } from '../../src/emit/reports/json.js';
import { solveBasis } from '../../src/pipeline.js';

describe('resource guard on output and input sizes', () => {
  it('JSON that would not fit the memory limit is refused with E_TOO_LARGE, not an out-of-memory crash', () => {
    const b = solveBasis({ group: 'S(5)', in: 'T(2)', strategy: 'orbit' });
    expect(() => basisJsonText(b, { maxMemoryBytes: 10_000 })).toThrow(/basis JSON too large: 625 entries need about .* above the limit/);
    expect(basisJsonText(b).length).toBeGreaterThan(0);
  });

  it('the CLI passes --max-memory to the JSON writer and exits 3', () => {
    let stderr = '';
    const status = main(['node', 'solve-basis', '--group', 'S(5)', '--rep', 'T(2)', '--format', 'json', '--max-memory', '40K'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
    });
    expect(status).toBe(3);
    expect(stderr).toMatch(/^solve-basis: error E_TOO_LARGE: basis JSON too large/);
  });

  it('S(50) T(4)→T(4) by orbit sums is refused at once, with the estimate and how to raise the limit', () => {
    const start = performance.now();
    expect(() => solveBasis({ group: 'S(50)', in: 'T(4)', strategy: 'orbit' })).toThrow(/needs an estimated 1.11 PiB .*above the limit of 4.00 GiB/);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
