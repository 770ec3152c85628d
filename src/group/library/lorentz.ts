/**
 * Lorentz groups, metric diag(1, −1, −1, −1) with the time coordinate first, EMLP 1.0.3:
 * SO+(1,3) (EMLP SO13p), SO(1,3) (SO13), O(1,3) = Lorentz (O13), and in 1+1 dimensions
 * SO+(1,1) (SO11p), O(1,1) (O11). SO(1,1) is not in EMLP; it is built like SO(1,3): the identity
 * component plus −I.
 */
import { RationalField } from '../../field/field.js';
import type { Rational } from '../../field/rational.js';
import type { SparseMatrix } from '../../linalg/index.js';
import type { ExactGroup } from '../group.js';
import { diagMatrix, entriesMatrix, makeGroup } from './common.js';

/** The Lorentz variants, keyed by canonical name. */
export type LorentzName = 'SO+(1,3)' | 'SO(1,3)' | 'O(1,3)' | 'SO+(1,1)' | 'SO(1,1)' | 'O(1,1)';

/** EMLP SO13p.lie_algebra: boosts K_i (E_{0,i} + E_{i,0}), then SO(3)'s rotations on indices 1..3. */
function so13Basis(): SparseMatrix<Rational>[] {
  const out = [];
  for (let i = 1; i <= 3; i++) {
    out.push(
      entriesMatrix(4, [
        [i, 0, 1],
        [0, i, 1],
      ]),
    );
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < i; j++) {
      out.push(
        entriesMatrix(4, [
          [1 + i, 1 + j, 1],
          [1 + j, 1 + i, -1],
        ]),
      );
    }
  }
  return out;
}

function so11Basis(): SparseMatrix<Rational>[] {
  return [
    entriesMatrix(2, [
      [0, 1, 1],
      [1, 0, 1],
    ]),
  ];
}

/**
 * One of the Lorentz groups by canonical name.
 *
 * @example
 * lorentz('O(1,3)').discrete.length // 2: −I (PT) and diag(−1, 1, 1, 1) (T)
 */
export function lorentz(name: LorentzName): ExactGroup {
  const fourD = name.endsWith('(1,3)');
  const dim = fourD ? 4 : 2;
  const lie = fourD ? so13Basis() : so11Basis();
  const minusI = diagMatrix(new Array<number>(dim).fill(-1));
  const timeReversal = diagMatrix([-1, ...new Array<number>(dim - 1).fill(1)]);
  const boosts = fourD ? 'boosts E_0i + E_i0 (i = 1..3), then so(3) on indices 1..3' : 'boost [[0, 1], [1, 0]]';
  const emlp: Record<LorentzName, string> = {
    'SO+(1,3)': 'EMLP SO13p',
    'SO(1,3)': 'EMLP SO13',
    'O(1,3)': 'EMLP O13 / Lorentz',
    'SO+(1,1)': 'EMLP SO11p',
    'SO(1,1)': 'not in EMLP',
    'O(1,1)': 'EMLP O11',
  };
  let discrete: SparseMatrix<Rational>[];
  let extra: string;
  if (name.startsWith('SO+')) {
    discrete = [];
    extra = '';
  } else if (name.startsWith('SO(')) {
    discrete = [minusI];
    extra = '; discrete −I';
  } else {
    discrete = [minusI, timeReversal];
    extra = '; discrete −I, diag(−1, 1, …)';
  }
  return makeGroup({
    name,
    field: RationalField,
    dim,
    discrete,
    lie,
    convention: `metric diag(1, −1, …), time first; Lie algebra: ${boosts}${extra} (${emlp[name]})`,
  });
}
