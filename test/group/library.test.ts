import { describe, expect, it } from 'vitest';
import { asSignedPermutation } from '../../src/linalg/sparse.js';
import type { Field } from '../../src/field/field.js';
import type { AnyGroup } from '../../src/group/group.js';
import {
  alternating,
  builtinGroups,
  cube,
  cyclic,
  dihedral,
  generalLinear,
  lorentz,
  orthogonal,
  rotations,
  rubiksCube,
  specialLinear,
  specialOrthogonal,
  symmetric,
  symplectic,
  trivial,
} from '../../src/group/library/index.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { add, closedUnderBracket, dense, diag, eye, mat, maxAbsDiff, rank, transposeD } from './helpers.js';

const lie = (g: AnyGroup) => g.lie.map((m) => dense(g, m));
const disc = (g: AnyGroup) => g.discrete.map((m) => dense(g, m));

describe('permutation families (EMLP conventions)', () => {
  it('S(3): transpositions (0 1), (0 2)', () => {
    expect(disc(symmetric(3))).toEqual([
      [[0, 1, 0], [1, 0, 0], [0, 0, 1]],
      [[0, 0, 1], [0, 1, 0], [1, 0, 0]],
    ]);
  });

  it('Z(4) is jnp.roll(x, 1): (Mx)[i] = x[i−1]', () => {
    const [m] = disc(cyclic(4));
    expect(m).toEqual([
      [0, 0, 0, 1],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    const x = [[10], [11], [12], [13]];
    expect(mat(m!, x).flat()).toEqual([13, 10, 11, 12]);
  });

  it('A(4): 3-cycles x ↦ x[perm] with perm (0→1→i→0)', () => {
    const [a, b] = disc(alternating(4));
    // perm = [1, 2, 0, 3]: M[i, perm[i]] = 1
    expect(a).toEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(b).toEqual([
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [1, 0, 0, 0],
    ]);
  });

  it('A(1), A(2), S(1), Trivial(n) have no generators', () => {
    for (const g of [alternating(1), alternating(2), symmetric(1), trivial(4)]) {
      expect(g.discrete).toHaveLength(0);
      expect(g.lie).toHaveLength(0);
      expect(g.order).toBe(1n);
    }
    expect(alternating(2).dim).toBe(2);
  });

  it('Cube: EMLP face permutations with M[i, perm[i]] = 1', () => {
    const [f] = cube().discrete;
    const sp = asSignedPermutation(cube().field as Field<unknown>, f!)!;
    // asSignedPermutation gives M e_j = e_{perm[j]}; M[i, F[i]] = 1 means column F[i] → row i.
    const F = [4, 1, 0, 3, 5, 2];
    F.forEach((c, i) => expect(sp.perm[c]).toBe(i));
  });

  it.each(['S(6)', 'A(6)', 'Z(5)', 'D(4)', 'C(4)', 'C(2)', 'Cube', 'RubiksCube', 'O(3)', 'O(1,3)', 'SO(1,3)', 'O(1,1)'])(
    'discrete generators of %s are signed permutations',
    (spec) => {
      const g = resolveGroup(spec);
      expect(g.field.kind).toBe('exact');
      for (const m of g.discrete) expect(asSignedPermutation(g.field as Field<unknown>, m)).not.toBeNull();
    },
  );

  it('RubiksCube: 6 permutation generators on 48 facelets, U first as in EMLP', () => {
    const g = rubiksCube();
    expect(g.dim).toBe(48);
    expect(g.discrete).toHaveLength(6);
    for (const m of g.discrete) {
      const sp = asSignedPermutation(g.field as Field<unknown>, m)!;
      expect([...sp.sign].every((s) => s === 1)).toBe(true);
      // Each quarter turn moves 8 face stickers + 12 side stickers = 20 facelets.
      expect([...sp.perm].filter((to, from) => to !== from)).toHaveLength(20);
    }
    // U rotates face 0 by numpy.rot90 and pulls rows 0..2 of F from L, etc.
    const u = dense(g, g.discrete[0]!);
    const perm = u.map((row) => row.indexOf(1));
    expect(perm.slice(0, 16)).toEqual([2, 4, 7, 1, 6, 0, 3, 5, 32, 33, 34, 11, 12, 13, 14, 15]);
  });
});

describe('plane groups C(k), D(k)', () => {
  it('C(4) is exact with EMLP’s sign: [[cos, sin], [−sin, cos]] = [[0, 1], [−1, 0]]', () => {
    const g = rotations(4);
    expect(g.field.kind).toBe('exact');
    expect(disc(g)).toEqual([[[0, 1], [-1, 0]]]);
  });

  it('C(1), C(2) exact; D(2) adds the reflection diag(−1, 1)', () => {
    expect(disc(rotations(1))).toEqual([eye(2)]);
    expect(disc(rotations(2))).toEqual([diag([-1, -1])]);
    expect(disc(dihedral(2))).toEqual([diag([-1, -1]), diag([-1, 1])]);
    expect(dihedral(2).order).toBe(4n);
  });

  it('C(5), D(3) are exact over number fields, with np.cos/np.sin values', () => {
    const c5 = rotations(5);
    expect(c5.field.kind).toBe('exact');
    expect(c5.field.name).toBe('ℚ(2cos(2π/20))');
    const t = (2 * Math.PI) / 5;
    const want = [[Math.cos(t), Math.sin(t)], [-Math.sin(t), Math.cos(t)]];
    disc(c5)[0]!.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - want[i]![j]!)).toBeLessThan(2e-16)));
    const d3 = dihedral(3);
    expect(d3.field.name).toBe('ℚ(√3)');
    expect(disc(d3)[1]).toEqual(diag([-1, 1]));
    expect(d3.order).toBe(6n);
  });

  it.each([
    [3, 'ℚ(√3)'],
    [6, 'ℚ(√3)'],
    [8, 'ℚ(√2)'],
    [12, 'ℚ(√3)'],
    [7, 'ℚ(2cos(2π/28))'],
    [10, 'ℚ(2cos(2π/20))'],
  ])('C(%i) is exact over %s', (k, name) => {
    expect(rotations(k).field.name).toBe(name);
    expect(dihedral(k).field.name).toBe(name);
  });

  it('C(k) beyond the supported field degree is float with np.cos/np.sin values', () => {
    const c37 = rotations(37);
    expect(c37.field.kind).toBe('float');
    const t = (2 * Math.PI) / 37;
    expect(disc(c37)).toEqual([[[Math.cos(t), Math.sin(t)], [-Math.sin(t), Math.cos(t)]]]);
  });
});

