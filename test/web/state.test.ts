/**
 * The playground's pure parts, in Node: links (URL state), the catalogue split, sizes, the lazy
 * module prediction, the error view (worded as the CLI's formatError), and the module shim.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/cli/format.js';
import { loadCustomGroup } from '../../src/group/custom.js';
import { GROUP_FAMILIES } from '../../src/group/library/index.js';
import { resolveGroup, solveBasis } from '../../src/index.js';
import { parseCatalogue } from '../../web/src/shared/catalogue.js';
import { errorText } from '../../web/src/shared/error-view.js';
import { BROWSER_MAX_MEMORY_BYTES, parseSize } from '../../web/src/shared/options.js';
import { DEFAULT_STATE, queryFromState, stateFromQuery, type PlaygroundState } from '../../web/src/shared/url-state.js';
import { createRequire, ModuleNotLoadedError, provideModule } from '../../web/src/shims/node-module.js';
import { errorView } from '../../web/src/worker/errors.js';
import { needsMlMatrix } from '../../web/src/worker/needs.js';

const root = new URL('../../', import.meta.url).pathname;

describe('links', () => {
  it.each<[string, PlaygroundState]>([
    ['?group=S5&rep=tensor2', { group: 'S5', in: 'tensor2', certify: false }],
    ['?group=SO(3)&in=V**2&out=V', { group: 'SO(3)', in: 'V**2', out: 'V', certify: false }],
    ['?group=S5&in=V&out=V', { group: 'S5', in: 'V', certify: false }],
    ['?group=S5&in=V', { group: 'S5', in: 'V', certify: false }],
    ['?group=S5&rep=V&in=W', { group: 'S5', in: 'V', certify: false }],
    ['?group=S(4)&rep=V%2BV**2&strategy=exact&certify=1&maxmem=2G', { group: 'S(4)', in: 'V+V**2', strategy: 'exact', certify: true, maxMemory: '2G' }],
    ['?group=cube.json&rep=V&file=cube.json&json=%7B%22dim%22%3A1%7D', { group: 'cube.json', in: 'V', certify: false, file: { name: 'cube.json', text: '{"dim":1}' } }],
    ['?group=S5', { group: 'S5', in: '', certify: false }],
    ['', DEFAULT_STATE],
  ])('%s', (query, state) => {
    expect(stateFromQuery(query)).toEqual(state);
  });

  it('round-trips, readable: parentheses and ** stay, + and spaces are escaped', () => {
    const states: PlaygroundState[] = [
      { group: 'SO(3) x S(4)', in: 'V1⊗V2+V1', out: 'V1', certify: true, strategy: 'float', maxMemory: '512M' },
      { group: 'S5', in: 'Sym^2(V)', certify: false },
      { group: 'SO(3) x cube.json', in: 'V', certify: false, file: { name: 'cube.json', text: '{"dim": 3,\n "generators": [] }' } },
    ];
    for (const s of states) expect(stateFromQuery(queryFromState(s))).toEqual(s);
    expect(queryFromState({ group: 'SO(3)', in: 'V**2', out: 'V', certify: false })).toBe('?group=SO(3)&in=V**2&out=V');
    expect(queryFromState({ group: 'SO(3) x S(4)', in: 'V+V', certify: false })).toBe('?group=SO(3)%20x%20S(4)&rep=V%2BV');
  });

  it('carries a custom file only when the group names it', () => {
    expect(queryFromState({ group: 'S5', in: 'V', certify: false, file: { name: 'cube.json', text: '{}' } })).toBe('?group=S5&rep=V');
  });
});

describe('the catalogue', () => {
  const text = execFileSync(process.execPath, [join(root, 'bin', 'solve-basis.js'), 'groups'], { encoding: 'utf8' });
  const catalogue = parseCatalogue(text);

  it('has one entry per built-in family, each with an example that resolves', () => {
    expect(catalogue.entries.map((e) => e.name)).toEqual(GROUP_FAMILIES.map((f) => f.info.name));
    for (const e of catalogue.entries) expect(resolveGroup(e.example).name.length).toBeGreaterThan(0);
    expect(catalogue.heading).toMatch(/^Built-in groups/);
    expect(catalogue.notes).toMatch(/^Products: /);
  });

  it('keeps the text verbatim', () => {
    expect([catalogue.heading, ...catalogue.entries.map((e) => e.text), catalogue.notes].join('\n\n')).toBe(text.trimEnd());
  });
});

describe('options', () => {
  it('reads sizes as --max-memory does', () => {
    expect(parseSize('512M')).toBe(512 * 1024 ** 2);
    expect(parseSize('1.5G')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('2GiB')).toBe(2 * 1024 ** 3);
    expect(parseSize('0')).toBeNull();
    expect(parseSize('lots')).toBeNull();
    expect(BROWSER_MAX_MEMORY_BYTES).toBe(1024 ** 3);
  });
});

describe('lazy modules', () => {
  it('predicts ml-matrix for float groups and forced float strategies only', () => {
    expect(needsMlMatrix(loadCustomGroup('fixtures/groups/c5-decimal.json'))).toBe(true);
    expect(needsMlMatrix(resolveGroup('C(5)'))).toBe(false); // exact over ℚ(√5)
    expect(needsMlMatrix(resolveGroup('S5'), 'float')).toBe(true);
    expect(needsMlMatrix(resolveGroup('S5'), 'svd')).toBe(true);
    expect(needsMlMatrix(resolveGroup('S5'))).toBe(false);
    expect(needsMlMatrix(resolveGroup('U(2)'))).toBe(false);
    expect(needsMlMatrix(resolveGroup('SO(3)'), 'exact')).toBe(false);
  });

  it('the shim hands out provided modules and refuses the others by name', () => {
    const require = createRequire('about:blank');
    expect(() => require('mathjs')).toThrow(ModuleNotLoadedError);
    expect(() => require('fs')).toThrow(/not available in the browser/);
    const fake = { parse: () => 1 };
    provideModule('mathjs', fake);
    expect(require('mathjs')).toBe(fake);
  });
});

describe('errors', () => {
  it.each([
    { group: 'S5', in: 'V+*V' },
    { group: 'S5', in: 'V', out: 'V**' },
    { group: 'Lorenz', in: 'V' },
    { group: 'A(50)', in: 'T(4)', maxMemoryBytes: BROWSER_MAX_MEMORY_BYTES },
    { group: 'cube.json', in: 'V' },
  ])('are worded as on the terminal, caret included: $group $in', (request) => {
    const names = request.out === undefined ? { in: 'rep', out: 'rep' } : { in: 'in', out: 'out' };
    let error: unknown;
    try {
      solveBasis({ ...request, inputNames: names, readFile: () => { throw Object.assign(new Error('no'), { code: 'ENOENT' }); } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect(errorText(errorView(error))).toBe(formatError(error, true).text);
  });

  it('says when an error is a bug', () => {
    expect(errorView(new TypeError('x is undefined')).line).toMatch(/^solve-basis: internal error: x is undefined \(please report this/);
  });
});
