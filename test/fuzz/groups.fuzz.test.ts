/**
 * Fuzzing custom groups: random group JSON (wrong shapes, non-numeric entries, "1/0", NaN,
 * Infinity, 1e308, very long strings, mutated JSON text) must load or give a typed error, and a
 * loaded group must solve or give a typed error; random small groups (signed permutations,
 * rotations of finite order, products) must give the character formula's dimension, verified.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customGroupFromJson, parseCustomGroup } from '../../src/group/custom.js';
import { directProduct } from '../../src/group/product.js';
import type { AnyGroup } from '../../src/group/group.js';
import { parseRep } from '../../src/rep/parse.js';
import { repDim } from '../../src/rep/rep.js';
import { solveBasis } from '../../src/pipeline.js';
import { characterFormulaDim } from '../helpers/characters.js';
import { assertEquivariant } from '../helpers/equivariance.js';
import { runs, typed } from './typed.js';

const weirdEntry = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(0.5, -0.5, 1e308, -1e308, 1e-320, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, 0.30901699437494745),
  fc.constantFrom('1/0', '0/0', 'NaN', 'Infinity', '-Infinity', '1e308', '1e400', '1e-400', '-1/2', 'sqrt(3)/2', 'cos(2*pi/5)', 'sqrt(-1)', 'x', '', ' ', '1/', '2^1000', '10^400', 'exp(1000)', 'log(0)'),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 1000, max: 5000 }).map((n) => '1'.repeat(n)),
  fc.constantFrom(null, true, [], {}, [1, 2], { a: 1 }),
);
const niceEntry = fc.constantFrom(0, 0, 0, 1, -1, '1/2', '-1/2');

function matrixOf(entry: fc.Arbitrary<unknown>, dim: number): fc.Arbitrary<unknown> {
  // Mostly the right shape, sometimes ragged or of the wrong size.
  const rows = fc.oneof({ weight: 4, arbitrary: fc.constant(dim) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: dim + 1 }) });
  return rows.chain((r) =>
    fc.array(
      fc.oneof({ weight: 6, arbitrary: fc.array(entry, { minLength: dim, maxLength: dim }) }, { weight: 1, arbitrary: fc.array(entry, { maxLength: dim + 1 }) }, { weight: 1, arbitrary: entry }),
      { minLength: r, maxLength: r },
    ),
  );
}

/** A permutation of 0 … n−1 as an image list, mostly valid, sometimes broken in one of the ways a file can be. */
function permutationOf(n: number): fc.Arbitrary<unknown> {
  const valid = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
  return fc.oneof(
    { weight: 20, arbitrary: valid },
    { weight: 1, arbitrary: valid.map((p) => [...p, 0]) }, // too long
    { weight: 1, arbitrary: valid.map((p) => p.slice(1)) }, // too short
    { weight: 1, arbitrary: valid.map((p) => p.map((v) => v + 1)) }, // 1-based
    { weight: 1, arbitrary: valid.map((p) => (p.length > 1 ? [p[0], ...p.slice(0, -1)] : p)) }, // a repeated image
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat(), weirdEntry).map(([p, i, v]) => p.map((x, j) => (j === i % Math.max(1, p.length) ? v : x))) },
    { weight: 1, arbitrary: weirdEntry },
  );
}

const dimValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, '2', null, 1e308, Number.NaN, 100000, [2]) },
);

const groupJson = dimValue.chain((dim) => {
  const d = typeof dim === 'number' && Number.isInteger(dim) && dim > 0 && dim <= 3 ? dim : 2;
  const entry = fc.oneof({ weight: 3, arbitrary: niceEntry }, { weight: 1, arbitrary: weirdEntry });
  return fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(10000)), fc.integer()),
      dim: fc.constant(dim),
      generators: fc.oneof({ weight: 6, arbitrary: fc.array(matrixOf(entry, d), { maxLength: 3 }) }, { weight: 1, arbitrary: weirdEntry }),
      permutations: fc.oneof({ weight: 6, arbitrary: fc.array(permutationOf(d), { maxLength: 3 }) }, { weight: 1, arbitrary: weirdEntry }),
      lieAlgebra: fc.array(matrixOf(entry, d), { maxLength: 2 }),
      order: fc.oneof(fc.integer({ min: -1, max: 30 }), fc.constantFrom('6', '1e3', 'x', 1e308)),
      extra: fc.anything({ maxDepth: 2 }),
    },
    { requiredKeys: ['dim'] },
  );
});

