/**
 * The symbolic form of a diagram block in the basis JSON (`diagrams`, schema definition
 * `diagramBlock`): the named index positions, each factor's family, and every element as its
 * label plus the diagram itself, so that another framework can rebuild the basis for any n:
 *
 *   W[a] = Π_blocks [equal within, distinct across] · Π_pairs form(a_p, a_q) · Π_ε ε(a_…)·Π_lowered η(a, a)
 *
 * with δ(x, y) = [x = y], η = diag(1, −1, …, −1), J = [[0, I], [−I, 0]] read as J[a_p, a_q].
 * An element's `blocks` and `pairs` only ever join positions of the same group factor.
 */
import type { DiagramBlock, DiagramElement } from '../../diagram/types.js';

function elementJson(e: DiagramElement, name: (p: number) => string): object {
  const blocks = e.terms.flatMap((t) => (t.kind === 'partition' ? t.blocks.map((b) => b.map(name)) : []));
  const pairs = e.terms.flatMap((t) => (t.kind === 'brauer' ? t.pairs.map((p) => [name(p.p), name(p.q), p.form]) : []));
  const epsilon = e.terms.flatMap((t) => (t.kind === 'brauer' && t.epsilon.length > 0 ? [t.epsilon.map(name)] : []));
  const lowered = e.terms.flatMap((t) => (t.kind === 'brauer' ? t.lowered.map(name) : []));
  return {
    label: e.label,
    ...(e.terms.some((t) => t.kind === 'partition') ? { blocks } : {}),
    ...(e.terms.some((t) => t.kind === 'brauer') ? { pairs } : {}),
    ...(epsilon.length > 0 ? { epsilon } : {}),
    ...(lowered.length > 0 ? { lowered } : {}),
  };
}

/**
 * The `diagrams` object of one block.
 *
 * @example
 * diagramBlockJson(block).elements[0] // { label: 'δ(o1,i1)', pairs: [['o1', 'i1', 'delta']] }
 */
export function diagramBlockJson(block: DiagramBlock): object {
  const name = (p: number): string => block.positions[p]!.name;
  return {
    positions: block.positions.map((p) => ({ name: p.name, side: p.side, axis: p.axis, factor: p.factor, dual: p.dual, upper: p.upper })),
    families: block.families.map((f) => ({ factor: f.factor, group: f.group, kind: f.kind, n: f.dim, diagrams: f.diagrams, form: f.form, epsilon: f.epsilon })),
    canonical: block.canonical,
    why: block.why,
    elements: block.elements.map((e) => elementJson(e, name)),
  };
}
