/**
 * The channel mixing of a size-agnostic layer as few matrix products: the output groups that read
 * the same reductions (the same concatenation z = [z_r1, …]) share one product z @ M, M holding one
 * `channels_in × channels_out` block per (reduction, group) and each group's bias beside it. Every
 * M and bias is cut from one gather of the flattened parameters (its index is built once, at init,
 * from `MIXES` by the runtime helper; a bias that is a whole bias parameter is read as it is), so the
 * forward has one gather, one split and one product per distinct concatenation. A product of one
 * reduction into one group reads its diagram's matrix directly (`w[d].T`, a view), not gathered.
 * Pure and framework-neutral.
 */
import type { AgnosticPlan } from './plan.js';

/** Where one block of M comes from: parameter `param` (`w_1_0`, `b_0`), diagram `index`. */
export interface Source {
  readonly param: string;
  readonly index: number;
}

/** One product u = z @ M (+ bias), u cut by columns into its groups' outputs. */
export interface Mix {
  /** Reductions concatenated (channels last) into z, in order. */
  readonly reductions: readonly number[];
  /** Channels of each reduction (its input tensor's channels). */
  readonly channelsIn: readonly number[];
  /** The output groups (indices into plan.groups) in column order. */
  readonly groups: readonly number[];
  readonly channelsOut: readonly number[];
  /** blocks[r][g]: the diagram of reduction r into group g. */
  readonly blocks: readonly (readonly Source[])[];
  /** Per group its bias diagram, or null (zero); null when no group has a bias. */
  readonly bias: readonly (Source | null)[] | null;
  /** The bias is a whole bias parameter, its diagrams in order: read directly (not gathered). */
  readonly biasParam: string | null;
  /** One block and no gathered bias: M is the diagram's own matrix, read directly (`w[d].T`). */
  readonly direct: boolean;
}

export interface MixLayout {
  /** The parameters gathered from, flattened and concatenated in this order (name, shape). */
  readonly params: readonly { readonly name: string; readonly shape: readonly number[] }[];
  readonly mixes: readonly Mix[];
  /** Whether a zero is appended to the parameters (a gathered bias slot without a diagram). */
  /** (No gather at all when `params` is empty: every product is direct.) */
  readonly zero: boolean;
  /** The pieces of the gathered vector in order (each M, and its bias when gathered): mix, length, shape. */
  readonly pieces: readonly { readonly mix: number; readonly bias: boolean; readonly size: number; readonly shape: readonly number[] }[];
  /** Groups with a bias and no weight term: (group, bias source). */
  readonly biasOnly: readonly { readonly group: number; readonly source: Source }[];
}

/**
 * The products of a plan.
 *
 * @example
 * const layout = mixLayout(agnosticPlan(solveLayer({ group: 'S(5)', in: '16V**2' })));
 * layout.mixes.length // 3: [diagonal, row sums, column sums], [trace, total], [x, xᵀ]
 */
