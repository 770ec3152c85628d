/**
 * The SVG pictures render in a real browser engine: headless Chromium draws them to PNG, and the
 * PNG must not be blank (luminance variance, several distinct colours). Set UPDATE_DOCS=1 to copy
 * the renders to docs/ (the pictures README shows).
 *
 * Missing chromium fails under CI (`CI` set: .ci/setup.d/20-chromium.sh installs it) and is skipped
 * with a loud warning elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithRuntime, requireRuntime } from './runtimes.js';
import { basisSvg } from '../../src/emit/reports/svg.js';
import { solveBasis } from '../../src/pipeline.js';
import { decodePng, pixelStats } from '../helpers/png.js';

const root = new URL('../../', import.meta.url).pathname;

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

const chromium = findChromium();
const runtime = 'Chromium (headless, for the SVG render tests)';
const present = requireRuntime(runtime, chromium !== undefined);

function render(svg: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'solve-basis-svg-'));
  const svgFile = join(dir, `${name}.svg`);
  const png = join(dir, `${name}.png`);
  writeFileSync(svgFile, svg);
  const width = Number(/width="(\d+)"/.exec(svg)![1]);
  const height = Number(/height="(\d+)"/.exec(svg)![1]);
  const r = spawnSync(
    chromium!,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${join(dir, 'profile')}`,
      `--screenshot=${png}`, `--window-size=${width},${height}`, `file://${svgFile}`,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  );
  expect(existsSync(png), `chromium wrote no PNG (status ${r.status}): ${r.stderr.slice(-500)}`).toBe(true);
  return png;
}

const cases = [
  { name: 's5-tensor2', request: { group: 'S5', in: 'tensor2' }, colours: 15 },
  { name: 'deepsets', request: { group: 'S(5)', in: 'V' }, colours: 2 },
] as const;

describeWithRuntime('SVG pictures render in headless Chromium', runtime, present, () => {
  it.each(cases)('$name renders to a non-blank PNG', ({ name, request, colours }) => {
    const svg = basisSvg(solveBasis(request));
    const png = render(svg, name);
    const pixels = decodePng(readFileSync(png));
    expect(pixels.width).toBeGreaterThan(100);
    const stats = pixelStats(pixels);
    expect(stats.variance).toBeGreaterThan(100);
    // Every element's colour plus white, grey and text anti-aliasing.
    expect(stats.distinctColours).toBeGreaterThan(colours + 2);
    if (process.env['UPDATE_DOCS']) copyFileSync(png, join(root, 'docs', `${name}.png`));
  });
});
