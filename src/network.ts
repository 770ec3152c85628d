/**
 * The bases a whole equivariant network needs (DESIGN.md §10, "Layers → networks"), solved in one
 * session of the pipeline — one deadline, one memory limit, one rep-matrix cache:
 *
 *   in ─▶ block 1 ─▶ … ─▶ block L ─▶ head (linear) ─▶ out
 *   block: linear (→ hidden + gate scalars) ─▶ + 0.1·bilinear ─▶ gated nonlinearity (→ hidden)
 *
 * as in EMLP (Finzi, Welling & Wilson 2021). Each block's linear layer is a layer like
 * `solveLayer`'s (weight and bias bases); its bilinear layer is a set of bases
 * Hom_G(R_c ⊗ R_b, R_a) over the summand types of the gated rep; its gate map says which scalar
 * gates which summand. Emitters (emit/networks/) only format what this returns.
 */
import type { BilinearBases, BilinearTerm, GateMap, LayerBases, NetworkBases, NetworkBlock } from './basis.js';
import { SpecError } from './errors.js';
import type { Group } from './group/group.js';
import { solveHom, startSession, type Session, type SolveRequest } from './pipeline.js';
import { hiddenRep, type HiddenAtom, type RequiredType } from './rep/hidden.js';
import { layoutOf, type Layout } from './rep/layout.js';
import { parseRep } from './rep/parse.js';
import { baseOf, dual, printRep, SCALAR, sum, tensor, V, type Rep } from './rep/rep.js';

/** A hidden layer's width: a channel count (spread over tensor types, see rep/hidden.ts) or a rep. */
export type HiddenSpec = number | string | Rep;

export interface NetworkRequest extends Omit<SolveRequest, 'out' | 'certify' | 'onProgress'> {
  /** The output rep (required: a network's output rarely equals its input). */
  readonly out: string | Rep;
  /** One width for every hidden layer, or one per layer (default 384 channels, EMLP's `ch`). */
  readonly hidden?: HiddenSpec | readonly HiddenSpec[];
  /** Number of blocks (default 3, or the length of a `hidden` list). */
  readonly layers?: number;
  /** Include EMLP's bilinear layer in each block (default true). */
  readonly bilinear?: boolean;
}

/** Defaults of EMLP's `EMLP(rep_in, rep_out, group, ch=384, num_layers=3)`. */
export const DEFAULT_HIDDEN = 384;
export const DEFAULT_LAYERS = 3;
const MAX_LAYERS = 64;
/** Scale of the bilinear term in a block (EMLP's `.1*(W@x)`): the block starts near its linear part. */
export const BILINEAR_SCALE = 0.1;

/**
 * Solves every basis of an equivariant network from `in` to `out`.
 *
 * @example
 * const net = solveNetwork({ group: 'O(5)', in: '2V', out: 'scalar', hidden: 96, layers: 2 });
 * net.blocks.length // 2
 * printRep(net.blocks[0].hidden) // '32*scalar+6V+V⊗V'
 */
export function solveNetwork(request: NetworkRequest): NetworkBases {
  const s = startSession({ ...request, inputNames: { in: request.inputNames?.in ?? 'in', out: request.inputNames?.out ?? 'out' } });
  if (s.group.field.complex) {
    throw new SpecError('E_OPTION', `networks need a real group; ${s.group.name} is complex`, {
      path: 'group',
      hint: 'the gated nonlinearity multiplies by sigmoid(gate), which has no equivariant meaning for complex gates; generate single layers (--format pytorch) instead',
    });
  }
  const { reps: hidden, text: hiddenSetting } = hiddenReps(s, request);
  const warnings: string[] = [...(s.group.warnings ?? [])];
  const blocks: NetworkBlock[] = [];
  let previous = s.inRep;
  hidden.forEach((h) => {
    const gate = gateMap(s, h);
    const gated = gate.gates > 0 ? sum([{ count: 1, rep: h }, { count: gate.gates, rep: SCALAR }]) : h;
    const linear = layer(s, previous, gated);
    const bilinear = request.bilinear === false ? null : bilinearBases(s, gated, linear.weight.outLayout);
    blocks.push(Object.freeze({ hidden: h, gated, linear, bilinear, gate }));
    previous = h;
  });
  const head = layer(s, previous, s.outRep);
  const first = blocks[0]?.linear ?? head;
  warnings.push(...unreached(first.weight.inLayout, first.weight.blocks.map((b) => b.inType), 'input', 'the network ignores it'));
  warnings.push(...unreached(head.weight.outLayout, head.weight.blocks.map((b) => b.outType), 'output', 'the network outputs only its bias there'));
  const invariants = Object.freeze({ in: solveHom(s, SCALAR, s.inRep, { certify: false, onProgress: undefined }), out: head.bias });
  const settings = Object.freeze({ hidden: hiddenSetting, layers: blocks.length, bilinear: request.bilinear !== false });
  return Object.freeze({ group: s.group, inRep: s.inRep, outRep: s.outRep, blocks: Object.freeze(blocks), head, invariants, settings, warnings: Object.freeze(warnings) });
}

