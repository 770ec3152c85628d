/**
 * expm on Lie algebra elements with entries near the float64 limit: the scaling step used to
 * compute log2(norm / 0.5) = log2(Infinity) for norms above MAX_VALUE / 2, and then squared
 * forever (found by the group-file fuzz test).
 */
import { describe, expect, it } from 'vitest';
import { SolverError } from '../../src/errors.js';
import { expm } from '../../src/linalg/expm.js';

describe('expm near the float64 limit', () => {
  it.each([1e308, Number.MAX_VALUE, 9e307])('a matrix of norm %d returns (or fails typed) at once', (big) => {
    const a = [Float64Array.of(0, 0, big), Float64Array.of(0, 1, 0), Float64Array.of(0, 0, 0)];
    const t = performance.now();
    try {
      expect(expm(a)).toHaveLength(3);
    } catch (e) {
      expect(e).toBeInstanceOf(SolverError);
    }
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('moderate norms are unchanged: e^(t·J) is the rotation by t', () => {
    const r = expm([Float64Array.of(0, -3), Float64Array.of(3, 0)]);
    expect(r[0]![0]!).toBeCloseTo(Math.cos(3), 13);
    expect(r[1]![0]!).toBeCloseTo(Math.sin(3), 13);
  });
});
