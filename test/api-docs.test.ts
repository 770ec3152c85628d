/**
 * docs/api.md documents every export of src/index.ts (a `### name` heading and a use in an example),
 * and its examples run as written against the built package, like README's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocks, root, runExample, typeCheck } from './helpers/examples.js';

const api = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
const index = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
// The examples are JavaScript modules with JSDoc types (fenced as ts for highlighting).
const blocks = codeBlocks(api, 'ts');
const dir = join(root, 'test', '.api-examples');

/** Every name exported by src/index.ts (values and types), read from its export lists. */
function exportNames(): string[] {
  const names = new Set<string>();
  for (const m of index.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

describe('docs/api.md', () => {
  const names = exportNames();

  it('reads the exports of src/index.ts', () => {
    expect(names).toContain('solveBasis');
    expect(names).toContain('basisSvg');
    expect(names.length).toBeGreaterThan(30);
    // The stable surface stays small: internals live in the namespace.
    expect(names).not.toContain('RepMatrixCache');
    expect(names).not.toContain('SparseMatrix');
  });

  it.each(names)('documents %s with a heading and an example', (name) => {
    expect(api).toContain(`\n### ${name}\n`);
    expect(blocks.some((b) => new RegExp(`\\b${name}\\b`).test(b)), `${name} is used in an example`).toBe(true);
  });

  it('documents the internals namespace', () => {
    expect(index).toMatch(/export \* as internals from/);
    expect(api).toContain('\n### internals\n');
  });

  it('examples type-check under strict (checkJs)', () => {
    expect(typeCheck(blocks, dir, 'mjs')).toBe('');
  });

  it.each(blocks.map((_, i) => [i] as const))('example %i runs', (i) => {
    runExample(dir, i, 'mjs');
  });
});
