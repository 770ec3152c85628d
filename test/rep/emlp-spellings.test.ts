/**
 * Issue 9, defect 16: the spellings people bring from EMLP (`Scalar`, `Vector`, `V.T`, `V*2`,
 * `5*V*2`, `rep_in >> rep_out`) either mean what they mean there, or are refused with the exact
 * spelling to use instead.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { parseRep } from '../../src/rep/parse.js';
import { printRep } from '../../src/rep/rep.js';

function errorOf(src: string): SpecError {
  try {
    parseRep(src, { path: '--rep' });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error(`expected '${src}' to be refused`);
}

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
