/**
 * Typed errors. Every failure the library reports carries a stable `code`, where in the input it
 * happened (`path`, and `column` for text), and what was expected versus what was found. The CLI
 * turns these into one line on stderr; the library never prints.
 */

/** Stable machine-readable error codes. README lists them with the CLI exit status of each. */
export type ErrorCode =
  | 'E_GROUP_UNKNOWN'
  | 'E_GROUP_ARGUMENT'
  | 'E_GROUP_FILE'
  | 'E_GROUP_JSON'
  | 'E_GROUP_SHAPE'
  | 'E_GROUP_ENTRY'
  | 'E_GROUP_SINGULAR'
  | 'E_REP_SYNTAX'
  | 'E_REP_VALUE'
  | 'E_REP_FACTOR'
  | 'E_TOO_LARGE'
  | 'E_TIMEOUT'
  | 'E_REP_DUAL'
  | 'E_SOLVER'
  | 'E_VERIFY'
  | 'E_OPTION'
  | 'E_IO';

/** What a caller may attach to an error: where and what. */
export interface ErrorDetails {
  /** JSON-pointer-like path into the input, e.g. `/generators/1/0/2` or `--in`. */
  readonly path?: string;
  /** 1-based column in a text input (rep expressions). */
  readonly column?: number;
  /** The text the column refers to, so a caret can be drawn under it. */
  readonly source?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** A suggestion for the user ("did you mean S(n)?"). */
  readonly hint?: string;
}

/**
 * Base class of every error solve-basis raises on purpose.
 *
 * @example
 * try { parseRep('V**') } catch (e) { if (e instanceof SolveBasisError) console.log(e.code, e.column) }
 */
export class SolveBasisError extends Error implements ErrorDetails {
  readonly code: ErrorCode;
  readonly path?: string;
  readonly column?: number;
  readonly source?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    Object.assign(this, details);
  }

  /** One line: message, then where, expected and actual when known. */
  oneLine(): string {
    const parts = [this.message];
    if (this.path !== undefined) parts.push(`at ${this.path}`);
    if (this.column !== undefined) parts.push(`column ${this.column}`);
    if (this.expected !== undefined) parts.push(`expected ${this.expected}`);
    if (this.actual !== undefined) parts.push(`got ${this.actual}`);
    // User text (a JSON key, a rep) may hold line breaks: escape them so this stays one line.
    return parts.join(', ').replace(/[\r\n\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
  }
}

/** Bad user input: a group or rep specification that cannot be used. */
export class SpecError extends SolveBasisError {}

/** The problem is well-formed but too large for the configured limits. */
export class ResourceError extends SolveBasisError {}

/** The solver or verifier failed: a bug, or numerics that could not be trusted. */
export class SolverError extends SolveBasisError {}
