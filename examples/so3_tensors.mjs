// SO(3)-equivariant layers between vectors and rank-2 tensors, solved exactly from the Lie
// algebra generators: the identity on vectors, the cross product V⊗V → V (the Levi-Civita symbol),
// and on V⊗V → V⊗V the three maps T ↦ tr(T)·I, T ↦ T, T ↦ Tᵀ.
// Run: node examples/so3_tensors.mjs
import assert from 'node:assert/strict';
import { flatBasis, solveBasis } from 'solve-basis';

const dims = {};
for (const [inRep, outRep, expected] of [
  ['V', 'V', 1],
  ['V**2', 'V', 1],
  ['V', 'V**2', 1],
  ['V**2', 'V**2', 3],
  ['V**2', 'scalar', 1],
  ['V**3', 'scalar', 1],
]) {
  const b = solveBasis({ group: 'SO(3)', in: inRep, out: outRep });
  assert.equal(b.dim, expected, `${inRep} → ${outRep}`);
  assert.equal(b.exact, true);
  dims[`${inRep} → ${outRep}`] = b.dim;
}
console.table(dims);

// The cross product: W[k, 3i + j] ∝ ε_kij.
const cross = solveBasis({ group: 'SO(3)', in: 'V⊗V', out: 'V' });
const flat = flatBasis(cross);
const w = Array(27).fill(0);
for (let p = flat.rowPtr[0]; p < flat.rowPtr[1]; p++) w[flat.colIdx[p]] = cross.field.toNumber(flat.values[p]);
const eps = (i, j, k) => ((i - j) * (j - k) * (k - i)) / 2;
const scale = w[0 * 9 + 1 * 3 + 2] / eps(0, 1, 2);
for (let k = 0; k < 3; k++) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
  assert.equal(w[k * 9 + i * 3 + j] + 0, scale * eps(k, i, j) + 0); // + 0: -0 and 0 are the same weight
}
console.log(`SO(3): V⊗V → V is spanned by the Levi-Civita symbol (scale ${scale}) ✓`);

// O(3) adds the reflection: the cross product is a pseudo-vector, so it disappears.
assert.equal(solveBasis({ group: 'O(3)', in: 'V⊗V', out: 'V' }).dim, 0);
console.log('O(3): no equivariant bilinear map V⊗V → V (the cross product flips sign under reflection) ✓');
