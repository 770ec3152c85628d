/**
 * The package as consumers get it: `require` from CommonJS (Node ≥ 20.19 loads the ES module),
 * a CommonJS TypeScript consumer under strict, `solve-basis/package.json`, and a tarball that
 * holds what README shows (its pictures) and the licence package.json names.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers/examples.js';

const dir = join(root, 'test', '.package-probe');
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = (file: string): string => execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8', stdio: 'pipe' }).trim();

describe('the package', () => {
  it('loads with require() from CommonJS, and exports its package.json', () => {
    const file = join(dir, 'consumer.cjs');
    writeFileSync(file, "const { solveBasis } = require('solve-basis');\nconsole.log(solveBasis({ group: 'S5', in: 'V**2' }).dim, require('solve-basis/package.json').name);\n");
    expect(node(file)).toBe('15 solve-basis');
  });

  it('type-checks and runs as a CommonJS TypeScript consumer under strict', () => {
    const file = join(dir, 'consumer.cts');
    writeFileSync(file, "import { solveBasis, type Basis } from 'solve-basis';\nconst basis: Basis<unknown> = solveBasis({ group: 'S5', in: 'V**2' });\nconsole.log(basis.dim);\n");
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--rootDir', dir, '--outDir', join(dir, 'out'), file], { cwd: root, stdio: 'pipe' });
    expect(node(join(dir, 'out', 'consumer.cjs'))).toBe('15');
  });

  it('packs README’s pictures and the licence', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThan(0);
    for (const p of pictures) expect(files, p).toContain(p);
    expect(files).toContain('LICENSE');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toContain(`${pkg.license} License`);
  });
});
