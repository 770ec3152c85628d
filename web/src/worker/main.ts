/**
 * The solve worker: the library (src/index.ts, the same code the CLI runs) behind a message
 * protocol (shared/protocol.ts). A solve is synchronous and may take seconds, so it runs here and
 * the page stays responsive; cancelling is terminating this worker. web/build.ts bundles this file
 * as a classic-script IIFE that the page starts from a blob: URL (which works from file://).
 */
import {
  EMITTERS,
  emitterFor,
  resolveGroup,
  solveBasis,
  solveLayer,
  SolveBasisError,
  STRATEGY_CHOICES,
  VERSION,
  type Basis,
  type LayerBases,
  type SolveRequest,
  type StrategyChoice,
} from '../../../src/index.js';
import type { LazyModule } from '../shims/node-module.js';
import type { EmitMessage, FromWorker, PictureMessage, SolveMessage, ToWorker } from '../shared/protocol.js';
import { errorView } from './errors.js';
import { ChunkLoader } from './lazy.js';
import { needsMlMatrix } from './needs.js';
import { symbolicLabels } from './labels.js';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  importScripts(...urls: string[]): void;
}

const scope = self as unknown as WorkerScope;
const post = (m: FromWorker): void => scope.postMessage(m);

/** Chunk requests waiting for the page's answer, by module name. */
const waiting = new Map<string, (source: string) => void>();
const loader = new ChunkLoader(scope, (name: LazyModule) => {
  const answer = new Promise<string>((resolve) => waiting.set(name, resolve));
  post({ type: 'need', name });
  return answer;
});

/** The last solved request, kept for downloads; the layer bases are solved on the first layer download. */
let last: { readonly request: SolveRequest; readonly basis: Basis<unknown>; layer?: LayerBases } | undefined;

/** Progress messages at most every 100 ms (a big direct sum has thousands of blocks), plus the last. */
function progressReporter(id: number): (done: number, total: number) => void {
  let lastPost = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - lastPost < 100) return;
    lastPost = now;
    post({ type: 'progress', id, done, total });
  };
}

/** A reader for the custom group files the page sent, failing like a missing file does in Node. */
function fileReader(files: Readonly<Record<string, string>>): (path: string) => string {
  return (path) => {
    if (Object.hasOwn(files, path)) return files[path]!;
    throw Object.assign(new Error(`no such file '${path}' (paste or drop it under "Custom group")`), { code: 'ENOENT' });
  };
}

async function solve(m: SolveMessage): Promise<void> {
  last = undefined;
  // The CLI's option parser refuses these before anything runs; a link may carry any text.
  if (m.strategy && !STRATEGY_CHOICES.includes(m.strategy as StrategyChoice)) {
    throw new SolveBasisError('E_OPTION', `unknown strategy '${m.strategy}'`, { expected: STRATEGY_CHOICES.join(', '), actual: m.strategy });
  }
  const readFile = fileReader(m.files);
  // mathjs is only needed while a custom group's entries are parsed: resolving tells.
  const group = await loader.withModules(() => resolveGroup(m.group, { readFile }));
  if (needsMlMatrix(group, m.strategy)) await loader.ensure('ml-matrix');
  const request: SolveRequest = {
    group,
    in: m.in,
    ...(m.out !== undefined ? { out: m.out } : {}),
    ...(m.strategy ? { strategy: m.strategy as StrategyChoice } : {}),
    certify: m.certify,
    maxMemoryBytes: m.maxMemoryBytes,
    inputNames: m.out === undefined ? { in: 'rep', out: 'rep' } : { in: 'in', out: 'out' },
    onProgress: progressReporter(m.id),
  };
  const before = loader.takeRecords();
  const start = performance.now();
  const basis = await loader.withModules(() => solveBasis(request));
  const during = loader.takeRecords();
  // A chunk loaded within the solve (a missed prediction) is not solve time.
  const solveMs = performance.now() - start - during.reduce((s, r) => s + r.ms, 0);
  const loaded = [...before, ...during];
  last = { request, basis };
  post({
    type: 'result',
    id: m.id,
    dim: basis.dim,
    shape: [basis.shape[0], basis.shape[1]],
    summary: emitBasis('summary', basis, request, solveMs),
    labels: symbolicLabels(basis),
    warnings: [...basis.warnings, ...(basis.certificate && !basis.certificate.certified ? [basis.certificate.summary] : [])],
    solveMs,
    loaded,
  });
  // Then the picture: the answer is already on screen while it is drawn.
  let svg: PictureMessage['svg'];
  try {
    svg = { ok: true, text: emitBasis('svg', basis, request) };
  } catch (e) {
    svg = { ok: false, error: errorView(e) };
  }
  post({ type: 'picture', id: m.id, svg });
}

/** What the page shows at once: the summary (with the solve time) and the picture. */
function emitBasis(format: 'summary' | 'svg', basis: Basis<unknown>, request: SolveRequest, elapsedMs?: number): string {
  const emitter = emitterFor(format);
  if (emitter?.input !== 'basis') throw new Error(`${format} is not a basis format`);
  return emitter.emit(basis, { ...(elapsedMs !== undefined ? { elapsedMs } : {}), maxMemoryBytes: request.maxMemoryBytes });
}

/** A download: the same emitter and inputs as `solve-basis --format F -o FILE`, so the same bytes. */
async function emit(m: EmitMessage): Promise<void> {
  const current = last;
  if (current === undefined) throw new Error('nothing solved yet');
  const emitter = emitterFor(m.format);
  if (emitter === undefined) throw new Error(`unknown format ${m.format}`);
  const options = { maxMemoryBytes: current.request.maxMemoryBytes };
  let text: string;
  // One case per kind of emitter input: a new kind (networks) fails to compile here until the
  // worker solves what it needs, as the CLI's main.ts does.
  switch (emitter.input) {
    case 'basis':
      text = emitter.emit(current.basis, options);
      break;
    case 'layer':
      // The CLI's layer formats call solveLayer: the weight basis again and the bias basis. No
      // progress: the page shows the answer, not a running solve.
      current.layer ??= await loader.withModules(() => solveLayer({ ...current.request, onProgress: undefined }));
      text = emitter.emit(current.layer, options);
      break;
    default: {
      const unhandled: never = emitter;
      throw new Error(`the playground cannot emit ${(unhandled as { id: string }).id} yet`);
    }
  }
  loader.takeRecords();
  post({ type: 'emitted', id: m.id, format: m.format, text });
}

function fail(id: number, during: 'solve' | 'emit', e: unknown): void {
  const error = errorView(e);
  // A bug, not bad input: keep the stack where a developer looks.
  if (error.code === 'internal') console.error(e);
  post({ type: 'error', id, during, error });
}

scope.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'chunk') {
    waiting.get(m.name)?.(m.source);
    waiting.delete(m.name);
  } else if (m.type === 'solve') {
    solve(m).catch((e: unknown) => fail(m.id, 'solve', e));
  } else {
    emit(m).catch((e: unknown) => fail(m.id, 'emit', e));
  }
};

post({
  type: 'ready',
  emitters: EMITTERS.map((e) => ({ id: e.id, description: e.description, extension: e.extension, input: e.input })),
  strategies: [...STRATEGY_CHOICES],
  version: VERSION,
});
