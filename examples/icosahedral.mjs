// The rotation group of the icosahedron (order 60) as a custom group with entries in ℚ(√5)
// (fixtures/groups/icosahedral-rotations.json: the golden ratio `phi` in the matrix entries).
// Its equivariant maps are found and checked exactly in the number field: V⊗V⊗V → V⊗V⊗V has one
// more than SO(3)'s 15, and that extra map is not rational — its entries involve √5 — while the
// invariants of V^⊗4 are SO(3)'s three (rational). Both are certified by the character formula.
// Run: node examples/icosahedral.mjs
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { basisJson, solveBasis } from 'solve-basis';

const file = fileURLToPath(new URL('../fixtures/groups/icosahedral-rotations.json', import.meta.url));

const t3 = solveBasis({ group: file, in: 'T(3)', out: 'T(3)', certify: true });
const so3 = solveBasis({ group: 'SO(3)', in: 'T(3)', out: 'T(3)' });
assert.equal(t3.dim, 16);
assert.equal(so3.dim, 15);
assert.equal(t3.certificate.certified, true);
assert.equal(t3.certificate.groupOrder, '60');
const json = basisJson(t3);
assert.equal(json.field.name, 'ℚ(√5)');
assert.equal(json.field.basisRational, false);
const irrational = json.basis.flatMap((b) => b.entries.map((e) => e[2])).find((v) => typeof v === 'object');
console.log(`T(3) → T(3): ${t3.dim} maps (SO(3): ${so3.dim}); an entry of the extra one: ${JSON.stringify(irrational)} (Σ cᵢ·√5^i)`);

const t4 = solveBasis({ group: file, in: 'T(4)', out: 'scalar', certify: true });
assert.equal(t4.dim, 3);
assert.equal(basisJson(t4).field.basisRational, true);
console.log(`T(4) → scalar: ${t4.dim} invariants, rational (δ_ij δ_kl and its two permutations), certified: ${t4.certificate.summary}`);
console.log('icosahedral group: exact over ℚ(√5), certified ✓');
