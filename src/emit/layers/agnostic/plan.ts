/**
 * The framework-neutral plan of a size-agnostic layer (`--size-agnostic`): which einsum reduces
 * each input tensor, which diagrams' channel matrices mix the result, and how the mixed tensor is
 * broadcast into each output tensor. The runtime emitters (pytorch.ts, jax.ts) only format it.
 *
 * Every diagram is applied as an *equality* diagram (terms.ts): D_π[a] = 1 when a is equal within
 * each block of π (no "different across blocks" condition), times constant tensors (η, J, ε) on
 * the positions that are not in a block. Index contraction computes that directly (a repeated
 * einsum letter, the constants as further operands), and it is the classical form of the families:
 * - S(n): D_π = Σ_{σ ≥ π} X_σ over the coarsenings σ of π (the zeta transform of the orbit basis
 *   X_σ the solver returns), the same span at every n; the tests map between the two numerically;
 * - O(n), SO(n), Sp(n), Lorentz: a Brauer diagram's δ pairs are blocks, its η and J pairs and its ε
 *   are operands;
 * - products: the union of the factors' blocks and operands (on disjoint positions).
 * A block of π is *through* (output and input positions: a diagonal of x placed on a diagonal of
 * y), *input-only* (summed over its diagonal) or *output-only* (a constant broadcast along a
 * diagonal of y); an operand's output positions are through (the operand gives them an axis).
 * So D_π x = broadcast_π(reduce_π(x)), and the channel matrix Λ_π acts in between, on the
 * smallest tensor.
 *
 * S(n), O(n) and Sp(n) diagrams are built with the size raised so that all of them are there
 * (terms.ts): the set spans Hom_G at every size, and at smaller sizes some are dependent or equal,
 * which is still correct, only redundant. SO(n) and the Lorentz groups stay at their n.
 */
import type { BlockEntry, LayerBases } from '../../../basis.js';
import { SolveBasisError } from '../../../errors.js';
import type { DiagramBlock, DiagramFamily } from '../../../diagram/types.js';
import type { Layout } from '../../../rep/layout.js';
import { printRep } from '../../../rep/rep.js';
import { layerDiagrams, type LayerDiagram, type Operand } from './terms.js';
import { groupArgument } from '../../../group/group.js';
import { diagramFamilies } from '../../../diagram/family.js';

/** One tensor of the layer's input or output: every instance of one summand type. */
export interface AgnosticTensor {
  /** The summand, printed (`V⊗V`). */
  readonly key: string;
  /** Number of n-sized axes (tensor factors). */
  readonly rank: number;
  /** Which axes are dual (V*): for S(n) and O(n) they transform the same way. */
  readonly duals: readonly boolean[];
  /** The group factor of each axis (index into `AgnosticPlan.factors`). */
  readonly factors: readonly number[];
  /** Channels: the instances of this summand in the rep, in order. */
  readonly channels: number;
  /** First coordinate of each instance in the flat rep at the solved n (null: not contiguous). */
  readonly offsets: readonly (number | null)[];
}

/** x_a ↦ z: an einsum over one input tensor (`Zab Y->ZaY`); identity when `lhs === rhs`. */
export interface Reduction {
  readonly input: number;
  readonly lhs: string;
  readonly rhs: string;
  /** Constant tensors contracted with x (η, J, ε; see terms.ts): the form, its factor (index into factors), its letters. */
  readonly operands: readonly FormOperand[];
}

/** A constant tensor in an einsum: its form, the plan factor whose size it has, its letters. */
export interface FormOperand {
  readonly form: Operand['form'];
  readonly factor: number;
  readonly letters: string;
}

/** One diagram's contribution to an output group: reduction `reduce`, channel matrix `param[index]`. */
export interface Term {
  readonly reduce: number;
  /** The weight tensor of block (input, output): `w_<out>_<in>`. */
  readonly input: number;
  readonly index: number;
}

/**
 * The diagrams of one output tensor that share their output side (the partition of the output
 * positions, and which of its blocks are through): their reductions are mixed into one tensor
 * u [batch, n per through block, C_out] (forward.ts places it on y).
 */
