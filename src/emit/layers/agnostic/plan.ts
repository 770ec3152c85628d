/**
 * The framework-neutral plan of a size-agnostic layer (`--size-agnostic`): which einsum reduces
 * each input tensor, which diagrams' channel matrices mix the result, and how the mixed tensor is
 * broadcast into each output tensor. The runtime emitters (pytorch.ts, jax.ts) only format it.
 *
 * Every diagram used here is an *equality* diagram: D_π[a] = 1 when a is equal within each block
 * of π (no "different across blocks" condition). That is what index contraction computes directly
 * (a repeated einsum letter), and it is the classical form of both families we accept:
 * - S(n): D_π = Σ_{σ ≥ π} X_σ over the coarsenings σ of π (the zeta transform of the orbit basis
 *   X_σ the solver returns), the same span at every n; the tests map between the two numerically;
 * - O(n): a Brauer diagram with δ on every pair is the equality diagram of its pairs.
 * A block of π is *through* (output and input positions: a diagonal of x placed on a diagonal of
 * y), *input-only* (summed over its diagonal) or *output-only* (a constant broadcast along a
 * diagonal of y). So D_π x = broadcast_π(reduce_π(x)), and the channel matrix Λ_π acts in
 * between, on the smallest tensor.
 *
 * Diagrams are built with each family's n raised to at least N = k + l (the number of indices), so
 * the set spans Hom_G at every n: at smaller n some are dependent (Brauer) or equal (S(n)), which
 * is still correct, only redundant.
 */
import type { BlockEntry, LayerBases } from '../../../basis.js';
import { SolveBasisError } from '../../../errors.js';
import { buildDiagramBlock } from '../../../diagram/build.js';
import type { DiagramBlock, DiagramFamily } from '../../../diagram/types.js';
import type { Layout } from '../../../rep/layout.js';
import { printRep } from '../../../rep/rep.js';

/** One tensor of the layer's input or output: every instance of one summand type. */
export interface AgnosticTensor {
  /** The summand, printed (`V⊗V`). */
  readonly key: string;
  /** Number of n-sized axes (tensor factors). */
  readonly rank: number;
  /** Which axes are dual (V*): for S(n) and O(n) they transform the same way. */
  readonly duals: readonly boolean[];
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
}

export interface AgnosticPlan {
  readonly group: string;
  readonly family: 'symmetric' | 'orthogonal';
  /** The n the basis was solved at (only for from_flat/to_flat and the default self-test). */
  readonly n: number;
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
  throw new SolveBasisError('E_OPTION', `--size-agnostic needs a diagram basis of S(n) or O(n) on tensor powers: ${actual}`, {
    path: '--size-agnostic',
    expected: 'S(n) or O(n) (δ pairs only) acting on sums of tensor powers of V and V*',
    actual,
    hint,
  });
}

function checkFamilies(families: readonly DiagramFamily[]): 'symmetric' | 'orthogonal' {
  if (families.length > 1) refuse('a product group', 'products need one n per factor; use the default (flat) layer');
  const f = families[0];
  if (f === undefined) return 'symmetric';
  if (f.kind === 'symmetric' || f.kind === 'orthogonal') return f.kind;
  if (f.kind === 'special-orthogonal' || f.kind === 'special-lorentz') {
    refuse(`${f.group} uses ε, which spans n indices`, 'a layer with ε exists at one n only: leave out --size-agnostic for the fixed-n layer');
  }
  if (f.kind === 'lorentz') refuse(`${f.group}: η is defined at n = 4 only`, 'leave out --size-agnostic for the fixed-n layer');
  return refuse(`${f.group}: J pairs are not supported by the size-agnostic emitter yet`, 'leave out --size-agnostic for the fixed-n layer');
}

/** The blocks of every diagram as equality diagrams, built for N ≥ k + l so they span Hom_G at every n. */
function equalityDiagrams(block: BlockEntry<unknown>, where: string): { blocks: number[][]; label: string }[] {
  const d: DiagramBlock | undefined = block.diagrams;
  if (d === undefined) refuse(`${where} was solved without diagrams (strategy ${block.strategy})`, 'use a group and reps the diagram strategy covers, or leave out --size-agnostic');
  checkFamilies(d.families);
  const N = d.positions.length;
  const raised = buildDiagramBlock(
    d.families.map((f) => ({ ...f, dim: Math.max(f.dim, N) })),
    d.positions,
  );
  return raised.elements.map((e) => {
    const term = e.terms[0];
    if (term === undefined) return { blocks: [], label: e.label };
    if (term.kind === 'partition') return { blocks: term.blocks.map((b) => [...b]), label: e.label.replace(/\s*≠\s*/g, ', ') };
    if (term.epsilon.length > 0 || term.pairs.some((p) => p.form !== 'delta')) refuse(`${where}: diagram ${e.label}`, 'leave out --size-agnostic for the fixed-n layer');
    return { blocks: term.pairs.map((p) => [Math.min(p.p, p.q), Math.max(p.p, p.q)]), label: e.label };
  });
}

