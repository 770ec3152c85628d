/**
 * The playground page: the state comes from the URL, the solve runs in the worker, the answer and
 * the link are updated together. No library code runs on this thread (app.js stays small and the
 * page responsive); the catalogue text was inlined at build time (web/build.ts).
 */
import { parseCatalogue } from '../shared/catalogue.js';
import { BROWSER_MAX_MEMORY_BYTES, parseSize } from '../shared/options.js';
import { queryFromState, stateFromQuery, type PlaygroundState } from '../shared/url-state.js';
import { SolveClient } from './client.js';
import { acceptGroupFiles, fields, readForm, setStrategies, showCatalogue, writeForm } from './form.js';
import { clearAnswer, formatMs, setStatus, showBusy, showDownloads, showError, showPicture, showProgress, showResult } from './render.js';

/** `solve-basis groups`, inlined by web/build.ts. */
declare const SOLVE_BASIS_GROUPS_TEXT: string;

let busy = false;
let started = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
let blocks = '';
let firstAnswer = true;
let solved: PlaygroundState | undefined;

function setBusy(b: boolean): void {
  busy = b;
  showBusy(b);
  if (ticker !== undefined) clearInterval(ticker);
  ticker = undefined;
  if (b) {
    started = performance.now();
    blocks = '';
    // The solve is in the worker: this thread is free to tell how long it has been running.
    ticker = setInterval(() => setStatus(`solving… ${formatMs(performance.now() - started)}${blocks}`), 200);
  }
}

const client = new SolveClient({
  ready(info) {
    // When the worker has evaluated the library (bench/playground.ts reports it).
    document.body.dataset['workerReadyMs'] ??= performance.now().toFixed(0);
    setStrategies(info.strategies);
    document.getElementById('version')!.textContent = `solve-basis ${info.version}`;
    showDownloads(info.emitters, slug, (id) => client.emit(id));
  },
  progress(done, total) {
    blocks = total > 1 ? ` · block ${done} of ${total}` : '';
    showProgress(done, total);
  },
  result(r) {
    setBusy(false);
    showResult(r);
    const loads = r.loaded.map((l) => `loaded ${l.name} in ${formatMs(l.ms)}`);
    let text = `${r.dim.toLocaleString('en-US')} basis element${r.dim === 1 ? '' : 's'} · solved in ${formatMs(r.solveMs)}${loads.length ? ` · ${loads.join(', ')}` : ''}`;
    if (firstAnswer) {
      // Time from navigation start to the first answer on screen (README and bench/RESULTS.md).
      const ms = performance.now();
      document.body.dataset['firstAnswerMs'] = ms.toFixed(0);
      text += ` · first answer ${formatMs(ms)} after the page started loading`;
      firstAnswer = false;
    }
    setStatus(text);
    document.body.dataset['solveMs'] = r.solveMs.toFixed(1);
    document.body.dataset['state'] = 'answered';
  },
  picture(p) {
    showPicture(p);
    // When the first picture was on screen (bench/playground.ts reports it).
    document.body.dataset['firstPictureMs'] ??= performance.now().toFixed(0);
    document.body.dataset['picture'] = p.svg.ok ? 'drawn' : 'refused';
  },
  error(view, during) {
    if (during === 'solve') {
      setBusy(false);
      clearAnswer();
      setStatus('');
      document.body.dataset['state'] = 'error';
    }
    showError(view);
  },
});

/** A file-name stem for downloads, from the solved request: `s5-tensor2`, `so-3-v-2-v`. */
function slug(): string {
  const s = solved ?? readForm();
  const text = [s.group, s.in, s.out ?? ''].join(' ').toLowerCase().replace(/\.json\b/g, '');
  return text.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'solve-basis';
}

/** An option the page itself checks is wrong: no solve, and a running one is stopped (it would be stale). */
function refuse(message: string): void {
  if (busy) {
    client.cancel();
    setBusy(false);
  }
  setStatus('');
  showError({ code: 'E_OPTION', line: `solve-basis: error E_OPTION: ${message}` });
  document.body.dataset['state'] = 'error';
}

function solve(): void {
  const state = readForm();
  // The link always describes what is on screen (history.replaceState works from file:// too).
  history.replaceState(null, '', queryFromState(state));
  clearAnswer();
  if (state.in === '') return refuse('missing rep (in), expected a rep, e.g. tensor2');
  const maxMemoryBytes = state.maxMemory === undefined ? BROWSER_MAX_MEMORY_BYTES : parseSize(state.maxMemory);
  if (maxMemoryBytes === null) return refuse(`max memory: expected a size such as 512M or 8G, got '${state.maxMemory}'`);
  solved = state;
  document.body.dataset['state'] = 'solving';
  delete document.body.dataset['picture'];
  client.solve(
    {
      group: state.group,
      in: state.in,
      ...(state.out !== undefined ? { out: state.out } : {}),
      ...(state.strategy ? { strategy: state.strategy } : {}),
      certify: state.certify,
      maxMemoryBytes,
      files: state.file ? { [state.file.name]: state.file.text } : {},
    },
    busy,
  );
  setBusy(true);
  setStatus('solving…');
}

function cancel(): void {
  client.cancel();
  setBusy(false);
  setStatus('cancelled');
  document.body.dataset['state'] = 'cancelled';
}

fields.form.addEventListener('submit', (e) => {
  e.preventDefault();
  solve();
});
document.getElementById('cancel')!.addEventListener('click', cancel);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && busy) cancel();
});
fields.fileText.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) solve();
});
document.getElementById('copy-link')!.addEventListener('click', () => {
  // The address bar always holds the link; the clipboard may be refused (no permission, no focus).
  const copied = navigator.clipboard?.writeText(location.href) ?? Promise.reject(new Error('no clipboard'));
  copied.then(
    () => setStatus('link copied'),
    () => setStatus('the address bar holds the link to this answer'),
  );
});

showCatalogue(parseCatalogue(SOLVE_BASIS_GROUPS_TEXT), (example) => {
  fields.group.value = example;
  solve();
});
acceptGroupFiles(solve);
writeForm(stateFromQuery(location.search));
solve();
