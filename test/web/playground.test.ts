/// <reference lib="dom" />
// The callbacks given to page.evaluate/$eval run in the page: they are typed against the DOM.
/**
 * The playground (web/) as a person uses it, in headless Chromium (the system's, driven by
 * puppeteer-core): built fresh by web/build.ts, opened from file:// (and once from a web server),
 * answered, broken, downloaded from, cancelled. Every page must end without a console error.
 * The screenshot lands in test-results/ (a CI artifact); UPDATE_DOCS=1 also copies it to docs/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeWithRuntime } from '../emit/runtimes.js';
import { formatError } from '../../src/cli/format.js';
import { solveBasis } from '../../src/index.js';
import { buildSite, type SiteBuild } from '../../web/build.js';
import { decodePng, pixelStats } from '../helpers/png.js';
import { downloadsOf, launch, pictured, requireChromium, serveStatic, settled, watchedPage, type WatchedPage } from './browser.js';

const root = new URL('../../', import.meta.url).pathname;
const results = join(root, 'test-results');
const chromium = requireChromium();

/** What `solve-basis ARGS --format F -o FILE` writes. */
function cliBytes(args: readonly string[], format: string): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'solve-basis-cli-')), `out.${format}`);
  execFileSync(process.execPath, [join(root, 'bin', 'solve-basis.js'), ...args, '--format', format, '-o', file], { stdio: 'pipe' });
  return readFileSync(file);
}

