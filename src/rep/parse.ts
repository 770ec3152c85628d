/**
 * The rep grammar of DESIGN.md §4, by recursive descent. Precedence, loosest first:
 *
 *     sum    := term (('+' | '⊕') term)*
 *     term   := [COUNT ['*']] tensor                      3V, 3*V, 100V⁰, 2V⊗V (= 2·(V⊗V))
 *     tensor := power (('⊗' | '*') power)*
 *     power  := atom ('**' N | '^' N | superscript N | '*')*   the last '*' (postfix) is the dual
 *     atom   := V | Vk | scalar | vector | tensor2 | tensor3 | T(p[,q]) | Sym^k(sum) | Alt^k(sum) | (sum)
 *
 * A '*' is the dual when no atom follows it (`V*`, `V*⊗V`), and a tensor product otherwise
 * (`V*V`). `**` is always a power, so `V**` is an error, not a double dual.
 */
import { SpecError } from '../errors.js';
import { quoted, syntax, tokenize, type Token, type TokenKind } from './tokens.js';
import { SCALAR, V, baseOf, dual, multiple, power, sum, symPower, tensor, type Rep } from './rep.js';

export interface ParseRepOptions {
  /** Number of factors of the group (V1…Vk allowed); unchecked when absent. */
  readonly factors?: number;
  /** Where the text came from, for error messages (e.g. `--in`). */
  readonly path?: string;
}

/** Exponents and counts beyond these are refused here; the resource guard limits real sizes. */
export const MAX_EXPONENT = 64;
export const MAX_COUNT = 1_000_000;