export interface OutputGroup {
  readonly output: number;
  readonly terms: readonly Term[];
  /** Bias diagrams (no through blocks): indices into `b_<out>`. */
  readonly bias: readonly number[];
  /** The output positions (0-based axes of y) of each block, blocks in order of first position. */
  readonly partition: readonly (readonly number[])[];
  /** Per block: whether u has an axis for it (through), else u is constant along it. */
  readonly through: readonly boolean[];
  /**
   * A bias diagram with constant tensors (η(o1,o2) of a Lorentz bias): u = einsum(operands…, b[bias]),
   * `rhs` its letters for the through blocks. Such a group has no weight terms.
   */
  readonly biasForms?: { readonly operands: readonly FormOperand[]; readonly rhs: string };
}

/** One factor of the group (one for a simple group): its axes have one size. */
export interface AgnosticFactor {
  readonly kind: AgnosticKind;
  /** The factor's group at the solved size, `S(10)`. */
  readonly group: string;
  /** The size it was solved at (only for from_flat/to_flat and the default self-test). */
  readonly dim: number;
  /** The Python name of its size in the forward: `n` for a simple group, `n1`, `n2`, … for a product. */
  readonly size: string;
  /** Whether the layer works at every size (S(n), O(n), Sp(m)); SO(n) and the Lorentz groups stay at their n. */
  readonly agnostic: boolean;
}

export type AgnosticKind = DiagramFamily['kind'];

