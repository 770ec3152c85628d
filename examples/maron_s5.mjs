// The Maron et al. (2019) layers for S(5) acting on sets of 5 elements: the number of
// parameters of a layer from order-k to order-l tensors is the Bell number B(k + l)
// (for n ≥ k + l). tensor2 → tensor2 is the famous 15-parameter layer.
// Run: node examples/maron_s5.mjs
import assert from 'node:assert/strict';
import { basisSvg, solveBasis } from 'solve-basis';

const BELL = [1, 1, 2, 5, 15, 52];
const orders = { scalar: 0, V: 1, 'V**2': 2 };
for (const [inRep, k] of Object.entries(orders)) {
  for (const [outRep, l] of Object.entries(orders)) {
    if (k + l === 0) continue;
    const b = solveBasis({ group: 'S(5)', in: inRep, out: outRep });
    assert.equal(b.dim, BELL[k + l], `${inRep} → ${outRep}`);
    console.log(`  S(5)  ${inRep.padEnd(6)} → ${outRep.padEnd(6)}  ${String(b.dim).padStart(2)} parameter${b.dim === 1 ? "" : "s"} (Bell(${k + l}) = ${BELL[k + l]})`);
  }
}

// The 15-colour picture of the second-order layer: one colour per parameter, 625 cells.
const layer = solveBasis({ group: 'S5', in: 'tensor2' });
const svg = basisSvg(layer);
assert.equal(svg.match(/class="element"/g).length, 15);
console.log(`S(5) tensor2 → tensor2: ${layer.dim} of ${layer.shape[0] * layer.shape[1]} parameters; SVG picture of ${svg.length} bytes ✓`);
