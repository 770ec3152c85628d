/**
 * How errors look to a person: one line (plus a caret line under a bad rep column when a
 * terminal is attached), never a stack trace.
 */
import { SolveBasisError } from '../errors.js';

export interface FormattedError {
  readonly text: string;
  readonly exitCode: number;
}

/** Exit status per error family; README's table lists them. */
export const EXIT_CODES = Object.freeze({
  ok: 0,
  internal: 1,
  input: 2,
  tooLarge: 3,
  solver: 4,
  io: 5,
  timeout: 6,
});

export function exitCodeFor(e: SolveBasisError): number {
  switch (e.code) {
    case 'E_TOO_LARGE':
      return EXIT_CODES.tooLarge;
    case 'E_SOLVER':
    case 'E_VERIFY':
      return EXIT_CODES.solver;
    case 'E_IO':
      return EXIT_CODES.io;
    case 'E_TIMEOUT':
      return EXIT_CODES.timeout;
    default:
      return EXIT_CODES.input;
  }
}

/**
 * The error as text for stderr. `caret` adds the expression with a caret under the column.
 *
 * @example
 * formatError(new SpecError('E_REP_SYNTAX', "bad rep 'V**'", { column: 4, source: 'V**' }), true).text
 * // "solve-basis: error E_REP_SYNTAX: bad rep 'V**', column 4\n  V**\n     ^"
 */
export function formatError(e: unknown, caret = false): FormattedError {
  if (e instanceof SolveBasisError) {
    let text = `solve-basis: error ${e.code}: ${e.oneLine()}`;
    if (e.hint) text += ` (${e.hint})`;
    if (caret && e.source !== undefined && e.column !== undefined) {
      text += `\n  ${e.source}\n  ${' '.repeat(Math.max(0, e.column - 1))}^`;
    }
    return { text, exitCode: exitCodeFor(e) };
  }
  const message = e instanceof Error ? e.message : String(e);
  return {
    text: `solve-basis: internal error: ${message.split('\n')[0]} (please report this; set SOLVE_BASIS_DEBUG=1 for a stack trace)`,
    exitCode: EXIT_CODES.internal,
  };
}
