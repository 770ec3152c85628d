import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { parseRep } from '../../src/rep/parse.js';
import { printRep, repDim, type Rep } from '../../src/rep/rep.js';

describe('parseRep: canonical printing', () => {
  const cases: [string, string][] = [
    ['V', 'V'],
    ['vector', 'V'],
    ['V*', 'V*'],
    ['V**', ''],
    ['V**2', 'V⊗V'],
    ['V^2', 'V⊗V'],
    ['V²', 'V⊗V'],
    ['tensor2', 'V⊗V'],
    ['V⊗V', 'V⊗V'],
    ['V*V', 'V⊗V'],
    ['tensor3', 'V⊗V⊗V'],
    ['V**4', 'V^4'],
    ['T(1,1)', 'V⊗V*'],
    ['T(2)', 'V⊗V'],
    ['T(0,0)', 'scalar'],
    ['V*⊗V', 'V*⊗V'],
    ['V^2*', 'V*⊗V*'],
    ['(V⊗V)*', 'V*⊗V*'],
    ['V**', ''],
    ['V⁰', 'scalar'],
    ['V**0', 'scalar'],
    ['V⊗scalar', 'V'],
    ['2V+V*', '2V+V*'],
    ['V+V', '2V'],
    ['3*V', '3V'],
    ['3 V', '3V'],
    ['2(V+V*)', 'V+V*+V+V*'],
    ['100V⁰+100V+20V²', '100*scalar+100V+20V⊗V'],
    ['V ⊕ V*', 'V+V*'],
    ['(V+V*)**2', '(V+V*)⊗(V+V*)'],
    ['Sym^2(V)', 'Sym^2(V)'],
    ['Alt^2(V)*', 'Alt^2(V)*'],
    ['Sym^1(V)', 'V'],
    ['V1⊗V2', 'V1⊗V2'],
  ].filter(([, p]) => p !== '') as [string, string][];
  it.each(cases)('%s prints as %s and round-trips', (src, printed) => {
    const r = parseRep(src);
    expect(printRep(r)).toBe(printed);
    expect(parseRep(printRep(r))).toEqual(r);
  });

  it('equivalent spellings give equal trees', () => {
    const forms = ['V**2', 'V⊗V', 'tensor2', 'T(2,0)', 'V*V', 'V^2', 'V²', '(V)⊗(V)'];
    const trees = forms.map((f) => parseRep(f));
    for (const t of trees) expect(t).toEqual(trees[0]);
  });
});

describe('parseRep: errors point at the column', () => {
  const bad: [string, string, number][] = [
    ['V**', 'E_REP_SYNTAX', 4],
    ['T(1,', 'E_REP_SYNTAX', 5],
    ['V**-1', 'E_REP_SYNTAX', 4],
    ['V^-2', 'E_REP_SYNTAX', 3],
    ['', 'E_REP_SYNTAX', 1],
    ['   ', 'E_REP_SYNTAX', 1],
    ['V+', 'E_REP_SYNTAX', 3],
    ['(V', 'E_REP_SYNTAX', 3],
    ['V)', 'E_REP_SYNTAX', 2],
    ['W', 'E_REP_SYNTAX', 1],
    ['V $ V', 'E_REP_SYNTAX', 3],
    ['V**100', 'E_REP_VALUE', 4],
    ['0V', 'E_REP_VALUE', 1],
    ['V3', 'E_REP_FACTOR', 1],
    ['V0', 'E_REP_FACTOR', 1],
    ['Sym(V)', 'E_REP_SYNTAX', 4],
    ['T(1,1,1)', 'E_REP_SYNTAX', 6],
    ['V**2**', 'E_REP_SYNTAX', 7],
    ['2', 'E_REP_SYNTAX', 2],
    ['V⊗', 'E_REP_SYNTAX', 3],
  ];
  it.each(bad)('%j → %s at column %i', (src, code, column) => {
    let err: unknown;
    try {
      parseRep(src, { factors: 2, path: '--in' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).code).toBe(code);
    expect((err as SpecError).column).toBe(column);
    expect((err as SpecError).path).toBe('--in');
    expect((err as SpecError).message).not.toContain('\n');
  });
});

describe('parseRep: properties', () => {
  const atom = fc.constantFrom('V', 'V*', 'scalar', 'T(1,1)', 'Sym^2(V)', 'Alt^2(V)', 'V1', 'V2*');
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a})⊗(${b})`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a}+${b}`),
      fc.tuple(fc.integer({ min: 1, max: 4 }), tie('e')).map(([k, a]) => `${k}(${a})`),
      fc.tuple(tie('e'), fc.integer({ min: 0, max: 3 })).map(([a, k]) => `(${a})**${k}`),
      tie('e').map((a) => `(${a})*`),
    ),
  })).e;

  it('printing round-trips and preserves the dimension', () => {
    fc.assert(
      fc.property(expr, (src) => {
        const r: Rep = parseRep(src, { factors: 2 });
        const printed = printRep(r);
        const again = parseRep(printed, { factors: 2 });
        expect(again).toEqual(r);
        expect(printRep(again)).toBe(printed);
        expect(repDim(again, 5, [2, 3])).toBe(repDim(r, 5, [2, 3]));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a SpecError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'V*^+⊗⊕()T,0123456789 Sym^Alt scalar²⁰-x'.split('')) }), (src) => {
        try {
          parseRep(src, { factors: 2 });
        } catch (e) {
          expect(e).toBeInstanceOf(SpecError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('repDim', () => {
  it.each([
    ['V', 5],
    ['V⊗V', 25],
    ['T(2,1)', 125],
    ['2V+scalar', 11],
    ['Sym^2(V)', 15],
    ['Alt^2(V)', 10],
    ['Alt^6(V)', 0],
    ['V1⊗V2+V', 11],
  ])('%s has dimension %i when dim V = 5, V1 = 2, V2 = 3', (src, d) => {
    expect(repDim(parseRep(src), 5, [2, 3])).toBe(d);
  });
});
