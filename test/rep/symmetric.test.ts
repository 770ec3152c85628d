import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricCount, symmetricRank, symmetricTuples } from '../../src/rep/symmetric.js';
import { solveBasis } from '../../src/pipeline.js';

describe('sorted tuples of Sym^k / Alt^k', () => {
  it('rank is the position in symmetricTuples, count its length (all small cases)', () => {
    for (const kind of ['sym', 'alt'] as const) {
      for (let d = 0; d <= 6; d++) {
        for (let k = 0; k <= 4; k++) {
          const tuples = symmetricTuples(kind, d, k);
          expect(symmetricCount(kind, d, k), `${kind} d=${d} k=${k}`).toBe(tuples.length);
          tuples.forEach((t, i) => expect(symmetricRank(kind, d, t)).toBe(i));
        }
      }
    }
  });

  it('rank agrees with the list on random larger cases', () => {
    fc.assert(
      fc.property(fc.constantFrom('sym' as const, 'alt' as const), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3 }), fc.nat(), (kind, d, k, pick) => {
        const tuples = symmetricTuples(kind, d, k);
        if (tuples.length === 0) return;
        const i = pick % tuples.length;
        expect(symmetricRank(kind, d, tuples[i]!)).toBe(i);
      }),
    );
  });

  // Sym²(R^6000) has 18,003,000 coordinates: a Map of every tuple passed the engine's 2^24 limit
  // ("internal error: Map maximum size exceeded").
  it('Z(6000): Sym²(V) → scalar has one invariant per shift orbit of pairs (Burnside: 3001)', () => {
    // (1/6000)·(18,003,000 fixed by the identity + 3,000 pairs {i, i+3000} fixed by the half shift)
    const basis = solveBasis({ group: 'Z(6000)', in: 'Sym^2(V)', out: 'scalar' });
    expect(basis.dim).toBe(3001);
  }, 120_000);
});