/** Parentheses and Sym/Alt nest at most this deep: the parser recurses, and must not overflow the stack. */
export const MAX_NESTING = 100;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly src: string,
    private readonly tokens: readonly Token[],
    private readonly options: ParseRepOptions,
  ) {}

  parse(): Rep {
    const r = this.sum();
    const t = this.peek();
    if (t.kind !== 'end') {
      throw this.error(t, t.kind === 'rparen' ? "unmatched ')'" : `unexpected '${t.text}'`, 'end of input or +, ⊗', t.text);
    }
    return r;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private error(t: Token, message: string, expected?: string, actual?: string): SpecError {
    return syntax(this.src, this.options.path, t.column, message, {
      ...(expected !== undefined ? { expected } : {}),
      actual: actual ?? (t.kind === 'end' ? 'end of input' : t.text),
    });
  }

  private expect(kind: TokenKind, what: string): Token {
    const t = this.next();
    if (t.kind !== kind) throw this.error(t, `expected ${what}`, what);
    return t;
  }

  private sum(): Rep {
    const terms = [this.term()];
    while (this.peek().kind === 'plus') {
      this.next();
      terms.push(this.term());
    }
    return terms.length === 1 ? terms[0]! : sum(terms.map((rep) => ({ count: 1, rep })));
  }

  private term(): Rep {
    const t = this.peek();
    if (t.kind !== 'num') return this.tensor();
    this.next();
    const count = this.integer(t, 1, MAX_COUNT, 'multiplicity');
    if (this.peek().kind === 'star') this.next();
    return multiple(count, this.tensor());
  }

  private tensor(): Rep {
    const factors = [this.power()];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'otimes' || (t.kind === 'star' && this.startsAtom(this.peek(1)))) {
        this.next();
        factors.push(this.power());
      } else break;
    }
    return tensor(factors);
  }

  private startsAtom(t: Token): boolean {
    return t.kind === 'ident' || t.kind === 'lparen';
  }

  private power(): Rep {
    let r = this.atom();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'pow') {
        this.next();
        const n = this.next();
        if (n.kind !== 'num') {
          throw this.error(n, `expected an exponent after '${t.text}'`, 'a non-negative integer exponent');
        }
        r = power(r, this.integer(n, 0, MAX_EXPONENT, 'exponent'));
      } else if (t.kind === 'sup') {
        this.next();
        r = power(r, this.integer(t, 0, MAX_EXPONENT, 'exponent'));
      } else if (t.kind === 'star' && !this.startsAtom(this.peek(1))) {
        this.next();
        r = dual(r);
      } else return r;
    }
  }

  private integer(t: Token, min: number, max: number, what: string): number {
    const n = Number(t.text);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new SpecError('E_REP_VALUE', `bad rep ${quoted(this.src)}: ${what} ${t.text} is out of range`, {
        ...(this.options.path !== undefined ? { path: this.options.path } : {}),
        column: t.column,
        source: this.src,
        expected: `an integer from ${min} to ${max}`,
        actual: t.text,
      });
    }
    return n;
  }

  private atom(): Rep {
    const t = this.next();
    if (t.kind === 'lparen') {
      this.enter(t);
      const r = this.sum();
      this.expect('rparen', "')'");
      this.depth--;
      return r;
    }
    if (t.kind !== 'ident') {
      throw this.error(t, t.kind === 'end' ? 'the expression ends too early' : `unexpected '${t.text}'`, 'a rep (V, V*, scalar, T(p,q), (…))');
    }
    switch (t.text) {
      case 'V':
      case 'vector':
        return V;
      case 'scalar':
        return SCALAR;
      case 'tensor2':
        return power(V, 2);
      case 'tensor3':
        return power(V, 3);
      case 'T':
        return this.tensorType();
      case 'Sym':
      case 'Alt':
        return this.symmetric(t);
    }
    const m = /^V(\d+)$/.exec(t.text);
    if (m) return this.factor(t, Number(m[1]));
    throw this.error(t, `unknown name '${t.text}'`, 'V, Vk, scalar, vector, tensor2, tensor3, T(p,q), Sym^k(…), Alt^k(…)');
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING) throw this.error(t, `nested more than ${MAX_NESTING} levels deep`, `at most ${MAX_NESTING} levels of (…), Sym^k(…), Alt^k(…)`);
  }

  private factor(t: Token, k: number): Rep {
    const count = this.options.factors;
    if (k < 1 || (count !== undefined && k > count)) {
      throw new SpecError('E_REP_FACTOR', `bad rep ${quoted(this.src)}: the group has no factor ${k}`, {
        ...(this.options.path !== undefined ? { path: this.options.path } : {}),
        column: t.column,
        source: this.src,
        expected: count === undefined || count === 1 ? 'V (a group with one factor)' : `V1 … V${count}`,
        actual: t.text,
      });
    }
    // On a group with a single factor, V1 is V: one spelling, one key.
    return count === 1 ? V : baseOf(k);
  }

  private tensorType(): Rep {
    this.expect('lparen', "'(' after T");
    const p = this.integer(this.expect('num', 'the number of V factors p in T(p,q)'), 0, MAX_EXPONENT, 'p');
    let q = 0;
    if (this.peek().kind === 'comma') {
      this.next();
      q = this.integer(this.expect('num', 'the number of V* factors q in T(p,q)'), 0, MAX_EXPONENT, 'q');
    }
    this.expect('rparen', "')' to close T(");
    return tensor([power(V, p), power(dual(V), q)]);
  }

  private symmetric(t: Token): Rep {
    this.expect('pow', `'^' after ${t.text} (e.g. ${t.text}^2(V))`);
    const k = this.integer(this.expect('num', `the degree of ${t.text}`), 0, MAX_EXPONENT, 'degree');
    this.enter(this.expect('lparen', `'(' after ${t.text}^${k}`));
    const of = this.sum();
    this.expect('rparen', "')'");
    this.depth--;
    if (k === 0) return SCALAR;
    if (k === 1) return of;
    return symPower(t.text === 'Sym' ? 'sym' : 'alt', k, of);
  }
}

/**
 * Parses a rep expression into its normal form.
 *
 * @example
 * printRep(parseRep('V**2 + 3V*')) // "V⊗V+3V*"
 * parseRep('T(1,1)')               // V⊗V*
 * @throws SpecError E_REP_SYNTAX / E_REP_VALUE / E_REP_FACTOR with the 1-based `column`.
 */
export function parseRep(src: string, options: ParseRepOptions = {}): Rep {
  if (src.trim() === '') throw syntax(src, options.path, 1, 'the rep is empty', { expected: 'a rep such as V or V⊗V' });
  return new Parser(src, tokenize(src, options.path), options).parse();
}
