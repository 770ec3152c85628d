/**
 * Loading mathjs and ml-matrix into the worker on demand.
 *
 * The library requires them synchronously in the middle of a solve (see shims/node-module.ts),
 * and nothing can be loaded synchronously in a browser — least of all from file://, where a
 * worker may not fetch, import() or importScripts() any file. So the page loads a chunk with a
 * plain <script> tag (allowed from file://), which defines the chunk's source as a string; the page
 * posts the string here; here it runs through importScripts on a blob: URL (allowed) and its
 * namespace is handed to the shim. `ensure` is awaited *before* a solve that needs the module;
 * `withModules` covers the rest by loading what a solve asked for and running it again.
 */
import { isProvided, ModuleNotLoadedError, provideModule, type LazyModule } from '../shims/node-module.js';

/** The global the chunks' IIFE bundles assign their namespace to (web/build.ts: `globalName`). */
export const CHUNK_GLOBAL = '__solveBasisLazyModule';

interface WorkerScope {
  importScripts(...urls: string[]): void;
  [CHUNK_GLOBAL]?: unknown;
}

/** Asks the page for a chunk's source; resolves with it. */
export type ChunkRequester = (name: LazyModule) => Promise<string>;

export interface LoadRecord {
  readonly name: LazyModule;
  readonly ms: number;
}

/**
 * Loads chunks into this worker, each once, recording what it loaded and how long it took.
 *
 * @example
 * const loader = new ChunkLoader(scope, requestFromPage);
 * await loader.ensure('ml-matrix');
 */
export class ChunkLoader {
  private readonly records: LoadRecord[] = [];

  constructor(
    private readonly scope: WorkerScope,
    private readonly request: ChunkRequester,
  ) {}

  /** Loads `name` unless it is there already. */
  async ensure(name: LazyModule): Promise<void> {
    if (isProvided(name)) return;
    const start = performance.now();
    const source = await this.request(name);
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      this.scope.importScripts(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const namespace = this.scope[CHUNK_GLOBAL];
    // The IIFE declared it with `var`: a non-configurable global, so cleared, not deleted.
    this.scope[CHUNK_GLOBAL] = undefined;
    if (namespace === undefined) throw new Error(`the ${name} chunk did not define its module`);
    provideModule(name, namespace);
    this.records.push({ name, ms: performance.now() - start });
  }

  /**
   * Runs `f`; when it stops because a lazy module is missing, loads the module and runs `f`
   * again. `f` must be pure (a solve is): the rerun repeats work, never effects.
   */
  async withModules<T>(f: () => T): Promise<T> {
    for (;;) {
      try {
        return f();
      } catch (e) {
        if (!(e instanceof ModuleNotLoadedError) || isProvided(e.module)) throw e;
        await this.ensure(e.module);
      }
    }
  }

  /** The loads since the last call, and forgets them (one request's worth). */
  takeRecords(): readonly LoadRecord[] {
    return this.records.splice(0);
  }
}
