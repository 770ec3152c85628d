/**
 * Start-up cost: the heavy dependencies (mathjs ~0.9 s, ml-matrix) load only when a problem needs
 * them, so a cold `solve-basis --group S5 --rep tensor2` stays fast.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const script = (group: string, inRep: string, outRep: string): string => `
  const { solveBasis } = await import(${JSON.stringify(`${root}dist/index.js`)});
  solveBasis({ group: ${JSON.stringify(group)}, in: ${JSON.stringify(inRep)}, out: ${JSON.stringify(outRep)} });
  const { createRequire } = await import('node:module');
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  console.log(JSON.stringify({ mathjs: loaded.some((k) => k.includes('/mathjs/')), mlMatrix: loaded.some((k) => k.includes('/ml-matrix/')) }));
`;
const run = (group: string, inRep: string, outRep: string): { mathjs: boolean; mlMatrix: boolean } =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script(group, inRep, outRep)], { encoding: 'utf8' })) as {
    mathjs: boolean;
    mlMatrix: boolean;
  };

describe('lazy heavy dependencies', () => {
  it.runIf(existsSync(`${root}dist/index.js`))('exact and orbit solves load neither mathjs nor ml-matrix; float solves load ml-matrix', () => {
    expect(run('S(5)', 'V⊗V', 'V⊗V')).toEqual({ mathjs: false, mlMatrix: false });
    expect(run('SO(3)', 'V⊗V', 'V')).toEqual({ mathjs: false, mlMatrix: false });
    // Number fields (C(k), D(k)) are exact too; C(37)'s field is beyond the exact limit: float.
    expect(run('D(5)', 'V⊗V', 'scalar')).toEqual({ mathjs: false, mlMatrix: false });
    expect(run('C(37)', 'V⊗V', 'scalar')).toEqual({ mathjs: false, mlMatrix: true });
  });
});
