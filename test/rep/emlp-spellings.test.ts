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