describe('Lie groups', () => {
  it('SO(3): EMLP order (1,0), (2,0), (2,1), antisymmetric, closed', () => {
    const L = lie(specialOrthogonal(3));
    expect(L).toEqual([
      [[0, -1, 0], [1, 0, 0], [0, 0, 0]],
      [[0, 0, -1], [0, 0, 0], [1, 0, 0]],
      [[0, 0, 0], [0, 0, -1], [0, 1, 0]],
    ]);
    for (const a of L) expect(add(a, transposeD(a))).toEqual(diag([0, 0, 0]));
    expect(closedUnderBracket(L)).toBe(true);
  });

  it('O(n) adds diag(−1, 1, …) to so(n); SO(n) has n(n−1)/2 generators', () => {
    expect(disc(orthogonal(3))).toEqual([diag([-1, 1, 1])]);
    expect(specialOrthogonal(5).lie).toHaveLength(10);
    expect(closedUnderBracket(lie(specialOrthogonal(4)))).toBe(true);
  });

  it('Sp(1): [[1,0],[0,−1]], [[0,0],[1,0]], [[0,1],[0,0]] preserving J', () => {
    const L = lie(symplectic(1));
    expect(L).toEqual([
      [[1, 0], [0, -1]],
      [[0, 0], [1, 0]],
      [[0, 1], [0, 0]],
    ]);
  });

  it('Sp(m) on R^2m: m(2m+1) independent generators with AᵀJ + JA = 0, closed', () => {
    for (const m of [1, 2, 3]) {
      const g = symplectic(m);
      expect(g.dim).toBe(2 * m);
      const L = lie(g);
      expect(L).toHaveLength(m * (2 * m + 1));
      const J = eye(2 * m).map((_, i) => eye(2 * m).map((__, j) => (j === i + m ? 1 : i === j + m ? -1 : 0)));
      for (const a of L) expect(maxAbsDiff(add(mat(transposeD(a), J), mat(J, a)), J.map((r) => r.map(() => 0)))).toBe(0);
      expect(rank(L.map((a) => a.flat()))).toBe(L.length);
      if (m <= 2) expect(closedUnderBracket(L)).toBe(true);
    }
  });

  it('SL(2): E01, E10, E00 − E11; GL(2): E00, E01, E10, E11', () => {
    expect(lie(specialLinear(2))).toEqual([
      [[0, 1], [0, 0]],
      [[0, 0], [1, 0]],
      [[1, 0], [0, -1]],
    ]);
    expect(lie(generalLinear(2))).toEqual([
      [[1, 0], [0, 0]],
      [[0, 1], [0, 0]],
      [[0, 0], [1, 0]],
      [[0, 0], [0, 1]],
    ]);
    const sl3 = lie(specialLinear(3));
    expect(sl3).toHaveLength(8);
    for (const a of sl3) expect(a[0]![0]! + a[1]![1]! + a[2]![2]!).toBe(0);
    expect(closedUnderBracket(sl3)).toBe(true);
  });

  it('SO+(1,3): boosts then rotations, preserving η = diag(1, −1, −1, −1), closed', () => {
    const L = lie(lorentz('SO+(1,3)'));
    expect(L).toHaveLength(6);
    expect(L[0]).toEqual([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(L[3]).toEqual([[0, 0, 0, 0], [0, 0, -1, 0], [0, 1, 0, 0], [0, 0, 0, 0]]);
    const eta = diag([1, -1, -1, -1]);
    for (const a of L) expect(add(mat(transposeD(a), eta), mat(eta, a))).toEqual(diag([0, 0, 0, 0]));
    expect(closedUnderBracket(L)).toBe(true);
  });

  it('O(1,3) = Lorentz: discrete −I then diag(−1, 1, 1, 1), both preserving η', () => {
    const g = resolveGroup('Lorentz');
    expect(g.name).toBe('O(1,3)');
    expect(disc(g)).toEqual([diag([-1, -1, -1, -1]), diag([-1, 1, 1, 1])]);
    expect(disc(lorentz('SO(1,3)'))).toEqual([diag([-1, -1, -1, -1])]);
    expect(lorentz('SO+(1,3)').discrete).toHaveLength(0);
    const eta = diag([1, -1, -1, -1]);
    for (const h of disc(g)) expect(mat(mat(transposeD(h), eta), h)).toEqual(eta);
  });

  it('SO+(1,1), SO(1,1), O(1,1)', () => {
    expect(lie(lorentz('SO+(1,1)'))).toEqual([[[0, 1], [1, 0]]]);
    expect(disc(lorentz('SO(1,1)'))).toEqual([diag([-1, -1])]);
    expect(disc(lorentz('O(1,1)'))).toEqual([diag([-1, -1]), diag([-1, 1])]);
  });
});

describe('every built-in group', () => {
  const all = builtinGroups().map((b) => b.example);

  it('catalogue examples resolve to their canonical name', () => {
    for (const b of builtinGroups()) {
      const g = resolveGroup(b.example);
      expect(g.name).toBe(b.example === 'Lorentz' ? 'O(1,3)' : b.example);
      expect(g.convention.length).toBeGreaterThan(10);
    }
  });

  it.each(all)('%s: square generators of size dim, invertible discrete generators, deeply frozen', (spec) => {
    const g = resolveGroup(spec);
    for (const m of [...g.discrete, ...g.lie]) expect([m.rows, m.cols]).toEqual([g.dim, g.dim]);
    for (const h of disc(g)) expect(rank(h)).toBe(g.dim);
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.discrete)).toBe(true);
    expect(Object.isFrozen(g.lie)).toBe(true);
    expect(Object.isFrozen(g.factors)).toBe(true);
    expect(Object.isFrozen(g.factors[0])).toBe(true);
    expect(g.factors).toHaveLength(1);
    expect(g.factors[0]!.discrete).toEqual(g.discrete);
  });
});

