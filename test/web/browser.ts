/// <reference lib="dom" />
// The callbacks given to page.evaluate/$eval run in the page: they are typed against the DOM.
/**
 * Driving the system Chromium for the playground tests: finding it (never downloading one), pages
 * that record every console error, failed request and uncaught exception, and downloads to a folder.
 * A missing chromium fails under CI (`CI` set; .ci/setup.d/20-chromium.sh installs it) and skips
 * with a loud warning elsewhere, as test/emit/runtimes.ts does for the layer runtimes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { requireRuntime } from '../emit/runtimes.js';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The system's Chromium: $CHROMIUM, or the first of chromium / chromium-browser / google-chrome on PATH. */
export function findChromium(): string | undefined {
  if (process.env['CHROMIUM'] && existsSync(process.env['CHROMIUM'])) return process.env['CHROMIUM'];
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** The chromium to use, or undefined (then the tests skip); under CI a missing one throws. */
export function requireChromium(): string | undefined {
  const chromium = findChromium();
  if (chromium) return chromium;
  requireRuntime('Chromium (headless, for the playground tests)', false);
  return undefined;
}

export function launch(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A page and what went wrong on it: console errors, uncaught exceptions, failed requests. */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
  /** URLs the page requested, in order. */
  readonly requests: string[];
}

export async function watchedPage(browser: Browser, width = 1280, height = 1100): Promise<WatchedPage> {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${(e as Error).message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => requests.push(r.url()));
  return { page, problems, requests };
}

/**
 * Waits until the page has answered or shown an error (body[data-state]) and returns which. Polls
 * on a timer: the default (requestAnimationFrame) stalls in a tab Chromium does not paint.
 */
export async function settled(page: Page, timeout = 30_000): Promise<string> {
  await page.waitForFunction(() => ['answered', 'error', 'cancelled'].includes(document.body.dataset['state'] ?? ''), { timeout, polling: 50 });
  return page.evaluate(() => document.body.dataset['state'] ?? '');
}

/** Waits until the picture that follows an answer is on the page (body[data-picture]). */
export async function pictured(page: Page, timeout = 30_000): Promise<string> {
  await page.waitForFunction(() => document.body.dataset['picture'] !== undefined, { timeout, polling: 50 });
  return page.evaluate(() => document.body.dataset['picture'] ?? '');
}

/** Makes downloads of `page` land in a fresh folder, and returns a function that awaits the next one. */
export async function downloadsOf(page: Page): Promise<() => Promise<{ name: string; bytes: Buffer }>> {
  const dir = mkdtempSync(join(tmpdir(), 'solve-basis-downloads-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  const seen = new Set<string>();
  return async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const done = readdirSync(dir).filter((f) => !f.endsWith('.crdownload') && !seen.has(f));
      if (done.length > 0) {
        seen.add(done[0]!);
        return { name: done[0]!, bytes: readFileSync(join(dir, done[0]!)) };
      }
      if (Date.now() > deadline) throw new Error(`no download arrived in ${dir}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** A static file server on 127.0.0.1 (any free port) for `dir`: the "any static host" case. */
export async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}
