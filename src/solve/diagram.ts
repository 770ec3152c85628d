/**
 * The diagram strategy: for S(n), O(n), SO(n), Sp(m) and the Lorentz groups (and direct products
 * of them) acting on tensor products of V and V*, the basis is known in closed form (Schur–Weyl
 * duality) — set partitions, Brauer diagrams with δ / η / J, and diagrams with one ε — so nothing
 * is solved: the independent diagrams are written down (diagram/enumerate.ts), at a cost that
 * depends on the number of indices and not on n. The block is returned in symbolic form; its
 * matrices are materialised at the group's n only when something reads `elements`.
 */
import { buildDiagramBlock, diagramPlan, diagramPositions } from '../diagram/build.js';
import { materialiseBlock, materialiseEstimate } from '../diagram/materialise.js';
import type { DiagramBlock, DiagramPosition } from '../diagram/types.js';
import type { SparseMatrix } from '../linalg/index.js';
import { DEFAULT_MAX_MEMORY_BYTES } from '../util/bytes.js';
import type { BlockBasis, HomProblem, SolveOptions, Strategy } from './strategy.js';

/** The dimension of each position's base rep (its factor's n). */
export function positionDims(block: Pick<DiagramBlock, 'positions' | 'families'>, factorDims: readonly number[]): number[] {
  return block.positions.map((p) => factorDims[p.factor - 1]!);
}

function reasonOf(block: DiagramBlock): string {
  const kinds = block.families.map((f) => {
    if (f.diagrams === 'partition') return `${f.group}: set partitions, the orbit basis`;
    if (f.kind === 'symplectic') return `${f.group}: Brauer diagrams with J`;
    return `${f.group}: Brauer diagrams${f.form === 'eta' ? ' with η' : ''}${f.epsilon ? ' and ε' : ''}`;
  });
  return `closed form on tensor powers (${kinds.join('; ') || 'scalars'}), no elimination`;
}

export const diagramStrategy: Strategy = {
  name: 'diagram',
  family: 'diagram',
  whyNot<T>(p: HomProblem<T>): string | null {
    const rec = p.facts.diagramFamilies();
    if ('why' in rec) return rec.why;
    const plan = diagramPlan(rec.families, p.inRep, p.outRep);
    return typeof plan === 'string' ? plan : null;
  },
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T> {
    const rec = p.facts.diagramFamilies();
    const positions = diagramPositions(p.inRep, p.outRep, p.group.factors.length) as DiagramPosition[];
    if ('why' in rec) throw new Error(`diagram strategy on ${p.group.name}: ${rec.why}`);
    const block = buildDiagramBlock(rec.families, positions, options.deadline);
    const dims = positionDims(block, p.group.factors.map((f) => f.dim));
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEMORY_BYTES;
    const estimate = materialiseEstimate(block, p.m, p.n, dims, maxBytes);
    return symbolicBlock<T>(
      {
        m: p.m,
        n: p.n,
        strategy: 'diagram',
        family: 'diagram',
        reason: reasonOf(block),
        diagnostics: Object.freeze({ reducedUnknowns: 0, constraintRows: 0, method: `closed form: ${block.why}` }),
        diagrams: block,
        materialisation: estimate,
      },
      // Diagram families are rational groups: the field is ℚ.
      () => materialiseBlock(block, p.m, p.n, dims, maxBytes, options.deadline) as unknown as SparseMatrix<T>,
    );
  },
};

/**
 * A frozen block basis whose `elements` are computed on first read and then kept (the same value
 * on every read: the memo is not observable).
 *
 * @example
 * symbolicBlock({ m: 3, n: 3, … }, () => materialise()).elements // materialised now
 */
export function symbolicBlock<T>(fields: Omit<BlockBasis<T>, 'elements'>, materialise: () => SparseMatrix<T>): BlockBasis<T> {
  let memo: SparseMatrix<T> | undefined;
  const out = { ...fields } as BlockBasis<T>;
  Object.defineProperty(out, 'elements', { enumerable: true, get: () => (memo ??= materialise()) });
  return Object.freeze(out);
}
