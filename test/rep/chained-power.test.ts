/**
 * Issue 9, defect 12: `V**2**3` is V^(2^3) = V^8 to a Python reader but was parsed left to right
 * as V^6. A power of a power without parentheses is now an E_REP_SYNTAX error at the second
 * power operator, with a hint giving both unambiguous spellings.
 */
import { describe, expect, it } from 'vitest';
import { parseRep } from '../../src/rep/parse.js';
import { printRep } from '../../src/rep/rep.js';
import { errorOf } from './helpers.js';


describe('chained powers are refused', () => {
  // [source, column of the second power operator, hint fragments]
  const cases: [string, number, string[]][] = [
    ['V**2**3', 5, ['(V**2)**3', 'V**8']],
    ['V^2^3', 4, ['(V^2)^3', 'V^8']],
    ['V**2^3', 5, ['(V**2)^3', 'V**8']],
    ['V^2**3', 4, ['(V^2)**3', 'V^8']],
    ['V ** 2 ** 3', 8, ['(V ** 2)**3', 'V**8']],
    ['V²**3', 3, ['(V²)**3', 'V**8']],
    ['V²^3', 3, ['(V²)^3', 'V^8']],
    ['V**2²', 5, ['(V**2)²', 'V**4']],
    ['(V+V*)**2**2', 10, ['((V+V*)**2)**2', '(V+V*)**4']],
    ['T(1,1)^2^2', 9, ['(T(1,1)^2)^2', 'T(1,1)^4']],
    ['V^2*^3', 5, ['(V^2*)^3']],
    ['V**3**4', 5, ['(V**3)**4', 'more than 64']],
    ['2V**2**3+V', 6, ['(V**2)**3', 'V**8']],
  ];

  it.each(cases)('%s → E_REP_SYNTAX at column %i', (src, column, hints) => {
    const e = errorOf(src);
    expect(e.code).toBe('E_REP_SYNTAX');
    expect(e.column).toBe(column);
    expect(e.path).toBe('--rep');
    expect(e.message).toMatch(/chained power/);
    for (const h of hints) expect(e.hint).toContain(h);
  });
});

describe('single powers and grouped powers still parse', () => {
  it.each([
    ['V²³', 'V^23'], // one superscript run is one exponent, 23
    ['(V**2)**3', 'V^6'],
    ['(V^2)^3', 'V^6'],
    ['(V²)³', 'V^6'],
    ['V*^2', 'V*⊗V*'],
    ['V^2*', 'V*⊗V*'],
    ['Sym^2(V)^2', 'Sym^2(V)⊗Sym^2(V)'],
    ['Sym^2(V**2)', 'Sym^2(V⊗V)'],
    ['V**2⊗V**3', 'V^5'],
  ])('%s prints as %s', (src, printed) => {
    expect(printRep(parseRep(src))).toBe(printed);
  });
});

describe('chained powers with extreme exponents', () => {
  it.each(['V**2**99999999999999999999999999', 'V^0^5', 'V^1^100', 'V**2**0'])('%s is a syntax error, quickly', (src) => {
    expect(errorOf(src).code).toBe('E_REP_SYNTAX');
  });
});
