/**
 * The strategies agree: orbit, exact and float (dense SVD or Reynolds projection) answers span the
 * same space. All return the canonical RREF basis, so the comparison is entrywise (to 1e-9 for
 * floats), which is equivalent to comparing the projectors onto the spaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RationalField } from '../../src/field/field.js';
import { toNumber, type Rational } from '../../src/field/rational.js';
import { customGroupFromJson } from '../../src/group/custom.js';
import type { Basis } from '../../src/basis.js';
import { solveBasis, type SolveRequest } from '../../src/pipeline.js';
import { toDense, type SparseMatrix } from '../../src/linalg/sparse.js';
import { assertEquivariant } from '../helpers/equivariance.js';
import { denseBasis, expectSameSpace } from '../helpers/span.js';


const strategiesOf = (b: Basis<unknown>): string[] => [...new Set(b.blocks.map((x) => x.strategy))];
const familiesOf = (b: Basis<unknown>): string[] => [...new Set(b.blocks.map((x) => x.family))];

describe('orbit ≡ exact ≡ float', () => {
  const monomial: [string, string, string][] = [
    ['S(4)', 'T(2)', 'T(2)'],
    ['A(4)', 'V⊗V⊗V', 'scalar'],
    ['Z(6)', 'V', 'V⊗V'],
    ['Cube', 'V', 'V'],
    ['S(3)', 'V+V⊗V', '2V+scalar'],
  ];
  it.each(monomial)('%s %s → %s', (group, inRep, outRep) => {
    const req: SolveRequest = { group, in: inRep, out: outRep };
    const orbit = solveBasis({ ...req, strategy: 'orbit' });
    const exact = solveBasis({ ...req, strategy: 'exact' });
    const float = solveBasis({ ...req, strategy: 'float' });
    expect(strategiesOf(orbit)).toEqual(orbit.dim ? ['orbit'] : []);
    expect(strategiesOf(exact)).toEqual(exact.dim ? ['rational'] : []);
    expect(familiesOf(exact)).toEqual(exact.dim ? ['exact'] : []);
    expect(familiesOf(float)).toEqual(float.dim ? ['float'] : []);
    expectSameSpace(orbit, exact);
    expectSameSpace(orbit, float);
  });

  const lie: [string, string, string][] = [
    ['SO(3)', 'T(2)', 'T(2)'],
    ['O(1,3)', 'T(2)', 'scalar'],
    ['Sp(1)', 'V⊗V', 'V⊗V'],
    ['SL(2)', 'T(1,1)', 'T(1,1)'],
  ];
  it.each(lie)('%s %s → %s: exact ≡ float', (group, inRep, outRep) => {
    const exact = solveBasis({ group, in: inRep, out: outRep });
    const float = solveBasis({ group, in: inRep, out: outRep, strategy: 'float' });
    expectSameSpace(exact, float);
    assertEquivariant(float);
  });

  it('number field ≡ dense SVD ≡ Reynolds projection (D(5), C(7))', () => {
    for (const [group, inRep, outRep] of [
      ['D(5)', 'T(3)', 'T(3)'],
      ['C(7)', 'T(2)', 'T(2)'],
      ['D(5)', 'V+V⊗V', 'V⊗V'],
    ] as const) {
      const exact = solveBasis({ group, in: inRep, out: outRep });
      const svd = solveBasis({ group, in: inRep, out: outRep, strategy: 'svd' });
      const reynolds = solveBasis({ group, in: inRep, out: outRep, strategy: 'reynolds', floatDenseLimit: 0 });
      expect(exact.blocks.every((b) => b.strategy === 'algebraic')).toBe(true);
      expect(reynolds.blocks.some((b) => b.strategy === 'reynolds' && b.diagnostics.method.startsWith('Reynolds'))).toBe(true);
      expect(svd.blocks.every((b) => b.strategy === 'svd')).toBe(true);
      expectSameSpace(exact, svd);
      expectSameSpace(exact, reynolds);
      assertEquivariant(reynolds);
    }
  });
});

describe('random small groups (property-based)', () => {
  const permutation = (n: number): fc.Arbitrary<number[]> =>
    fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
  const signedPermMatrix = (perm: number[], signs: boolean[]): number[][] =>
    perm.map((_, i) => perm.map((p, j) => (p === i ? (signs[j] ? -1 : 1) : 0)));

  it('random signed-permutation groups: orbit ≡ exact ≡ float, equivariant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(permutation(n), fc.array(fc.boolean(), { minLength: n, maxLength: n })), { minLength: 1, maxLength: 2 }),
            fc.constantFrom('V', 'V⊗V', 'V*+scalar', 'Sym^2(V)', 'Alt^2(V)+V'),
            fc.constantFrom('V', 'scalar', 'V⊗V'),
          ),
        ),
        ([n, gens, inRep, outRep]) => {
          const group = customGroupFromJson({ name: 'random', dim: n, generators: gens.map(([p, s]) => signedPermMatrix(p, s)) });
          let orbit: Basis<unknown>;
          try {
            orbit = solveBasis({ group, in: inRep, out: outRep, strategy: 'orbit' });
          } catch (e) {
            // Alt^2 of a 1-dimensional space is zero-dimensional: a clean input error.
            expect((e as { code?: string }).code).toBe('E_REP_VALUE');
            return;
          }
          const exact = solveBasis({ group, in: inRep, out: outRep, strategy: 'exact' });
          const float = solveBasis({ group, in: inRep, out: outRep, strategy: 'float' });
          expectSameSpace(orbit, exact);
          expectSameSpace(orbit, float);
          assertEquivariant(orbit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('conjugating a group by a rational matrix changes the basis but not the dimension', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('S(3)', 'D(4)', 'Z(3)'),
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 4, maxLength: 4 }),
        (name, extra) => {
          const base = solveBasis({ group: name, in: 'V⊗V', out: 'V' });
          const g = base.group as { dim: number; discrete: readonly SparseMatrix<Rational>[] };
          const d = g.dim;
          // M = I + strictly upper-triangular part from `extra`: always invertible, rational.
          const m = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : j > i ? extra[(i + j) % 4]! : 0)));
          const inv = invertUpperUnit(m);
          const conj = g.discrete.map((h) => {
            const hd = toDense(RationalField, h).map((r) => r.map(toNumber));
            return mul(mul(m, hd), inv);
          });
          const group = customGroupFromJson({ name: 'conjugated', dim: d, generators: conj });
          const solved = solveBasis({ group, in: 'V⊗V', out: 'V' });
          expect(solved.dim).toBe(base.dim);
          expect(solved.exact).toBe(true);
          assertEquivariant(solved);
        },
      ),
      { numRuns: 25 },
    );
  });
});

function mul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

/** Inverse of a unit upper-triangular integer matrix (integer again). */
function invertUpperUnit(m: number[][]): number[][] {
  const d = m.length;
  const inv: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let c = d - 1; c >= 0; c--) {
    for (let r = c - 1; r >= 0; r--) {
      let s = 0;
      for (let k = r + 1; k <= c; k++) s += m[r]![k]! * inv[k]![c]!;
      inv[r]![c] = -s;
    }
  }
  return inv;
}

