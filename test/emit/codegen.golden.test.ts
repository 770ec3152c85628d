/**
 * Golden files: the generated code of small cases in each runtime (one of a complex group), compared byte for byte (the generators are
 * deterministic — no timestamps, fixed number printing). After an intended change, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/emit/codegen.golden.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitterFor, type LayerEmitter } from '../../src/emit/registry.js';
import { solveLayer } from '../../src/pipeline.js';

function layerEmitter(id: string): LayerEmitter {
  const e = emitterFor(id);
  if (e?.input !== 'layer') throw new Error(`${id} is not a layer format`);
  return e;
}

const GOLDEN = [
  { file: 's3_v_v.pytorch.py', format: 'pytorch', group: 'S(3)', in: 'V', out: 'V' },
  { file: 'so3_vv_v.jax.py', format: 'jax', group: 'SO(3)', in: 'V⊗V', out: 'V' },
  { file: 'su2_vvstar.pytorch.py', format: 'pytorch', group: 'SU(2)', in: 'V⊗V*', out: 'V⊗V*' },
  { file: 'so3_vv_v.tfjs.js', format: 'tfjs', group: 'SO(3)', in: 'V⊗V', out: 'V' },
] as const;

describe('generated code golden files', () => {
  it.each(GOLDEN.map((g) => [g.file, g] as const))('%s', (_file, g) => {
    const text = layerEmitter(g.format).emit(solveLayer({ group: g.group, in: g.in, out: g.out }), {});
    const path = new URL(`./golden/${g.file}`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('is deterministic', () => {
    const emit = () => layerEmitter('tfjs').emit(solveLayer({ group: 'S(4)', in: 'V+V**2', out: 'V' }), {});
    expect(emit()).toBe(emit());
  });
});
