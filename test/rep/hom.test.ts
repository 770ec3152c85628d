/**
 * Issue 9, defect 16: EMLP writes Hom(in, out) as `rep_in >> rep_out`. A rep is not a Hom, so
 * parseRep refuses `>>` with the exact spelling to use (`--in "…" --out "…"`); parseHom reads it
 * for callers that expect a Hom (the CLI's --rep may use it).
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { parseHom, parseRep } from '../../src/rep/parse.js';
import { printRep } from '../../src/rep/rep.js';

function errorOf(f: () => unknown): SpecError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error('expected a SpecError');
}

describe("parseRep refuses EMLP's >> with the exact spelling", () => {
  it.each([
    ['V**2>>V', 5, '--in "V**2" --out "V"'],
    ['V**2 >> V', 6, '--in "V**2" --out "V"'],
    ['  T(1,1) + V >> Scalar ', 14, '--in "T(1,1) + V" --out "Scalar"'],
    ['(V+V*)>>V.T*2', 7, '--in "(V+V*)" --out "V.T*2"'],
  ])('%s → E_REP_SYNTAX at column %i: use %s', (src, column, spelling) => {
    const e = errorOf(() => parseRep(src, { path: '--rep' }));
    expect(e.code).toBe('E_REP_SYNTAX');
    expect(e.column).toBe(column);
    expect(e.path).toBe('--rep');
    expect(e.message).toContain(`'>>' (EMLP's Hom) is not a rep: use ${spelling}`);
    expect(e.hint).toMatch(/parseHom|in: /);
  });

  it.each([
    ['>>V', 1],
    ['V>>', 4],
    ['(V>>V)', 3],
    ['V>>V>>V', 5],
    ['V>V', 2],
    ['V>>W', 4],
  ])('%s → E_REP_SYNTAX at column %i', (src, column) => {
    const e = errorOf(() => parseRep(src));
    expect(e.code).toBe('E_REP_SYNTAX');
    expect(e.column).toBe(column);
  });
});

describe('parseHom', () => {
  it('splits A >> B into the input and output reps, with their text', () => {
    const h = parseHom('V**2 >> V', { path: '--rep' })!;
    expect(printRep(h.in)).toBe('V⊗V');
    expect(printRep(h.out)).toBe('V');
    expect(h.inText).toBe('V**2');
    expect(h.outText).toBe('V');
    expect(Object.isFrozen(h)).toBe(true);
  });

  it('returns null when there is no >> (parse the text as a rep then)', () => {
    expect(parseHom('V**2')).toBeNull();
    expect(parseHom('V+*V')).toBeNull();
  });

  it.each([
    ['>>V', 1],
    ['V>>', 4],
    ['V>>V>>V', 5],
    ['(V>>V)', 3],
    ['V3>>V', 1],
  ])('%s → typed error at column %i', (src, column) => {
    const e = errorOf(() => parseHom(src, { factors: 2 }));
    expect(e.code).toMatch(/^E_REP_(SYNTAX|FACTOR)$/);
    expect(e.column).toBe(column);
  });
});
