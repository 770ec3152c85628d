/**
 * README's library examples are run as written, importing the package by its own name (Node
 * resolves `solve-basis` to this package through its `exports`), against the built `dist/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocks, root, runExample, typeCheck } from './helpers/examples.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = codeBlocks(readme, 'ts');
const dir = join(root, 'test', '.readme-examples');

describe('README', () => {
  it('has exactly two set-up commands: the main job and the tests', () => {
    const setup = readme.split('## Set up')[1]!.split('\n## ')[0]!;
    const commands = setup.split('\n').filter((l) => l.startsWith('    ')).map((l) => l.trim());
    expect(commands).toEqual(['npm ci && npx solve-basis --group S5 --rep tensor2', 'npm ci && npm test']);
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/npm ci\nnpm test/);
  });

  it('has library examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  // Users copy these into strict TypeScript projects: they must compile there, not just run.
  it('examples type-check under strict TypeScript', () => {
    expect(existsSync(join(root, 'dist', 'index.d.ts')), 'dist/ is built by npm ci / npm test').toBe(true);
    expect(typeCheck(blocks, dir, 'ts')).toBe('');
  });

  it.each(blocks.map((_, i) => [i] as const))('example %i runs', (i) => {
    runExample(dir, i, 'ts');
  });
});

describe('README exit status table', () => {
  const table = readme.split('## Exit status and error codes')[1]!.split('\n## ')[0]!;
  const rows = table.split('\n').filter((l) => /^\| \d+ \|/.test(l));

  it('lists every error code once, with the exit status the CLI uses', async () => {
    const { exitCodeFor } = await import('../src/cli/format.js');
    const { SolveBasisError } = await import('../src/errors.js');
    const errorsTs = readFileSync(join(root, 'src', 'errors.ts'), 'utf8');
    const codes = [...errorsTs.split('export type ErrorCode')[1]!.split(';')[0]!.matchAll(/'(E_[A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      const row = rows.filter((r) => r.includes(`\`${code}\``));
      expect(row, code).toHaveLength(1);
      const status = Number(/^\| (\d+) \|/.exec(row[0]!)![1]);
      expect(exitCodeFor(new SolveBasisError(code as never, 'x')), code).toBe(status);
    }
  });
});
