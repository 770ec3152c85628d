/**
 * The error for a chained power (`V**2**3`, `V^2^3`, `V²**3`): Python reads `a**b**c` as
 * `a**(b**c)`, a left-to-right reader as `(a**b)**c`, so the grammar takes one exponent per power
 * and this error spells out both readings (issue 9).
 */
import type { SpecError } from '../errors.js';
import { syntax, type Token } from './tokens.js';

/** One power operator as written: `**` or `^` with its number, or a superscript exponent. */
export interface PowerOp {
  readonly op: Token;
  readonly exponent: Token;
}

/** The operator and exponent as they appear in the source (`**3`, `^3`, `³`). */
function written(src: string, p: PowerOp): string {
  if (p.op.kind === 'sup') return src.slice(p.op.column - 1, p.op.column - 1 + p.op.text.length);
  return `${p.op.text}${p.exponent.text}`;
}

/**
 * The E_REP_SYNTAX error for `base**a**b`, at the second operator, with both unambiguous
 * spellings: `(base**a)**b` (left to right) and `base**(a^b)` (Python's right-to-left reading).
 * `start` is the first token of the base, `dualBetween` whether a dual sits between the powers.
 *
 * @example
 * // for 'V**2**3': hint "write (V**2)**3 for V^6 (left to right), or V**8 for V^(2^3) (Python's reading)"
 */
export function chainedPower(src: string, path: string | undefined, start: Token, first: PowerOp, second: PowerOp, dualBetween: boolean, maxExponent: number): SpecError {
  const base = src.slice(start.column - 1, first.op.column - 1).trim();
  const grouped = `(${src.slice(start.column - 1, second.op.column - 1).trim()})${written(src, second)}`;
  const a = Number(first.exponent.text);
  // The first exponent is at most maxExponent (already checked); the second may be any digits.
  const b = Number(second.exponent.text);
  let hint = `write ${grouped} to apply the powers left to right`;
  if (!dualBetween) {
    const op = first.op.kind === 'pow' ? first.op.text : second.op.kind === 'pow' ? second.op.text : '^';
    const k = a <= 1 ? (b === 0 ? 1 : a) : b <= maxExponent ? a ** b : Infinity;
    const product = BigInt(first.exponent.text) * BigInt(second.exponent.text);
    hint = `write ${grouped} for ${base}^${product} (left to right), or ${base}${op}${k} for ${base}^(${a}^${b}) (Python's reading)`;
    if (k > maxExponent) hint = `write ${grouped} for ${base}^${product} (left to right); ${base}^(${a}^${b}) (Python's reading) has more than ${maxExponent} factors`;
  }
  return syntax(src, path, second.op.column, `chained power '${written(src, first)}${written(src, second)}' is ambiguous: Python reads a**b**c as a**(b**c), left to right it is (a**b)**c`, {
    expected: 'parentheses around the inner power',
    actual: written(src, second),
    hint,
  });
}
