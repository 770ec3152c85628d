/**
 * One problem found in a custom group file. Every reader of a part of the file (matrices,
 * permutations) reports these; custom.ts collects them into one GroupFileError.
 */
import type { ErrorCode } from '../errors.js';

/** One thing wrong with a group file. */
export interface GroupFileProblem {
  readonly code: ErrorCode;
  readonly message: string;
  /** JSON pointer into the file, e.g. `/generators/1/0/2`; absent for file-level problems. */
  readonly path?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly hint?: string;
}
