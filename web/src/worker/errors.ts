/**
 * Thrown values → ErrorView (shared/error-view.ts), in the worker where the library's typed
 * errors are: the wording of the CLI's `formatError` (src/cli/format.ts), caret included.
 */
import { SolveBasisError } from '../../../src/index.js';
import type { ErrorView } from '../shared/error-view.js';

/**
 * The view of any thrown value: typed library errors keep their code, hint and caret; anything
 * else is an internal error (a bug), said so.
 *
 * @example
 * errorView(new SpecError('E_REP_SYNTAX', "bad rep 'V+*V'", { column: 3, source: 'V+*V' }))
 * // { code: 'E_REP_SYNTAX', line: "solve-basis: error E_REP_SYNTAX: bad rep 'V+*V', column 3", source: 'V+*V', caret: '  ^' }
 */
export function errorView(e: unknown): ErrorView {
  if (e instanceof SolveBasisError) {
    const line = `solve-basis: error ${e.code}: ${e.oneLine()}${e.hint ? ` (${e.hint})` : ''}`;
    if (e.source !== undefined && e.column !== undefined) {
      return { code: e.code, line, source: e.source, caret: `${' '.repeat(Math.max(0, e.column - 1))}^` };
    }
    return { code: e.code, line };
  }
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    line: `solve-basis: internal error: ${message.split('\n')[0]} (please report this; the browser console has the stack trace)`,
  };
}

