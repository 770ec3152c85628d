import { describe, expect, it } from 'vitest';
import { basisSvg } from '../../src/emit/reports/svg.js';
import { patternOwners } from '../../src/emit/reports/pattern.js';
import { categoricalColour, divergingColour } from '../../src/emit/reports/palette.js';
import { emitterFor } from '../../src/emit/registry.js';
import { solveBasis } from '../../src/pipeline.js';

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

describe('basisSvg: weight-sharing pattern of orbit bases', () => {
  it('S5 tensor2: 625 cells in 15 colours, a legend with group, reps and dim', () => {
    const svg = basisSvg(solveBasis({ group: 'S5', in: 'tensor2' }));
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('data-kind="pattern"');
    expect(count(svg, /class="element"/g)).toBe(15);
    const grid = svg.split('class="grid-background"')[1]!.split('class="legend"')[0]!;
    expect(count(grid, /<rect x=/g)).toBe(625 + 1); // every weight is shared, plus the frame
    const fills = new Set([...svg.matchAll(/class="element" data-element="\d+" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(fills.size).toBe(15);
    expect(svg).toContain('Hom(V⊗V → V⊗V) for S(5)');
    expect(svg).toContain('order 120');
    expect(svg).toContain('dim 15: 15 of 625 parameters');
    expect(svg).not.toContain('block-boundary');
  });

  it('DeepSets S(n) V→V: two colours (diagonal and off-diagonal)', () => {
    const svg = basisSvg(solveBasis({ group: 'S(4)', in: 'V' }));
    expect(count(svg, /class="element"/g)).toBe(2);
    const diag = svg.split('data-element="1"')[1]!.split('</g>')[0]!;
    expect(count(diag, /<rect/g)).toBe(4);
  });

  it('draws block boundaries between direct-sum summands', () => {
    const svg = basisSvg(solveBasis({ group: 'S(3)', in: '2V+V**2' }));
    // Summand starts at 3 and 6 on each axis: two horizontal and two vertical lines.
    expect(count(svg, /class="block-boundary"/g)).toBe(4);
    expect(svg).toContain('stroke-width="0.75"'); // V | V: same type, thin
    expect(svg).toContain('stroke-width="1.5"'); // V | V⊗V: type changes, strong
  });

  it('leaves out boundaries between densely packed instances of one type', () => {
    const svg = basisSvg(solveBasis({ group: 'S(3)', in: '200V⁰+V' }));
    // 200 scalars, 3 px each, are too close to separate; the change to V is drawn.
    expect(count(svg, /class="block-boundary"/g)).toBe(2);
  });

  it('marks negative weights (C(4): rotation by 90°, a signed permutation)', () => {
    const svg = basisSvg(solveBasis({ group: 'C(4)', in: 'V' }));
    expect(svg).toContain('data-kind="pattern"');
    expect(count(svg, /class="element"/g)).toBe(2); // I and the rotation J
    expect(count(svg.split('class="negative"')[1]!.split('</g>')[0]!, /<circle/g)).toBe(1);
    expect(svg).toContain('a white dot marks a weight equal to −θ_k');
  });

  it('is deterministic', () => {
    const a = basisSvg(solveBasis({ group: 'Z(6)', in: 'V' }));
    const b = basisSvg(solveBasis({ group: 'Z(6)', in: 'V' }));
    expect(a).toBe(b);
    expect(count(a, /class="element"/g)).toBe(6); // circulant: one colour per diagonal
  });

  it('downsamples large grids and says so', () => {
    const basis = solveBasis({ group: 'S(6)', in: 'V**3' }); // 216 × 216
    const svg = basisSvg(basis, { maxSide: 72 });
    expect(svg).toContain('downsampled: each cell shows the most frequent element among 3 × 3 weights');
    const grid = svg.split('class="grid-background"')[1]!.split('class="legend"')[0]!;
    expect(count(grid, /<rect x=/g)).toBeLessThanOrEqual(72 * 72 + 1);
    expect(svg).toContain('more elements not listed');
  });
});

describe('basisSvg: small multiples for general bases', () => {
  it('SO(3) V⊗V→V⊗V: one panel per element with a diverging scale', () => {
    const basis = solveBasis({ group: 'SO(3)', in: 'V**2' });
    expect(patternOwners(basis)).toBeNull();
    const svg = basisSvg(basis);
    expect(svg).toContain('data-kind="multiples"');
    expect(count(svg, /class="multiple"/g)).toBe(basis.dim);
    expect(svg).toContain('colour-bar');
    expect(svg).toContain('Lie algebra dim 3');
  });

  it('limits the number of panels', () => {
    const basis = solveBasis({ group: 'SO(3)', in: 'V**2+V', out: 'V**2+V' });
    const svg = basisSvg(basis, { maxMultiples: 2 });
    expect(count(svg, /class="multiple"/g)).toBe(2);
    expect(svg).toContain(`first 2 of ${basis.dim}`);
  });
});

describe('basisSvg: edge cases', () => {
  it('an empty basis is a grey grid that says so', () => {
    const svg = basisSvg(solveBasis({ group: 'O(3)', in: 'V⊗V', out: 'V' }));
    expect(count(svg, /class="element"/g)).toBe(0);
    expect(svg).toContain('the basis is empty');
  });

  it('a float group (irrational generators) is drawn as small multiples', () => {
    const basis = solveBasis({ group: 'D(5)', in: 'V**2', strategy: 'float' });
    expect(basis.exact).toBe(false);
    const svg = basisSvg(basis);
    expect(count(svg, /class="multiple"/g)).toBe(basis.dim);
    expect(svg).not.toContain('NaN');
  });
});

describe('svg emitter and palette', () => {
  it('is in the registry', () => {
    expect(emitterFor('svg')?.extension).toBe('svg');
  });

  it('categorical colours are distinct up to 20, diverging scale is white at 0', () => {
    const c = Array.from({ length: 20 }, (_, k) => categoricalColour(k, 20));
    expect(new Set(c).size).toBe(20);
    expect(divergingColour(0)).toBe('#ffffff');
    expect(new Set(Array.from({ length: 96 }, (_, k) => categoricalColour(k, 200))).size).toBeGreaterThan(60);
  });

  it('colours are all distinct up to 96 elements, and θ_k shares one with θ_(k+96) beyond; the legend says so', () => {
    expect(new Set(Array.from({ length: 96 }, (_, k) => categoricalColour(k, 96))).size).toBe(96);
    expect(categoricalColour(5, 200)).toBe(categoricalColour(101, 200));
    const distinct = basisSvg(solveBasis({ group: 'S(3)', in: '6V' })); // 72 elements, 60 listed
    expect(distinct).toContain('12 more elements not listed; each of the 72 has its own colour');
    expect(distinct).not.toMatch(/repeat beyond 20/);
    const shared = basisSvg(solveBasis({ group: 'S(3)', in: '8V' })); // 128 elements
    expect(shared).toContain('68 more elements not listed; colours repeat: θk and θ(k+96) share one');
  });
});
