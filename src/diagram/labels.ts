/**
 * Labels in the notation of the equivariant-network papers (Maron et al. 2019; Pearce-Crump 2022,
 * 2023): indices are named by position, `o1 … ol` for the output and `i1 … ik` for the input.
 *
 * - `[o1=i1 ≠ o2 ≠ i2]` — the orbit basis element of a set partition: 1 where the indices joined
 *   by `=` are equal and the groups separated by `≠` are pairwise different, else 0;
 * - `δ(o1,i1)`, `η(o1,o2)`, `J(o2,o1)` — one pair of a Brauer diagram, J[a, b] read in the order
 *   written;
 * - `ε(o1,o2,i1)` — the Levi-Civita symbol on those indices (for a Lorentz group, with the
 *   covariant ones lowered by η);
 * - products are joined by `·`; the empty diagram (a map between scalars) is `1`.
 */
import type { DiagramPosition, DiagramTerm } from './types.js';

const FORM_SYMBOL = { delta: 'δ', eta: 'η', J: 'J' } as const;

/**
 * The label of one factor's term.
 *
 * @example
 * termLabel({ kind: 'partition', factor: 1, blocks: [[0, 2], [1]] }, positions) // '[o1=i1 ≠ o2]'
 */
export function termLabel(term: DiagramTerm, positions: readonly DiagramPosition[]): string {
  const name = (p: number): string => positions[p]!.name;
  if (term.kind === 'partition') {
    if (term.blocks.length === 0) return '1';
    return `[${term.blocks.map((b) => b.map(name).join('=')).join(' ≠ ')}]`;
  }
  const parts = [...term.pairs]
    .sort((a, b) => Math.min(a.p, a.q) - Math.min(b.p, b.q))
    .map((pair) => `${FORM_SYMBOL[pair.form]}(${name(pair.p)},${name(pair.q)})`);
  if (term.epsilon.length > 0) parts.push(`ε(${term.epsilon.map(name).join(',')})`);
  return parts.length === 0 ? '1' : parts.join('·');
}

/**
 * The label of a basis element: its terms' labels joined by `·`.
 *
 * @example
 * elementLabel(terms, positions) // 'δ(o1,i1)·[o2=i2]' for SO(3) x S(n) on V1⊗V2
 */
export function elementLabel(terms: readonly DiagramTerm[], positions: readonly DiagramPosition[]): string {
  const parts = terms.map((t) => termLabel(t, positions)).filter((l) => l !== '1');
  return parts.length === 0 ? '1' : parts.join('·');
}
