/**
 * The page's side of the solve worker: starting it, loading the chunks it asks for, one solve at a
 * time, downloads, and cancelling (terminating the worker and starting a fresh one).
 *
 * The worker's code arrives as text (chunks/worker.js sets `self.solveBasisChunks.worker`) and runs
 * from a blob: URL: Chromium will not start a worker from a file:// URL, and this way the page works
 * the same from file:// and from a web server. Lazy chunks (mathjs, ml-matrix) are loaded with a
 * <script> tag when the worker asks, and their text is posted to it (see web/build.ts).
 */
import type { EmitterInfo, FromWorker, PictureMessage, ReadyMessage, ResultMessage, SolveMessage, ToWorker } from '../shared/protocol.js';
import type { ErrorView } from '../shared/error-view.js';

/** The chunks a worker may ask for; anything else is refused. */
const LAZY_CHUNKS = ['mathjs', 'ml-matrix'];

declare global {
  interface Window {
    solveBasisChunks?: Record<string, string>;
  }
}

/** Loads chunks/NAME.js once with a <script> tag (allowed from file://) and returns its source text. */
function loadChunk(name: string): Promise<string> {
  const have = window.solveBasisChunks?.[name];
  if (have !== undefined) return Promise.resolve(have);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `chunks/${name}.js`;
    script.onload = () => {
      const text = window.solveBasisChunks?.[name];
      if (text === undefined) reject(new Error(`chunks/${name}.js did not define its chunk`));
      else resolve(text);
    };
    script.onerror = () => reject(new Error(`cannot load chunks/${name}.js`));
    document.head.append(script);
  });
}

export interface ClientEvents {
  ready(info: ReadyMessage): void;
  progress(done: number, total: number): void;
  result(result: ResultMessage): void;
  picture(picture: PictureMessage): void;
  error(error: ErrorView, during: 'solve' | 'emit'): void;
}

export type SolveInput = Omit<SolveMessage, 'type' | 'id'>;

/**
 * @example
 * const client = new SolveClient({ ready, progress, result, error });
 * client.solve({ group: 'S5', in: 'tensor2', certify: false, maxMemoryBytes: 2 ** 30, files: {} });
 */
export class SolveClient {
  private readonly url: string;
  private worker!: Worker;
  private nextId = 1;
  /** The id replies must carry to count; older ones belong to a superseded request. */
  private current = 0;
  private readonly downloads = new Map<number, { resolve(text: string): void; reject(e: ErrorView): void }>();
  emitters: readonly EmitterInfo[] = [];

  constructor(private readonly on: ClientEvents) {
    const source = window.solveBasisChunks?.['worker'];
    if (source === undefined) throw new Error('chunks/worker.js is missing: rebuild the site (npm run build:web)');
    this.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.start();
  }

  private start(): void {
    this.worker = new Worker(this.url, { name: 'solve-basis' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => this.on.error({ code: 'internal', line: `solve-basis: worker error: ${e.message}` }, 'solve');
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        this.emitters = m.emitters;
        this.on.ready(m);
        return;
      case 'need':
        if (!LAZY_CHUNKS.includes(m.name)) return;
        loadChunk(m.name).then(
          (source) => this.post({ type: 'chunk', name: m.name, source }),
          (e: Error) => this.on.error({ code: 'E_IO', line: `solve-basis: error E_IO: ${e.message}` }, 'solve'),
        );
        return;
      case 'progress':
        if (m.id === this.current) this.on.progress(m.done, m.total);
        return;
      case 'result':
        if (m.id === this.current) this.on.result(m);
        return;
      case 'picture':
        if (m.id === this.current) this.on.picture(m);
        return;
      case 'emitted':
        this.downloads.get(m.id)?.resolve(m.text);
        this.downloads.delete(m.id);
        return;
      case 'error': {
        const pending = this.downloads.get(m.id);
        if (pending) {
          pending.reject(m.error);
          this.downloads.delete(m.id);
        } else if (m.id === this.current) this.on.error(m.error, m.during);
      }
    }
  }

  /** Starts a solve; a running one is cancelled first (its answer would be stale). */
  solve(input: SolveInput, busy: boolean): void {
    if (busy) this.cancel();
    this.current = this.nextId++;
    this.post({ type: 'solve', id: this.current, ...input });
  }

  /** The text of `format` for the last solve, as the CLI would write it. */
  emit(format: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.downloads.set(id, { resolve, reject });
      this.post({ type: 'emit', id, format });
    });
  }

  /**
   * Stops whatever runs: the worker is terminated (a synchronous solve cannot be interrupted any
   * other way) and a fresh one started. Loaded chunks are re-sent from the page's copy when asked.
   */
  cancel(): void {
    this.worker.terminate();
    for (const d of this.downloads.values()) d.reject({ code: 'cancelled', line: 'cancelled' });
    this.downloads.clear();
    this.current = 0;
    this.start();
  }
}
