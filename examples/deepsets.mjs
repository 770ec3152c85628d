// DeepSets (Zaheer et al. 2017): every permutation-equivariant linear map V → V of S(n) is
// W = λ·I + γ·11ᵀ — two parameters, whatever n is. solve-basis finds exactly that.
// Run: node examples/deepsets.mjs   (after npm ci)
import assert from 'node:assert/strict';
import { flatBasis, solveBasis, summaryText } from 'solve-basis';

for (let n = 2; n <= 8; n++) {
  const basis = solveBasis({ group: `S(${n})`, in: 'V', out: 'V' });
  assert.equal(basis.dim, 2, `S(${n}): DeepSets has 2 parameters`);
  // Closed form: the set partitions of {o1, i1}, as the orbit basis.
  assert.equal(basis.blocks[0].strategy, 'diagram');
  assert.deepEqual(basis.blocks[0].diagrams.elements.map((e) => e.label), ['[o1=i1]', '[o1 ≠ i1]']);
}

// The two elements for n = 4, as dense matrices: the diagonal and the off-diagonal.
const basis = solveBasis({ group: 'S(4)', in: 'V' });
const flat = flatBasis(basis);
const dense = (k) => {
  const w = Array.from({ length: 4 }, () => Array(4).fill(0));
  for (let p = flat.rowPtr[k]; p < flat.rowPtr[k + 1]; p++) {
    const i = flat.colIdx[p];
    w[Math.floor(i / 4)][i % 4] = basis.field.toNumber(flat.values[p]);
  }
  return w;
};
const [diag, off] = [dense(0), dense(1)];
for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
  assert.equal(diag[i][j], i === j ? 1 : 0);
  assert.equal(off[i][j], i === j ? 0 : 1);
}

// Equivariance, checked by hand: W(Px) = P(Wx) for W = 0.7·I + 0.2·(11ᵀ − I) and a permutation P.
const W = diag.map((row, i) => row.map((d, j) => 0.7 * d + 0.2 * off[i][j]));
const apply = (m, x) => m.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
const perm = [2, 0, 3, 1];
const x = [0.3, -1.2, 2.5, 0.9];
const px = perm.map((p) => x[p]);
const lhs = apply(W, px);
const rhs = perm.map((p) => apply(W, x)[p]);
lhs.forEach((v, i) => assert.ok(Math.abs(v - rhs[i]) < 1e-12));

process.stdout.write(summaryText(basis));
console.log('DeepSets: S(n) V→V has 2 parameters for n = 2…8 (identity and all-ones off-diagonal) ✓');
