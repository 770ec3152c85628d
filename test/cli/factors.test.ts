/**
 * V1, V2, … name the factors of a product group. On a group that is not a product, V2 was an
 * error but V1 was quietly read as V: both are E_REP_FACTOR now, from text and from rep trees.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SolveBasisError } from '../../src/errors.js';
import { solveBasis } from '../../src/pipeline.js';
import { baseOf, tensor, V } from '../../src/rep/rep.js';

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(['node', 'solve-basis', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { status, stdout, stderr };
}

describe('Vk on a group that is not a product', () => {
  it.each([
    [['--group', 'S5', '--rep', 'V1']],
    [['--group', 'S5', '--rep', 'V2']],
    [['--group', 'SO(3)', '--in', 'V⊗V1', '--out', 'V']],
    [['explain', '--group', 'S5', '--rep', 'V1']],
  ])('%j is E_REP_FACTOR', (args) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^solve-basis: error E_REP_FACTOR: .*expected V \(the group is not a product\)/);
  });

  it('a rep tree naming factor 1 of a simple group is refused too', () => {
    let err: unknown;
    try {
      solveBasis({ group: 'S(4)', in: tensor([V, baseOf(1)]) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SolveBasisError);
    expect((err as SolveBasisError).code).toBe('E_REP_FACTOR');
  });

  it('products keep V1 and V2; explain without a group accepts them', () => {
    expect(run('--group', 'S(3) x Z(3)', '--in', 'V1⊗V2', '--out', 'V1').status).toBe(0);
    expect(run('explain', '--rep', 'V1+V2').status).toBe(0);
  });
});
