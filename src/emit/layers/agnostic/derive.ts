/**
 * Which tensor each reduction of a size-agnostic layer is computed from. A reduction (an einsum
 * `Z<letters>Y->Z<kept>Y` over one input tensor) can often be read off a smaller reduction that is
 * already there — the trace from the diagonal, the total from the row sums — which saves a pass
 * over the input in the forward and a full-size gradient in the backward. Pure and framework-neutral.
 */
import type { Reduction } from './plan.js';

/** How reduction `target` is computed: from `source` (a reduction index, or null for its input) by `lhs->rhs`. */
export interface Derivation {
  readonly target: number;
  readonly source: number | null;
  readonly lhs: string;
  readonly rhs: string;
}

const inner = (s: string): string => s.slice(1, -1);

/**
 * The einsum reading target off source (both over the same input tensor), or null when it cannot:
 * the source's blocks of equal axes must refine the target's, and a target block that holds an
 * axis the source summed over must be that same single block, summed in the target too.
 */
function derivable(source: Reduction, target: Reduction): { lhs: string; rhs: string } | null {
  const sIn = inner(source.lhs);
  const tIn = inner(target.lhs);
  const sKept = inner(source.rhs);
  const tKept = inner(target.rhs);
  const into = new Map<string, string>();
  for (let a = 0; a < sIn.length; a++) {
    const prev = into.get(sIn[a]!);
    if (prev !== undefined && prev !== tIn[a]) return null;
    into.set(sIn[a]!, tIn[a]!);
  }
  for (const t of new Set(tIn)) {
    const from = [...into].filter(([, v]) => v === t).map(([k]) => k);
    const kept = from.filter((k) => sKept.includes(k));
    if (kept.length === from.length) continue;
    if (from.length !== 1 || tKept.includes(t)) return null;
  }
  return { lhs: `Z${[...sKept].map((c) => into.get(c)!).join('')}Y`, rhs: target.rhs };
}

/**
 * One derivation per reduction, in an order where every source comes before its uses: larger
 * reductions first, each taken from the smallest earlier reduction it can be read off (else x;
 * always x for reductions with constant tensors, η, J or ε).
 *
 * @example
 * deriveReductions([{ input: 0, lhs: 'ZabY', rhs: 'ZaY', operands: [] }, { input: 0, lhs: 'ZabY', rhs: 'ZY', operands: [] }])
 * // [{ target: 0, source: null, lhs: 'ZabY', rhs: 'ZaY' }, { target: 1, source: 0, lhs: 'ZaY', rhs: 'ZY' }]
 */
export function deriveReductions(reductions: readonly Reduction[]): Derivation[] {
  const order = reductions.map((_, i) => i).sort((a, b) => inner(reductions[b]!.rhs).length - inner(reductions[a]!.rhs).length || a - b);
  const done: number[] = [];
  const out: Derivation[] = [];
  for (const t of order) {
    const target = reductions[t]!;
    let best: Derivation = { target: t, source: null, lhs: target.lhs, rhs: target.rhs };
    let size = inner(target.lhs).length;
    for (const s of done) {
      const source = reductions[s]!;
      const kept = inner(source.rhs).length;
      if (source.input !== target.input || kept >= size || source.lhs === source.rhs || source.operands.length + target.operands.length > 0) continue;
      const spec = derivable(source, target);
      if (spec !== null) {
        best = { target: t, source: s, ...spec };
        size = kept;
      }
    }
    done.push(t);
    out.push(best);
  }
  return out;
}
