/**
 * `npm run bench:web`: what the playground costs to load. Builds the site, opens each case from
 * file:// in the system's headless Chromium (a fresh browser context per run: nothing cached),
 * and records, from navigation start: when the worker had evaluated the library, when the first
 * answer was on screen, the solve itself, and the lazy chunks loaded. Prints a table and rewrites
 * the "Playground" section of bench/RESULTS.md (only that section).
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium, launch, pictured, settled } from '../test/web/browser.js';
import { buildSite } from '../web/build.js';

const root = new URL('../', import.meta.url).pathname;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const c5 = readFileSync(join(root, 'fixtures', 'groups', 'c5-irrational.json'), 'utf8');

const cases = [
  { name: 'S(5) T(2)→T(2)', query: '?group=S5&rep=tensor2' },
  { name: 'SO(3) V⊗V→V', query: '?group=SO(3)&in=V**2&out=V' },
  { name: 'S(6) 100V⁰+100V+20V² → itself', query: `?group=S(6)&rep=${encodeURIComponent('100V⁰+100V+20V²')}` },
  { name: 'C(5) V⊗V→V⊗V (float: ml-matrix)', query: '?group=C(5)&rep=V**2' },
  { name: 'c5-irrational.json V→V (expressions: mathjs, ml-matrix)', query: `?group=c5-irrational.json&rep=V&file=c5-irrational.json&json=${encodeURIComponent(c5)}` },
];

interface Run {
  readonly workerReadyMs: number;
  readonly firstAnswerMs: number;
  readonly firstPictureMs: number;
  readonly solveMs: number;
  readonly status: string;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(2)} s`);
const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

const chromium = findChromium();
if (!chromium) throw new Error('chromium not found (apt-get install chromium)');
const site = await buildSite(mkdtempSync(join(tmpdir(), 'solve-basis-bench-site-')));
const browser = await launch(chromium);
const version = await browser.version();
const rows: string[] = [];
try {
  for (const c of cases) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 1100 });
      await page.goto(`${pathToFileURL(join(site.outDir, 'index.html')).href}${c.query}`);
      if ((await settled(page, 120_000)) !== 'answered') throw new Error(`${c.name}: ${await page.$eval('#error', (e) => e.textContent)}`);
      await pictured(page, 120_000);
      runs.push(
        await page.evaluate(() => ({
          workerReadyMs: Number(document.body.dataset['workerReadyMs']),
          firstAnswerMs: Number(document.body.dataset['firstAnswerMs']),
          firstPictureMs: Number(document.body.dataset['firstPictureMs']),
          solveMs: Number(document.body.dataset['solveMs']),
          status: document.getElementById('status')!.textContent ?? '',
        })),
      );
      await context.close();
    }
    const loads = runs[0]!.status.match(/loaded [^,·]+/g)?.map((l) => l.trim()).join(', ') ?? '—';
    const row = `| ${c.name} | ${ms(median(runs.map((r) => r.workerReadyMs)))} | ${ms(median(runs.map((r) => r.firstAnswerMs)))} | ${ms(median(runs.map((r) => r.firstPictureMs)))} | ${ms(median(runs.map((r) => r.solveMs)))} | ${loads} |`;
    console.log(row);
    rows.push(row);
  }
} finally {
  await browser.close();
}

const sizes = site.files.map((f) => `| \`${f.file}\` | ${kib(f.bytes)} | ${kib(f.gzipBytes)} |`);
const section = `## Playground

\`npm run bench:web\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), headless ${version.replace(/^(Headless)?Chrome\//, 'Chromium ')}, page opened from file://, median of ${RUNS} runs, each in a fresh browser context (nothing cached).

| problem | worker ready | first answer on screen | picture on screen | solve (in the worker) | lazy chunks loaded (first run) |
|---|---:|---:|---:|---:|---|
${rows.join('\n')}

Worker ready, first answer (the summary and the parameter count) and picture are measured from navigation start; the
picture follows the answer because drawing can take longer than solving (the SVG emitter, not the browser). Built files (minified; gzip for a web server that compresses):

| file | size | gzip |
|---|---:|---:|
${sizes.join('\n')}

\`app.js\` is the page alone (no library code); \`chunks/worker.js\` is the library as the CLI runs it; the page loads
\`chunks/mathjs.js\` only for custom groups with entry expressions and \`chunks/ml-matrix.js\` only for float problems.
A chunk file holds its bundle as a string (so that it can be handed to the worker from file://): a little larger than the bundle itself.
`;
const path = join(root, 'bench', 'RESULTS.md');
const text = readFileSync(path, 'utf8');
const marker = /## Playground\n[\s\S]*?(?=\n## |$)/;
writeFileSync(path, marker.test(text) ? text.replace(marker, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`);
console.log(`wrote the Playground section of ${path}`);
