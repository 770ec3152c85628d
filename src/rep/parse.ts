/**
 * The rep grammar of DESIGN.md §4 (reference: docs/rep-grammar.md), by recursive descent.
 * Precedence, loosest first:
 *
 *     sum    := term (('+' | '⊕') term)*
 *     term   := (COUNT ['*'])* tensor                     3V, 3*V, 100V⁰, 2V⊗V (= 2·(V⊗V)), 2*3*V
 *     tensor := power (('⊗' | '*') power | '*' COUNT)*     V*2 = 2V, V⊗V*2 = 2(V⊗V) (EMLP)
 *     power  := atom ['**' N | '^' N | superscript N] ('*' | '.T')*   one exponent; postfix '*', '.T': dual
 *     atom   := V | Vk | scalar | vector | tensor2 | tensor3 | T(p[,q]) | Sym^k(sum) | Alt^k(sum) | (sum)
 *
 * A '*' is the dual when no atom follows it (`V*`, `V*⊗V`), and a tensor product otherwise
 * (`V*V`), or a multiplicity when a number follows it (`V*2`). `**` is always a power, so `V**` is an error, not a double dual. A second exponent
 * (`V**2**3`) is an error: Python reads it right to left. The word aliases (scalar, vector,
 * tensor2, tensor3) are matched in any case, as EMLP writes `Scalar` and `Vector`.
 */
import { SpecError } from '../errors.js';
import { nearestNames } from '../group/library/names.js';
import { chainedPower, type PowerOp } from './power-chain.js';
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
/** A sum written out term by term (`k(V+V*)` has 2k terms) has at most this many summands. */
export const MAX_SUMMANDS = 100_000;

