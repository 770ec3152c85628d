/**
 * Errors as the page shows them: the CLI's one line (src/cli/format.ts `formatError`), and the
 * input with a caret under the bad column when the error points at one. The worker builds the view
 * (worker/errors.ts, where the error objects are) and posts it to the page as plain data.
 */

export interface ErrorView {
  /** The stable error code (`E_REP_SYNTAX`), or `internal`. */
  readonly code: string;
  /** One line, worded as on the terminal. */
  readonly line: string;
  /** The text the column refers to (a rep expression), when there is one. */
  readonly source?: string;
  /** Spaces and a `^` under the column of `source`. */
  readonly caret?: string;
}

/**
 * The view as terminal text: the same as `formatError(e, true).text` for library errors.
 *
 * @example
 * errorText(view) // "solve-basis: error E_REP_SYNTAX: …\n  V+*V\n    ^"
 */
export function errorText(view: ErrorView): string {
  return view.source !== undefined && view.caret !== undefined ? `${view.line}\n  ${view.source}\n  ${view.caret}` : view.line;
}