describeWithRuntime('the playground in headless Chromium', 'Chromium (headless, for the playground tests)', chromium !== undefined, () => {
  let site: SiteBuild;
  let browser: Browser;
  /** The pages the current test opened. */
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    if (!chromium) return;
    site = await buildSite(mkdtempSync(join(tmpdir(), 'solve-basis-site-')));
    browser = await launch(chromium!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  // No page may log an error, throw, or fail a request (not even a favicon).
  afterEach(async () => {
    const problems = pages.flatMap((p) => p.problems);
    await Promise.all(pages.splice(0).map((p) => p.page.close()));
    expect(problems).toEqual([]);
  });

  /** Opens the built page from file:// with a query string. */
  async function open(query: string, base = pathToFileURL(join(site.outDir, 'index.html')).href): Promise<WatchedPage> {
    const watched = await watchedPage(browser);
    pages.push(watched);
    await watched.page.goto(`${base}${query}`);
    return watched;
  }

  const text = (page: Page, selector: string): Promise<string> => page.$eval(selector, (e) => e.textContent ?? '');

  async function retype(page: Page, selector: string, value: string): Promise<void> {
    await page.click(selector, { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type(selector, value);
  }

  it('?group=S5&rep=tensor2 from file:// answers 15 elements with a 15-colour picture, without loading mathjs or ml-matrix', async () => {
    const { page, requests } = await open('?group=S5&rep=tensor2');
    expect(await settled(page)).toBe('answered');
    expect(await text(page, '#summary')).toContain('basis     15 elements: 15 of 625 parameters');
    expect(await text(page, '#status')).toMatch(/^15 basis elements/);
    expect(await pictured(page)).toBe('drawn');
    const colours = await page.$$eval('#picture svg g.element', (gs) => new Set(gs.map((g) => g.getAttribute('fill'))).size);
    expect(colours).toBe(15);
    expect(requests.filter((r) => /chunks\/(mathjs|ml-matrix)\.js$/.test(r))).toEqual([]);

    const firstAnswerMs = Number(await page.evaluate(() => document.body.dataset['firstAnswerMs']));
    expect(firstAnswerMs).toBeGreaterThan(0);
    // Generous for a loaded CI machine; bench/RESULTS.md records the usual figure.
    expect(firstAnswerMs).toBeLessThan(10_000);
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'playground-timing.json'), `${JSON.stringify({ firstAnswerMs, sizes: site.files }, null, 2)}\n`);
    console.log(`playground: first answer ${firstAnswerMs} ms after navigation start (file://)`);

    const png = join(results, 'playground.png');
    await page.screenshot({ path: png, fullPage: true });
    const stats = pixelStats(decodePng(readFileSync(png)));
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.distinctColours).toBeGreaterThan(17);
    if (process.env['UPDATE_DOCS']) copyFileSync(png, join(root, 'docs', 'playground.png'));
  });

  it('a bad rep shows the one-line error with a caret under the bad column, and the link keeps the input', async () => {
    const { page } = await open('?group=S5&rep=tensor2');
    await settled(page);
    await retype(page, '#in', 'V+*V');
    await page.keyboard.press('Enter');
    expect(await settled(page)).toBe('error');
    let error: unknown;
    try {
      solveBasis({ group: 'S5', in: 'V+*V', inputNames: { in: 'rep', out: 'rep' } });
    } catch (e) {
      error = e;
    }
    const shown = await text(page, '#error');
    expect(shown).toBe(formatError(error, true).text);
    const [line, source, caret] = shown.split('\n');
    expect(line).toMatch(/^solve-basis: error E_REP_SYNTAX: bad rep 'V\+\*V': unexpected '\*', at rep, column 3/);
    expect([source, caret]).toEqual(['  V+*V', '    ^']);
    // Drawn where it points: the caret's glyph is under the '*'.
    const [star, hat] = await page.$eval('#error', (pre) => {
      const node = pre.firstChild!;
      const x = (i: number): number => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().left;
      };
      const t = node.textContent!;
      return [x(t.indexOf('*', t.indexOf('\n'))), x(t.lastIndexOf('^'))];
    });
    expect(Math.abs(star! - hat!)).toBeLessThan(1);
    expect(await text(page, '#summary')).toBe('');
    expect(await page.evaluate(() => location.search)).toBe('?group=S5&rep=V%2B*V');
  });

  it('different in and out reps from the link (rep= means in=out)', async () => {
    const { page } = await open('?group=SO(3)&in=V**2&out=V');
    expect(await settled(page)).toBe('answered');
    expect(await text(page, '#summary')).toMatch(/^Hom\(V⊗V → V\) for SO\(3\)\n[^]*basis     1 element: 1 of 27 parameters/);
    expect(await page.$eval('#out', (e) => (e as HTMLInputElement).value)).toBe('V');
  });

  it('a link made by the page reproduces its answer', async () => {
    const { page } = await open('?group=S5&rep=V');
    await settled(page);
    await retype(page, '#group', 'SO(3) x S(4)');
    await retype(page, '#in', 'V1⊗V2');
    await page.click('#certify');
    await page.click('#solve');
    expect(await settled(page)).toBe('answered');
    const link = await page.evaluate(() => location.href);
    expect(link).toContain('?group=SO(3)%20x%20S(4)&rep=V1%E2%8A%97V2&certify=1');
    const again = await open(link.slice(link.indexOf('?')));
    expect(await settled(again.page)).toBe('answered');
    const withoutTime = (s: string): string => s.replace(/\n {2}time .*\n/, '\n');
    expect(withoutTime(await text(again.page, '#summary'))).toBe(withoutTime(await text(page, '#summary')));
  });

  it('downloads are byte-identical to the CLI: basis JSON, SVG and the PyTorch, JAX, TF.js layers', async () => {
    const { page } = await open('?group=S5&rep=tensor2');
    await settled(page);
    const next = await downloadsOf(page);
    const formats = await page.$$eval('#downloads button', (bs) => bs.map((b) => (b as HTMLElement).dataset['format']!));
    expect(formats).toEqual(['json', 'svg', 'pytorch', 'jax', 'tfjs']);
    for (const format of formats) {
      await page.click(`#downloads button[data-format="${format}"]`);
      const file = await next();
      expect(file.name).toMatch(/^s5-tensor2/);
      expect(file.bytes.equals(cliBytes(['--group', 'S5', '--rep', 'tensor2'], format)), `${format}: ${file.name}`).toBe(true);
    }
  });

  it('a custom group file (chosen as a file) solves, and its JSON download equals the CLI run on that file', async () => {
    const file = join(root, 'fixtures', 'groups', 'cube-rotations.json');
    const { page, requests } = await open('?group=S5&rep=V');
    await settled(page);
    await retype(page, '#in', 'V**2');
    await page.evaluate(() => document.body.removeAttribute('data-state'));
    const input = await page.$('input#file-input');
    await input!.uploadFile(file);
    expect(await settled(page)).toBe('answered');
    expect(await page.$eval('#group', (e) => (e as HTMLInputElement).value)).toBe('cube-rotations.json');
    expect(await text(page, '#summary')).toMatch(/^Hom\(V⊗V → V⊗V\) for CubeRotations/);
    const next = await downloadsOf(page);
    await page.click('#downloads button[data-format="json"]');
    expect((await next()).bytes.equals(cliBytes(['--group', file, '--rep', 'V**2'], 'json'))).toBe(true);
    expect(requests.filter((r) => r.includes('chunks/mathjs.js'))).toEqual([]);
    // The link carries the file: opening it answers the same.
    const again = await open(await page.evaluate(() => location.search));
    expect(await settled(again.page)).toBe('answered');
    expect(await text(again.page, '#summary')).toMatch(/^Hom\(V⊗V → V⊗V\) for CubeRotations/);
  });

  it('a custom group pasted as JSON works in a product; broken JSON says where', async () => {
    const flip = '{"name": "flip", "dim": 2, "generators": [[[0, 1], [1, 0]]]}';
    const { page } = await open('?group=S5&rep=V');
    await settled(page);
    await page.click('#custom summary');
    await page.type('#file-text', flip);
    await retype(page, '#group', 'S(3) x custom.json');
    await retype(page, '#in', 'V1⊗V2');
    await page.keyboard.press('Enter');
    expect(await settled(page)).toBe('answered');
    const expected = solveBasis({ group: 'S(3) x custom.json', in: 'V1⊗V2', readFile: () => flip });
    expect(await text(page, '#status')).toMatch(new RegExp(`^${expected.dim} basis elements`));
    expect(await text(page, '#summary')).toMatch(/^Hom\(V1⊗V2 → V1⊗V2\) for S\(3\) x flip/);

    await page.click('#file-text');
    await page.keyboard.press('End');
    await page.keyboard.type(',');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    expect(await settled(page)).toBe('error');
    expect(await text(page, '#error')).toMatch(/^solve-basis: error E_GROUP_JSON: custom\.json is not valid JSON \(line 1, column \d+\)/);
    // Copying the link reports back, whether or not the clipboard is granted.
    await page.click('#copy-link');
    await page.waitForFunction(() => /link/.test(document.getElementById('status')!.textContent ?? ''), { polling: 50 });
  });

  it('entry expressions load mathjs on demand and are solved exactly in their number field, as by the CLI', async () => {
    const file = join(root, 'fixtures', 'groups', 'c5-irrational.json');
    const text = readFileSync(file, 'utf8');
    const { page, requests } = await open(`?group=c5-irrational.json&rep=V&file=c5-irrational.json&json=${encodeURIComponent(text)}`);
    expect(await settled(page)).toBe('answered');
    expect(requests.filter((r) => /chunks\/(mathjs|ml-matrix)\.js$/.test(r)).map((r) => r.replace(/.*chunks\//, ''))).toEqual(['mathjs.js']);
    expect(await page.$eval('#status', (e) => e.textContent)).toMatch(/loaded mathjs in [\d.]+ m?s/);
    const next = await downloadsOf(page);
    await page.click('#downloads button[data-format="json"]');
    expect((await next()).bytes.equals(cliBytes(['--group', file, '--rep', 'V'], 'json'))).toBe(true);
  });

  it('float groups (decimal entries) load ml-matrix on demand; the float answer equals the CLI too', async () => {
    const file = join(root, 'fixtures', 'groups', 'c5-decimal.json');
    const text = readFileSync(file, 'utf8');
    const { page, requests } = await open(`?group=c5-decimal.json&rep=V&file=c5-decimal.json&json=${encodeURIComponent(text)}`);
    expect(await settled(page)).toBe('answered');
    expect(requests.filter((r) => /chunks\/(mathjs|ml-matrix)\.js$/.test(r)).map((r) => r.replace(/.*chunks\//, ''))).toEqual(['ml-matrix.js']);
    expect(await page.$eval('#status', (e) => e.textContent)).toMatch(/loaded ml-matrix in [\d.]+ m?s/);
    const next = await downloadsOf(page);
    await page.click('#downloads button[data-format="json"]');
    expect((await next()).bytes.equals(cliBytes(['--group', file, '--rep', 'V'], 'json'))).toBe(true);
  });

  it('a long solve shows progress, leaves the page responsive, and can be cancelled', async () => {
    // A(8) has no closed form: the orbit strategy works through 9 blocks (S(8) would answer at once).
    const { page } = await open('?group=A(8)&rep=T(4)%2BT(3)%2BT(2)');
    await page.waitForFunction(() => !(document.getElementById('progress') as HTMLProgressElement).hidden, { timeout: 20_000, polling: 50 });
    expect(await page.$eval('#progress', (p) => (p as HTMLProgressElement).max)).toBe(9);
    const t0 = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.waitForFunction(() => /^solving… \d/.test(document.getElementById('status')!.textContent ?? ''), { timeout: 5000, polling: 50 });
    await page.click('#cancel');
    expect(await settled(page)).toBe('cancelled');
    expect(await page.$eval('#cancel', (b) => (b as HTMLElement).hidden)).toBe(true);
    await retype(page, '#group', 'S5');
    await retype(page, '#in', 'V');
    await page.keyboard.press('Enter');
    expect(await settled(page)).toBe('answered');
    expect(await text(page, '#status')).toMatch(/^2 basis elements/);
  });

  it('the memory guard uses the browser default of 1 GiB; options from a link are checked', async () => {
    const { page } = await open('?group=A(50)&rep=T(4)');
    expect(await settled(page)).toBe('error');
    expect(await text(page, '#error')).toMatch(/^solve-basis: error E_TOO_LARGE: .*above the limit of 1\.00 GiB/);
    const raised = await open('?group=S(6)&rep=T(4)&maxmem=2G');
    expect(await settled(raised.page)).toBe('answered');
    const strategy = await open('?group=S5&rep=V&strategy=fastest');
    expect(await settled(strategy.page)).toBe('error');
    expect(await text(strategy.page, '#error')).toMatch(/^solve-basis: error E_OPTION: unknown strategy 'fastest', expected diagram, orbit, /);
    const size = await open('?group=S5&rep=V&maxmem=lots');
    expect(await settled(size.page)).toBe('error');
    expect(await text(size.page, '#error')).toMatch(/^solve-basis: error E_OPTION: max memory: expected a size such as 512M/);
  });

  it('works from a web server as well as from file://', async () => {
    const { url, server } = await serveStatic(site.outDir);
    try {
      const { page } = await open('?group=S(4)&rep=V', `${url}index.html`);
      expect(await settled(page)).toBe('answered');
      expect(await text(page, '#summary')).toContain('basis     2 elements');
    } finally {
      server.close();
    }
  });

  it('lists the built-in groups with the text of `solve-basis groups`', async () => {
    const { page } = await open('?group=S5&rep=V');
    await settled(page);
    const cli = execFileSync(process.execPath, [join(root, 'bin', 'solve-basis.js'), 'groups'], { encoding: 'utf8' });
    const shown = await page.$$eval('#catalogue-list pre', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(shown.length).toBeGreaterThan(10);
    for (const entry of shown) expect(cli).toContain(entry);
    await page.click('#catalogue summary');
    await page.evaluate(() => document.body.removeAttribute('data-state'));
    await page.click('#catalogue-list li:nth-child(2) button');
    expect(await settled(page)).toBe('answered');
    expect(await text(page, '#summary')).toMatch(/^Hom\(V → V\) for A\(5\)/);
  });
});
