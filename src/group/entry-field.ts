/**
 * The field a custom group lives in, chosen from its parsed entries (DESIGN.md §10): ℚ when every
 * entry is rational, the number field the entries generate when every entry is algebraic
 * (field/subfield.ts), float64 otherwise. Falling back to float64 because of an expression — one
 * that is transcendental (`cos(1)`), or beyond the exact class (`exp(1)`, a nested radical, a field
 * of too high a degree) — is reported as a warning that names the entry; float64 because of long
 * decimals (`0.30901699437494745`, evidently a rounded irrational) is not, as that is what the
 * user wrote.
 */
import * as C from '../field/cyclotomic.js';
import type { Cyclotomic } from '../field/cyclotomic.js';
import { FloatField, RationalField, type Field } from '../field/field.js';
import * as Q from '../field/rational.js';
import { subfieldOf } from './subfield.js';
import type { EntryResult } from './entries.js';

/** One matrix of entries and where it is in the file (`/generators/0`). */
export interface EntryMatrix {
  readonly path: string;
  readonly grid: readonly (readonly EntryResult[])[];
}

/** The chosen field, each entry's value in it, and warnings about the choice. */
export interface EntryField {
  readonly field: Field<unknown>;
  value(e: EntryResult): unknown;
  readonly warnings: readonly string[];
}

function floatValue(e: EntryResult): number {
  if (!e.ok) return 0;
  if (e.kind === 'exact') return Q.toNumber(e.value);
  return e.kind === 'algebraic' ? e.float : e.value;
}

const asFloat = (warnings: string[]): EntryField => ({ field: FloatField, value: floatValue, warnings });

/**
 * Chooses the field for all matrices of one group (entries must all be `ok`).
 *
 * @example
 * entryField([{ path: '/generators/0', grid: [[parseEntry('sqrt(2)')]] }]).field.name // 'ℚ(√2)'
 */
export function entryField(matrices: readonly EntryMatrix[]): EntryField {
  const entries = matrices.flatMap((m) => m.grid.flatMap((row, r) => row.map((e, c) => ({ e, path: `${m.path}/${r}/${c}` }))));
  const floats = entries.filter(({ e }) => e.ok && e.kind === 'float');
  if (floats.length > 0) {
    const noted = floats.filter(({ e }) => e.ok && e.kind === 'float' && e.note !== undefined);
    if (noted.length === 0) return asFloat([]);
    const first = noted[0]!;
    const more = noted.length > 1 ? ` (and ${noted.length - 1} more such entr${noted.length > 2 ? 'ies' : 'y'})` : '';
    const note = (first.e as { note: string }).note;
    return asFloat([`entry ${first.path} is not exact — ${note}${more}: the group is solved in float64`]);
  }
  if (entries.every(({ e }) => e.ok && e.kind === 'exact')) {
    return { field: RationalField, value: (e) => (e.ok && e.kind === 'exact' ? e.value : Q.ZERO), warnings: [] };
  }
  const values: Cyclotomic[] = entries.map(({ e }) => (e.ok && e.kind === 'algebraic' ? e.value : C.rational(e.ok && e.kind === 'exact' ? e.value : Q.ZERO)));
  let sub;
  try {
    sub = subfieldOf(values);
  } catch (e) {
    if (!(e instanceof C.NotCyclotomic)) throw e;
    return asFloat([`${e.message}: the group is solved in float64`]);
  }
  const field = sub.field!;
  return {
    field,
    value: (e) => (e.ok && e.kind === 'algebraic' ? sub.element(e.value) : field.fromRational(e.ok && e.kind === 'exact' ? e.value : Q.ZERO)),
    warnings: [],
  };
}