function layer<T>(s: Session<T>, inRep: Rep, outRep: Rep): LayerBases<T> {
  const none = { certify: false, onProgress: undefined };
  return Object.freeze({ weight: solveHom(s, inRep, outRep, none), bias: solveHom(s, SCALAR, outRep, none) });
}

function unreached(layout: Layout, reached: readonly number[], side: string, consequence: string): string[] {
  return layout.types
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => !reached.includes(i))
    .map(({ t }) => `${side} summand ${t.key} has no equivariant map to or from the adjacent hidden rep: ${consequence} (choose other hidden reps with --hidden)`);
}

/**
 * The hidden reps, one per block, from the request's `hidden` and `layers`, and the setting as the
 * CLI's --hidden writes it (`384`, `32*scalar+16V`, or `384,128`), for the regenerating command.
 */
function hiddenReps<T>(s: Session<T>, request: NetworkRequest): { reps: Rep[]; text: string } {
  const spec = request.hidden ?? DEFAULT_HIDDEN;
  const list = Array.isArray(spec) ? (spec as readonly HiddenSpec[]) : null;
  const layers = request.layers ?? list?.length ?? DEFAULT_LAYERS;
  if (!Number.isInteger(layers) || layers < 1 || layers > MAX_LAYERS) {
    throw new SpecError('E_OPTION', 'bad number of layers', { path: 'layers', expected: `an integer from 1 to ${MAX_LAYERS}`, actual: String(layers) });
  }
  if (list && list.length !== layers) {
    throw new SpecError('E_OPTION', 'the hidden widths and the number of layers disagree', {
      path: 'hidden',
      expected: `${layers} widths (one per layer)`,
      actual: `${list.length}`,
      hint: 'give one width for every layer, or one per layer and no layer count',
    });
  }
  const specs = list ?? new Array<HiddenSpec>(layers).fill(spec as HiddenSpec);
  let atoms: HiddenAtom[] | null = null;
  const reps = specs.map((h, i) => {
    const path = list ? `hidden[${i}]` : 'hidden';
    if (typeof h === 'number') {
      if (!Number.isInteger(h) || h < 1) throw new SpecError('E_OPTION', 'bad hidden width', { path, expected: 'a positive whole number of channels, or a rep', actual: String(h) });
      atoms ??= hiddenAtoms(s);
      return hiddenRep(h, atoms, requiredTypes(s));
    }
    return typeof h === 'string' ? parseRep(h, { factors: s.group.factors.length, path }) : h;
  });
  const written = specs.map((h, i) => (typeof h === 'number' ? String(h) : printRep(reps[i]!)));
  return { reps, text: list ? written.join(',') : written[0]! };
}

/** The summand types of the network's input and output, which every hidden rep keeps. */
function requiredTypes<T>(s: Session<T>): RequiredType[] {
  const degree = (r: Rep): number => (r.kind === 'scalar' ? 0 : r.kind === 'tensor' ? r.factors.length : 1);
  return [s.inRep, s.outRep].flatMap((rep, i) =>
    layoutOf(s.group, rep, { maxBytes: s.maxBytes, path: i === 0 ? s.names.in : s.names.out }).types.map((t) => ({ rep: t.rep, dim: t.dim, rank: degree(t.rep) })),
  );
}

/**
 * V (or V1, V2, … of a product), plus its dual where the dual is not isomorphic to it: where
 * Hom_G(V, V*) is smaller than Hom_G(V, V) (SL(n), GL(n); not O(n), Sp(n) or the Lorentz groups,
 * whose invariant forms identify V* with V).
 */