/** Valid JSON text, then a few characters replaced: mostly invalid JSON or invalid values. */
const groupText = fc
  .tuple(groupJson, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '"', '[', ']', ',', '{', '}', '1e999', 'NaN', '-', '\\', 'null')), { maxLength: 3 }))
  .map(([json, edits]) =>
    edits.reduce((t, [at, ins]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + ins + t.slice(i + 1);
    }, JSON.stringify(json) ?? '{}'),
  );

const limits = { maxMemoryBytes: 32 * 1024 ** 2, timeoutSeconds: 5 } as const;

function solvesOrTyped(group: AnyGroup): void {
  for (const rep of ['V', 'V*⊗V', 'Sym^2(V)']) {
    const r = typed(() => solveBasis({ group, in: rep, certify: group.lie.length > 0 || group.dim <= 2, ...limits }));
    if (r.ok) expect(r.value.blocks.every((b) => b.verification.independent)).toBe(true);
    else expect(r.error.code).toMatch(/^E_(TOO_LARGE|TIMEOUT|SOLVER|VERIFY|REP_VALUE)$/);
  }
}

describe('fuzz: custom group JSON', () => {
  it('random group objects: a group or a typed error; a group solves or gives a typed error', () => {
    fc.assert(
      fc.property(groupJson, (json) => {
        const g = typed(() => customGroupFromJson(json, 'fuzz.json'));
        if (!g.ok) {
          expect(g.error.code).toMatch(/^E_GROUP_(SHAPE|ENTRY|SINGULAR|JSON)$/);
          return;
        }
        solvesOrTyped(g.value);
      }),
      { numRuns: runs(2500), seed: 6101 },
    );
  });

  it('mutated JSON text: a group or a typed error', () => {
    fc.assert(
      fc.property(groupText, (text) => {
        const g = typed(() => parseCustomGroup(text, 'fuzz.json'));
        if (!g.ok) expect(g.error.code).toMatch(/^E_GROUP_(SHAPE|ENTRY|SINGULAR|JSON)$/);
      }),
      { numRuns: runs(2500), seed: 6102 },
    );
  });
});

/** A signed permutation matrix. */
function signedPerm(perm: number[], signs: boolean[]): number[][] {
  return perm.map((p, i) => perm.map((_, j) => (j === p ? (signs[i] ? -1 : 1) : 0)));
}
const signedPermArb = (n: number): fc.Arbitrary<number[][]> =>
  fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n })).map(([p, s]) => signedPerm(p, s));
const rotation = fc.integer({ min: 1, max: 6 }).map((k) => [
  [`cos(2*pi/${k})`, `-sin(2*pi/${k})`],
  [`sin(2*pi/${k})`, `cos(2*pi/${k})`],
]);

const permArb = (n: number): fc.Arbitrary<number[]> => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

const smallGroup: fc.Arbitrary<AnyGroup> = fc.oneof(
  fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(signedPermArb(n), { minLength: 1, maxLength: 3 }).map((gens) => customGroupFromJson({ name: 'signed', dim: n, generators: gens }))),
  // Permutation generators, alone or after dense signed permutations.
  fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc
      .tuple(fc.array(permArb(n), { minLength: 1, maxLength: 3 }), fc.array(signedPermArb(n), { maxLength: 1 }))
      .map(([perms, gens]) => customGroupFromJson({ name: 'perms', dim: n, permutations: perms, generators: gens })),
  ),
  fc.tuple(rotation, fc.boolean()).map(([r, reflect]) => customGroupFromJson({ name: 'planar', dim: 2, generators: reflect ? [r, [[1, 0], [0, -1]]] : [r] })),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })).chain(([a, b]) =>
    fc.tuple(signedPermArb(a), signedPermArb(b)).map(([x, y]) => directProduct([customGroupFromJson({ name: 'G1', dim: a, generators: [x] }), customGroupFromJson({ name: 'G2', dim: b, generators: [y] })])),
  ),
);

