/**
 * Agreement (issue 11, part 4): for every diagram family and small n, the diagram basis spans
 * exactly the space the materialised strategies solve — in the independent regimes and in the
 * dependent ones (n < N for S(n), n < N/2 for O(n), and so on), with mixed V and V*, sums of
 * tensor powers and direct products. Both answers are canonical RREF, so equal spans means equal
 * flat bases, compared exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatBasis, type Basis } from '../../src/basis.js';
import { RationalField } from '../../src/field/field.js';
import { toText, type Rational } from '../../src/field/rational.js';
import { toDense, type SparseMatrix } from '../../src/linalg/sparse.js';
import { solveBasis, type SolveRequest } from '../../src/pipeline.js';
import type { StrategyChoice } from '../../src/solve/strategy.js';
import { assertEquivariant } from '../helpers/equivariance.js';

function exactRows(b: Basis<unknown>): string[][] {
  return toDense(RationalField, flatBasis(b) as SparseMatrix<Rational>).map((r) => r.map(toText));
}

/** The diagram answer (default selection) equals the forced materialised strategy's, exactly. */
function agrees(request: SolveRequest, reference: StrategyChoice): Basis<unknown> {
  const diagram = solveBasis(request);
  expect(diagram.blocks.every((b) => b.strategy === 'diagram'), 'the diagram strategy was chosen').toBe(true);
  const other = solveBasis({ ...request, strategy: reference });
  expect(other.blocks.every((b) => b.strategy !== 'diagram')).toBe(true);
  expect(diagram.dim).toBe(other.dim);
  expect(exactRows(diagram)).toEqual(exactRows(other));
  return diagram;
}

const cases: [string, string, string, StrategyChoice][] = [
  // S(n): Bell(N) once n ≥ N; fewer below (the orbits with more than n blocks are empty).
  ['S(1)', 'T(2)', 'T(1)', 'orbit'],
  ['S(2)', 'T(2)', 'T(2)', 'orbit'],
  ['S(3)', 'T(2)', 'T(2)', 'orbit'],
  ['S(3)', 'T(3)', 'T(3)', 'orbit'],
  ['S(4)', 'V⊗V*', 'V*', 'orbit'],
  ['S(5)', 'T(2)', 'T(2)', 'orbit'],
  ['S(3)', 'V+V⊗V', '2V+scalar', 'orbit'],
  // O(n): all (N−1)!! Brauer diagrams once n ≥ N/2; O(1), O(2) below.
  ['O(1)', 'T(2)', 'T(2)', 'exact'],
  ['O(2)', 'T(2)', 'T(2)', 'exact'],
  ['O(2)', 'T(3)', 'T(3)', 'exact'],
  ['O(3)', 'T(2)', 'T(2)', 'exact'],
  ['O(3)', 'T(3)', 'T(1)', 'exact'],
  ['O(3)', 'T(4)', 'T(4)', 'exact'],
  ['O(2)', 'V*⊗V', 'V⊗V*', 'exact'],
  ['O(2)', 'V+T(2)', 'V+T(2)', 'exact'],
  // SO(n): plus one ε.
  ['SO(2)', 'T(2)', 'T(2)', 'exact'],
  ['SO(2)', 'T(3)', 'V', 'exact'],
  ['SO(3)', 'V⊗V', 'V', 'exact'],
  ['SO(3)', 'T(2)', 'T(2)', 'exact'],
  ['SO(3)', 'T(3)', 'T(2)', 'exact'],
  ['SO(3)', 'T(3)', 'T(3)', 'exact'],
  ['SO(3)', 'T(4)', 'T(3)', 'exact'],
  ['SO(4)', 'T(2)', 'T(2)', 'exact'],
  // Sp(m) on R^{2m}: J on pairs of equal variance, δ on mixed ones.
  ['Sp(1)', 'T(2)', 'T(2)', 'exact'],
  ['Sp(1)', 'T(3)', 'T(3)', 'exact'],
  ['Sp(1)', 'V*⊗V', 'V⊗V*', 'exact'],
  ['Sp(2)', 'T(2)', 'T(2)', 'exact'],
  ['Sp(2)', 'V⊗V*⊗V', 'V', 'exact'],
  // Lorentz groups: η on pairs of equal variance, ε with covariant indices lowered.
  ['O(1,3)', 'T(2)', 'scalar', 'exact'],
  ['O(1,3)', 'T(1,1)', 'T(1,1)', 'exact'],
  ['O(1,3)', 'V*⊗V*', 'V⊗V', 'exact'],
  ['SO(1,3)', 'T(2)', 'T(2)', 'exact'],
  ['SO+(1,3)', 'T(3)', 'V', 'exact'],
  ['SO+(1,3)', 'V⊗V*⊗V', 'V*', 'exact'],
  ['SO(1,3)', 'T(4)', 'scalar', 'exact'],
  ['O(1,1)', 'T(2)', 'T(2)', 'exact'],
  ['SO(1,1)', 'T(2)', 'V⊗V*', 'exact'],
  ['SO+(1,1)', 'T(2)', 'T(2)', 'exact'],
  // Products: Kronecker products of the factors' bases, indices interleaved.
  ['SO(3) x S(3)', 'V1⊗V2', 'V1⊗V2', 'exact'],
  ['O(2) x S(2)', 'V1⊗V1⊗V2', 'V2', 'exact'],
  ['S(2) x S(3)', 'V1⊗V2', 'V2⊗V1', 'orbit'],
  ['S(3) x S(2)', 'V1⊗V2⊗V1', 'V1', 'orbit'],
  ['Sp(1) x O(2)', 'V1⊗V2', 'V1⊗V2', 'exact'],
  ['SO(2) x SO(2)', 'V1⊗V1⊗V2', 'V2', 'exact'],
];

describe('diagram basis ≡ orbit / exact elimination', () => {
  it.each(cases)('%s: %s → %s (vs %s)', (group, inRep, outRep, reference) => {
    agrees({ group, in: inRep, out: outRep }, reference);
  });

  it('the diagram bases are equivariant by an independent oracle (dense float, random words)', () => {
    for (const [group, inRep, outRep] of [
      ['SO(3)', 'T(3)', 'T(2)'],
      ['Sp(2)', 'T(2)', 'T(2)'],
      ['SO(1,3)', 'V⊗V*', 'V⊗V'],
      ['SO(3) x S(3)', 'V1⊗V2', 'V1⊗V2'],
    ] as const) {
      assertEquivariant(solveBasis({ group, in: inRep, out: outRep }));
    }
  });
});

describe('random tensor reps (property-based)', () => {
  const families = ['S(1)', 'S(2)', 'S(3)', 'O(1)', 'O(2)', 'O(3)', 'SO(1)', 'SO(2)', 'SO(3)', 'Sp(1)', 'O(1,1)', 'SO(1,1)', 'SO+(1,1)'];
  const side = fc.array(fc.boolean(), { maxLength: 3 }).map((duals) => (duals.length === 0 ? 'scalar' : duals.map((d) => (d ? 'V*' : 'V')).join('⊗')));

  it('any group of the families, any V/V* tensor product in and out: the same space as elimination', () => {
    fc.assert(
      fc.property(fc.constantFrom(...families), side, side, (group, inRep, outRep) => {
        const reference: StrategyChoice = group.startsWith('S(') ? 'orbit' : 'exact';
        agrees({ group, in: inRep, out: outRep }, reference);
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
