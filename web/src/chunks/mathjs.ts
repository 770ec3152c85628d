/**
 * The mathjs chunk: loaded into the worker only when a custom group has an entry expression
 * (`"sqrt(3)/2"`). Bundled by web/build.ts as an IIFE that leaves the namespace in a global the
 * worker picks up (see worker/lazy.ts); src/group/entries.ts then finds it through
 * `createRequire(...)('mathjs')` (web/src/shims/node-module.ts).
 */
export * from 'mathjs';
