/**
 * The page's option values that are not the library's own defaults, and the size syntax of the
 * CLI's `--max-memory`.
 */

/**
 * The browser's default memory limit (the request's `maxMemoryBytes`): 1 GiB, not the CLI's 4 GiB.
 * A tab shares the machine with everything else the person has open, a Chromium renderer is killed
 * ("Aw, Snap!") well before a Node process would be, and the page itself needs room for the SVG
 * and the downloaded text; a refusal with the estimate is better than a crashed tab. The option
 * field (and `maxmem=` in the URL) raises it.
 */
export const BROWSER_MAX_MEMORY_BYTES = 1024 ** 3;

/**
 * Bytes from a size such as `512M`, `1.5G` or `2GiB` (as `--max-memory` reads it); null when the
 * text is not a size.
 *
 * @example
 * parseSize('512M') // 536870912
 * parseSize('lots') // null
 */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)(i?[bB])?$/.exec(text.trim());
  if (!m) return null;
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const bytes = Number(m[1]) * scale;
  return bytes > 0 ? bytes : null;
}
