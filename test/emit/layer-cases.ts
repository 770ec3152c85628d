/**
 * The layers every runtime test generates and runs: the list plus one sparse-basis and
 * two float cases (sparse, dense), so each expansion form is exercised, and two complex groups
 * (PyTorch and JAX: TF.js refuses them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { solveLayer } from '../../src/pipeline.js';
import type { Basis, LayerBases } from '../../src/basis.js';
import { GaussianField, I, type Gaussian } from '../../src/field/gaussian.js';
import { root } from './runtimes.js';

export interface LayerCase {
  readonly name: string;
  readonly group: string;
  readonly in: string;
  readonly out: string;
  /** A complex group (U(n), SU(n)): complex θ, input and self-test; PyTorch and JAX only. */
  readonly complex?: boolean;
  /** Replace every basis element B_k by i·B_k (complex groups only). */
  readonly imaginary?: boolean;
}

export const LAYER_CASES: readonly LayerCase[] = [
  { name: 's5_tensor2', group: 'S5', in: 'tensor2', out: 'tensor2' },
  { name: 'so3_vvv_v', group: 'SO(3)', in: 'V+V⊗V', out: 'V' },
  { name: 'lorentz_t1', group: 'O(1,3)', in: 'T(1)', out: 'T(1)' },
  { name: 'cube_t2_t1', group: 'Cube', in: 'T(2)', out: 'T(1)' },
  { name: 's6_multiplicity', group: 'S(6)', in: '3*scalar+2V+V**2', out: '2*scalar+V+V**2' },
  { name: 'so3_tensor2_sparse', group: 'SO(3)', in: 'V**2', out: 'V**2' },
  { name: 'd5_float', group: 'D(5)', in: 'V+V**2', out: 'V**2' },
  { name: 'c5_dense', group: 'C(5)', in: '2*V**2', out: 'V**2+scalar' },
  { name: 'su2_vvstar', group: 'SU(2)', in: 'V+V*', out: 'V+V*', complex: true },
  { name: 'u2_tensor_bias', group: 'U(2)', in: 'V⊗V*+V', out: 'V⊗V*+scalar', complex: true },
  // The built-in complex groups' canonical bases happen to be real; i·B_k is another basis of the
  // same (complex) space, so this case exercises basis values with imaginary parts.
  { name: 'su2_imaginary_basis', group: 'SU(2)', in: 'V⊗V*', out: 'V⊗V*', complex: true, imaginary: true },
];

export interface PreparedCase extends LayerCase {
  readonly layer: LayerBases;
  /** Basis dim + invariant dim of out: the expected parameter count. */
  readonly params: number;
}

/** The same basis with every element multiplied by i: still a basis of the complex space. */
function timesI(basis: Basis<unknown>): Basis<unknown> {
  const g = basis as unknown as Basis<Gaussian>;
  const blocks = g.blocks.map((b) => ({ ...b, elements: { ...b.elements, values: b.elements.values.map((v) => GaussianField.mul(I, v)) } }));
  return { ...g, blocks } as unknown as Basis<unknown>;
}

/** Solves each case once, with the expected parameter count (real groups only, for TF.js). */
export function prepareCases(options: { readonly complex: boolean } = { complex: true }): PreparedCase[] {
  return LAYER_CASES.filter((c) => options.complex || !c.complex).map((c) => {
    const solved = solveLayer({ group: c.group, in: c.in, out: c.out });
    const layer = c.imaginary ? { weight: timesI(solved.weight), bias: timesI(solved.bias) } : solved;
    return { ...c, layer, params: layer.weight.dim + layer.bias.dim };
  });
}

/** A directory inside the repo (so generated JS resolves node_modules), gitignored. */
export function generatedDir(runtime: string): string {
  const dir = join(root, 'test', '.generated', runtime);
  mkdirSync(dir, { recursive: true });
  return dir;
}
