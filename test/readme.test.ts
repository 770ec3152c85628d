/**
 * README's library examples are run as written, importing the package by its own name (Node
 * resolves `solve-basis` to this package through its `exports`), against the built `dist/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

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

  it.each(blocks.map((b, i) => [i, b] as const))('example %i runs', (i, code) => {
    expect(existsSync(join(root, 'dist', 'index.js')), 'dist/ is built by npm ci / npm test').toBe(true);
    const dir = join(root, 'test', '.readme-examples');
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
