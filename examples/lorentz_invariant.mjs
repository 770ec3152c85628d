// Lorentz invariants: the only O(1,3)-invariant bilinear form on four-vectors is the Minkowski
// metric η = diag(1, −1, −1, −1) (time first), so a Lorentz-invariant layer V⊗V → scalar has one
// parameter, and its weight is η up to scale.
// Run: node examples/lorentz_invariant.mjs
import assert from 'node:assert/strict';
import { flatBasis, solveBasis } from 'solve-basis';

const metric = solveBasis({ group: 'O(1,3)', in: 'V⊗V', out: 'scalar' });
assert.equal(metric.dim, 1);
const flat = flatBasis(metric);
const w = Array(16).fill(0);
for (let p = flat.rowPtr[0]; p < flat.rowPtr[1]; p++) w[flat.colIdx[p]] = metric.field.toNumber(flat.values[p]);
const eta = [1, -1, -1, -1];
for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) assert.equal(w[i * 4 + j], i === j ? eta[i] : 0);
console.log('O(1,3): V⊗V → scalar is spanned by η = diag(1, −1, −1, −1) ✓');

// The invariant of two four-vectors p, q is the Minkowski product p·q = Σ η_ii p_i q_i; it does not
// change under a boost along x with rapidity 0.8.
const boost = (v, r) => [Math.cosh(r) * v[0] + Math.sinh(r) * v[1], Math.sinh(r) * v[0] + Math.cosh(r) * v[1], v[2], v[3]];
const dot = (p, q) => p.reduce((s, pi, i) => s + w[i * 4 + i] * pi * q[i], 0);
const p = [5, 1, 2, 3];
const q = [4, -1, 0.5, 2];
assert.ok(Math.abs(dot(boost(p, 0.8), boost(q, 0.8)) - dot(p, q)) < 1e-9);
console.log(`Minkowski product ${dot(p, q)} is unchanged by a boost ✓`);

// More layers: equivariant maps between four-vectors and rank-2 tensors.
for (const [inRep, outRep] of [['V', 'V'], ['V**2', 'V**2'], ['V**2', 'V'], ['V**4', 'scalar']]) {
  const b = solveBasis({ group: 'O(1,3)', in: inRep, out: outRep });
  console.log(`  O(1,3)  ${inRep.padEnd(5)} → ${outRep.padEnd(6)}  ${b.dim} parameter${b.dim === 1 ? '' : 's'} (${b.blocks.map((x) => x.strategy).join(', ') || 'empty'})`);
}
