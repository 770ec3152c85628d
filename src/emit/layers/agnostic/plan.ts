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

/** One factor of the group (one for a simple group): its axes have one size. */
export interface AgnosticFactor {
  readonly kind: AgnosticKind;
  /** The factor's group at the solved size, `S(10)`. */
  readonly group: string;
  /** The size it was solved at (only for from_flat/to_flat and the default self-test). */
  readonly dim: number;
  /** The Python name of its size in the forward: `n` for a simple group, `n1`, `n2`, … for a product. */
  readonly size: string;
  /** Whether the layer works at every size (S(n), O(n)); SO(n) stays at its n. */
  readonly agnostic: boolean;
}

export type AgnosticKind = 'symmetric' | 'orthogonal' | 'special-orthogonal';

export interface AgnosticPlan {
  readonly group: string;
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
  throw new SolveBasisError('E_OPTION', `--size-agnostic needs a diagram basis of S(n), O(n) or SO(n) (δ diagrams), or a product of them, on tensor powers: ${actual}`, {
    path: '--size-agnostic',
    expected: 'S(n), O(n), SO(n) without ε, or products of them, acting on sums of tensor powers of V and V*',
    actual,
    hint,
  });
}

function checkFamily(f: DiagramFamily): AgnosticKind {
  if (f.kind === 'symmetric' || f.kind === 'orthogonal' || f.kind === 'special-orthogonal') return f.kind;
  if (f.kind === 'special-lorentz') refuse(`${f.group} uses ε, which spans n indices`, 'a layer with ε exists at one n only: leave out --size-agnostic for the fixed-n layer');
  if (f.kind === 'lorentz') refuse(`${f.group}: η is defined at n = 4 only`, 'leave out --size-agnostic for the fixed-n layer');
  return refuse(`${f.group}: J pairs are not supported by the size-agnostic emitter yet`, 'leave out --size-agnostic for the fixed-n layer');
}

/** The blocks of every diagram as equality diagrams, built for N ≥ k + l so they span Hom_G at every n. */
function equalityDiagrams(block: BlockEntry<unknown>, where: string): { blocks: number[][]; label: string }[] {
  const d: DiagramBlock | undefined = block.diagrams;
  if (d === undefined) refuse(`${where} was solved without diagrams (strategy ${block.strategy})`, 'use a group and reps the diagram strategy covers, or leave out --size-agnostic');
  for (const f of d.families) checkFamily(f);
  // Raised to N points per factor (S(n), O(n)): every diagram, so the span is Hom_G at every n.
  // SO(n) keeps its n: its ε diagrams depend on it (and are refused below).
  const raised = buildDiagramBlock(
    d.families.map((f) => (f.epsilon ? f : { ...f, dim: Math.max(f.dim, d.positions.filter((p) => p.factor === f.factor).length) })),
    d.positions,
  );
  return raised.elements.map((e) => {
    const blocks: number[][] = [];
    for (const term of e.terms) {
      if (term.kind === 'partition') blocks.push(...term.blocks.map((b) => [...b]));
      else {
        if (term.epsilon.length > 0 || term.pairs.some((p) => p.form !== 'delta')) {
          refuse(`${where}: diagram ${e.label} has ε, which spans n indices`, 'leave out --size-agnostic for the fixed-n layer');
        }
        blocks.push(...term.pairs.map((p) => [Math.min(p.p, p.q), Math.max(p.p, p.q)]));
      }
    }
    blocks.sort((a, b) => a[0]! - b[0]!);
    return { blocks, label: e.label.replace(/\s*≠\s*/g, ', ') };
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
  const families = new Map<number, DiagramFamily>();
  const note = (b: BlockEntry<unknown>): void => {
    for (const f of b.diagrams?.families ?? []) {
      checkFamily(f);
      families.set(f.factor, f);
    }
  };
  [...w.blocks, ...layer.bias.blocks].forEach(note);
  if (families.size === 0) {
    tensorsOf(w.inLayout, w.group, 'input', () => 0);
    tensorsOf(w.outLayout, w.group, 'output', () => 0);
    const b = w.blocks[0];
    refuse(b === undefined ? 'no block has diagrams' : `the basis was solved without diagrams (strategy ${b.strategy})`, 'use a group and reps the diagram strategy covers, or leave out --size-agnostic');
  }
  const ordered = [...families.values()].sort((a, b) => a.factor - b.factor);
  const factors: AgnosticFactor[] = ordered.map((f) => ({
    kind: checkFamily(f),
    group: f.group,
    dim: f.dim,
    size: ordered.length === 1 ? 'n' : `n${f.factor}`,
    agnostic: !f.epsilon,
  }));
  const factorOf = (factor: number | null): number => Math.max(0, ordered.findIndex((f) => f.factor === (factor ?? 1)));
  const inputs = tensorsOf(w.inLayout, w.group, 'input', factorOf);
  const outputs = tensorsOf(w.outLayout, w.group, 'output', factorOf);
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
    const l = outputs[b.outType]!.rank;
    const diagrams = equalityDiagrams(b, `bias of ${outputs[b.outType]!.key}`);
    biases.push({ output: b.outType, labels: diagrams.map((d) => d.label) });
    diagrams.forEach((d, index) => groupOf(b.outType, d.blocks, l).bias.push(index));
  }
  return {
    group: w.group.name,
    factors,
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
