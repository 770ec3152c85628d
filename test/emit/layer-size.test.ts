/**
 * Generated layers have a size limit: the text and what the runtime allocates to import and run it
 * (index buffers of length dim_out·dim_in, θ, the embedded literals) are estimated from the block
 * structure before anything is emitted, and refused with E_TOO_LARGE (exit 3) under --max-memory.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SolveBasisError } from '../../src/errors.js';
import { emitJax } from '../../src/emit/layers/jax.js';
import { emitPyTorch } from '../../src/emit/layers/pytorch.js';
import { emitTfjs } from '../../src/emit/layers/tfjs.js';
import { emitterFor } from '../../src/emit/registry.js';
import { solveLayer } from '../../src/pipeline.js';
import { generatedDir } from './layer-cases.js';

function refusal(f: () => unknown): SolveBasisError {
  try {
    f();
  } catch (e) {
    if (e instanceof SolveBasisError) return e;
    throw e;
  }
  throw new Error('expected E_TOO_LARGE');
}

describe('generated layers: size limit', () => {
  // 400,000 copies of V for S(4): W is 1.6M × 1.6M (2.56e12 entries): the import could never run.
  const huge = solveLayer({ group: 'S(4)', in: '400000V' });

  it.each([
    ['pytorch', emitPyTorch],
    ['jax', emitJax],
    ['tfjs', emitTfjs],
  ] as const)('%s: a layer whose W cannot be built is refused before any text is made', (format, emit) => {
    const start = performance.now();
    const e = refusal(() => emit(huge));
    expect(performance.now() - start).toBeLessThan(1500);
    expect(e.code).toBe('E_TOO_LARGE');
    expect(e.message).toMatch(new RegExp(`^generated ${format} layer too large: W has 2,560,000,000,000 entries`));
    expect(e.message).toMatch(/above the limit of 4\.00 GiB/);
    expect(e.hint).toMatch(/--max-memory/);
  });

  it('counts the literal data a file embeds: at most 1,000,000 numbers, with the rule in the hint', () => {
    // W is only 3 × 1.2M, but the file would list 1.2M input coordinates twice (index maps, action).
    const e = refusal(() => emitPyTorch(solveLayer({ group: 'S(3)', in: '400000V', out: 'V' })));
    expect(e.code).toBe('E_TOO_LARGE');
    expect(e.message).toMatch(/^generated pytorch file too large: it would embed (at least )?[\d,]+ numbers .* above the limit of 1,000,000/);
    expect(e.hint).toMatch(/at most 1,000,000 numbers/);
    expect(e.hint).toMatch(/--format json/);
  });

  it('maxMemoryBytes (--max-memory) applies to small layers too, through the registry', () => {
    const layer = solveLayer({ group: 'S(5)', in: 'V⊗V' });
    const pytorch = emitterFor('pytorch');
    if (pytorch?.input !== 'layer') throw new Error('pytorch is a layer format');
    expect(refusal(() => pytorch.emit(layer, { maxMemoryBytes: 10_000 })).code).toBe('E_TOO_LARGE');
    expect(pytorch.emit(layer, {})).toContain('class EquivariantLinear');
  });

  it('the CLI exits 3 with E_TOO_LARGE and writes no file', () => {
    const out = join(generatedDir('size'), 'huge.py');
    rmSync(out, { force: true });
    let stderr = '';
    const status = main(['node', 'solve-basis', '--group', 'S(4)', '--rep', '400000V', '--format', 'pytorch', '-o', out], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
    });
    expect(status).toBe(3);
    expect(stderr).toMatch(/^solve-basis: error E_TOO_LARGE: generated pytorch layer too large/);
    expect(existsSync(out)).toBe(false);
    const small = main(['node', 'solve-basis', '--group', 'S(5)', '--rep', 'V**2', '--format', 'jax', '--max-memory', '10K'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
    });
    expect(small).toBe(3);
  }, 30_000);
});

describe('the layer size is refused from the shapes first', () => {
  // S(100) 16V⊗V: W is 160,000² entries; the 15-element diagram block would have been materialised
  // (10⁸ entries, 5.5 GB, > 20 s) just to count the file's literals before refusing.
  it('S(100) 16V⊗V --format pytorch is refused at once, without expanding the diagram block', () => {
    const layer = solveLayer({ group: 'S(100)', in: '16V**2' });
    const t0 = performance.now();
    expect(() => emitPyTorch(layer)).toThrow(/W has 25,600,000,000 entries/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  // S(100) V⊗V: W has 10⁸ entries, about 3.2 GB to run, under the 4 GiB limit; but its position
  // table alone is 10⁸ literals. Counting the block values first materialised the diagram block
  // (10 minutes, then the heap ran out).
  it('S(100) V⊗V is refused on its position table, before the diagram block is materialised', () => {
    const layer = solveLayer({ group: 'S(100)', in: 'V**2' });
    for (const emit of [emitPyTorch, emitJax]) {
      const t0 = performance.now();
      expect(() => emit(layer)).toThrow(/would embed at least 100,040,001 numbers/);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});
