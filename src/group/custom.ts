/**
 * Custom groups from JSON: `{"name", "dim", "generators": [matrix…], "permutations": [perm…],
 * "lieAlgebra": [matrix…]}`, matrices as arrays of rows, entries as numbers or strings (see
 * entries.ts), permutations as 0-based image lists (see permutations.ts). The discrete generators
 * are the dense `generators` followed by the `permutations`. Optional keys: `convention` (a
 * one-line description) and `order` (the group order, if finite and known).
 *
 * Validation reports every problem it finds, not just the first: fixing a hand-written file one
 * error per run is tedious. The thrown GroupFileError carries the full list.
 */
import { SolveBasisError, SpecError } from '../errors.js';
import { FloatField, RationalField } from '../field/field.js';
import * as Q from '../field/rational.js';
import type { Rational } from '../field/rational.js';
import { fromDense, invertExactOrNull, invertFloatOrNull, type SparseMatrix } from '../linalg/index.js';
import { describe, parseEntry, type EntryResult } from './entries.js';
import { entryField } from './entry-field.js';
import type { AnyGroup, Group } from './group.js';
import { groupWarnings } from './sanity.js';
import { makeGroup } from './library/common.js';
import { nearestNames } from './library/names.js';
import { readGroupFile } from './read-file.js';
import type { Deadline } from '../util/deadline.js';
import { MAX_PERMUTATION_DIM, permutationMatrix, readPermutations } from './permutations.js';
import type { GroupFileProblem } from './file-problem.js';

export type { GroupFileProblem } from './file-problem.js';

/**
 * Largest `dim` of a custom group with dense matrices (`generators`, `lieAlgebra`); a group given
 * by `permutations` alone may go up to MAX_PERMUTATION_DIM.
 */
export const MAX_CUSTOM_DIM = 10000;
/** Problems kept in a GroupFileError; the rest are only counted. */
const MAX_PROBLEMS = 200;
const KEYS = ['name', 'dim', 'generators', 'permutations', 'lieAlgebra', 'convention', 'order', 'description', '$schema'];


/** A group file with one or more problems; code, message and path are those of the first. */
export class GroupFileError extends SpecError {
  readonly problems: readonly GroupFileProblem[];
  /** Total number of problems found (may exceed `problems.length`). */
  readonly count: number;

  constructor(source: string, problems: readonly GroupFileProblem[], count: number) {
    const first = problems[0]!;
    const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
    const { code, message, ...details } = first;
    super(code, `${source}: ${message}${more}`, details);
    this.problems = Object.freeze([...problems]);
    this.count = count;
  }
}

export interface CustomGroupOptions {
  /** Reads a file as UTF-8 text; defaults to readGroupFile (regular files up to 64 MiB). Injected so tests need no files. */
  readonly readFile?: (path: string) => string;
  /** `--timeout`: reading and checking a large file count too. */
  readonly deadline?: Deadline;
}

class Problems {
  readonly list: GroupFileProblem[] = [];
  count = 0;
  add(p: GroupFileProblem): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
  }
}

/**
 * Reads and validates a custom group file.
 *
 * @example
 * loadCustomGroup('fixtures/groups/cube-rotations.json').order // 24n
 */
export function loadCustomGroup(path: string, options: CustomGroupOptions = {}): AnyGroup {
  const read = options.readFile ?? ((p: string) => readGroupFile(p, options.deadline));
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    if (e instanceof SolveBasisError) throw e;
    throw new SpecError('E_GROUP_FILE', `cannot read group file ${path}: ${readErrorWords(e)}`, { expected: 'a readable JSON file' });
  }
  return Object.freeze({ ...parseCustomGroup(text, path, options), source: path }) as AnyGroup;
}

/** A read error in words; resolve.ts tells a missing file from a bad name by "no such file". */
function readErrorWords(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EIO: 'an input/output error on the device',
  };
  return typeof code === 'string' ? words[code] ?? `system error ${code}` : (e as Error).message;
}

function jsonPosition(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  const pos = m ? Number(m[1]) : /Unexpected end/.test(message) ? text.length : -1;
  if (pos < 0) return '';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

/**
 * Parses group JSON text; `source` names the file in messages.
 *
 * @example
 * parseCustomGroup('{"name": "flip", "dim": 1, "generators": [[[-1]]]}').order // undefined
 */
export function parseCustomGroup(text: string, source = 'group JSON', options: { readonly deadline?: Deadline } = {}): AnyGroup {
  options.deadline?.check();
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new SpecError('E_GROUP_JSON', `${source} is not valid JSON${jsonPosition(text, msg)}: ${msg}`, {
      expected: 'a JSON object',
    });
  }
  return customGroupFromJson(value, source, options);
}

