/**
 * Browser stand-in for `node:v8`, substituted by the bundler (web/build.ts). The JSON writer
 * (src/emit/json.ts) caps its size guard at `getHeapStatistics().heap_size_limit`, Node's heap
 * limit. A worker has no such API (Chromium's `performance.memory` exists on window only, and is
 * coarse), so the guard in the browser is `maxMemoryBytes` alone, which the page always passes
 * (web/src/shared/options.ts: 1 GiB unless raised). This reports a limit that never binds first.
 */

/**
 * @example
 * getHeapStatistics().heap_size_limit // Number.MAX_SAFE_INTEGER
 */
export function getHeapStatistics(): { readonly heap_size_limit: number } {
  return { heap_size_limit: Number.MAX_SAFE_INTEGER };
}