describe('the selector', () => {
  it.each([
    ['S(4)', 'T(2)', undefined, 'diagram'],
    ['SO(3)', 'T(2)', undefined, 'diagram'],
    ['A(4)', 'T(2)', undefined, 'orbit'],
    ['SL(2)', 'T(2)', undefined, 'rational'],
    ['S(4)', 'T(2)', 'orbit', 'orbit'],
    ['SO(3)', 'T(2)', 'rational', 'rational'],
    ['SO(3)', 'Sym^2(V)', undefined, 'rational'],
    ['SU(2)', 'V', undefined, 'gaussian'],
    ['D(5)', 'T(2)', undefined, 'algebraic'],
    ['D(5)', 'T(2)', 'float', 'svd'],
    ['C(37)', 'T(2)', undefined, 'reynolds'],
    ['SO(2) x C(37)', 'V', undefined, 'svd'],
    ['S(4)', 'T(2)', 'exact', 'rational'],
    ['S(4)', 'T(2)', 'float', 'svd'],
    ['SO(3)', 'T(2)', 'svd', 'svd'],
  ] as const)('%s %s (forced: %s) → %s', (group, rep, strategy, expected) => {
    const basis = solveBasis({ group, in: rep, ...(strategy ? { strategy } : {}) });
    expect(new Set(basis.blocks.map((b) => b.strategy))).toEqual(new Set([expected]));
  });

  it('names every refusal when a forced strategy cannot apply', () => {
    expect(() => solveBasis({ group: 'SO(3)', in: 'V', strategy: 'reynolds' })).toThrow(/reynolds: .*/);
  });
});