function hiddenAtoms<T>(s: Session<T>): HiddenAtom[] {
  const group: Group<T> = s.group;
  const none = { certify: false, onProgress: undefined };
  const bases = group.factors.length > 1 ? group.factors.map((f, i) => ({ rep: baseOf(i + 1), dim: f.dim })) : [{ rep: V, dim: group.dim }];
  return bases.flatMap((a) => {
    const selfDual = solveHom(s, a.rep, dual(a.rep), none).dim === solveHom(s, a.rep, a.rep, none).dim;
    return selfDual ? [a] : [a, { rep: dual(a.rep), dim: a.dim }];
  });
}

/**
 * True when a pointwise function commutes with the group on this summand type: every discrete
 * generator is a permutation matrix (no signs) and every Lie algebra generator acts as zero
 * (a product's other factor). Scalars, S(n)'s V and V⊗V, a point cloud's V2 under SO(3) x S(n).
 */
function pointwiseSafe<T>(s: Session<T>, rep: Rep): boolean {
  if (rep.kind === 'scalar') return true;
  const f = s.group.field;
  const m = s.matrices.of(rep);
  if (m.lie.some((a) => a.values.some((v) => !f.isZero(v)))) return false;
  return m.discrete.every((g) => {
    for (let r = 0; r < g.rows; r++) {
      const stored = g.rowPtr[r + 1]! - g.rowPtr[r]!;
      let ones = 0;
      for (let k = g.rowPtr[r]!; k < g.rowPtr[r + 1]!; k++) if (f.eq(g.values[k]!, f.one)) ones++;
      if (ones !== 1 || stored !== 1) return false;
    }
    return true;
  });
}

function gateMap<T>(s: Session<T>, hidden: Rep): GateMap {
  const layout = layoutOf(s.group, hidden, { maxBytes: s.maxBytes, path: 'hidden' });
  const safe = layout.types.map((t) => pointwiseSafe(s, t.rep));
  const index = Array.from({ length: layout.dim }, (_, j) => j);
  let gates = 0;
  for (const inst of layout.instances) {
    if (safe[inst.type]) continue;
    const gate = layout.dim + gates++;
    for (const j of inst.indices) index[j] = gate;
  }
  return Object.freeze({ dim: layout.dim, gates, index: Object.freeze(index) });
}

/**
 * The bilinear layer on the gated rep. Sources are the first min(copies, dim) instances of every
 * non-scalar type (EMLP takes as many, at random). A term per (out type a, in type b, source type
 * c) with a non-zero Hom_G(R_c ⊗ R_b, R_a) and dim a · dim b · dim c ≤ D², D the largest source
 * dimension. The bound keeps the terms EMLP has (its W(x) blocks of type T(r_a + r_b) come from
 * sources of that type: a·b·c = D² at most) and the cheap ones it lacks — above all V ⊗ V → V⊗V,
 * the outer product that Inertia's output needs and rank-2 hidden reps cannot form otherwise —
 * and leaves out the costly ones (V⊗V ⊗ V⊗V → V⊗V: 15,625 entries of E for O(5)). Scalar ×
 * scalar → scalar is left out too: its n_scalar² blocks would hold most of the parameters, for
 * products that the next block's gates form anyway.
 */
function bilinearBases<T>(s: Session<T>, gated: Rep, layout: Layout): BilinearBases<T> {
  const none = { certify: false, onProgress: undefined };
  const sources: number[] = [];
  layout.types.forEach((t, c) => {
    if (t.rep.kind === 'scalar') return;
    const copies = layout.instances.map((inst, i) => ({ inst, i })).filter(({ inst }) => inst.type === c);
    sources.push(...copies.slice(0, Math.min(copies.length, t.dim)).map(({ i }) => i));
  });
  const sourceTypes = [...new Set(sources.map((i) => layout.instances[i]!.type))].sort((a, b) => a - b);
  const largest = Math.max(0, ...sourceTypes.map((c) => layout.types[c]!.dim));
  const bound = largest * largest;
  const terms: BilinearTerm<T>[] = [];
  layout.types.forEach((outT, a) => {
    layout.types.forEach((inT, b) => {
      if (outT.rep.kind === 'scalar' && inT.rep.kind === 'scalar') return;
      for (const c of sourceTypes) {
        if (outT.dim * inT.dim * layout.types[c]!.dim > bound) continue;
        const basis = solveHom(s, tensor([layout.types[c]!.rep, inT.rep]), outT.rep, none);
        if (basis.dim > 0) terms.push(Object.freeze({ outType: a, inType: b, sourceType: c, basis }));
      }
    });
  });
  return Object.freeze({ rep: gated, layout, sources: Object.freeze(sources), terms: Object.freeze(terms), scale: BILINEAR_SCALE });
}