describe('each Lie group is the whole group its name says', () => {
  // Components are told apart by signs that are homomorphisms: det, and for Lorentz groups also
  // sign(g₀₀) (orthochronous or not). The discrete generators must reach every component; the
  // Lie algebra reaches the identity component only.
  const det = (m: number[][]): number => {
    const a = m.map((r) => [...r]);
    const n = a.length;
    let d = 1;
    for (let c = 0; c < n; c++) {
      let p = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
      if (a[p]![c] === 0) return 0;
      if (p !== c) [a[p], a[c], d] = [a[c]!, a[p]!, -d];
      d *= a[c]![c]!;
      for (let r = c + 1; r < n; r++) {
        const f = a[r]![c]! / a[c]![c]!;
        for (let k = c; k < n; k++) a[r]![k]! -= f * a[c]![k]!;
      }
    }
    return d;
  };
  const components = (g: AnyGroup, lorentzSigns: boolean): number => {
    const signs = new Set(['1,1']);
    for (const m of disc(g)) {
      const s = [Math.sign(det(m)), lorentzSigns ? Math.sign(m[0]![0]!) : 1];
      for (const t of [...signs]) {
        const [a, b] = t.split(',').map(Number);
        signs.add(`${a! * s[0]!},${b! * s[1]!}`);
      }
    }
    return signs.size;
  };
  it.each([
    ['GL(3)', 2],
    ['GL+(3)', 1],
    ['GL(1)', 2],
    ['O(3)', 2],
    ['SO(3)', 1],
    ['SL(3)', 1],
    ['Sp(2)', 1],
    ['O(1,3)', 4],
    ['SO(1,3)', 2],
    ['SO+(1,3)', 1],
    ['O(1,1)', 4],
  ] as const)('%s has %i component(s)', (name, count) => {
    expect(components(resolveGroup(name), name.includes(',1') || name.includes(',3'))).toBe(count);
  });

  it('GL(n) differs from EMLP’s GL (= GL+(n)) only by the reflection, and says so', () => {
    const gl = resolveGroup('GL(3)');
    const glPlus = resolveGroup('GL+(3)');
    expect(lie(gl)).toEqual(lie(glPlus));
    expect(disc(gl)).toEqual([diag([-1, 1, 1])]);
    expect(gl.convention).toMatch(/EMLP GL lacks the reflection/);
    expect(builtinGroups().find((b) => b.name === 'GL+(n)')?.description).toMatch(/EMLP/);
  });
});
