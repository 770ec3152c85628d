/**
 * Dimensions against the character formula for finite groups small enough to enumerate, over a
 * table of groups and reps (sums, duals, tensor products, Sym/Alt, products of groups).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveGroup } from '../../src/group/resolve.js';
import { parseRep } from '../../src/rep/parse.js';
import { solveBasis } from '../../src/pipeline.js';
import { assertEquivariant } from '../helpers/equivariance.js';
import { characterFormulaDim } from '../helpers/characters.js';

const readFile = (p: string): string => readFileSync(p, 'utf8');
const cube = new URL('../../fixtures/groups/cube-rotations.json', import.meta.url).pathname;

const groups = ['S(4)', 'A(4)', 'Z(5)', 'D(4)', 'D(5)', 'C(6)', 'O(2)', cube, 'Cube', 'S(3) x Z(3)'];
const reps: [string, string][] = [
  ['V', 'V'],
  ['V⊗V', 'scalar'],
  ['V⊗V', 'V'],
  ['V*⊗V', 'V⊗V'],
  ['Sym^2(V)', 'V⊗V'],
  ['Alt^2(V)', 'V⊗V'],
  ['V+V⊗V', '2V+scalar'],
  ['Sym^3(V)', 'scalar'],
];

describe('character formula (1/|G|) Σ χ_in(g) χ_out(g⁻¹)', () => {
  for (const g of groups) {
    it.each(reps)(`${g.replace(/.*\//, '')}: %s → %s`, (inRep, outRep) => {
      const group = resolveGroup(g, { readFile });
      if (group.lie.length > 0) return;
      const factors = group.factors.length;
      const expected = characterFormulaDim(group, parseRep(inRep, { factors }), parseRep(outRep, { factors }));
      const basis = solveBasis({ group, in: inRep, out: outRep });
      expect(basis.dim).toBe(expected);
      assertEquivariant(basis);
    });
  }
  it('product groups: V1⊗V2 for S(3) x Z(3)', () => {
    const group = resolveGroup('S(3) x Z(3)');
    const expected = characterFormulaDim(group, parseRep('V1⊗V2', { factors: 2 }), parseRep('V1⊗V2+V2', { factors: 2 }));
    expect(solveBasis({ group, in: 'V1⊗V2', out: 'V1⊗V2+V2' }).dim).toBe(expected);
  });
});