function tensorsOf(layout: Layout, group: { name: string }, side: string): AgnosticTensor[] {
  return layout.types.map((t, type) => {
    const rep = t.rep;
    const factors = rep.kind === 'tensor' ? rep.factors : rep.kind === 'scalar' ? [] : [rep];
    for (const f of factors) {
      const base = f.kind === 'dual' ? f.of : f;
      if (base.kind !== 'base') refuse(`${side} summand ${t.key} is not a tensor power of V and V*`, `diagrams cover T(p,q) summands only (group ${group.name})`);
    }
    const inst = layout.instances.filter((i) => i.type === type);
    return { key: t.key, rank: factors.length, duals: factors.map((f) => f.kind === 'dual'), channels: inst.length, offsets: inst.map((i) => i.offset) };
  });
}

/** Output side of a diagram: its output blocks in order of first position, each with whether it is through. */
function outputKey(blocks: readonly number[][], l: number): string {
  return blocks
    .filter((b) => b[0]! < l)
    .map((b) => `${b.filter((p) => p < l).join('.')}${b.some((p) => p >= l) ? 't' : 'o'}`)
    .join('|');
}

/** Renames einsum letters by first appearance, so equal reductions dedupe. */
function canonical(lhs: string, rhs: string): [string, string] {
  const map = new Map<string, string>();
  let next = 0;
  const rename = (s: string): string => [...s].map((c) => (c === 'Z' || c === 'Y' ? c : (map.get(c) ?? (map.set(c, LETTERS[next++]!), map.get(c)!)))).join('');
  return [rename(lhs), rename(rhs)];
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
  const inputs = tensorsOf(w.inLayout, w.group, 'input');
  const outputs = tensorsOf(w.outLayout, w.group, 'output');
  let family: 'symmetric' | 'orthogonal' | undefined;
  let n = 0;
  const note = (b: BlockEntry<unknown>): void => {
    const f = b.diagrams?.families[0];
    if (f !== undefined) {
      family = checkFamilies([f]);
      n = f.dim;
    }
  };
  const reductions: Reduction[] = [];
  const reductionIds = new Map<string, number>();
  const groups = new Map<string, { output: number; terms: Term[]; bias: number[]; blocks: number[][] }>();
  const groupOf = (output: number, blocks: number[][], l: number) => {
    const key = `${output}:${outputKey(blocks, l)}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { output, terms: [], bias: [], blocks }));
    return g;
  };
  const weights: AgnosticPlan['weights'][number][] = [];
  for (const b of w.blocks) {
    note(b);
    const l = outputs[b.outType]!.rank;
    const diagrams = equalityDiagrams(b, `block ${outputs[b.outType]!.key} ← ${inputs[b.inType]!.key}`);
    weights.push({ input: b.inType, output: b.outType, labels: diagrams.map((d) => d.label) });
    diagrams.forEach((d, index) => {
      const through = d.blocks.filter((bl) => bl[0]! < l && bl.some((p) => p >= l));
      const letter = new Map<number[], string>();
      [...through, ...d.blocks.filter((bl) => !through.includes(bl))].forEach((bl, i) => letter.set(bl, LETTERS[i]!));
      const ofPos = (p: number) => letter.get(d.blocks.find((bl) => bl.includes(p))!)!;
      const k = inputs[b.inType]!.rank;
      const ins = Array.from({ length: k }, (_, a) => ofPos(l + a)).join('');
      const [lhs, rhs] = canonical(`Z${ins}Y`, `Z${through.map((bl) => letter.get(bl)!).join('')}Y`);
      const key = `${b.inType}:${lhs}->${rhs}`;
      let reduce = reductionIds.get(key);
      if (reduce === undefined) {
        reduce = reductions.length;
        reductionIds.set(key, reduce);
        reductions.push({ input: b.inType, lhs, rhs });
      }
      groupOf(b.outType, d.blocks, l).terms.push({ reduce, input: b.inType, index });
    });
  }
  const biases: AgnosticPlan['biases'][number][] = [];
  for (const b of layer.bias.blocks) {
    note(b);
    const l = outputs[b.outType]!.rank;
    const diagrams = equalityDiagrams(b, `bias of ${outputs[b.outType]!.key}`);
    biases.push({ output: b.outType, labels: diagrams.map((d) => d.label) });
    diagrams.forEach((d, index) => groupOf(b.outType, d.blocks, l).bias.push(index));
  }
  if (family === undefined) refuse('no block has diagrams', 'use a group and reps the diagram strategy covers');
  return {
    group: w.group.name,
    family,
    n,
    inRep: printRep(w.inRep),
    outRep: printRep(w.outRep),
    inputs,
    outputs,
    weights,
    biases,
    reductions,
    groups: [...groups.values()].map((g) => ({ output: g.output, terms: g.terms, bias: g.bias, ...outputSide(g.blocks, outputs[g.output]!.rank) })),
  };
}

/** The output side of a diagram: the blocks' output positions and whether each is through. */
function outputSide(blocks: readonly number[][], l: number): Pick<OutputGroup, 'partition' | 'through'> {
  const outs = blocks.filter((b) => b[0]! < l);
  return { partition: outs.map((b) => b.filter((p) => p < l)), through: outs.map((b) => b.some((p) => p >= l)) };
}
