/**
 * python/load_basis.py reads the basis JSON into numpy / torch arrays equal to the TypeScript
 * basis (flat and block forms). Needs a Python with numpy and torch (the PyTorch runtime).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basisJsonText } from '../../src/emit/json.js';
import { toDense } from '../../src/linalg/sparse.js';
import { solveBasis } from '../../src/pipeline.js';
import { flatBasis } from '../../src/basis.js';
import { customGroupFromJson } from '../../src/group/custom.js';
import { generatedDir } from './layer-cases.js';
import { findPython, requireRuntime, root } from './runtimes.js';

const python = findPython('torch, numpy');
const present = requireRuntime('PyTorch + numpy for the basis loader', python !== null);

describe.skipIf(!present)('python/load_basis.py', () => {
  it('loads flat and block bases, numpy and torch, dense and sparse', () => {
    const requests = [
      { group: 'S(3)', in: 'V', out: 'V' },
      { group: 'SO(2)', in: 'V', out: 'V' },
      { group: 'S(3)', in: '2V', out: 'V+scalar' },
      // A number field: the invariant form (1, √2) is irrational, written as {coefficients, float}.
      { group: customGroupFromJson({ name: 'swap-scaled', dim: 2, generators: [[[0, 'sqrt(2)'], ['1/sqrt(2)', 0]]] }), in: 'V', out: 'scalar' },
    ];
    const dir = generatedDir('loader');
    const bases = requests.map((r) => solveBasis(r));
    const files = bases.map((b, i) => {
      const file = join(dir, `basis-${i}.json`);
      writeFileSync(file, basisJsonText(b, { flat: true }));
      return file;
    });
    const out = execFileSync(python!, [join(root, 'test', 'emit', 'drivers', 'loader_check.py'), join(root, 'python')], {
      input: JSON.stringify(files),
      encoding: 'utf8',
    });
    const loaded = JSON.parse(out) as { shape: number[]; dim: number; basis: number[][][]; torchMatches: boolean; sparseMatches: boolean; pairs: unknown; outInstances: unknown }[];
    loaded.forEach((l, i) => {
      const b = bases[i]!;
      expect(l.shape).toEqual([...b.shape]);
      expect(l.dim).toBe(b.dim);
      const flat = toDense(b.field, flatBasis(b)).map((row) => row.map((v) => b.field.toNumber(v)));
      expect(l.basis.map((m) => m.flat())).toEqual(flat);
      expect(l.torchMatches).toBe(true);
      expect(l.sparseMatches).toBe(true);
    });
    expect(loaded[2]!.pairs).toEqual([[0, 0, [2, 3, 3]], [0, 1, [1, 1, 3]]]);
    expect(loaded[2]!.outInstances).toEqual([[0, 1, 2], [3]]);
  });
});
