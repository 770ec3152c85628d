/**
 * Fuzzing rep expressions: generated from the grammar (valid), then mutated (mostly invalid:
 * inserted and deleted characters, huge numbers, deep nesting). Valid input must give an
 * equivariant, independent basis whose dimension is the character formula's; invalid input a
 * typed error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisJsonText } from '../../src/emit/index.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { parseHom, parseRep } from '../../src/rep/parse.js';
import { printRep, repDim } from '../../src/rep/rep.js';
import { solveBasis } from '../../src/pipeline.js';
import { characterFormulaDim } from '../helpers/characters.js';
import { assertEquivariant } from '../helpers/equivariance.js';
import { runs, typed } from './typed.js';

const space = fc.constantFrom('', '', '', ' ');
const leaf = fc.constantFrom('V', 'V*', 'scalar', 'vector', 'tensor2', 'V⁰', 'V²', 'T(1,1)', 'T(0,1)', 'Scalar', 'Vector', 'V.T', 'Tensor2');

/** Grammar-valid rep text of bounded depth. */
const repText: fc.Arbitrary<string> = fc.letrec<{ rep: string }>((tie) => ({
  rep: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('rep'), space, fc.constantFrom('+', '⊕', '⊗', '*'), space, tie('rep')).map(([a, s1, op, s2, b]) => `(${a})${s1}${op}${s2}(${b})`),
    fc.tuple(fc.integer({ min: 0, max: 3 }), tie('rep')).map(([k, a]) => `(${a})**${k}`),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('', '*'), tie('rep')).map(([k, star, a]) => `${k}${star}(${a})`),
    fc.tuple(fc.constantFrom('Sym', 'Alt'), fc.integer({ min: 0, max: 3 }), tie('rep')).map(([s, k, a]) => `${s}^${k}(${a})`),
    // EMLP's spellings: a multiplicity on the right (`R*2`, `5*R*2`) and the dual as `.T`.
    fc.tuple(tie('rep'), fc.integer({ min: 1, max: 3 })).map(([a, k]) => `(${a})*${k}`),
    fc.tuple(fc.integer({ min: 1, max: 2 }), tie('rep'), fc.integer({ min: 1, max: 2 })).map(([j, a, k]) => `${j}*(${a})*${k}`),
    tie('rep').map((a) => `(${a}).T`),
  ),
})).rep;

const junk = fc.constantFrom('(', ')', '*', '**', '^', '+', '⊗', ',', 'V', 'x', '9', '>>', '.T', '.', '**2**3', '*2', 'Scalar', '99999999999999999999', '-1', '1e308', 'NaN', 'T(', 'Sym^', '²', '⁹⁹⁹⁹', ' ', '\u0000', '🙂', 'V'.repeat(200));

/** A valid expression with a few random edits: mostly invalid, sometimes still valid. */
const mutated = fc
  .tuple(repText, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), junk), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) =>
    edits.reduce((t, [at, del, ins]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + ins + t.slice(i + del);
    }, text),
  );

const pathological = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((d) => '('.repeat(d) + 'V' + ')'.repeat(d)),
  fc.integer({ min: 1, max: 2000 }).map((d) => 'Sym^2('.repeat(d) + 'V' + ')'.repeat(d)),
  fc.integer({ min: 1, max: 8000 }).map((k) => Array.from({ length: k }, () => 'V').join('⊗')),
  fc.integer({ min: 1, max: 8000 }).map((k) => Array.from({ length: k }, () => 'V').join('+')),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map((k) => `V**${k}`),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map((k) => `${k}V`),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map((k) => `Sym^${k}(V)`),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

const S3 = resolveGroup('S(3)');
const limits = { maxMemoryBytes: 64 * 1024 ** 2, timeoutSeconds: 5 } as const;

describe('fuzz: rep expressions', () => {
  it('mutated and pathological text: a rep or a typed one-line error, and solving a rep never crashes', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, pathological), (text) => {
        const parsed = typed(() => parseRep(text));
        if (!parsed.ok) {
          expect(parsed.error.code).toMatch(/^E_REP_(SYNTAX|VALUE|FACTOR)$/);
          return;
        }
        const solved = typed(() => solveBasis({ group: S3, in: parsed.value, ...limits }));
        if (!solved.ok) expect(solved.error.code).toMatch(/^E_(TOO_LARGE|TIMEOUT|REP_VALUE|REP_FACTOR)$/);
      }),
      { numRuns: runs(4000), seed: 6001 },
    );
  });

  it('valid text over small groups: dim = the character formula, equivariant and independent; spellings agree byte for byte', () => {
    const groups = ['S(3)', 'Z(4)', 'D(3)', 'C(4)', 'A(4)', 'S(2) x Z(3)', 'Trivial(2)'].map((g) => resolveGroup(g));
    fc.assert(
      fc.property(fc.constantFrom(...groups), repText, repText, (group, inText, outText) => {
        const factors = group.factors.length;
        // Product groups name their factors V1, V2: spell V as V1 there.
        const fix = (t: string): string => (factors > 1 ? t.replace(/vector|tensor2/gi, 'Ω').replace(/V(?![0-9])/g, 'V1').replace(/Ω/g, 'V2') : t);
        const inRep = parseRep(fix(inText), { factors });
        const outRep = parseRep(fix(outText), { factors });
        const dims = [inRep, outRep].map((r) => repDim(r, group.dim, group.factors.map((f) => f.dim)));
        fc.pre(dims.every((d) => d > 0 && d <= 40));
        const basis = solveBasis({ group, in: inRep, out: outRep });
        expect(basis.dim).toBe(characterFormulaDim(group, inRep, outRep));
        assertEquivariant(basis, { maxEntries: 40_000 });
        // The printed normal form is an equivalent spelling: the file must not change.
        const again = solveBasis({ group, in: printRep(inRep), out: printRep(outRep) });
        expect(basisJsonText(again)).toBe(basisJsonText(basis));
      }),
      { numRuns: runs(1500), seed: 6002 },
    );
  });
});

describe("fuzz: EMLP's spellings mean what they mean in EMLP, or say what to write", () => {
  it('R*k = k*R = k(R), R.T = (R)*, chained powers and >> are refused with a usable spelling', () => {
    fc.assert(
      fc.property(repText, repText, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), (a, b, k, j) => {
        const r = parseRep(a);
        expect(parseRep(`(${a})*${k}`)).toEqual(parseRep(`${k}(${a})`));
        expect(parseRep(`${k}*(${a})`)).toEqual(parseRep(`${k}(${a})`));
        expect(parseRep(`(${a}).T`)).toEqual(parseRep(`(${a})*`));
        expect(parseRep(`(${a}).T.T`)).toEqual(r);
        const chained = typed(() => parseRep(`(${a})**${j}**${k}`));
        expect(chained.ok ? 'parsed' : chained.error.code).toBe('E_REP_SYNTAX');
        const hom = typed(() => parseRep(`${a} >> ${b}`));
        expect(hom.ok ? 'parsed' : hom.error.code).toBe('E_REP_SYNTAX');
        if (!hom.ok) {
          const m = /use --in "(.*)" --out "(.*)"$/.exec(hom.error.message)!;
          expect(parseRep(m[1]!)).toEqual(r);
          expect(parseRep(m[2]!)).toEqual(parseRep(b));
        }
        const h = parseHom(`${a}>>${b}`)!;
        expect([h.in, h.out]).toEqual([r, parseRep(b)]);
      }),
      { numRuns: runs(500), seed: 6003 },
    );
  });
});
