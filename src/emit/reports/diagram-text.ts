/**
 * The summary's account of a diagram basis: what the diagrams are and why they are a basis, and
 * their labels — as θ_k when they are the canonical elements themselves (the orbit basis of S(n)),
 * as D_k when they are another basis of the same space (Brauer diagrams).
 */
import type { Basis } from '../../basis.js';

/** Labels listed per summary, in all; the JSON has every one. */
export const SUMMARY_LABELS = 16;
/** Blocks described per summary. */
const SUMMARY_BLOCKS = 4;

/**
 * Summary lines (already indented) for the diagram blocks of `basis`; empty when it has none.
 *
 * @example
 * diagramSummaryLines(solveBasis({ group: 'O(3)', in: 'V' }))
 * // ['  diagrams  1 element, closed form: O(3): Brauer diagrams (δ) …', '            D1 = δ(o1,i1)']
 */
export function diagramSummaryLines<T>(basis: Basis<T>): string[] {
  const symbolic = basis.blocks.filter((b) => b.diagrams);
  if (symbolic.length === 0) return [];
  const lines: string[] = [];
  const several = basis.blocks.length > 1;
  let budget = SUMMARY_LABELS;
  for (const b of symbolic.slice(0, SUMMARY_BLOCKS)) {
    const d = b.diagrams!;
    const where = several ? `block ${basis.outLayout.types[b.outType]!.key} ← ${basis.inLayout.types[b.inType]!.key}: ` : '';
    const count = d.elements.length;
    lines.push(`${lines.length === 0 ? '  diagrams  ' : '            '}${where}${count.toLocaleString('en-US')} element${count === 1 ? '' : 's'}, closed form: ${d.why}`);
    const symbol = d.canonical ? 'θ' : 'D';
    const shown = d.elements.slice(0, budget);
    for (const [k, e] of shown.entries()) lines.push(`            ${symbol}${k + 1} = ${e.label}`);
    budget -= shown.length;
    if (shown.length < count) lines.push(`            … ${(count - shown.length).toLocaleString('en-US')} more (every label is in --format json)`);
    if (!d.canonical) lines.push('            (D_k span the same space as the canonical basis θ_k, their reduced echelon form)');
  }
  if (symbolic.length > SUMMARY_BLOCKS) lines.push(`            … ${symbolic.length - SUMMARY_BLOCKS} more diagram blocks`);
  return lines;
}

/**
 * The label of each parameter θ_k, when the canonical basis is a diagram basis itself (a single
 * S(n)-type block, one instance each side); otherwise null.
 *
 * @example
 * thetaLabels(solveBasis({ group: 'S(3)', in: 'V' })) // ['[o1=i1]', '[o1 ≠ i1]']
 */
export function thetaLabels<T>(basis: Basis<T>): string[] | null {
  const single = basis.inLayout.instances.length === 1 && basis.outLayout.instances.length === 1 && basis.blocks.length === 1;
  const d = single ? basis.blocks[0]!.diagrams : undefined;
  return d?.canonical ? d.elements.map((e) => e.label) : null;
}
