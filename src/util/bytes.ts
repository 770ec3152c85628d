/**
 * Memory sizes: the default limit every guard shares (`--max-memory`) and how sizes are printed.
 */

/** The default of `--max-memory` and `maxMemoryBytes`: 4 GiB. */
export const DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;

/**
 * A byte count for people, three significant digits.
 *
 * @example
 * formatBytes(1.5 * 1024 ** 3) // '1.50 GiB'
 */
export function formatBytes(b: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = b;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toPrecision(3)} ${units[u]}`;
}
