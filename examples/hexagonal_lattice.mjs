// A crystallographic group with irrational entries, solved exactly: the point group of the
// hexagonal lattice, D6 as 2×2 matrices with √3/2 (examples/../fixtures/groups/hexagonal-d6.json).
// Its entries lie in ℚ(√3), and every answer here is rational. Physics it reproduces: a hexagonal
// crystal is elastically isotropic in the plane (2 elastic constants, as for O(2)), a square one is
// not (3); a triangular lattice (D3) allows a piezoelectric-like map Sym²(V) → V, a hexagon does not.
// Run: node examples/hexagonal_lattice.mjs
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { resolveGroup, solveBasis, summaryText } from 'solve-basis';

const file = fileURLToPath(new URL('../fixtures/groups/hexagonal-d6.json', import.meta.url));
const hexagonal = resolveGroup(file);
assert.equal(hexagonal.field.name, 'ℚ(√3)');

const elastic = ['Sym^2(Sym^2(V))', 'scalar']; // elastic energy: quadratic forms in the strain
const piezo = ['Sym^2(V)', 'V']; // strain → polarisation
const rows = [];
for (const [name, group] of [['hexagonal (file)', hexagonal], ['D(6)', 'D(6)'], ['D(3)', 'D(3)'], ['D(4)', 'D(4)'], ['O(2)', 'O(2)']]) {
  const e = solveBasis({ group, in: elastic[0], out: elastic[1] });
  const p = solveBasis({ group, in: piezo[0], out: piezo[1] });
  assert.ok(e.exact && p.exact);
  rows.push({ group: name, 'elastic constants': e.dim, 'Sym²(V) → V': p.dim });
}
console.table(rows);
assert.deepEqual(rows.map((r) => r['elastic constants']), [2, 2, 2, 3, 2]);
assert.deepEqual(rows.map((r) => r['Sym²(V) → V']), [0, 0, 1, 0, 0]);

// Exact and certified: the character formula, computed in ℚ(√3) over the 12 elements.
const b = solveBasis({ group: file, in: 'Sym^2(V)', out: 'Sym^2(V)', certify: true });
assert.equal(b.certificate.certified, true);
assert.equal(b.certificate.groupOrder, '12');
process.stdout.write(summaryText(b));
console.log('hexagonal lattice: exact over ℚ(√3), in-plane isotropic elasticity (2 constants) ✓');
