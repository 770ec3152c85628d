/**
 * Matrix entries of custom groups: JSON numbers, exact rational text (`"-1/2"`, `"0.25"`) and
 * expressions (`"sqrt(3)/2"`, `"cos(2*pi/5)"`).
 *
 * Expressions go through mathjs, which costs ~0.9 s to load, so it is required lazily and only
 * when an entry is neither a number nor plain rational text. The expression tree is checked
 * against an allow-list (numbers, + − × ÷ ^, a few constants and real functions) before anything
 * is evaluated: the file is user input, and mathjs can otherwise define functions, build matrices
 * or units. The tree is then evaluated exactly, never through floats: rationals, `sqrt(q)` of a
 * rational q ≥ 0, `cos`/`sin`/`tan` of a rational multiple of π, the golden ratio `phi`, and
 * + − × ÷ and integer powers of these are numbers in a cyclotomic field (field/cyclotomic.ts);
 * rational results are `exact`, irrational ones `algebraic`. An entry outside that class (`cos(1)`
 * is transcendental, `exp(1)`, a nested radical) is evaluated in float64 instead and carries a
 * `note` saying why, which the group loader turns into a warning.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';
import * as C from '../field/cyclotomic.js';
import type { Cyclotomic } from '../field/cyclotomic.js';
import * as Q from '../field/rational.js';
import type { Rational } from '../field/rational.js';

/** A parsed entry, or why it could not be parsed. */
export type EntryResult =
  | { readonly ok: true; readonly kind: 'exact'; readonly value: Rational }
  /** An irrational algebraic number, exactly, with its float64 value. */
  | { readonly ok: true; readonly kind: 'algebraic'; readonly value: Cyclotomic; readonly float: number }
  /** `note`: why an expression is not exact (e.g. "cos(1) is transcendental"). */
  | { readonly ok: true; readonly kind: 'float'; readonly value: number; readonly note?: string }
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

/** An expression outside the exact class: the entry is evaluated in float64, with this reason. */
class NotAlgebraic extends Error {}

/** A value during exact evaluation: a cyclotomic number, or q·π (only meaningful inside cos/sin/tan). */
type Exact = { readonly pi: false; readonly v: Cyclotomic } | { readonly pi: true; readonly q: Rational };

const num = (v: Cyclotomic): Exact => ({ pi: false, v });
const rational = (q: Rational): Exact => num(C.rational(q));
const MAX_POWER = 64n;

function asNumber(x: Exact, what: string): Cyclotomic {
  if (x.pi) throw new NotAlgebraic(`${what}: π is transcendental (it may appear only inside cos, sin or tan)`);
  return x.v;
}

function asRationalOf(x: Exact): Rational | null {
  return x.pi ? null : C.asRational(x.v);
}

/** cos/sin/tan of q·π (or of 0) exactly. */
function trig(name: string, arg: Exact): Exact {
  let q: Rational;
  if (arg.pi) q = arg.q;
  else {
    const r = C.asRational(arg.v);
    if (r === null || r.num !== 0n) {
      throw new NotAlgebraic(`${name} of ${r === null ? 'an irrational number' : Q.toText(r)} is transcendental: its argument is not a rational multiple of π`);
    }
    q = Q.ZERO;
  }
  const cos = C.cosPi(q);
  const sin = C.sinPi(q);
  if (name === 'cos') return num(cos);
  if (name === 'sin') return num(sin);
  if (C.isZero(cos)) throw new EntryFailure(`tan(${Q.toText(q)}·π) is undefined`);
  return num(C.mul(sin, C.inv(cos)));
}

function power(base: Exact, exponent: Exact): Exact {
  const e = asRationalOf(exponent);
  if (e === null) throw new NotAlgebraic('only rational exponents are exact');
  const b = asNumber(base, 'a power of π');
  if (e.den === 2n && (e.num === 1n || e.num === -1n)) return power(sqrt(num(b)), rational(Q.rat(e.num)));
  if (e.den !== 1n || e.num > MAX_POWER || e.num < -MAX_POWER) throw new NotAlgebraic(`the exponent ${Q.toText(e)} is not an integer in [−64, 64] or ±1/2`);
  if (C.isZero(b) && e.num < 0n) throw new EntryFailure('division by zero');
  let acc = C.rational(Q.ONE);
  for (let i = 0n; i < (e.num < 0n ? -e.num : e.num); i++) acc = C.mul(acc, b);
  return num(e.num < 0n ? C.inv(acc) : acc);
}

function sqrt(x: Exact): Exact {
  const q = asRationalOf(x);
  if (q === null) throw new NotAlgebraic(x.pi ? 'sqrt of a multiple of π is transcendental' : 'square roots of irrational numbers (nested radicals) are not evaluated exactly');
  if (q.num < 0n) throw new EntryFailure(`square root of the negative number ${Q.toText(q)}: the entry is not a real number`);
  return num(C.sqrtRational(q));
}

