/**
 * Every generated file says how its input and output are laid out (where each summand sits,
 * copies of a multiplicity, row-major tensor entries), generated from the layout and kept short.
 */
import { describe, expect, it } from 'vitest';
import { emitJax } from '../../src/emit/layers/jax.js';
import { emitPyTorch } from '../../src/emit/layers/pytorch.js';
import { emitTfjs } from '../../src/emit/layers/tfjs.js';
import { solveLayer } from '../../src/pipeline.js';

const EMITTERS = [
  ['pytorch', emitPyTorch],
  ['jax', emitJax],
  ['tfjs', emitTfjs],
] as const;

describe('the input and output layout in generated files', () => {
  it.each(EMITTERS)('%s: S(5) V⊗V is a row-major flattened 5 × 5 matrix', (_format, emit) => {
    const text = emit(solveLayer({ group: 'S(5)', in: 'V⊗V' }));
    expect(text).toContain('a tensor product is flattened row-major');
    expect(text).toContain('x[..., 0:25]  V⊗V; entry (i, j) at x[..., 5*i + j] (i < 5, j < 5)');
    expect(text).toMatch(/output y\[\.\.\., 25\]: the same layout/);
  });

  it.each(EMITTERS)('%s: SO(3) 2V+V⊗V → V lists each summand', (_format, emit) => {
    const text = emit(solveLayer({ group: 'SO(3)', in: '2V+V⊗V', out: 'V' }));
    expect(text).toContain('x[..., 0:3]  V\n');
    expect(text).toContain('x[..., 3:6]  V\n');
    expect(text).toContain('x[..., 6:15]  V⊗V; entry (i, j) at x[..., 6 + 3*i + j] (i < 3, j < 3)');
    expect(text).toContain('y[..., 0:3]  V');
  });

  it('multiplicities fold into runs of copies; long lists are truncated with a pointer to explain', () => {
    const text = emitPyTorch(solveLayer({ group: 'S(6)', in: '100V⁰+100V+20V²', out: '10V' }));
    expect(text).toContain('x[..., 100:700]  100 × V, one after another: copy c (c < 100) at x[..., 100 + 6*c : 100 + 6*c + 6]');
    expect(text).toContain('entry (i, j) of copy c at x[..., 700 + 36*c + 6*i + j] (i < 6, j < 6)');
    expect(text).toContain('y[..., 0:60]  10 × V, one after another: copy c (c < 10) at x'.replace('at x', 'at y'));
    const many = emitJax(solveLayer({ group: 'S(3)', in: 'scalar+V+scalar+V+scalar+V+scalar+V+scalar+V+scalar', out: 'scalar' }));
    expect(many).toContain('… and 4 more summands (`solve-basis explain --group "S(3)" --rep "scalar+V+scalar+V+scalar+V+scalar+V+scalar+V+scalar"` lists every one)');
  });

  it('interleaved summands (a tensor product of a sum) list their coordinates; Sym/Alt coordinates are named', () => {
    const text = emitPyTorch(solveLayer({ group: 'S(3)', in: 'V⊗(V+scalar)', out: 'Sym^2(V)' }));
    expect(text).toContain('x[..., [3, 7, 11]]  V (interleaved');
    expect(text).toContain('coordinate u of Sym^2(V) is the u-th non-decreasing index tuple of V, in lexicographic order: 0: (0, 0), 1: (0, 1), 2: (0, 2), 3: (1, 1)');
  });

  it('each header names its own self-test and lists a bias only when there is one', () => {
    const noBias = solveLayer({ group: 'SO(3)', in: 'V⊗V', out: 'V' }); // V has no SO(3) invariants
    const tfjs = emitTfjs(noBias);
    expect(tfjs).toContain('selfTest(layer)');
    expect(tfjs).not.toContain('self_test');
    expect(tfjs).toContain('layer.trainableVariables: theta (out has no invariants: no bias)');
    expect(emitTfjs(solveLayer({ group: 'S(5)', in: 'V⊗V' }))).toContain('layer.trainableVariables: theta, bias');
    for (const emit of [emitPyTorch, emitJax]) expect(emit(noBias)).toMatch(/; self_test\(\)\n/);
  });
});
