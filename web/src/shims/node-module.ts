/**
 * Browser stand-in for `node:module`, substituted by the bundler (web/build.ts aliases
 * `node:module` to this file in the worker bundle; the library source is unchanged).
 *
 * The library loads mathjs (src/group/entries.ts) and ml-matrix (src/linalg/svd.ts) lazily and
 * synchronously with `createRequire(import.meta.url)(name)`, only when a problem needs them. A
 * browser cannot load a module synchronously, so the worker loads the chunk *before* the solve
 * (web/src/worker.ts decides when) and hands it over with `provideModule`. A require for a module
 * that was not provided throws `ModuleNotLoadedError`, which the worker catches: it loads the chunk
 * and runs the (pure, side-effect-free) solve again. The registry is this bundle's own module
 * state: the worker is the only program that uses it.
 */

const provided = new Map<string, unknown>();

/** The modules a worker may load on demand; each is one chunk under chunks/. */
export const LAZY_MODULES = ['mathjs', 'ml-matrix'] as const;
export type LazyModule = (typeof LAZY_MODULES)[number];

/** Thrown by `require(name)` for a lazy module the worker has not loaded yet. */
export class ModuleNotLoadedError extends Error {
  readonly module: LazyModule;
  constructor(module: LazyModule) {
    super(`the ${module} chunk is not loaded (the worker loads it and solves again)`);
    this.name = 'ModuleNotLoadedError';
    this.module = module;
  }
}

/**
 * Makes `name` available to the library's `createRequire(...)(name)`.
 *
 * @example
 * provideModule('ml-matrix', mlMatrixNamespace);
 */
export function provideModule(name: LazyModule, value: unknown): void {
  provided.set(name, value);
}

/**
 * Whether `name` has been provided.
 *
 * @example
 * isProvided('mathjs') // false until the mathjs chunk ran
 */
export function isProvided(name: LazyModule): boolean {
  return provided.has(name);
}

function isLazy(name: string): name is LazyModule {
  return (LAZY_MODULES as readonly string[]).includes(name);
}

/**
 * The `createRequire` the library calls; the base URL is irrelevant here.
 *
 * @example
 * createRequire('')('ml-matrix') // the provided namespace, or throws ModuleNotLoadedError
 */
export function createRequire(_base?: string | URL): (name: string) => unknown {
  return (name: string) => {
    if (provided.has(name)) return provided.get(name);
    if (isLazy(name)) throw new ModuleNotLoadedError(name);
    throw new Error(`module '${name}' is not available in the browser build`);
  };
}