type Grid = EntryResult[][];

/** Checks one matrix's shape and entries; returns its parsed entries when all are usable. */
function readMatrix(raw: unknown, path: string, dim: number | null, problems: Problems, deadline?: Deadline): Grid | null {
  if (!Array.isArray(raw)) {
    problems.add({ code: 'E_GROUP_SHAPE', message: 'matrix must be an array of rows', path, expected: 'an array of rows', actual: describe(raw) });
    return null;
  }
  const n = dim ?? raw.length;
  let ok = true;
  if (raw.length !== n) {
    problems.add({ code: 'E_GROUP_SHAPE', message: `matrix has ${raw.length} rows, dim is ${n}`, path, expected: `${n} rows`, actual: `${raw.length} rows` });
    ok = false;
  }
  const grid: Grid = [];
  raw.forEach((row: unknown, r) => {
    const rpath = `${path}/${r}`;
    if (!Array.isArray(row)) {
      problems.add({ code: 'E_GROUP_SHAPE', message: 'row must be an array of entries', path: rpath, expected: 'an array', actual: describe(row) });
      ok = false;
      return;
    }
    if (row.length !== n) {
      const what = dim === null ? 'matrix is not square' : `row has ${row.length} entries, dim is ${n}`;
      problems.add({ code: 'E_GROUP_SHAPE', message: what, path: rpath, expected: `${n} entries`, actual: `${row.length} entries` });
      ok = false;
    }
    grid.push(
      row.map((v: unknown, c) => {
        deadline?.tick();
        const e = parseEntry(v);
        if (!e.ok) {
          const { ok: _ok, ...rest } = e;
          problems.add({ code: 'E_GROUP_ENTRY', ...rest, path: `${rpath}/${c}` });
          ok = false;
        }
        return e;
      }),
    );
  });
  return ok ? grid : null;
}

function exactOf(e: EntryResult): Rational {
  return e.ok && e.kind === 'exact' ? e.value : Q.ZERO;
}

function floatOf(e: EntryResult): number {
  if (!e.ok) return 0;
  return e.kind === 'exact' ? Q.toNumber(e.value) : e.kind === 'algebraic' ? e.float : e.value;
}

function isExactGrid(g: Grid): boolean {
  return g.every((row) => row.every((e) => e.ok && e.kind === 'exact'));
}

function readMatrices(json: Record<string, unknown>, key: string, dim: number | null, problems: Problems, deadline?: Deadline): (Grid | null)[] {
  const raw = json[key];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add({ code: 'E_GROUP_SHAPE', message: `"${key}" must be an array of matrices`, path: `/${key}`, expected: 'an array of matrices', actual: describe(raw) });
    return [];
  }
  return raw.map((m: unknown, i) => readMatrix(m, `/${key}/${i}`, dim, problems, deadline));
}

/** Whether the file holds dense matrices, which cap `dim` at MAX_CUSTOM_DIM. */
function hasDense(json: Record<string, unknown>): boolean {
  // A non-array value is not counted: it is reported as a shape problem of its own.
  return ['generators', 'lieAlgebra'].some((k) => Array.isArray(json[k]) && (json[k] as unknown[]).length > 0);
}

function readDim(json: Record<string, unknown>, problems: Problems): number | null {
  const dim = json.dim;
  const dense = hasDense(json);
  const max = dense ? MAX_CUSTOM_DIM : MAX_PERMUTATION_DIM;
  if (typeof dim === 'number' && Number.isInteger(dim) && dim >= 1 && dim <= max) return dim;
  const tooLargeForDense = dense && typeof dim === 'number' && Number.isInteger(dim) && dim > MAX_CUSTOM_DIM && dim <= MAX_PERMUTATION_DIM;
  problems.add({
    code: 'E_GROUP_SHAPE',
    message: dim === undefined ? 'missing "dim"' : tooLargeForDense ? `"dim" ${dim} is too large for dense matrices` : '"dim" must be a positive integer',
    path: '/dim',
    expected: `an integer 1 ≤ dim ≤ ${MAX_CUSTOM_DIM} (≤ ${MAX_PERMUTATION_DIM} when every generator is given in "permutations" and there is no "lieAlgebra")`,
    actual: describe(dim),
    ...(tooLargeForDense ? { hint: 'give permutation generators as "permutations": [[0-based images], …], which have no dense matrices to store' } : {}),
  });
  return null;
}

function readOrder(json: Record<string, unknown>, problems: Problems): bigint | undefined {
  const o = json.order;
  if (o === undefined) return undefined;
  if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 1) return BigInt(o);
  if (typeof o === 'string' && /^[1-9]\d*$/.test(o.trim())) return BigInt(o.trim());
  problems.add({ code: 'E_GROUP_SHAPE', message: '"order" must be a positive integer', path: '/order', expected: 'a positive integer (a string for large ones)', actual: describe(o) });
  return undefined;
}

