/**
 * Matrix entries of custom groups: JSON numbers, exact rational text (`"-1/2"`, `"0.25"`) and
 * expressions (`"sqrt(3)/2"`, `"cos(2*pi/5)"`).
 *
 * Expressions go through mathjs, which costs ~0.9 s to load, so it is required lazily and only
 * when an entry is neither a number nor plain rational text. The expression tree is checked
 * against an allow-list (numbers, + − × ÷ ^, a few constants and real functions) before anything
 * is evaluated: the file is user input, and mathjs can otherwise define functions, build matrices
 * or units. Expressions made of rational constants and + − × ÷ (integer powers) are evaluated
 * exactly; anything else is a float.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';
import * as Q from '../field/rational.js';
import type { Rational } from '../field/rational.js';

/** A parsed entry, or why it could not be parsed. */
export type EntryResult =
  | { readonly ok: true; readonly kind: 'exact'; readonly value: Rational }
  | { readonly ok: true; readonly kind: 'float'; readonly value: number }
  | { readonly ok: false; readonly message: string; readonly expected?: string; readonly actual: string };

/**
 * JSON numbers with at most this many significant digits are read as the exact decimal they
 * print as (0.25 → 1/4). Longer ones (0.30901699437494745) are evidently rounded irrationals:
 * reading them exactly would make a "group" that no longer satisfies its relations and the exact
 * solver would find too few solutions, so they make the group float instead.
 */
export const EXACT_DECIMAL_DIGITS = 12;

const MAX_EXPRESSION_LENGTH = 1000;
const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['PI', Math.PI],
  ['tau', 2 * Math.PI],
  ['e', Math.E],
  ['E', Math.E],
  ['phi', (1 + Math.sqrt(5)) / 2],
]);
const FUNCTIONS = new Set([
  'sqrt', 'cbrt', 'abs', 'exp', 'log', 'log2', 'log10',
  'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh',
]);
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow']);
const EXPECTED = 'a number, a rational such as "-1/2", or an expression such as "sqrt(3)/2"';

/** The parts of a mathjs node we look at; typed locally so we don't depend on mathjs' node typings. */
interface Node {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly fn?: string | { readonly name?: string };
  readonly args?: readonly Node[];
  readonly content?: Node;
  evaluate(): unknown;
}

class EntryFailure extends Error {}

function significantDigits(x: number): number {
  const mantissa = Math.abs(x).toExponential().split('e')[0]!;
  return mantissa.replace('.', '').length;
}

function fromJsonNumber(x: number): EntryResult {
  if (!Number.isFinite(x)) {
    return { ok: false, message: 'entry is not a finite number', expected: 'a finite number', actual: String(x) };
  }
  if (Number.isInteger(x)) return { ok: true, kind: 'exact', value: Q.rat(BigInt(x)) };
  if (significantDigits(x) <= EXACT_DECIMAL_DIGITS) {
    const r = Q.parseRational(String(x));
    if (r !== null) return { ok: true, kind: 'exact', value: r };
  }
  return { ok: true, kind: 'float', value: x };
}

function loadMathjs(): typeof MathJs {
  // createRequire keeps resolveGroup synchronous; mathjs ships a CommonJS build.
  return createRequire(import.meta.url)('mathjs') as typeof MathJs;
}

/** Rejects anything outside the allow-list, naming the offending part. */
function check(node: Node): void {
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value !== 'number') throw new EntryFailure(`only numbers are allowed, not ${JSON.stringify(node.value)}`);
      return;
    case 'SymbolNode':
      if (!CONSTANTS.has(node.name ?? '')) throw new EntryFailure(`unknown name "${node.name}" (constants: pi, tau, e, phi)`);
      return;
    case 'ParenthesisNode':
      check(node.content!);
      return;
    case 'OperatorNode':
      if (typeof node.fn !== 'string' || !OPERATORS.has(node.fn)) {
        throw new EntryFailure(`operator "${String((node as { op?: string }).op)}" is not allowed`);
      }
      node.args!.forEach(check);
      return;
    case 'FunctionNode': {
      const name = typeof node.fn === 'object' ? node.fn.name : undefined;
      if (name === undefined || !FUNCTIONS.has(name)) throw new EntryFailure(`function "${name ?? '?'}" is not allowed`);
      node.args!.forEach(check);
      return;
    }
    default:
      throw new EntryFailure(`${node.type.replace(/Node$/, '').toLowerCase()} syntax is not allowed in an entry`);
  }
}

