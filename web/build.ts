/**
 * Builds the playground (web/) into a static folder: `npm run build:web` → web/dist/, which works
 * opened from file:// and from any static host. esbuild bundles the same library sources the CLI
 * runs (src/index.ts); three Node built-ins are swapped for browser stand-ins here, at bundle
 * level, so the library itself is unchanged (web/src/shims/).
 *
 * What it writes, and why this shape:
 * - index.html, style.css, app.js — the page (no library code: it only talks to the worker).
 * - chunks/worker.js — the solve worker (the library), and chunks/mathjs.js, chunks/ml-matrix.js —
 *   loaded only when a problem needs them. Each chunk file is a classic script that stores the
 *   bundle's *source text* in `self.solveBasisChunks[name]`: a page opened from file:// may load
 *   <script src> files, but a worker may not fetch, import() or importScripts() anything from
 *   file://, nor be started from a file URL. So the page starts the worker from a blob: URL made
 *   of that text, and hands it the lazy chunks' text the same way (web/src/worker/lazy.ts).
 * - sizes.json — bytes and gzip bytes of each file (README and bench/RESULTS.md quote them).
 *
 * The built-in group catalogue is `solve-basis groups` run at build time (needs dist/: `npm run
 * build` first), inlined into app.js: the page shows exactly the CLI's text and pays nothing for it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

const web = dirname(fileURLToPath(import.meta.url));
const root = join(web, '..');

/** The global a lazy chunk's IIFE assigns its namespace to (web/src/worker/lazy.ts reads it). */
const CHUNK_GLOBAL = '__solveBasisLazyModule';

/** The chunks the page may load, by name: the worker, then the lazy modules. */
const CHUNKS = {
  worker: 'src/worker/main.ts',
  mathjs: 'src/chunks/mathjs.ts',
  'ml-matrix': 'src/chunks/ml-matrix.ts',
} as const;

export interface BuiltFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface SiteBuild {
  readonly outDir: string;
  readonly files: readonly BuiltFile[];
}

const common: BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  // BigInt literals and class fields; any Chromium, Firefox or Safari of the last four years.
  target: 'es2022',
  minify: true,
  // The library's error classes name themselves with new.target.name.
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: {
    'node:module': join(web, 'src/shims/node-module.ts'),
    'node:v8': join(web, 'src/shims/node-v8.ts'),
    'node:fs': join(web, 'src/shims/node-fs.ts'),
  },
  // src/group/entries.ts and src/linalg/svd.ts call createRequire(import.meta.url); the shim
  // ignores the URL, and an IIFE has no import.meta.
  define: { 'import.meta.url': '"about:solve-basis"' },
};

async function bundle(entry: string, extra: BuildOptions = {}): Promise<string> {
  const result = await build({ ...common, ...extra, entryPoints: [join(web, entry)] });
  return result.outputFiles![0]!.text;
}

/** A classic script that stores a bundle's source text under its name (see the file comment). */
function chunkScript(name: string, source: string): string {
  return `(self.solveBasisChunks=self.solveBasisChunks||{})[${JSON.stringify(name)}]=${JSON.stringify(source)};\n`;
}

/** `solve-basis groups`, from the built CLI. */
function groupsText(): string {
  try {
    return execFileSync(process.execPath, [join(root, 'bin', 'solve-basis.js'), 'groups'], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`cannot run \`solve-basis groups\` (run \`npm run build\` first): ${(e as Error).message}`);
  }
}

/**
 * Builds the site into `outDir` (emptied first) and returns the sizes of what it wrote.
 *
 * @example
 * const site = await buildSite('/tmp/site'); // then open /tmp/site/index.html
 */
export async function buildSite(outDir: string = join(web, 'dist')): Promise<SiteBuild> {
  const texts = new Map<string, string>();
  for (const [name, entry] of Object.entries(CHUNKS)) {
    const source = await bundle(entry, name === 'worker' ? {} : { globalName: CHUNK_GLOBAL });
    texts.set(`chunks/${name}.js`, chunkScript(name, source));
  }
  texts.set('app.js', await bundle('src/page/main.ts', { define: { SOLVE_BASIS_GROUPS_TEXT: JSON.stringify(groupsText()) } }));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'chunks'), { recursive: true });
  for (const [file, text] of texts) writeFileSync(join(outDir, file), text);
  for (const file of ['index.html', 'style.css']) copyFileSync(join(web, file), join(outDir, file));
  const files = ['index.html', 'style.css', ...texts.keys()].map((file) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  writeFileSync(join(outDir, 'sizes.json'), `${JSON.stringify(files, null, 2)}\n`);
  return { outDir, files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const site = await buildSite(process.argv[2]);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  for (const f of site.files) console.log(`${f.file.padEnd(22)} ${kib(f.bytes).padStart(11)}  (gzip ${kib(f.gzipBytes)})`);
  console.log(`web playground built: open ${join(site.outDir, 'index.html')}`);
}
