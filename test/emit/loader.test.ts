/**
 * python/load_basis.py reads the basis JSON into numpy / torch arrays equal to the TypeScript
 * basis (flat and block forms). Needs a Python with numpy and torch (the PyTorch runtime).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { basisJsonText } from '../../src/emit/reports/json.js';
import { toDense } from '../../src/linalg/sparse.js';
import { solveBasis } from '../../src/pipeline.js';
import { parseCustomGroup } from '../../src/group/custom.js';
import { flatBasis } from '../../src/basis.js';
import { customGroupFromJson } from '../../src/group/custom.js';
import { generatedDir } from './layer-cases.js';
import { describeWithRuntime, findPython, requireRuntime, root } from './runtimes.js';

const python = findPython('torch, numpy');
const runtime = 'PyTorch + numpy for the basis loader';
const present = requireRuntime(runtime, python !== null);

describeWithRuntime('python/load_basis.py', runtime, present, () => {
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

  it('loads complex bases (U(n), SU(n): [re, im] entries) as complex arrays that are equivariant in numpy', () => {
    const requests = [
      { group: 'U(2)', in: 'V⊗V', out: 'V⊗V' },
      { group: 'SU(2)', in: 'V', out: 'V*' },
      { group: 'SU(2)', in: 'V+V*', out: 'V+V*' },
    ];
    const dir = generatedDir('loader');
    const input = requests.map((r, i) => {
      const file = join(dir, `complex-${i}.json`);
      writeFileSync(file, basisJsonText(solveBasis(r), { flat: true }));
      return { file, in: r.in, out: r.out };
    });
    const out = execFileSync(python!, [join(root, 'test', 'emit', 'drivers', 'loader_complex_check.py'), join(root, 'python')], {
      input: JSON.stringify(input),
      encoding: 'utf8',
    });
    const loaded = JSON.parse(out) as { lieDtype: string; lieImaginary: boolean; basisDtype: string; torchDtype: string; checked: number; residual: number }[];
    for (const l of loaded) {
      expect(l.lieDtype).toBe('complex128');
      expect(l.lieImaginary).toBe(true);
      expect(l.basisDtype).toBe('complex128');
      expect(l.torchDtype).toBe('torch.complex128');
      expect(l.checked).toBeGreaterThan(0);
      expect(l.residual).toBeLessThan(1e-12);
    }
  });
});

describeWithRuntime('python/load_basis.py, permutation groups', runtime, present, () => {
  // A shift on 10,001 points: dense generators would be 10^8 entries, so the file records the
  // images instead (group.permutations) and the loader must read that form.
  it('reads group.permutations as [k, d] image lists', () => {
    const n = 10_001;
    const shift = Array.from({ length: n }, (_, i) => (i + n - 1) % n);
    const basis = solveBasis({ group: parseCustomGroup(JSON.stringify({ name: 'shift', dim: n, permutations: [shift] })), in: 'V', out: 'scalar' });
    const file = join(generatedDir('loader'), 'permutations.json');
    writeFileSync(file, basisJsonText(basis));
    const script = [
      'import json, sys',
      `sys.path.insert(0, ${JSON.stringify(join(root, 'python'))})`,
      'from load_basis import load_basis',
      `b = load_basis(${JSON.stringify(file)})`,
      'p = b["group"]["permutations"]',
      'print(json.dumps({"shape": list(p.shape), "first": int(p[0, 0]), "generators": b["group"]["generators"] is None, "dim": b["dim"]}))',
    ].join('\n');
    const out = JSON.parse(execFileSync(python!, ['-c', script], { encoding: 'utf8' })) as { shape: number[]; first: number; generators: boolean; dim: number };
    expect(out).toEqual({ shape: [1, n], first: n - 1, generators: true, dim: 1 });
  });
});