function readString(json: Record<string, unknown>, key: string, problems: Problems): string | undefined {
  const v = json[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  problems.add({ code: 'E_GROUP_SHAPE', message: `"${key}" must be a non-empty string`, path: `/${key}`, expected: 'a non-empty string', actual: describe(v) });
  return undefined;
}

function defaultName(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/\.json$/i, '') || 'custom';
}

/**
 * Validates an already-parsed JSON value as a custom group.
 *
 * @example
 * customGroupFromJson({ dim: 2, generators: [[[0, 1], [1, 0]]] }, 'swap.json').name // 'swap'
 */
export function customGroupFromJson(json: unknown, source = 'group JSON', options: { readonly deadline?: Deadline } = {}): AnyGroup {
  const { deadline } = options;
  const problems = new Problems();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.add({ code: 'E_GROUP_SHAPE', message: 'a group file must hold a JSON object', expected: 'an object with "dim" and "generators"', actual: describe(json) });
    throw new GroupFileError(source, problems.list, problems.count);
  }
  const obj = json as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (KEYS.includes(key)) continue;
    const near = nearestNames(key, KEYS);
    problems.add({
      code: 'E_GROUP_SHAPE',
      message: `unknown key "${key}"`,
      path: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      expected: KEYS.slice(0, 6).map((k) => `"${k}"`).join(', '),
      actual: JSON.stringify(key),
      ...(near.length > 0 ? { hint: `did you mean "${near[0]}"?` } : {}),
    });
  }
  const name = readString(obj, 'name', problems) ?? defaultName(source);
  const convention = readString(obj, 'convention', problems);
  readString(obj, 'description', problems);
  const order = readOrder(obj, problems);
  const dim = readDim(obj, problems);
  // Dense matrices beyond their cap (reported by readDim) are not read: each would report
  // millions of shape problems.
  const denseTooLarge = hasDense(obj) && typeof obj.dim === 'number' && obj.dim > MAX_CUSTOM_DIM;
  const generators = denseTooLarge ? [] : readMatrices(obj, 'generators', dim, problems, deadline);
  const permutations = readPermutations(obj, dim, (p) => problems.add(p));
  const lieAlgebra = denseTooLarge ? [] : readMatrices(obj, 'lieAlgebra', dim, problems, deadline);

  generators.forEach((g, i) => {
    if (g === null) return;
    deadline?.check();
    const singular = isExactGrid(g)
      ? invertExactOrNull(fromDense(RationalField, g.map((row) => row.map(exactOf)), g.length), deadline) === null
      : invertFloatOrNull(fromDense(FloatField, g.map((row) => row.map(floatOf)), g.length), undefined, deadline) === null;
    if (singular) {
      problems.add({ code: 'E_GROUP_SINGULAR', message: `generator ${i} is singular (not invertible)`, path: `/generators/${i}`, expected: 'an invertible matrix' });
    }
  });
  if (problems.count > 0) throw new GroupFileError(source, problems.list, problems.count);

  // The field comes from the entries: ℚ, the number field they generate, or float64 (entry-field.ts).
  const chosen = entryField([
    ...generators.map((grid, i) => ({ path: `/generators/${i}`, grid: grid! })),
    ...lieAlgebra.map((grid, i) => ({ path: `/lieAlgebra/${i}`, grid: grid! })),
  ]);
  const perms = permutations as Int32Array[];
  const discreteCount = generators.length + perms.length;
  const asPermutations = perms.length > 0 ? ` (${perms.length} as permutations)` : '';
  const shared = {
    name,
    dim: dim!,
    ...(order === undefined ? {} : { order }),
    convention: convention ?? `custom group from ${source}: ${discreteCount} discrete${asPermutations}, ${lieAlgebra.length} Lie algebra generators`,
  };
  const m = (g: Grid | null): SparseMatrix<unknown> => fromDense(chosen.field, g!.map((row) => row.map(chosen.value)), dim!);
  const discrete = [...generators.map(m), ...perms.map((p) => permutationMatrix(chosen.field, p))];
  return withWarnings(makeGroup({ ...shared, field: chosen.field, discrete, lie: lieAlgebra.map(m) }), chosen.warnings) as AnyGroup;
}

/** Attaches the field choice's and the "does not look like a group" warnings (group/sanity.ts) to a loaded group. */
function withWarnings<T>(group: Group<T>, fieldWarnings: readonly string[]): Group<T> {
  const warnings = [...fieldWarnings, ...groupWarnings(group)];
  return warnings.length === 0 ? group : Object.freeze({ ...group, warnings: Object.freeze(warnings) });
}
