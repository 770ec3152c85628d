/**
 * docs/api.md documents every export of src/index.ts (a `### name` heading and a use in an example),
 * and its examples run as written against the built package, like README's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const api = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
const index = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
const blocks = [...api.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

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
  });

  it.each(names)('documents %s with a heading and an example', (name) => {
    expect(api).toContain(`\n### ${name}\n`);
    expect(blocks.some((b) => new RegExp(`\\b${name}\\b`).test(b)), `${name} is used in an example`).toBe(true);
  });

  it.each(blocks.map((b, i) => [i, b] as const))('example %i runs', (i, code) => {
    const dir = join(root, 'test', '.api-examples');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `example-${i}.mjs`);
    writeFileSync(file, code);
    try {
      execFileSync(process.execPath, [file], { encoding: 'utf8', stdio: 'pipe' });
    } finally {
      rmSync(file, { force: true });
    }
  });
});