/** Word aliases, matched in any case: `scalar`, `Scalar`, `SCALAR`. */
const WORD_ALIASES: ReadonlyMap<string, Rep> = new Map([
  ['scalar', SCALAR],
  ['vector', V],
  ['tensor2', power(V, 2)],
  ['tensor3', power(V, 3)],
]);
/** Every name an atom may start with, for "did you mean" hints. */
const NAMES = ['V', 'scalar', 'vector', 'tensor2', 'tensor3', 'T', 'Sym', 'Alt'];

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
    if (t.kind === 'hom') {
      const h = this.homAfter(r, t);
      throw syntax(this.src, this.options.path, t.column, `'>>' (EMLP's Hom) is not a rep: use --in "${h.inText}" --out "${h.outText}"`, {
        expected: 'one rep (a Hom has an input and an output rep)',
        actual: "'>>'",
        hint: `in the library: solveBasis({ group, in: '${h.inText}', out: '${h.outText}' })`,
      });
    }
    if (t.kind !== 'end') {
      throw this.error(t, t.kind === 'rparen' ? "unmatched ')'" : `unexpected '${t.text}'`, 'end of input or +, ⊗', t.text);
    }
    return r;
  }

  /** `in >> out`, as EMLP writes Hom(in, out). */
  parseHom(): Hom {
    const left = this.sum();
    const arrow = this.peek();
    if (arrow.kind !== 'hom') throw this.error(arrow, `expected '>>'`, "'>>' between the input and output reps");
    return this.homAfter(left, arrow);
  }

  /** The rest of `left >> right` from the `>>` token on, checked to the end of the text. */
  private homAfter(left: Rep, arrow: Token): Hom {
    this.next();
    const right = this.sum();
    const t = this.peek();
    if (t.kind === 'hom') throw this.error(t, "a Hom has one '>>'", "end of input after 'in >> out'");
    if (t.kind !== 'end') throw this.error(t, t.kind === 'rparen' ? "unmatched ')'" : `unexpected '${t.text}'`, 'end of input or +, ⊗');
    return Object.freeze({
      in: left,
      out: right,
      inText: this.src.slice(0, arrow.column - 1).trim(),
      outText: this.src.slice(arrow.column + 1).trim(),
    });
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
      // A '>>' out of place: say what EMLP's Hom is written as here.
      ...(t.kind === 'hom' ? { hint: "'>>' (EMLP's Hom) only separates a whole input rep from a whole output rep: use --in and --out" } : {}),
    });
  }

  private expect(kind: TokenKind, what: string): Token {
    const t = this.next();
    if (t.kind !== kind) throw this.error(t, `expected ${what}`, what);
    return t;
  }

  private sum(): Rep {
    const start = this.peek();
    const terms = [this.term()];
    while (this.peek().kind === 'plus') {
      this.next();
      terms.push(this.term());
    }
    return terms.length === 1 ? terms[0]! : this.capped(start, sum(terms.map((rep) => ({ count: 1, rep }))));
  }

  /** Leading counts: `3V`, `3*V`, and EMLP's `2*3*V` (= 6V); `*` is left-associative. */
  private term(): Rep {
    const counts: Token[] = [];
    while (this.peek().kind === 'num') {
      counts.push(this.next());
      if (this.peek().kind !== 'star') break;
      this.next();
    }
    let r = this.tensor();
    for (const t of counts.reverse()) r = this.multiply(t, r);
    return r;
  }

  /**
   * Factors joined by ⊗ or `*`. An integer after `*` is a multiplicity of everything before it,
   * as in EMLP where `*` is left-associative: `V*2` = 2V, `V⊗V*2` = 2(V⊗V), `V*2*V` = (2V)⊗V.
   */
  private tensor(): Rep {
    let factors = [this.power()];
    for (;;) {
      const t = this.peek();
      const after = this.peek(1);
      if (t.kind === 'star' && after.kind === 'num') {
        this.next();
        this.next();
        factors = [this.multiply(after, tensor(factors))];
      } else if (t.kind === 'otimes' || (t.kind === 'star' && this.startsAtom(after))) {
        this.next();
        factors.push(this.power());
      } else break;
    }
    return tensor(factors);
  }

  /** k·r for the count token `t`, refused when writing r out k times would exceed MAX_SUMMANDS. */
  private multiply(t: Token, r: Rep): Rep {
    return this.capped(t, multiple(this.integer(t, 1, MAX_COUNT, 'multiplicity'), r));
  }

  /**
   * A multiplied sum is stored term by term (k·(V+V*) has 2k terms), so its size is bounded here,
   * where the text that made it can be pointed at, instead of exhausting memory later.
   */
  private capped(t: Token, r: Rep): Rep {
    if (r.kind !== 'sum' || r.terms.length <= MAX_SUMMANDS) return r;
    throw new SpecError('E_REP_VALUE', `bad rep ${quoted(this.src)}: the sum has ${r.terms.length.toLocaleString('en-US')} summands written out, more than ${MAX_SUMMANDS.toLocaleString('en-US')}`, {
      ...(this.options.path !== undefined ? { path: this.options.path } : {}),
      column: t.column,
      source: this.src,
      expected: `at most ${MAX_SUMMANDS.toLocaleString('en-US')} summands`,
      actual: r.terms.length.toLocaleString('en-US'),
      hint: 'equal neighbours merge into one multiplicity: write 2V+2V* rather than 2(V+V*) when the order does not matter',
    });
  }

  private startsAtom(t: Token): boolean {
    return t.kind === 'ident' || t.kind === 'lparen';
  }

  /**
   * A power chain: an atom, then exponents and postfix duals. Only one exponent is allowed:
   * `V**2**3` is V^(2^3) = V^8 to a Python reader but (V^2)^3 = V^6 read left to right, so a
   * second one must be parenthesised (issue 9).
   */
  private power(): Rep {
    const start = this.peek();
    let r = this.atom();
    let first: PowerOp | null = null;
    let dualAfterFirst = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'pow' || t.kind === 'sup') {
        this.next();
        const n = t.kind === 'sup' ? t : this.next();
        if (n.kind !== 'num' && n.kind !== 'sup') {
          throw this.error(n, `expected an exponent after '${t.text}'`, 'a non-negative integer exponent');
        }
        if (first) throw chainedPower(this.src, this.options.path, start, first, { op: t, exponent: n }, dualAfterFirst, MAX_EXPONENT);
        first = { op: t, exponent: n };
        r = power(r, this.integer(n, 0, MAX_EXPONENT, 'exponent'));
      } else if (t.kind === 'dotT' || (t.kind === 'star' && !this.startsAtom(this.peek(1)) && this.peek(1).kind !== 'num')) {
        this.next();
        r = dual(r);
        dualAfterFirst = first !== null;
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
    // Word aliases ignore case (EMLP spells them Scalar, Vector); the symbols V, Vk, T, Sym, Alt do not.
    const alias = WORD_ALIASES.get(t.text.toLowerCase());
    if (alias) return alias;
    switch (t.text) {
      case 'V':
        return V;
      case 'T':
        return this.tensorType();
      case 'Sym':
      case 'Alt':
        return this.symmetric(t);
    }
    const m = /^V(\d+)$/.exec(t.text);
    if (m) return this.factor(t, Number(m[1]));
    const near = nearestNames(t.text, NAMES);
    const caseOnly = near.some((n) => n.toLowerCase() === t.text.toLowerCase());
    throw syntax(this.src, this.options.path, t.column, `unknown name '${t.text}'`, {
      expected: 'V, Vk, scalar, vector, tensor2, tensor3, T(p,q), Sym^k(…), Alt^k(…)',
      actual: t.text,
      ...(near.length > 0 ? { hint: `did you mean ${near.map((n) => `'${n}'`).join(' or ')}?${caseOnly ? ' (V, T, Sym and Alt are case-sensitive)' : ''}` } : {}),
    });
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING) throw this.error(t, `nested more than ${MAX_NESTING} levels deep`, `at most ${MAX_NESTING} levels of (…), Sym^k(…), Alt^k(…)`);
  }

  private factor(t: Token, k: number): Rep {
    const count = this.options.factors;
    // On a group that is not a product, V1 is refused like V2: accepting it as V hid the mistake.
    if (k < 1 || (count !== undefined && (k > count || count === 1))) {
      throw new SpecError('E_REP_FACTOR', `bad rep ${quoted(this.src)}: ${count === 1 ? 'V1, V2, … name the factors of a product group' : `the group has no factor ${k}`}`, {
        ...(this.options.path !== undefined ? { path: this.options.path } : {}),
        column: t.column,
        source: this.src,
        expected: count === 1 ? 'V (the group is not a product)' : count === undefined ? 'V1, V2, …' : `V1 … V${count}`,
        actual: t.text,
      });
    }
    return baseOf(k);
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

/** `in >> out` read by parseHom: both reps, and their text as written (trimmed). */
export interface Hom {
  readonly in: Rep;
  readonly out: Rep;
  readonly inText: string;
  readonly outText: string;
}

/**
 * Reads EMLP's spelling of Hom(in, out), `in >> out`, where a Hom is expected (the CLI's `--rep`
 * may accept it). Null when the text has no `>>`: it is then a single rep, for parseRep.
 *
 * @example
 * const h = parseHom('V**2 >> V')!;
 * printRep(h.in) // "V⊗V"; h.outText === 'V'
 * parseHom('V**2') // null
 * @throws SpecError as parseRep, with columns in the whole text.
 */
export function parseHom(src: string, options: ParseRepOptions = {}): Hom | null {
  const tokens = tokenize(src, options.path);
  if (!tokens.some((t) => t.kind === 'hom')) return null;
  return new Parser(src, tokens, options).parseHom();
}

/**
 * Parses a rep expression into its normal form.
 *
 * @example
 * printRep(parseRep('V**2 + 3V*')) // "V⊗V+3V*"
 * parseRep('T(1,1)')               // V⊗V*
 * @throws SpecError E_REP_SYNTAX / E_REP_VALUE / E_REP_FACTOR with the 1-based `column`; EMLP's
 * `in >> out` is E_REP_SYNTAX naming the `--in "…" --out "…"` to use (see parseHom).
 */
export function parseRep(src: string, options: ParseRepOptions = {}): Rep {
  if (src.trim() === '') throw syntax(src, options.path, 1, 'the rep is empty', { expected: 'a rep such as V or V⊗V' });
  return new Parser(src, tokenize(src, options.path), options).parse();
}