function combine(fn: string, a: Exact, b: Exact): Exact {
  if (fn === 'add' || fn === 'subtract') {
    if (a.pi && b.pi) return { pi: true, q: fn === 'add' ? Q.add(a.q, b.q) : Q.sub(a.q, b.q) };
    const x = asNumber(a, 'a sum with π');
    const y = asNumber(b, 'a sum with π');
    return num(fn === 'add' ? C.add(x, y) : C.sub(x, y));
  }
  if (fn === 'multiply') {
    if (!a.pi && !b.pi) return num(C.mul(a.v, b.v));
    const r = a.pi ? asRationalOf(b) : asRationalOf(a);
    const q = a.pi ? a.q : (b as { q: Rational }).q;
    if (r === null) throw new NotAlgebraic('π times an irrational number or times π is transcendental');
    return { pi: true, q: Q.mul(q, r) };
  }
  // divide
  if (b.pi) throw new NotAlgebraic('division by π is transcendental');
  const d = asRationalOf(b);
  if (C.isZero(b.v)) throw new EntryFailure('division by zero');
  if (a.pi) {
    if (d === null) throw new NotAlgebraic('π divided by an irrational number is transcendental');
    return { pi: true, q: Q.div(a.q, d) };
  }
  return num(C.mul(a.v, C.inv(b.v)));
}

/** Exact value of a checked tree; throws NotAlgebraic (use floats) or EntryFailure (an error). */
function exactValue(node: Node): Exact {
  switch (node.type) {
    case 'ConstantNode': {
      const r = Q.parseRational(String(node.value));
      if (r === null) throw new EntryFailure('expression is not a finite number');
      return rational(r);
    }
    case 'ParenthesisNode':
      return exactValue(node.content!);
    case 'SymbolNode':
      if (node.name === 'pi' || node.name === 'PI') return { pi: true, q: Q.ONE };
      if (node.name === 'tau') return { pi: true, q: Q.rat(2n) };
      if (node.name === 'phi') return num(C.mul(C.add(C.rational(Q.ONE), C.sqrtRational(Q.rat(5n))), C.rational(Q.rat(1n, 2n))));
      throw new NotAlgebraic(`${node.name} is transcendental`);
    case 'OperatorNode': {
      const args = node.args!.map(exactValue);
      const [a, b] = args as [Exact, Exact];
      switch (node.fn) {
        case 'unaryPlus':
          return a;
        case 'unaryMinus':
          return a.pi ? { pi: true, q: Q.neg(a.q) } : num(C.neg(a.v));
        case 'pow':
          return power(a, b);
        default:
          return combine(node.fn as string, a, b);
      }
    }
    case 'FunctionNode': {
      const name = typeof node.fn === 'object' ? node.fn.name! : '';
      const args = node.args!.map(exactValue);
      if (args.length !== 1) throw new NotAlgebraic(`${name} with ${args.length} arguments is not evaluated exactly`);
      const x = args[0]!;
      if (name === 'sqrt') return sqrt(x);
      if (name === 'cos' || name === 'sin' || name === 'tan') return trig(name, x);
      if (name === 'abs') {
        const v = asNumber(x, 'abs of π');
        return num(C.toNumber(v) < 0 ? C.neg(v) : v);
      }
      throw new NotAlgebraic(`${name} is not evaluated exactly (exact: rationals, sqrt, cos, sin, tan of rational multiples of π, phi)`);
    }
    default:
      throw new NotAlgebraic(`${node.type} is not evaluated exactly`);
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
  let note: string;
  try {
    check(node);
    const exact = exactValue(node);
    const v = asNumber(exact, 'the entry');
    const q = C.asRational(v);
    if (q !== null) {
      if (!Number.isFinite(Q.toNumber(q))) return fail('expression is not a finite number');
      return { ok: true, kind: 'exact', value: q };
    }
    return { ok: true, kind: 'algebraic', value: v, float: C.toNumber(v) };
  } catch (e) {
    if (e instanceof EntryFailure) return fail(e.message);
    if (!(e instanceof NotAlgebraic || e instanceof C.NotCyclotomic)) {
      return fail(`cannot evaluate expression: ${e instanceof Error ? e.message : String(e)}`);
    }
    note = e.message;
  }
  try {
    const v = node.evaluate();
    if (typeof v !== 'number') return fail('expression is not a real number');
    if (!Number.isFinite(v)) return fail('expression is not a finite number');
    return { ok: true, kind: 'float', value: v, note };
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
 * parseEntry('cos(2*pi/5)')   // { ok: true, kind: 'algebraic', value: (ζ₅ + ζ₅⁻¹)/2, float: 0.30901699437494745 }
 * parseEntry('cos(1)').kind   // 'float', with a note: cos(1) is transcendental
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