const smallRep = (factors: number): fc.Arbitrary<string> =>
  factors > 1
    ? fc.constantFrom('V1', 'V2', 'V1⊗V2', 'V1+V2', 'V1*⊗V2', 'V', 'scalar', 'V1⊗V1', 'Sym^2(V1)+V2')
    : fc.constantFrom('V', 'V*', 'scalar', 'V⊗V', 'V⊗V*', 'Sym^2(V)', 'Alt^2(V)', '2V+scalar', 'V⊗V⊗V', 'T(1,1)+V');

describe('fuzz: random small groups', () => {
  it('dim = the character formula, equivariant and independent, certified', () => {
    fc.assert(
      fc.property(
        smallGroup.chain((g) => fc.tuple(fc.constant(g), smallRep(g.factors.length), smallRep(g.factors.length))),
        ([group, inText, outText]) => {
          const inRep = parseRep(inText, { factors: group.factors.length });
          const outRep = parseRep(outText, { factors: group.factors.length });
          // Alt^2 of a line is 0-dimensional: a typed error, not a case for this property.
          fc.pre([inRep, outRep].every((r) => repDim(r, group.dim, group.factors.map((f) => f.dim)) > 0));
          const basis = solveBasis({ group, in: inRep, out: outRep, certify: true });
          expect(basis.dim).toBe(characterFormulaDim(group, inRep, outRep));
          expect(basis.certificate).toMatchObject({ certified: true, characterDim: basis.dim });
          assertEquivariant(basis, { maxEntries: 40_000 });
        },
      ),
      { numRuns: runs(1000), seed: 6103 },
    );
  });
});

describe('fuzz: permutations and their matrices', () => {
  it('a permutation p gives the group of the dense matrix M[i, p[i]] = 1, with the same bases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(permArb(n), { minLength: 1, maxLength: 3 }))),
        fc.constantFrom('V', 'V⊗V', 'V*⊗V+scalar', 'Sym^2(V)'),
        ([n, perms], rep) => {
          const byPerms = customGroupFromJson({ dim: n, permutations: perms });
          const dense = customGroupFromJson({ dim: n, generators: perms.map((p) => p.map((c) => Array.from({ length: n }, (_, j) => (j === c ? 1 : 0)))) });
          expect(byPerms.discrete).toEqual(dense.discrete);
          expect(solveBasis({ group: byPerms, in: rep }).dim).toBe(solveBasis({ group: dense, in: rep }).dim);
        },
      ),
      { numRuns: runs(300), seed: 6104 },
    );
  });
});

describe('regressions found by fuzzing', () => {
  it('a rotation by 2π/1 (the identity up to rounding) gives all of Hom(V, V), not a rank from rounding noise', () => {
    // As float64 values (sin(2π) = −2.4e−16): a float group.
    const s = Math.sin(2 * Math.PI);
    const g = customGroupFromJson({ name: 'C1', dim: 2, generators: [[[Math.cos(2 * Math.PI), -s], [s, Math.cos(2 * Math.PI)]]] });
    expect(g.field.kind).toBe('float');
    const b = solveBasis({ group: g, in: 'V', certify: true });
    expect(b.dim).toBe(4);
    expect(b.certificate?.certified).toBe(true);
    // As expressions: exactly the identity, over ℚ.
    const e = customGroupFromJson({ name: 'C1', dim: 2, generators: [[['cos(2*pi)', '-sin(2*pi)'], ['sin(2*pi)', 'cos(2*pi)']]] });
    expect(e.field.name).toBeUndefined();
    expect(e.field.kind).toBe('exact');
    expect(solveBasis({ group: e, in: 'V' }).dim).toBe(4);
  });

  it('Lie algebra entries near 1e308: a typed error, not an endless matrix exponential (found at FUZZ_SCALE=5)', () => {
    const g = customGroupFromJson({ name: 'huge', dim: 2, lieAlgebra: [[[1e308, -1], ['1/2', 0]]] });
    const r = typed(() => solveBasis({ group: g, in: 'Sym^2(V)', certify: true, timeoutSeconds: 5 }));
    expect(r.ok ? 'ok' : r.error.code).toBe('E_SOLVER');
  });

  it('a JSON key with a line break still gives a one-line error', () => {
    const r = typed(() => parseCustomGroup('{"dim": 2, "gen\\nerators": []}', 'k.json'));
    expect(r.ok).toBe(false);
  });
});
