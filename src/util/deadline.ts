/**
 * A cooperative deadline for `--timeout`. The solve is synchronous, so nothing can interrupt it
 * from outside; instead long loops call `tick()`, which reads the clock only every 4096 calls
 * (a counter increment otherwise, so the check costs nothing measurable) and throws a typed
 * `E_TIMEOUT` error once the time is up. The state lives in the object, never in a global.
 */
import { ResourceError } from '../errors.js';

export interface Deadline {
  /** Cheap: call it in inner loops. Throws E_TIMEOUT after the deadline. */
  tick(): void;
  /** Reads the clock now (call it between coarse steps, e.g. blocks). */
  check(): void;
}

/** Never expires: the default when no timeout is set. */
export const NO_DEADLINE: Deadline = Object.freeze({ tick: () => undefined, check: () => undefined });

/** How many `tick()` calls pass between two clock reads. */
const TICKS_PER_CHECK = 4096;

/**
 * A deadline `seconds` from now (`now` returns milliseconds; injectable for tests).
 *
 * @example
 * const d = deadlineAfter(30); for (const row of rows) { d.tick(); work(row); }
 */
export function deadlineAfter(seconds: number, now: () => number = () => performance.now()): Deadline {
  const start = now();
  const end = start + seconds * 1000;
  let ticks = 0;
  const check = (): void => {
    const t = now();
    if (t > end) {
      throw new ResourceError('E_TIMEOUT', `timed out after ${((t - start) / 1000).toFixed(1)} s (limit ${seconds} s)`, {
        expected: `a solve within ${seconds} s`,
        hint: 'raise the limit with --timeout SECONDS, or try a smaller rep',
      });
    }
  };
  return Object.freeze({
    tick: () => {
      if (++ticks >= TICKS_PER_CHECK) {
        ticks = 0;
        check();
      }
    },
    check,
  });
}
