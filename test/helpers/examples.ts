/**
 * Documentation examples are code users copy: each is type-checked under `strict` (as a user's
 * TypeScript project would compile it, importing the package by its own name through its
 * `exports`) and then run as written. Used for README.md (TypeScript blocks) and docs/api.md
 * (JavaScript blocks with JSDoc types, checked with checkJs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

/** The fenced blocks of one language in a Markdown text. */
export function codeBlocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/**
 * Writes the blocks as files in `dir` and type-checks them together under strict; returns the
 * compiler's output ('' when clean).
 */
export function typeCheck(blocks: readonly string[], dir: string, ext: 'ts' | 'mjs'): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((code, i) => {
    const file = join(dir, `example-${i}.${ext}`);
    writeFileSync(file, code);
    return file;
  });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck'];
  if (ext === 'mjs') flags.push('--allowJs', '--checkJs');
  try {
    execFileSync(process.execPath, [tsc, ...flags, ...files], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
  }
}

/** Runs example file `i` of `dir` as written (TypeScript through tsx). */
export function runExample(dir: string, i: number, ext: 'ts' | 'mjs'): void {
  const file = join(dir, `example-${i}.${ext}`);
  const args = ext === 'ts' ? [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), file] : [file];
  execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
}
