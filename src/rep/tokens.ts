/**
 * The tokens of the rep grammar (see parse.ts) and the E_REP_SYNTAX error both stages raise.
 * Columns are 1-based positions in the source, so the CLI can draw a caret under them.
 */
import { SpecError } from '../errors.js';

export type TokenKind = 'num' | 'sup' | 'ident' | 'pow' | 'star' | 'dotT' | 'hom' | 'otimes' | 'plus' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The token as written; for `sup` the exponent in ASCII digits (`²³` → `23`). */
  readonly text: string;
  /** 1-based column in the source. */
  readonly column: number;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const SINGLE: Readonly<Record<string, TokenKind>> = {
  '^': 'pow',
  '*': 'star',
  '⊗': 'otimes',
  '+': 'plus',
  '⊕': 'plus',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
};

/**
 * Splits rep text into tokens; whitespace only separates. A run of superscript digits is one
 * exponent (`V²³` is V^23).
 *
 * @example
 * tokenize('V**2', undefined).map((t) => t.kind) // ['ident', 'pow', 'num', 'end']
 */
export function tokenize(src: string, path: string | undefined): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const column = i + 1;
    const rest = src.slice(i);
    const word = /^\d+/.exec(rest) ?? /^[A-Za-z][A-Za-z0-9_]*/.exec(rest) ?? /^\s+/.exec(rest);
    if (word) {
      const text = word[0];
      if (/^\d/.test(text)) tokens.push({ kind: 'num', text, column });
      else if (!/^\s/.test(text)) tokens.push({ kind: 'ident', text, column });
      i += text.length;
    } else if (SUPERSCRIPTS.includes(ch)) {
      let j = i;
      while (j < src.length && SUPERSCRIPTS.includes(src[j]!)) j++;
      const digits = [...src.slice(i, j)].map((c) => SUPERSCRIPTS.indexOf(c)).join('');
      tokens.push({ kind: 'sup', text: digits, column });
      i = j;
    } else if (ch === '.') {
      // EMLP writes the dual as a transpose, `V.T`; any other '.' is a typo of it or a decimal.
      const dotted = /^\.[A-Za-z0-9_]*/.exec(rest)![0];
      if (dotted !== '.T') {
        throw syntax(src, path, column, `unexpected '${dotted}'`, { expected: "'.T' (EMLP's dual) or a rep", actual: dotted, hint: 'the dual of R is written R* or, as in EMLP, R.T' });
      }
      tokens.push({ kind: 'dotT', text: '.T', column });
      i += 2;
    } else if (rest.startsWith('>>')) {
      // EMLP's Hom(in, out): not a rep, but recognised so that the error can say what to write.
      tokens.push({ kind: 'hom', text: '>>', column });
      i += 2;
    } else if (rest.startsWith('**')) {
      tokens.push({ kind: 'pow', text: '**', column });
      i += 2;
    } else if (SINGLE[ch] !== undefined) {
      tokens.push({ kind: SINGLE[ch], text: ch, column });
      i += 1;
    } else if (/^-\d/.test(rest)) {
      throw syntax(src, path, column, 'negative numbers are not allowed in a rep', { expected: 'a non-negative integer', actual: /^-\d+/.exec(rest)![0] });
    } else {
      throw syntax(src, path, column, `unexpected character '${ch}'`, { expected: 'a rep such as V, V*, V**2, V⊗V, 2V+V*, T(1,1)', actual: ch });
    }
  }
  tokens.push({ kind: 'end', text: '', column: src.length + 1 });
  return tokens;
}

/**
 * Long expressions are quoted by their start only: an error stays one readable line.
 *
 * @example
 * quoted('V+V') // "'V+V'"
 */
export function quoted(src: string): string {
  return src.length <= 80 ? `'${src}'` : `'${src.slice(0, 77)}…' (${src.length} characters)`;
}

/** Optional parts of a syntax error besides where it is. */
export interface SyntaxDetails {
  readonly expected?: string;
  readonly actual?: string;
  readonly hint?: string;
}

/**
 * An E_REP_SYNTAX error at a column of `src`.
 *
 * @example
 * syntax('V+', '--in', 3, 'the expression ends too early').column // 3
 */
export function syntax(src: string, path: string | undefined, column: number, message: string, details: SyntaxDetails = {}): SpecError {
  return new SpecError('E_REP_SYNTAX', `bad rep ${quoted(src)}: ${message}`, {
    ...(path !== undefined ? { path } : {}),
    column,
    source: src,
    ...(details.expected !== undefined ? { expected: details.expected } : {}),
    ...(details.actual !== undefined ? { actual: details.actual } : {}),
    ...(details.hint !== undefined ? { hint: details.hint } : {}),
  });
}
