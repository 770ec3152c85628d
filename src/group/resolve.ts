/**
 * Group specs → groups. A spec is one factor or a direct product of factors joined by ` x ` or
 * `×`; a factor is a built-in (`S(5)`, `S5`, `SO(1,3)`, `Lorentz`, `Cube`) or a custom group file.
 *
 * Case: names match exactly first, else case-insensitively (`so(3)` → SO(3)); no two family names
 * differ only in case, so this is never ambiguous. Results always carry the canonical name.
 */
import { SpecError } from '../errors.js';
import { loadCustomGroup, type CustomGroupOptions } from './custom.js';
import type { AnyGroup } from './group.js';
import { AMBIGUOUS_NAMES, GROUP_ALIASES, GROUP_FAMILIES, type GroupFamily } from './library/index.js';
import { nearestNames } from './library/names.js';
import { directProduct } from './product.js';

/** Options of resolveGroup. */
export type ResolveOptions = CustomGroupOptions;

const HELP = 'run `solve-basis groups` for the list of built-in groups';

function unknown(message: string, hint: string, actual?: string): SpecError {
  return new SpecError('E_GROUP_UNKNOWN', message, { hint, ...(actual === undefined ? {} : { actual }) });
}

function badArgument(message: string, expected: string, actual: string, hint?: string): SpecError {
  return new SpecError('E_GROUP_ARGUMENT', message, { expected, actual, ...(hint === undefined ? {} : { hint }) });
}

/**
 * Splits a spec at top-level ` x ` and `×`. Parentheses protect their content.
 *
 * @example
 * splitProduct('SO(3) x S(4)') // ['SO(3)', 'S(4)']
 */
export function splitProduct(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const times = ch === '×';
      const x = ch === 'x' && /^\s?$/.test(spec[i - 1] ?? '') && /^\s?$/.test(spec[i + 1] ?? '') && spec.length > 1;
      if (times || x) {
        parts.push(spec.slice(start, i).trim());
        start = i + 1;
      }
    }
  }
  parts.push(spec.slice(start).trim());
  return parts;
}

function findFamily(name: string): GroupFamily | undefined {
  return GROUP_FAMILIES.find((f) => f.key === name) ?? GROUP_FAMILIES.find((f) => f.key.toLowerCase() === name.toLowerCase());
}

