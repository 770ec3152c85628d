/**
 * Shared oracle of the fuzz tests: a call either returns or throws a typed SolveBasisError whose
 * message is one line. Anything else (RangeError, TypeError, a stack overflow) fails the property.
 */
import { SolveBasisError } from '../../src/errors.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SolveBasisError };

export function typed<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof SolveBasisError)) {
      throw new Error(`untyped ${e instanceof Error ? e.constructor.name : typeof e}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (e.oneLine().includes('\n')) throw new Error(`multi-line error: ${JSON.stringify(e.oneLine())}`);
    return { ok: false, error: e };
  }
}

/** Fuzz budget per property: FUZZ_SCALE=10 npm test runs ten times as many cases. */
export function runs(n: number): number {
  return Math.round(n * Number(process.env['FUZZ_SCALE'] ?? 1));
}
