/**
 * A diagram element as the size-agnostic layer computes it: equality blocks (δ pairs and set
 * partition blocks: indices equal within a block, nothing across blocks) and constant tensors on
 * the other positions (operands): the metric η or the symplectic form J of a pair of equal
 * variance, a Levi-Civita ε, and η on each index an ε lowers. Pure and framework-neutral.
 */
import { buildDiagramBlock } from '../../../diagram/build.js';
import type { DiagramBlock, DiagramFamily } from '../../../diagram/types.js';

/** A constant tensor over some positions: `eta` and `J` (a pair, in order), `eps` (n positions), `etav` (η's diagonal, one position). */
export interface Operand {
  readonly form: 'eta' | 'J' | 'eps' | 'etav';
  /** The group factor (1-based, as in DiagramFamily). */
  readonly factor: number;
  readonly positions: readonly number[];
}

export interface LayerDiagram {
  /** Equality blocks of positions, ascending, ordered by first position. */
  readonly blocks: readonly (readonly number[])[];
  readonly operands: readonly Operand[];
  readonly label: string;
}

/** The number of positions of each factor's diagrams the raised family needs to keep them all. */
function raise(f: DiagramFamily, points: number): DiagramFamily {
  // SO(n) and the Lorentz groups keep their n (ε and η are defined there only); S(n), O(n) and
  // Sp(m) are built at a size where all their diagrams are independent, so they span at every size.
  if (f.epsilon || f.kind === 'lorentz') return f;
  if (f.kind === 'symplectic') return { ...f, dim: Math.max(f.dim, 2 * points) };
  return { ...f, dim: Math.max(f.dim, points) };
}

/**
 * The diagrams of a block as the layer applies them, built with each family raised (see raise) so
 * that they span Hom_G at every size the layer accepts.
 *
 * @example
 * layerDiagrams(block.diagrams).map((d) => d.label) // ['[o1=o2=i1=i2]', …] for S(n) on V⊗V
 */
export function layerDiagrams(d: DiagramBlock): LayerDiagram[] {
  const raised = buildDiagramBlock(
    d.families.map((f) => raise(f, d.positions.filter((p) => p.factor === f.factor).length)),
    d.positions,
  );
  return raised.elements.map((e) => {
    const blocks: number[][] = [];
    const operands: Operand[] = [];
    for (const term of e.terms) {
      if (term.kind === 'partition') {
        blocks.push(...term.blocks.map((b) => [...b]));
        continue;
      }
      for (const p of term.pairs) {
        if (p.form === 'delta') blocks.push([Math.min(p.p, p.q), Math.max(p.p, p.q)]);
        else operands.push({ form: p.form, factor: term.factor, positions: [p.p, p.q] });
      }
      if (term.epsilon.length > 0) operands.push({ form: 'eps', factor: term.factor, positions: [...term.epsilon] });
      for (const q of term.lowered) operands.push({ form: 'etav', factor: term.factor, positions: [q] });
    }
    blocks.sort((a, b) => a[0]! - b[0]!);
    return { blocks, operands, label: e.label.replace(/\s*≠\s*/g, ', ') };
  });
}