function caseInsensitive<V>(map: ReadonlyMap<string, V>, name: string): V | undefined {
  if (map.has(name)) return map.get(name);
  for (const [k, v] of map) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

function unknownName(name: string, spec: string): SpecError {
  const candidates = [...GROUP_FAMILIES.map((f) => f.key), ...GROUP_ALIASES.keys()];
  const near = nearestNames(name, candidates).map((k) => findFamily(k)?.info.name ?? k);
  const hint = near.length > 0 ? `did you mean ${near.join(' or ')}? ${HELP}` : HELP;
  return unknown(`unknown group "${spec}"`, hint, spec);
}

function parseArgs(family: GroupFamily, inner: string, spec: string): number[] {
  const texts = inner.trim() === '' ? [] : inner.split(',').map((t) => t.trim());
  const usage = family.info.pattern;
  if (!family.arities.includes(texts.length)) {
    const want = family.arities.map((a) => (a === 0 ? 'no argument' : a === 1 ? 'one integer argument' : `${a} integer arguments`)).join(' or ');
    const got = texts.length === 0 ? 'no argument' : `${texts.length} argument${texts.length > 1 ? 's' : ''}`;
    throw badArgument(`${spec}: ${family.info.name} takes ${want}`, want, got, `usage: ${usage}`);
  }
  return texts.map((t) => {
    if (!/^[+-]?\d+$/.test(t)) throw badArgument(`${spec}: argument "${t}" is not an integer`, 'an integer', JSON.stringify(t), `usage: ${usage}`);
    return Number(t);
  });
}

function build(family: GroupFamily, args: readonly number[]): AnyGroup {
  try {
    return family.build(args);
  } catch (e) {
    if (e instanceof SpecError && e.hint === undefined) {
      throw new SpecError(e.code, e.message, { expected: e.expected, actual: e.actual, hint: `usage: ${family.info.pattern}` });
    }
    throw e;
  }
}

function isNotFound(e: unknown): boolean {
  return e instanceof SpecError && e.code === 'E_GROUP_FILE' && /no such file/.test(e.message);
}

function resolveFactor(spec: string, options: ResolveOptions): AnyGroup {
  if (spec === '') throw unknown('empty group name in the spec', `write e.g. "S(5)" or "SO(3) x S(4)"; ${HELP}`, '""');
  if (/\.json$/i.test(spec)) return loadCustomGroup(spec, options);
  if (/\)\s*[xX*]\s*\S/.test(spec) || /^[^()]*\S\s*\*\s*\S/.test(spec)) {
    throw unknown(`cannot read "${spec}"`, 'write direct products as "G1 x G2" (spaces around x) or "G1×G2"', spec);
  }

  const call = /^([A-Za-z]+\+?)\s*\((.*)$/s.exec(spec);
  if (call) {
    const [, name, rest] = call as unknown as [string, string, string];
    const family = findFamily(name);
    if (family === undefined) throw unknownName(name, spec);
    if (!rest.trimEnd().endsWith(')')) throw badArgument(`${spec}: missing ")"`, `${family.info.name} with a closing ")"`, spec, `usage: ${family.info.pattern}`);
    const inner = rest.trimEnd().slice(0, -1);
    if (/[()]/.test(inner)) throw badArgument(`${spec}: unbalanced parentheses`, 'integers separated by commas', spec, `usage: ${family.info.pattern}`);
    return build(family, parseArgs(family, inner, spec));
  }

  const ambiguous = caseInsensitive(AMBIGUOUS_NAMES, spec);
  if (ambiguous !== undefined) {
    throw unknown(`"${spec}" is ambiguous`, `write ${ambiguous[0]} or ${ambiguous[1]} (EMLP's ${spec.toUpperCase()} is ${ambiguous[1]})`, spec);
  }
  const alias = caseInsensitive(GROUP_ALIASES, spec);
  if (alias !== undefined) return resolveFactor(alias, options);

  const short = /^([A-Za-z]+\+?)(\d+)$/.exec(spec);
  if (short) {
    const family = findFamily(short[1]!);
    if (family === undefined) throw unknownName(short[1]!, spec);
    return build(family, parseArgs(family, short[2]!, spec));
  }

  if (/^[A-Za-z]+\+?$/.test(spec)) {
    const family = findFamily(spec);
    if (family !== undefined) return build(family, parseArgs(family, '', spec));
  }
  // Not built-in syntax: perhaps a group file without the .json extension.
  try {
    return loadCustomGroup(spec, options);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    if (/[\\/.]/.test(spec)) throw e;
    const name = /^[A-Za-z]+\+?/.exec(spec)?.[0] ?? spec;
    throw unknownName(name, spec);
  }
}

/**
 * Resolves a group spec to a group: a built-in name, a custom group JSON file, or a direct
 * product of those joined by ` x ` or `×`. Throws SpecError (E_GROUP_UNKNOWN, E_GROUP_ARGUMENT,
 * E_GROUP_FILE, E_GROUP_JSON, E_GROUP_SHAPE, E_GROUP_ENTRY, E_GROUP_SINGULAR) on bad input.
 * A file reader that signals a missing file should throw an error with `code: 'ENOENT'`.
 *
 * @example
 * resolveGroup('S5').name                // 'S(5)'
 * resolveGroup('so(3) x S(4)').factors.length // 2
 * resolveGroup('cube.json', { readFile: () => '{"dim": 1}' }).name // 'cube'
 */
export function resolveGroup(spec: string, options: ResolveOptions = {}): AnyGroup {
  if (typeof spec !== 'string') throw unknown('the group spec must be a string', HELP, String(spec));
  const parts = splitProduct(spec.trim());
  return directProduct(parts.map((p) => resolveFactor(p, options)));
}