export interface AgnosticPlan {
  readonly group: string;
  /** What `--group` takes to load the group again: a custom group's file, else its name. */
  readonly groupArg: string;
  readonly factors: readonly AgnosticFactor[];
  readonly inRep: string;
  readonly outRep: string;
  readonly inputs: readonly AgnosticTensor[];
  readonly outputs: readonly AgnosticTensor[];
  /** Weight blocks: labels of the diagrams of `w_<out>_<in>`, one per parameter slice. */
  readonly weights: readonly { readonly input: number; readonly output: number; readonly labels: readonly string[] }[];
  readonly biases: readonly { readonly output: number; readonly labels: readonly string[] }[];
  readonly reductions: readonly Reduction[];
  readonly groups: readonly OutputGroup[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxABCDEFGHIJKLMNOPQRSTUVWX';

function refuse(actual: string, hint: string): never {
  throw new SolveBasisError('E_OPTION', `--size-agnostic needs a diagram basis on tensor powers: ${actual}`, {
    path: '--size-agnostic',
    expected: 'a diagram basis (S(n), O(n), SO(n), Sp(n), the Lorentz groups, products of them) on sums of tensor powers of V and V*',
    actual,
    hint,
  });
}

function tensorsOf(layout: Layout, group: { name: string }, side: string, factorOf: (n: number | null) => number): AgnosticTensor[] {
  return layout.types.map((t, type) => {
    const rep = t.rep;
    const factors = rep.kind === 'tensor' ? rep.factors : rep.kind === 'scalar' ? [] : [rep];
    const axes = factors.map((f) => {
      const base = f.kind === 'dual' ? f.of : f;
      if (base.kind !== 'base') refuse(`${side} summand ${t.key} is not a tensor power of V and V*`, `diagrams cover T(p,q) summands only (group ${group.name})`);
      return factorOf(base.factor);
    });
    const inst = layout.instances.filter((i) => i.type === type);
    return { key: t.key, rank: factors.length, duals: factors.map((f) => f.kind === 'dual'), factors: axes, channels: inst.length, offsets: inst.map((i) => i.offset) };
  });
}



/**
 * The plan of the size-agnostic layer for a solved layer, or a typed E_OPTION error saying why
 * there is none (no diagrams, ε, η or J, a product group, a summand that is not a tensor power).
 *
 * @example
 * const plan = agnosticPlan(solveLayer({ group: 'S(5)', in: 'V**2' }));
 * plan.weights[0].labels.length // 15
 */
export function agnosticPlan(layer: LayerBases): AgnosticPlan {
  const w = layer.weight;
  const families = new Map<number, DiagramFamily>();
  const note = (b: BlockEntry<unknown>): void => {
    for (const f of b.diagrams?.families ?? []) families.set(f.factor, f);
  };
  [...w.blocks, ...layer.bias.blocks].forEach(note);
  // A factor whose axes the reps use but whose family no block names — a scalar bias alone, an
  // empty weight basis (the zero map is an answer, not a refusal) — takes it from the group.
  if ([...w.blocks, ...layer.bias.blocks].every((b) => b.diagrams)) {
    const used = new Set<number>();
    tensorsOf(w.inLayout, w.group, 'input', (f) => (used.add(f ?? 1), 0));
    tensorsOf(w.outLayout, w.group, 'output', (f) => (used.add(f ?? 1), 0));
    const recognised = diagramFamilies(w.group);
    if ('families' in recognised) for (const f of recognised.families) if (used.has(f.factor) && !families.has(f.factor)) families.set(f.factor, f);
  }
  if (families.size === 0) {
    tensorsOf(w.inLayout, w.group, 'input', () => 0);
    tensorsOf(w.outLayout, w.group, 'output', () => 0);
    const b = w.blocks[0];
    refuse(b === undefined ? 'no block has diagrams' : `the basis was solved without diagrams (strategy ${b.strategy})`, 'use a group and reps the diagram strategy covers, or leave out --size-agnostic');
  }
  const ordered = [...families.values()].sort((a, b) => a.factor - b.factor);
  const factors: AgnosticFactor[] = ordered.map((f) => ({
    kind: f.kind,
    group: f.group,
    dim: f.dim,
    size: ordered.length === 1 ? 'n' : `n${f.factor}`,
    agnostic: !f.epsilon && f.kind !== 'lorentz',
  }));
  const factorOf = (factor: number | null): number => Math.max(0, ordered.findIndex((f) => f.factor === (factor ?? 1)));
  const inputs = tensorsOf(w.inLayout, w.group, 'input', factorOf);
  const outputs = tensorsOf(w.outLayout, w.group, 'output', factorOf);
  const reductions: Reduction[] = [];
  const reductionIds = new Map<string, number>();
  const groups = new Map<string, { output: number; terms: Term[]; bias: number[]; side: OutputSide; biasForms?: OutputGroup['biasForms'] }>();
  const groupOf = (output: number, side: OutputSide, suffix = '') => {
    const key = `${output}:${side.partition.map((b, i) => `${b.join('.')}${side.through[i] ? 't' : 'o'}`).join('|')}${suffix}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { output, terms: [], bias: [], side }));
    return g;
  };
  const weights: AgnosticPlan['weights'][number][] = [];
  for (const b of w.blocks) {
    const l = outputs[b.outType]!.rank;
    const k = inputs[b.inType]!.rank;
    const diagrams = diagramsOf(b, `block ${outputs[b.outType]!.key} ← ${inputs[b.inType]!.key}`);
    weights.push({ input: b.inType, output: b.outType, labels: diagrams.map((d) => d.label) });
    diagrams.forEach((d, index) => {
      const { side, ofPos, operands } = lettersOf(d, l, factorOf);
      const ins = Array.from({ length: k }, (_, a) => ofPos(l + a)).join('');
      const rhs = side.partition.flatMap((bl, i) => (side.through[i] ? [ofPos(bl[0]!)] : [])).join('');
      const [lhs, canonRhs, ops] = canonical(`Z${ins}Y`, `Z${rhs}Y`, operands);
      const key = `${b.inType}:${lhs}${ops.map((o) => `,${o.form}${o.factor}:${o.letters}`).join('')}->${canonRhs}`;
      let reduce = reductionIds.get(key);
      if (reduce === undefined) {
        reduce = reductions.length;
        reductionIds.set(key, reduce);
        reductions.push({ input: b.inType, lhs, rhs: canonRhs, operands: ops });
      }
      groupOf(b.outType, side).terms.push({ reduce, input: b.inType, index });
    });
  }
  const biases: AgnosticPlan['biases'][number][] = [];
  for (const b of layer.bias.blocks) {
    const l = outputs[b.outType]!.rank;
    const diagrams = diagramsOf(b, `bias of ${outputs[b.outType]!.key}`);
    biases.push({ output: b.outType, labels: diagrams.map((d) => d.label) });
    diagrams.forEach((d, index) => {
      const { side, ofPos, operands } = lettersOf(d, l, factorOf);
      if (operands.length === 0) {
        groupOf(b.outType, side).bias.push(index);
        return;
      }
      const rhs = side.partition.flatMap((bl, i) => (side.through[i] ? [ofPos(bl[0]!)] : [])).join('');
      const [, canonRhs, ops] = canonical('ZY', `Z${rhs}Y`, operands);
      const g = groupOf(b.outType, side, `:${JSON.stringify(ops)}`);
      g.bias.push(index);
      g.biasForms = { operands: ops, rhs: canonRhs.slice(1, -1) };
    });
  }
  return {
    group: w.group.name,
    groupArg: groupArgument(w.group),
    factors,
    inRep: printRep(w.inRep),
    outRep: printRep(w.outRep),
    inputs,
    outputs,
    weights,
    biases,
    reductions,
    groups: [...groups.values()].map((g) => ({ output: g.output, terms: g.terms, bias: g.bias, ...g.side, ...(g.biasForms ? { biasForms: g.biasForms } : {}) })),
  };
}

type OutputSide = Pick<OutputGroup, 'partition' | 'through'>;

/** The diagrams of a block as the layer applies them (terms.ts), or why it has none. */
function diagramsOf(block: BlockEntry<unknown>, where: string): LayerDiagram[] {
  const d: DiagramBlock | undefined = block.diagrams;
  if (d === undefined) refuse(`${where} was solved without diagrams (strategy ${block.strategy})`, 'use a group and reps the diagram strategy covers, or leave out --size-agnostic');
  return layerDiagrams(d);
}

/**
 * Einsum letters of a diagram: the through blocks first (output order), then the other blocks,
 * then one letter per operand position. The output side: the blocks' output positions and the
 * operands' output positions (singletons, through: the operand gives u an axis there).
 */
function lettersOf(d: LayerDiagram, l: number, factorOf: (f: number) => number): { side: OutputSide; ofPos: (p: number) => string; operands: FormOperand[] } {
  const opPositions = [...new Set(d.operands.flatMap((o) => o.positions))].sort((a, b) => a - b);
  const outs = [...d.blocks.filter((b) => b[0]! < l).map((b) => ({ first: b[0]!, block: b, through: b.some((p) => p >= l) })), ...opPositions.filter((p) => p < l).map((p) => ({ first: p, block: [p], through: true }))].sort(
    (a, b) => a.first - b.first,
  );
  const letter = new Map<number, string>();
  let next = 0;
  const name = (ps: readonly number[]) => {
    const c = LETTERS[next++]!;
    for (const p of ps) letter.set(p, c);
  };
  for (const o of outs) if (o.through) name(o.block);
  for (const b of d.blocks) if (!letter.has(b[0]!)) name(b);
  for (const p of opPositions) if (!letter.has(p)) name([p]);
  const ofPos = (p: number) => letter.get(p)!;
  return {
    side: { partition: outs.map((o) => o.block.filter((p) => p < l)), through: outs.map((o) => o.through) },
    ofPos,
    operands: d.operands.map((o) => ({ form: o.form, factor: factorOf(o.factor), letters: o.positions.map(ofPos).join('') })),
  };
}

/** Renames einsum letters by first appearance (x, then the operands, then the result), so equal reductions dedupe. */
function canonical(lhs: string, rhs: string, operands: readonly FormOperand[]): [string, string, FormOperand[]] {
  const map = new Map<string, string>();
  let next = 0;
  const rename = (s: string): string => [...s].map((c) => (c === 'Z' || c === 'Y' ? c : (map.get(c) ?? (map.set(c, LETTERS[next++]!), map.get(c)!)))).join('');
  const l = rename(lhs);
  const ops = operands.map((o) => ({ ...o, letters: rename(o.letters) }));
  return [l, rename(rhs), ops];
}