export function mixLayout(p: AgnosticPlan): MixLayout {
  const shapes = new Map<string, number[]>([
    ...p.weights.map((w) => [`w_${w.output}_${w.input}`, [w.labels.length, p.outputs[w.output]!.channels, p.inputs[w.input]!.channels]] as [string, number[]]),
    ...p.biases.map((b) => [`b_${b.output}`, [b.labels.length, p.outputs[b.output]!.channels]] as [string, number[]]),
  ]);
  const byKey = new Map<string, { reductions: number[]; groups: number[] }>();
  const biasOnly: MixLayout['biasOnly'][number][] = [];
  const biasOf = (gi: number): Source | null => {
    const g = p.groups[gi]!;
    return g.bias[0] === undefined ? null : { param: `b_${g.output}`, index: g.bias[0] };
  };
  p.groups.forEach((g, gi) => {
    if (g.terms.length === 0) {
      const source = biasOf(gi);
      if (source !== null) biasOnly.push({ group: gi, source });
      return;
    }
    const reductions = [...new Set(g.terms.map((t) => t.reduce))].sort((a, b) => a - b);
    const key = reductions.join(',');
    if (!byKey.has(key)) byKey.set(key, { reductions, groups: [] });
    byKey.get(key)!.groups.push(gi);
  });
  const mixes: Mix[] = [...byKey.values()].map(({ reductions, groups }) => {
    const blocks = reductions.map((r) =>
      groups.map((gi) => {
        const g = p.groups[gi]!;
        const t = g.terms.find((x) => x.reduce === r)!;
        return { param: `w_${g.output}_${t.input}`, index: t.index };
      }),
    );
    const bias = groups.map(biasOf);
    const first = bias[0];
    const whole = first != null && bias.every((b, i) => b !== null && b.param === first.param && b.index === i) && shapes.get(first.param)![0] === bias.length;
    return {
      reductions,
      channelsIn: reductions.map((r) => p.inputs[p.reductions[r]!.input]!.channels),
      groups,
      channelsOut: groups.map((gi) => p.outputs[p.groups[gi]!.output]!.channels),
      blocks,
      bias: bias.some((b) => b !== null) ? bias : null,
      biasParam: whole ? first.param : null,
      direct: reductions.length === 1 && groups.length === 1 && (bias.every((b) => b === null) || whole),
    };
  });
  const used = new Set<string>();
  let zero = false;
  const pieces: MixLayout['pieces'][number][] = [];
  mixes.forEach((m, j) => {
    if (m.direct) return;
    for (const row of m.blocks) for (const b of row) used.add(b.param);
    const cols = m.channelsOut.reduce((a, b) => a + b, 0);
    const rows = m.channelsIn.reduce((a, b) => a + b, 0);
    pieces.push({ mix: j, bias: false, size: rows * cols, shape: [rows, cols] });
    if (m.bias !== null && m.biasParam === null) {
      for (const b of m.bias) if (b === null) zero = true;
      else used.add(b.param);
      pieces.push({ mix: j, bias: true, size: cols, shape: [cols] });
    }
  });
  const params = [...shapes].filter(([name]) => used.has(name)).map(([name, shape]) => ({ name, shape }));
  return { params, mixes, zero, pieces, biasOnly };
}

/**
 * The module constants `PARAMS` (name and shape of each parameter, in gather order, and whether a
 * zero is appended) and `MIXES` (mixTable) that the runtime helper `_take_index` reads.
 *
 * @example
 * mixConstants(agnosticPlan(solveLayer({ group: 'S(5)', in: 'V**2' })))[1] // 'PARAMS = ([("w_0_0", (15, 1, 1)), ("b_0", (2, 1))], False)'
 */
export function mixConstants(p: AgnosticPlan): string[] {
  const layout = mixLayout(p);
  const params = layout.params.map((q) => `("${q.name}", (${q.shape.join(', ')}))`);
  return [
    '# The channel mixing: one product z @ M (+ bias) per distinct concatenation z of reductions; every M and',
    '# bias is cut from one gather of the flattened parameters PARAMS (a zero appended when the flag is set).',
    `PARAMS = ([${params.join(', ')}], ${layout.zero ? 'True' : 'False'})`,
    '# Per product: (channels of each reduction, channels of each output group, the (parameter, diagram) of',
    '# each block M[reduction][group], the (parameter, diagram) of each group\'s bias or None).',
    `MIXES = ${mixTable(layout)}`,
  ];
}

/**
 * `MIXES` as a Python literal: per gathered product ([channels in], [channels out], [[(param,
 * diagram), …] per reduction], [(param, diagram) or None per group] or None).
 *
 * @example
 * mixTable(mixLayout(plan)) // '[\n    ([1, 1, 1], [1, 1, 1], [[(0, 0), (0, 5), (0, 9)], …], None),\n …]'
 */
export function mixTable(layout: MixLayout): string {
  const at = new Map(layout.params.map((q, i) => [q.name, i]));
  const src = (s: Source | null) => (s === null ? 'None' : `(${at.get(s.param)}, ${s.index})`);
  const rows = layout.mixes.filter((m) => !m.direct).map(
    (m) =>
      `    ([${m.channelsIn.join(', ')}], [${m.channelsOut.join(', ')}], [${m.blocks.map((r) => `[${r.map(src).join(', ')}]`).join(', ')}], ${m.bias === null || m.biasParam !== null ? 'None' : `[${m.bias.map(src).join(', ')}]`}),`,
  );
  return rows.length === 0 ? '[]' : `[\n${rows.join('\n')}\n]`;
}
