/**
 * Golden files of one small network per runtime, byte for byte (the emitters are deterministic).
 * After an intended change: `UPDATE_GOLDEN=1 npx vitest run test/emit/network.golden.test.ts`,
 * then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkEmitterFor } from '../../src/emit/registry.js';
import { solveNetwork } from '../../src/network.js';

const GOLDEN = [
  { file: 'o3_net.pytorch.py', format: 'pytorch' },
  { file: 'o3_net.jax.py', format: 'jax' },
] as const;

const request = { group: 'O(3)', in: 'scalar+V', out: 'V', hidden: '4*scalar+2V+V⊗V', layers: 1 } as const;

describe('generated network golden files', () => {
  it.each(GOLDEN.map((g) => [g.file, g] as const))('%s', (_file, g) => {
    const text = networkEmitterFor(g.format)!.emit(solveNetwork(request), {});
    const path = new URL(`./golden/${g.file}`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('is deterministic across solves', () => {
    const emit = () => networkEmitterFor('pytorch')!.emit(solveNetwork({ group: 'S(4)', in: 'V', out: 'scalar', hidden: 24, layers: 2 }), {});
    expect(emit()).toBe(emit());
  });
});
