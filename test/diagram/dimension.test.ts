/**
 * The closed forms behind the diagram strategy: the dimension formulas against classical
 * sequences, and the chosen diagrams against the formulas (their count is what makes an
 * independent set a basis), over a grid of N and n well beyond what the solvers can reach.
 */
import { describe, expect, it } from 'vitest';
import { familyDimension, partitionCount, standardTableaux } from '../../src/diagram/dimension.js';
import { brauerDiagrams, setPartitions } from '../../src/diagram/enumerate.js';
import type { DiagramFamilyKind } from '../../src/diagram/types.js';
import { symmetricTensorHomDim } from '../helpers/oracles.js';

const dim = (kind: DiagramFamilyKind, n: number, points: number): number => Number(familyDimension({ kind, dim: n }, points));
const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
const doubleFactorial = (k: number): number => (k <= 1 ? 1 : k * doubleFactorial(k - 2));

describe('dimension formulas', () => {
  it('hook length formula: f^(3,2) = 5, f^(4,4,2) = 252, Σ (f^μ)² = N!', () => {
    expect(standardTableaux([3, 2])).toBe(5n);
    expect(standardTableaux([4, 4, 2])).toBe(252n);
    const all = [[4], [3, 1], [2, 2], [2, 1, 1], [1, 1, 1, 1]].reduce((s, mu) => s + standardTableaux(mu) ** 2n, 0n);
    expect(all).toBe(24n);
  });

  it('S(n): Bell numbers once n ≥ N, Stirling sums below', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 8, 10].map((N) => Number(partitionCount(N, 1000)))).toEqual([1, 1, 2, 5, 15, 52, 203, 4140, 115975]);
    for (const n of [1, 2, 3, 5]) for (const N of [0, 1, 4, 6]) expect(dim('symmetric', n, N)).toBe(symmetricTensorHomDim(n, N, 0));
  });

  it('O(n): (N−1)!! Brauer diagrams once n ≥ N/2; 603 and 4,213 for O(3) on 10 and 12 indices; 1 for O(1)', () => {
    for (const N of [2, 4, 6, 8, 10]) expect(dim('orthogonal', N / 2, N)).toBe(doubleFactorial(N - 1));
    expect(dim('orthogonal', 3, 10)).toBe(603);
    expect(dim('orthogonal', 3, 12)).toBe(4213);
    for (const N of [2, 4, 6, 8]) expect(dim('orthogonal', 1, N)).toBe(1);
    for (const N of [1, 3, 5]) expect(dim('orthogonal', 3, N)).toBe(0);
  });

  it('SO(3): the Riordan numbers 1, 0, 1, 1, 3, 6, 15, 36, 91, 232, 603', () => {
    expect(range(11).map((N) => dim('special-orthogonal', 3, N))).toEqual([1, 0, 1, 1, 3, 6, 15, 36, 91, 232, 603]);
  });

  it('SO(2) ≅ U(1): C(N, N/2) invariants of V^⊗N for even N (sign sequences summing to 0)', () => {
    expect([0, 2, 4, 6, 8].map((N) => dim('special-orthogonal', 2, N))).toEqual([1, 2, 6, 20, 70]);
  });

  it('Sp(1) = SL(2): Catalan numbers; Sp(m) with m ≥ N/2: (N−1)!!', () => {
    expect([0, 2, 4, 6, 8, 10].map((N) => dim('symplectic', 2, N))).toEqual([1, 1, 2, 5, 14, 42]);
    for (const N of [2, 4, 6, 8]) expect(dim('symplectic', N, N)).toBe(doubleFactorial(N - 1));
  });
});

describe('the chosen diagrams: as many as the dimension (so, being independent, a basis)', () => {
  it('set partitions with at most n blocks', () => {
    for (const n of [1, 2, 3, 4, 7]) for (const N of [0, 1, 2, 5, 7]) expect(setPartitions(range(N), n).length).toBe(dim('symmetric', n, N));
  });

  it('orthogonal: matchings in at most n nested chains; all of them when n ≥ N/2', () => {
    for (const n of [1, 2, 3, 4, 5]) for (const N of [0, 2, 4, 6, 8, 10, 12]) expect(brauerDiagrams(range(N), 'nested', n, 0).length, `n=${n} N=${N}`).toBe(dim('orthogonal', n, N));
    expect(brauerDiagrams(range(14), 'nested', 3, 0).length).toBe(dim('orthogonal', 3, 14));
  });

  it('special orthogonal: plus the ε-diagrams whose arcs and ε-arcs form n nested chains', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      for (let N = 0; N <= 11; N++) {
        const count = brauerDiagrams(range(N), 'nested', n, 0).length + (N >= n ? brauerDiagrams(range(N), 'nested', n, n).length : 0);
        expect(count, `n=${n} N=${N}`).toBe(dim('special-orthogonal', n, N));
      }
    }
  });

  it('symplectic: matchings with no m + 1 pairwise nested pairs', () => {
    for (const m of [1, 2, 3]) for (const N of [0, 2, 4, 6, 8, 10, 12]) expect(brauerDiagrams(range(N), 'non-nested', m, 0).length, `m=${m} N=${N}`).toBe(dim('symplectic', 2 * m, N));
  });

  it('are generated in a fixed order, each arc (p, q) with p < q', () => {
    const a = brauerDiagrams(range(8), 'nested', 2, 0);
    expect(brauerDiagrams(range(8), 'nested', 2, 0)).toEqual(a);
    for (const d of a) for (const [p, q] of d.pairs) expect(p).toBeLessThan(q);
    expect(new Set(a.map((d) => JSON.stringify(d))).size).toBe(a.length);
  });
});
