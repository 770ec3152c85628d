/**
 * Custom groups from JSON: `{"name", "dim", "generators": [matrix…], "lieAlgebra": [matrix…]}`,
 * matrices as arrays of rows, entries as numbers or strings (see entries.ts). Optional keys:
 * `convention` (a one-line description) and `order` (the group order, if finite and known).
 *
 * Validation reports every problem it finds, not just the first: fixing a hand-written file one
 * error per run is tedious. The thrown GroupFileError carries the full list.
 */
import { readFileSync } from 'node:fs';
import { SpecError, type ErrorCode } from '../errors.js';
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

/** Largest accepted `dim` of a custom group. */
export const MAX_CUSTOM_DIM = 10000;
/** Problems kept in a GroupFileError; the rest are only counted. */
const MAX_PROBLEMS = 200;
const KEYS = ['name', 'dim', 'generators', 'lieAlgebra', 'convention', 'order', 'description', '$schema'];

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
  /** Reads a file as UTF-8 text; defaults to node:fs readFileSync. Injected so tests need no files. */
  readonly readFile?: (path: string) => string;
}

class Problems {
  readonly list: GroupFileProblem[] = [];
  count = 0;
  add(p: GroupFileProblem): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
  }
}

function defaultReadFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * Reads and validates a custom group file.
 *
 * @example
 * loadCustomGroup('fixtures/groups/cube-rotations.json').order // 24n
 */
export function loadCustomGroup(path: string, options: CustomGroupOptions = {}): AnyGroup {
  const read = options.readFile ?? defaultReadFile;
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new SpecError('E_GROUP_FILE', `cannot read group file ${path}: ${why}`, { expected: 'a readable JSON file' });
  }
  return parseCustomGroup(text, path);
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
export function parseCustomGroup(text: string, source = 'group JSON'): AnyGroup {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new SpecError('E_GROUP_JSON', `${source} is not valid JSON${jsonPosition(text, msg)}: ${msg}`, {
      expected: 'a JSON object',
    });
  }
  return customGroupFromJson(value, source);
}

type Grid = EntryResult[][];

/** Checks one matrix's shape and entries; returns its parsed entries when all are usable. */
function readMatrix(raw: unknown, path: string, dim: number | null, problems: Problems): Grid | null {
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

function readMatrices(json: Record<string, unknown>, key: string, dim: number | null, problems: Problems): (Grid | null)[] {
  const raw = json[key];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add({ code: 'E_GROUP_SHAPE', message: `"${key}" must be an array of matrices`, path: `/${key}`, expected: 'an array of matrices', actual: describe(raw) });
    return [];
  }
  return raw.map((m: unknown, i) => readMatrix(m, `/${key}/${i}`, dim, problems));
}

function readDim(json: Record<string, unknown>, problems: Problems): number | null {
  const dim = json.dim;
  if (typeof dim === 'number' && Number.isInteger(dim) && dim >= 1 && dim <= MAX_CUSTOM_DIM) return dim;
  problems.add({
    code: 'E_GROUP_SHAPE',
    message: dim === undefined ? 'missing "dim"' : '"dim" must be a positive integer',
    path: '/dim',
    expected: `an integer 1 ≤ dim ≤ ${MAX_CUSTOM_DIM}`,
    actual: describe(dim),
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
export function customGroupFromJson(json: unknown, source = 'group JSON'): AnyGroup {
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
  const generators = readMatrices(obj, 'generators', dim, problems);
  const lieAlgebra = readMatrices(obj, 'lieAlgebra', dim, problems);

  generators.forEach((g, i) => {
    if (g === null) return;
    const singular = isExactGrid(g)
      ? invertExactOrNull(fromDense(RationalField, g.map((row) => row.map(exactOf)), g.length)) === null
      : invertFloatOrNull(fromDense(FloatField, g.map((row) => row.map(floatOf)), g.length)) === null;
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
  const shared = {
    name,
    dim: dim!,
    ...(order === undefined ? {} : { order }),
    convention: convention ?? `custom group from ${source}: ${generators.length} discrete, ${lieAlgebra.length} Lie algebra generators`,
  };
  const m = (g: Grid | null): SparseMatrix<unknown> => fromDense(chosen.field, g!.map((row) => row.map(chosen.value)), dim!);
  return withWarnings(makeGroup({ ...shared, field: chosen.field, discrete: generators.map(m), lie: lieAlgebra.map(m) }), chosen.warnings) as AnyGroup;
}

/** Attaches the field choice's and the "does not look like a group" warnings (group/sanity.ts) to a loaded group. */
function withWarnings<T>(group: Group<T>, fieldWarnings: readonly string[]): Group<T> {
  const warnings = [...fieldWarnings, ...groupWarnings(group)];
  return warnings.length === 0 ? group : Object.freeze({ ...group, warnings: Object.freeze(warnings) });
}
