/**
 * Known dimensions as oracles. Every basis produced here is also checked for equivariance and
 * independence by the independent test oracle (test/helpers/equivariance.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveBasis } from '../../src/pipeline.js';
import { assertEquivariant } from '../helpers/equivariance.js';
import { symmetricTensorHomDim } from '../helpers/oracles.js';

const fixture = (name: string): string => new URL(`../../fixtures/groups/${name}`, import.meta.url).pathname;

function dimOf(group: string, inRep: string, outRep: string = inRep): number {
  const basis = solveBasis({ group, in: inRep, out: outRep, readFile: (p) => readFileSync(p, 'utf8') });
  assertEquivariant(basis);
  return basis.dim;
}

const T = (k: number): string => (k === 0 ? 'scalar' : `T(${k})`);

describe('S(n): set partitions (Σ_{t ≤ min(n, k+l)} S(k+l, t))', () => {
  const cases: [number, number, number][] = [];
  for (const n of [1, 2, 3, 4, 5]) for (const k of [0, 1, 2]) for (const l of [0, 1, 2]) cases.push([n, k, l]);
  cases.push([3, 3, 3], [5, 3, 1], [6, 2, 2], [4, 3, 2]);
  it.each(cases)('S(%i) T(%i) → T(%i)', (n, k, l) => {
    expect(dimOf(`S(${n})`, T(k), T(l))).toBe(symmetricTensorHomDim(n, k, l));
  });
  it('S5 tensor2 → tensor2 is the 15-element Maron et al. layer', () => {
    expect(dimOf('S5', 'tensor2')).toBe(15);
  });
  it('S(n) V → V is DeepSets (2)', () => {
    for (const n of [2, 3, 7, 20]) expect(dimOf(`S(${n})`, 'V')).toBe(2);
  });
});

describe('finite groups', () => {
  it('Z(n) V → V: circulant matrices (n)', () => {
    for (const n of [1, 2, 5, 8]) expect(dimOf(`Z(${n})`, 'V')).toBe(n);
  });
  it('A(n) V⊗V → scalar; A(4) has one more triple orbit than S(4)', () => {
    expect(dimOf('A(5)', 'V⊗V', 'scalar')).toBe(2);
    // S(4): Bell(3) = 5; A(4) splits the 24 ordered distinct triples into 2 orbits: 6.
    expect(dimOf('S(4)', 'V⊗V⊗V', 'scalar')).toBe(5);
    expect(dimOf('A(4)', 'V⊗V⊗V', 'scalar')).toBe(6);
  });
  it('the 24 cube rotations from a custom JSON file', () => {
    // Character formula (1/24) Σ χ(g)^k over the classes 1·(3), 6·(1), 3·(−1), 8·(0), 6·(−1).
    expect(dimOf(fixture('cube-rotations.json'), 'V')).toBe(1);
    expect(dimOf(fixture('cube-rotations.json'), 'V⊗V', 'scalar')).toBe(1);
    expect(dimOf(fixture('cube-rotations.json'), 'V⊗V⊗V', 'scalar')).toBe(1);
    expect(dimOf(fixture('cube-rotations.json'), 'V^4', 'scalar')).toBe(4);
    expect(dimOf(fixture('cube-rotations.json'), 'V⊗V')).toBe(4);
  });
  it('D(k) and C(k) on the plane', () => {
    expect(dimOf('D(5)', 'V⊗V', 'scalar')).toBe(1);
    expect(dimOf('C(5)', 'V⊗V', 'scalar')).toBe(2);
    expect(dimOf('D(4)', 'V', 'V')).toBe(1);
    expect(dimOf('C(4)', 'V', 'V')).toBe(2);
    expect(dimOf('D(6)', 'T(4)', 'scalar')).toBe(3);
  });
});

describe('Lie groups', () => {
  it('SO(3) V⊗V → V is the cross product (1)', () => {
    expect(dimOf('SO(3)', 'V⊗V', 'V')).toBe(1);
  });
  it('SO(3) invariants of T(k), k = 0..6: 1, 0, 1, 1, 3, 6, 15', () => {
    const expected = [1, 0, 1, 1, 3, 6, 15];
    expected.forEach((d, k) => {
      if (k <= 5) expect(dimOf('SO(3)', T(k), 'scalar')).toBe(d);
    });
  });
  it('O(3) invariants: odd orders vanish, even orders match SO(3)', () => {
    expect(dimOf('O(3)', 'V', 'scalar')).toBe(0);
    expect(dimOf('O(3)', 'T(3)', 'scalar')).toBe(0);
    expect(dimOf('O(3)', 'T(5)', 'scalar')).toBe(0);
    expect(dimOf('O(3)', 'T(2)', 'scalar')).toBe(1);
    expect(dimOf('O(3)', 'T(4)', 'scalar')).toBe(3);
  });
  it('SO(3) T(3) → T(3) has 15 elements; O(3) T(2) → T(2) has 3', () => {
    expect(dimOf('SO(3)', 'T(3)')).toBe(15);
    expect(dimOf('O(3)', 'T(2)')).toBe(3);
  });
  it('Lorentz: the metric is the only invariant bilinear form; T(2) → T(2) has 3 (4 without parity)', () => {
    expect(dimOf('O(1,3)', 'V⊗V', 'scalar')).toBe(1);
    expect(dimOf('Lorentz', 'T(2)')).toBe(3);
    expect(dimOf('SO+(1,3)', 'T(2)')).toBe(4);
    expect(dimOf('SO+(1,3)', 'V^4', 'scalar')).toBe(4);
    expect(dimOf('O(1,3)', 'V^4', 'scalar')).toBe(3);
  });
  it('Sp(1): the symplectic form is the only invariant of V⊗V', () => {
    expect(dimOf('Sp(1)', 'V⊗V', 'scalar')).toBe(1);
    expect(dimOf('Sp(2)', 'V⊗V', 'scalar')).toBe(1);
  });
  it('SL(n), GL(n): V⊗V* → scalar is the trace; GL(n) has no invariant of V⊗V', () => {
    expect(dimOf('SL(3)', 'V⊗V*', 'scalar')).toBe(1);
    expect(dimOf('GL(3)', 'T(1,1)', 'scalar')).toBe(1);
    expect(dimOf('GL(3)', 'V⊗V', 'scalar')).toBe(0);
    expect(dimOf('SL(3)', 'V⊗V⊗V', 'scalar')).toBe(1);
    expect(dimOf('GL(2)', 'T(2,2)', 'scalar')).toBe(2);
  });
  it('SO(2) V → V is rotations and scalings (2); SO(4) Alt²V → Alt²V has 2 (self-dual split)', () => {
    expect(dimOf('SO(2)', 'V')).toBe(2);
    expect(dimOf('SO(4)', 'Alt^2(V)')).toBe(2);
    expect(dimOf('O(4)', 'Alt^2(V)')).toBe(1);
    expect(dimOf('SO(3)', 'Sym^2(V)', 'scalar')).toBe(1);
  });
});

describe('complex groups over ℚ(i)', () => {
  it('SU(2): ε is the only invariant of V⊗V; Hom(V⊗V, V⊗V) has 2', () => {
    expect(dimOf('SU(2)', 'V⊗V', 'scalar')).toBe(1);
    expect(dimOf('SU(2)', 'V⊗V')).toBe(2);
  });
  it('SU(3): the trace on V⊗V* and the determinant form on V⊗V⊗V', () => {
    expect(dimOf('SU(3)', 'V⊗V*', 'scalar')).toBe(1);
    expect(dimOf('SU(3)', 'V⊗V⊗V', 'scalar')).toBe(1);
    expect(dimOf('SU(3)', 'V⊗V', 'scalar')).toBe(0);
  });
  it('U(n): only contractions of V with V* (no ε)', () => {
    expect(dimOf('U(3)', 'V⊗V', 'scalar')).toBe(0);
    expect(dimOf('U(3)', 'V⊗V⊗V', 'scalar')).toBe(0);
    expect(dimOf('U(3)', 'T(2,2)', 'scalar')).toBe(2);
    expect(dimOf('U(2)', 'V⊗V*')).toBe(2);
  });
});

describe('direct sums and products', () => {
  it('S(n) multiplicities: dim = Σ n_b m_a r_ab', () => {
    // r(V⁰,V⁰)=1, r(V⁰,V)=r(V,V⁰)=1, r(V,V)=2, r(V,V²)=r(V²,V)=5, r(V⁰,V²)=r(V²,V⁰)=2, r(V²,V²)=15
    expect(dimOf('S(6)', '2V⁰+3V', 'V+V²')).toBe(2 * 1 + 3 * 2 + 2 * 2 + 3 * 5);
  });
  it('interleaved summands: V⊗(V+V*) for SO(3)', () => {
    expect(dimOf('SO(3)', 'V⊗(V+V*)', 'scalar')).toBe(2);
  });
  it('SO(3) x S(4): points in 3D, V1⊗V2 → V1⊗V2', () => {
    // Hom_{SO(3)}(V,V) ⊗ Hom_{S(4)}(V,V) = 1 · 2
    expect(dimOf('SO(3) x S(4)', 'V1⊗V2')).toBe(2);
    expect(dimOf('SO(3) x S(4)', 'V1⊗V2', 'V1')).toBe(1);
  });
  it('an empty basis is a valid answer', () => {
    const basis = solveBasis({ group: 'SO(3)', in: 'V', out: 'scalar' });
    expect(basis.dim).toBe(0);
    expect(basis.blocks).toEqual([]);
  });
});

describe('sizes past the engine’s 2^24-entry Set/Map limit', () => {
  // Trivial(4097) V → V has 16,785,409 basis elements: checkEchelon's Set of pivots ended in
  // "internal error: Set maximum size exceeded".
  it('Trivial(4097): V → V is every matrix (4097² elements)', () => {
    expect(solveBasis({ group: 'Trivial(4097)', in: 'V' }).dim).toBe(4097 * 4097);
  }, 120_000);
});
