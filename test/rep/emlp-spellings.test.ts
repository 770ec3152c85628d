/**
 * Issue 9, defect 16: the spellings people bring from EMLP (`Scalar`, `Vector`, `V.T`, `V*2`,
 * `5*V*2`, `rep_in >> rep_out`) either mean what they mean there, or are refused with the exact
 * spelling to use instead.
 */
import { describe, expect, it } from 'vitest';
import { parseRep } from '../../src/rep/parse.js';
import { printRep } from '../../src/rep/rep.js';
import { errorOf } from './helpers.js';


describe('word aliases are case-insensitive (EMLP writes Scalar and Vector)', () => {
  it.each([
    ['Scalar', 'scalar'],
    ['SCALAR', 'scalar'],
    ['scalar', 'scalar'],
    ['Vector', 'V'],
    ['VECTOR', 'V'],
    ['Tensor2', 'V⊗V'],
    ['Tensor3', 'V⊗V⊗V'],
    ['3*Scalar+Vector', '3*scalar+V'],
    ['Vector**2', 'V⊗V'],
  ])('%s prints as %s and round-trips', (src, printed) => {
    const r = parseRep(src);
    expect(printRep(r)).toBe(printed);
    expect(parseRep(printRep(r))).toEqual(r);
  });

  it.each([
    ['v', 'V'],
    ['sym^2(V)', 'Sym'],
    ['Scaler', 'scalar'],
    ['t(1,1)', 'T'],
  ])('symbols stay case-sensitive: %s is unknown, with a suggestion', (src, suggestion) => {
    const e = errorOf(src);
    expect(e.code).toBe('E_REP_SYNTAX');
    expect(e.column).toBe(1);
    expect(e.hint).toContain(suggestion);
  });
});

describe("EMLP's .T is the dual, of any rep", () => {
  it.each([
    ['V.T', 'V*'],
    ['V.T.T', 'V'],
    ['(V+V*).T', 'V*+V'],
    ['(V**2).T', 'V*⊗V*'],
    ['V**2.T', 'V*⊗V*'],
    ['V.T**2', 'V*⊗V*'],
    ['T(1,1).T', 'V*⊗V'],
    ['Sym^2(V).T', 'Sym^2(V)*'],
    ['Vector.T⊗V', 'V*⊗V'],
    ['V.T*V', 'V*⊗V'],
    ['3V.T+Scalar.T', '3V*+scalar'],
    ['V1.T⊗V2', 'V1*⊗V2'],
    ['V .T', 'V*'],
  ])('%s prints as %s and round-trips', (src, printed) => {
    const r = parseRep(src, { factors: 2 });
    expect(printRep(r)).toBe(printed);
    expect(parseRep(printRep(r), { factors: 2 })).toEqual(r);
  });

  it.each([
    ['V.', 2, '.T'],
    ['V.t', 2, '.T'],
    ['V.Tx', 2, '.T'],
    ['.T', 1, undefined],
    ['V^2.T^3', 6, '(V^2.T)^3'],
  ])('%s → E_REP_SYNTAX at column %i', (src, column, hint) => {
    const e = errorOf(src);
    expect(e.code).toBe('E_REP_SYNTAX');
    expect(e.column).toBe(column);
    if (hint !== undefined) expect(e.hint).toContain(hint);
  });
});

describe('an integer on either side of * is a multiplicity (EMLP: V*2 = 2V, 5*V*2 = 10V)', () => {
  it.each([
    ['V*2', '2V'],
    ['V * 2', '2V'],
    ['5*V*2', '10V'],
    ['2*3*V', '6V'],
    ['V*2*3', '6V'],
    ['V**2*3', '3V⊗V'],
    ['V⊗V*2', '2V⊗V'],
    ['V*V*2', '2V⊗V'],
    ['(V+V*)*2', 'V+V*+V+V*'],
    ['V**2*3+V*2', '3V⊗V+2V'],
    ['V*2+Scalar*4', '2V+4*scalar'],
    ['V.T*2', '2V*'],
    ['V* *2', '2V*'],
    ['V*2*V', '(2V)⊗V'],
    ['T(1,1)*2', '2V⊗V*'],
    // The dual and the tensor product keep their meaning.
    ['V*', 'V*'],
    ['V*V', 'V⊗V'],
    ['V*⊗V*2', '2V*⊗V'],
  ])('%s prints as %s and round-trips', (src, printed) => {
    const r = parseRep(src);
    expect(printRep(r)).toBe(printed);
    expect(parseRep(printRep(r))).toEqual(r);
  });

  it('R*k and k*R give the same rep, and the same as kR', () => {
    for (const r of ['V', 'V**2', '(V+V*)', 'Sym^2(V)', 'T(1,1)']) {
      expect(parseRep(`${r}*3`)).toEqual(parseRep(`3*${r}`));
      expect(parseRep(`${r}*3`)).toEqual(parseRep(`3(${r})`));
    }
  });

  it.each([
    ['V*0', 'E_REP_VALUE', 3],
    ['0*V', 'E_REP_VALUE', 1],
    ['V*2V', 'E_REP_SYNTAX', 4],
    ['V*2**2', 'E_REP_SYNTAX', 4],
    ['V*1000001', 'E_REP_VALUE', 3],
    // A multiplied sum is written out term by term: its expansion is capped, not a crash.
    ['1000000(1000000(V+V*))', 'E_REP_VALUE', 9],
    ['(V+V*)*1000000*1000000', 'E_REP_VALUE', 8],
    ['50001(V+V*)', 'E_REP_VALUE', 1],
    ['(V+V*)*50001', 'E_REP_VALUE', 8],
  ])('%s → %s at column %i', (src, code, column) => {
    const e = errorOf(src);
    expect(e.code).toBe(code);
    expect(e.column).toBe(column);
  });
});

describe('summands are capped', () => {
  it('a sum may be written out to 100,000 summands, not more', () => {
    const r = parseRep('50000(V+V*)');
    expect(r.kind === 'sum' && r.terms.length).toBe(100_000);
    const long = Array.from({ length: 50_001 }, () => 'V+V*').join('+');
    expect(errorOf(long).code).toBe('E_REP_VALUE');
  });
});