/** Exact value of a purely rational tree, or null when it needs floats. Throws on division by zero. */
function exactValue(node: Node): Rational | null {
  switch (node.type) {
    case 'ConstantNode':
      return Q.parseRational(String(node.value));
    case 'ParenthesisNode':
      return exactValue(node.content!);
    case 'OperatorNode': {
      const args = node.args!.map(exactValue);
      if (args.some((a) => a === null)) return null;
      const [a, b] = args as Rational[];
      switch (node.fn) {
        case 'unaryPlus':
          return a!;
        case 'unaryMinus':
          return Q.neg(a!);
        case 'add':
          return Q.add(a!, b!);
        case 'subtract':
          return Q.sub(a!, b!);
        case 'multiply':
          return Q.mul(a!, b!);
        case 'divide':
          if (Q.isZero(b!)) throw new EntryFailure('division by zero');
          return Q.div(a!, b!);
        case 'pow': {
          if (b!.den !== 1n || b!.num > 64n || b!.num < -64n) return null;
          if (Q.isZero(a!) && b!.num < 0n) throw new EntryFailure('division by zero');
          let r = Q.ONE;
          for (let i = 0n; i < (b!.num < 0n ? -b!.num : b!.num); i++) r = Q.mul(r, a!);
          return b!.num < 0n ? Q.inv(r) : r;
        }
      }
      return null;
    }
    default:
      return null;
  }
}

function fromExpression(text: string): EntryResult {
  const fail = (message: string): EntryResult => ({ ok: false, message, expected: EXPECTED, actual: JSON.stringify(text) });
  if (text.length > MAX_EXPRESSION_LENGTH) return fail(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const math = loadMathjs();
  let node: Node;
  try {
    node = math.parse(text) as unknown as Node;
  } catch (e) {
    return fail(`cannot parse expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    check(node);
    const exact = exactValue(node);
    if (exact !== null) return { ok: true, kind: 'exact', value: exact };
    const v = node.evaluate();
    if (typeof v !== 'number') return fail('expression is not a real number');
    if (!Number.isFinite(v)) return fail('expression is not a finite number');
    return { ok: true, kind: 'float', value: v };
  } catch (e) {
    if (e instanceof EntryFailure) return fail(e.message);
    return fail(`cannot evaluate expression: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Parses one matrix entry from a custom group file. Never throws on user input.
 *
 * @example
 * parseEntry('-1/2')          // { ok: true, kind: 'exact', value: { num: -1n, den: 2n } }
 * parseEntry('cos(2*pi/5)')   // { ok: true, kind: 'float', value: 0.30901699437494745 }
 * parseEntry('1/0').ok        // false
 */
export function parseEntry(raw: unknown): EntryResult {
  if (typeof raw === 'number') return fromJsonNumber(raw);
  if (typeof raw !== 'string') {
    return { ok: false, message: 'entry must be a number or a string', expected: EXPECTED, actual: describe(raw) };
  }
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'empty entry', expected: EXPECTED, actual: '""' };
  if (/^[+-]?\d+\s*\/\s*[+-]?0+$/.test(text)) {
    return { ok: false, message: 'zero denominator', expected: 'a non-zero denominator', actual: JSON.stringify(raw) };
  }
  const r = Q.parseRational(text);
  if (r !== null) {
    if (!Number.isFinite(Q.toNumber(r))) {
      return { ok: false, message: 'entry is too large', expected: 'a finite float64 value', actual: JSON.stringify(raw) };
    }
    return { ok: true, kind: 'exact', value: r };
  }
  return fromExpression(text);
}

/**
 * Short description of a JSON value for error messages.
 *
 * @example
 * describe([1, 2]) // 'an array of length 2'
 */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}
