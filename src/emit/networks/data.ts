/**
 * A network as plain numbers, for the network emitters (PyTorch, JAX): what `solveNetwork` solved,
 * laid out so that generic runtime code (networks/templates/) can build every block from it. The
 * linear layers reuse the layer expansion of ../layers/data.ts (one gather from θ, −θ, sparse and
 * dense block values); the bilinear layers are laid out here; the group action is one table of
 * summand types shared by every rep of the network, for the self-test.
 *
 * Bilinear layout. For each out type a with terms: θ_a is a [n_a, M_a] matrix (n_a instances of a),
 * and M_a runs over the terms of a, each contributing s·n_b·r columns (s source copies, n_b in
 * instances, r basis elements) in that row-major order. A term's basis is stored as COO over
 * (k·d_a + j, c, b): entry E_k[j, c, b] of its r maps R_c ⊗ R_b → R_a. The runtime forms
 * U[m, j] = E_k(v_s, x_i)_j for every (s, i, k), then y_a = θ_a U, and finally places every y_a
 * into the layer's output with one gather (`assemble`; types without terms stay zero).
 */
import type { Basis, BilinearBases, LayerBases, NetworkBases } from '../../basis.js';
import { groupArgument, type Group } from '../../group/group.js';
import type { SparseMatrix } from '../../linalg/index.js';
import type { Layout } from '../../rep/layout.js';
import { RepMatrixCache } from '../../rep/matrices.js';
import { printRep, type Rep } from '../../rep/rep.js';
import { VERSION } from '../../version.js';
import { expansionOf, initStd, type Coo, type Expansion } from '../layers/data.js';
import { layoutLines } from '../layers/layout.js';

/** A rep of the network: its dimension and summand instances (types index `NetworkData.types`). */
export interface RepData {
  readonly name: string;
  readonly rep: string;
  readonly dim: number;
  readonly instances: readonly { readonly type: number; readonly indices: readonly number[] }[];
}

export interface LinearData {
  readonly in: string;
  readonly out: string;
  readonly weight: Expansion;
  readonly bias: Expansion;
  readonly initStd: number;
}

export interface BilinearTermData {
  /** Indices into `BilinearData.sets`: the source copies ([s][d_c]) and the input instances ([n_b][d_b]). */
  readonly source: number;
  readonly input: number;
  readonly s: number;
  readonly dc: number;
  readonly nb: number;
  readonly db: number;
  readonly r: number;
  /**
   * How the runtime contracts θ, E, the sources v and the inputs x (see `termMode`): `theta-x`
   * and `e-v-x` expand E to a dense [d_c, r·d_a·d_b] matrix, `sparse` scatter-adds its entries.
   */
  readonly mode: BilinearMode;
  /** COO of the r maps: target k·d_a + j, source coordinate c, input coordinate b, value. */
  readonly target: readonly number[];
  readonly c: readonly number[];
  readonly b: readonly number[];
  readonly values: readonly number[];
}

export interface BilinearPart {
  /** Out type dimension d_a and instance count n_a. */
  readonly dim: number;
  readonly count: number;
  /** Offset of θ_a in the layer's parameter vector, and M_a. */
  readonly offset: number;
  readonly columns: number;
  readonly terms: readonly BilinearTermData[];
}

export interface BilinearData {
  readonly rep: string;
  readonly dim: number;
  /**
   * The coordinate sets the terms read ([copies][dim] each: the instances of one type, or its
   * source copies), each gathered once per call however many terms share it.
   */
  readonly sets: readonly (readonly (readonly number[])[])[];
  readonly size: number;
  readonly parts: readonly BilinearPart[];
  /** y[j] = cat(y_a flattened…, 0)[assemble[j]]. */
  readonly assemble: readonly number[];
  readonly initStd: number;
  readonly scale: number;
  /** The layer's coefficients are step · θ (θ trained, initialised with std initStd / step): see BILINEAR_STEP_FACTOR. */
  readonly step: number;
}

export interface BlockData {
  readonly linear: LinearData;
  readonly bilinear: BilinearData | null;
  /** Gate map: y[j] = sigmoid(z[gate[j]]) · z[j], j < hidden dim. */
  readonly gate: readonly number[];
  readonly hidden: string;
}

export interface NetworkData {
  readonly group: string;
  readonly inRep: string;
  readonly outRep: string;
  readonly dimIn: number;
  readonly dimOut: number;
  readonly version: string;
  readonly command: string;
  /** Every summand type of every rep of the network, with its generator matrices (COO). */
  readonly types: readonly { readonly rep: string; readonly dim: number; readonly discrete: readonly Coo[]; readonly lie: readonly Coo[] }[];
  readonly discrete: number;
  readonly lie: number;
  /** in, h1 (hidden), g1 (gated), …, out. */
  readonly reps: readonly RepData[];
  readonly blocks: readonly BlockData[];
  readonly head: LinearData;
  /** Invariant vectors of in and out ([count][dim]), for the standardisation. */
  readonly invariants: { readonly in: readonly (readonly number[])[]; readonly out: readonly (readonly number[])[] };
  readonly layout: { readonly in: readonly string[]; readonly out: readonly string[] };
  readonly parameters: number;
}

/**
 * A bilinear term is evaluated densely (E as a [d_c, r·d_a·d_b] matrix; θ applied by one matmul
 * over the whole batch, the rest by small per-sample matmuls) up to this many entries of E, and by
 * a sparse scatter-add over its stored entries above (S(10)'s V⊗V⊗V⊗V → V⊗V would be 203 million
 * entries dense). Dense is several times faster where it fits.
 */
export const DENSE_BILINEAR_ENTRIES = 1 << 20;

export type BilinearMode = 'theta-x' | 'e-v-x' | 'sparse';

/**
 * A bilinear layer's coefficients are step · θ with θ the trained parameter and step =
 * BILINEAR_STEP_FACTOR · initStd (initStd: the linear layers' rule, over the bilinear maps), θ
 * initialised N(0, 1): the same function at initialisation as coefficients drawn directly with
 * std initStd, but Adam, whose step is about lr per parameter whatever the gradient's size, then
 * moves each coefficient by about lr relative to its initial size, as in EMLP's BiLinear (weights
 * N(0, 1) under a fixed factor 0.1, the same lr 3e-3). Trained directly, the coefficients
 * (initial std about 0.015 on EMLP's tasks: one per equivariant map and source copy, 79k–248k
 * per layer) moved by 3e-3 per step, 20% of their size, and Inertia seed 2 blew up (training MSE
 * 209 at epoch 50, test 6.79 after 900 epochs). Measured at 1000 points, 900 epochs (test MSE;
 * bench/RESULTS.md, run 5; EMLP's paper: O5Synthetic 0.0163, Inertia 0.164, ParticleInteraction
 * 0.00030): step 1/3 (a factor of about 24) gave 0.00148, 0.0816 and 0.00051 at seed 0; factor 3
 * gave medians of 3 seeds 0.00197, 0.0607 and 0.00040 (ParticleInteraction 0.00017, 0.00040,
 * 0.00059: still overfitting); factor 1 gave 0.0021, 0.109 and 0.000165 at seed 0 (and
 * ParticleInteraction 0.00022 at seed 1), the full grid in run 5.
 */
export const BILINEAR_STEP_FACTOR = 1;

/** The step of a bilinear layer whose coefficients have initial std initStd (see BILINEAR_STEP_FACTOR). */
export function bilinearStep(initStd: number): number {
  return initStd > 0 ? BILINEAR_STEP_FACTOR * initStd : 1;
}

/**
 * The cheaper of two contraction orders for y[o, j] = Σ θ[o, s, i, k] E_k[j, c, d] v[s, c] x[i, d]
 * (multiply-adds per sample): (θ x) and (E v) first, or ((E v) x) first and θ last. Which wins
 * depends on the summands: θ x first when the inputs are many scalars, θ last when the outputs are.
 * Measured: on O(5) with 384 channels the wrong order was 10× slower for the worse of the two terms.
 */
export function termMode(t: { na: number; da: number; s: number; dc: number; nb: number; db: number; r: number }): BilinearMode {
  const ev = t.s * t.dc * t.r * t.da * t.db;
  if (t.dc * t.r * t.da * t.db > DENSE_BILINEAR_ENTRIES) return 'sparse';
  const thetaX = t.na * t.s * t.r * t.nb * t.db + ev + t.na * t.s * t.r * t.db * t.da;
  const evx = ev + t.s * t.r * t.da * t.db * t.nb + t.na * t.s * t.nb * t.r * t.da;
  return thetaX <= evx ? 'theta-x' : 'e-v-x';
}

function quote(s: string): string {
  return /^[A-Za-z0-9_.]+$/.test(s) ? s : `"${s}"`;
}

function cooOf<T>(group: Group<T>, m: SparseMatrix<T>): Coo {
  const rows: number[] = [];
  for (let r = 0; r < m.rows; r++) for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) rows.push(r);
  return [rows, [...m.colIdx], m.values.map((v) => group.field.toNumber(v))];
}

/** The type table shared by every rep, keyed by the canonical printed form. */
class TypeTable<T> {
  readonly entries: { rep: string; dim: number; discrete: Coo[]; lie: Coo[] }[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly cache: RepMatrixCache<T>) {}

  repData(name: string, rep: Rep, layout: Layout): RepData {
    const local = layout.types.map((t) => this.of(t.rep, t.key));
    return { name, rep: printRep(rep), dim: layout.dim, instances: layout.instances.map((i) => ({ type: local[i.type]!, indices: [...i.indices] })) };
  }

  private of(rep: Rep, key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      const m = this.cache.of(rep);
      const g = this.cache.group;
      i = this.entries.length;
      this.entries.push({ rep: key, dim: m.dim, discrete: m.discrete.map((x) => cooOf(g, x)), lie: m.lie.map((x) => cooOf(g, x)) });
      this.index.set(key, i);
    }
    return i;
  }
}

function linearData(layer: LayerBases, inName: string, outName: string): LinearData {
  const weight = expansionOf(layer.weight);
  return { in: inName, out: outName, weight, bias: expansionOf(layer.bias), initStd: initStd(weight) };
}

function coordinates(layout: Layout, instances: readonly number[]): number[][] {
  return instances.map((i) => [...layout.instances[i]!.indices]);
}

function bilinearData(bil: BilinearBases, name: string): BilinearData {
  const { layout } = bil;
  const ofType = (t: number): number[] => layout.instances.map((inst, i) => (inst.type === t ? i : -1)).filter((i) => i >= 0);
  const parts: BilinearPart[] = [];
  const sets: number[][][] = [];
  const setKeys = new Map<string, number>();
  const setOf = (instances: readonly number[]): number => {
    const key = instances.join(',');
    let id = setKeys.get(key);
    if (id === undefined) {
      id = sets.length;
      sets.push(coordinates(layout, instances));
      setKeys.set(key, id);
    }
    return id;
  };
  const assemble = new Array<number>(layout.dim).fill(-1);
  let offset = 0;
  let flat = 0;
  let sumSquares = 0;
  layout.types.forEach((t, a) => {
    const terms = bil.terms.filter((x) => x.outType === a);
    if (terms.length === 0) return;
    const outs = ofType(a);
    const termData = terms.map((term): BilinearTermData => {
      const sources = bil.sources.filter((i) => layout.instances[i]!.type === term.sourceType);
      const inputs = ofType(term.inType);
      const db = layout.types[term.inType]!.dim;
      const coo = termCoo(term.basis, db);
      sumSquares += outs.length * sources.length * inputs.length * coo.values.reduce((s, v) => s + v * v, 0);
      const dc = layout.types[term.sourceType]!.dim;
      const mode = termMode({ na: outs.length, da: t.dim, s: sources.length, dc, nb: inputs.length, db, r: term.basis.dim });
      return { source: setOf(sources), input: setOf(inputs), s: sources.length, dc, nb: inputs.length, db, r: term.basis.dim, mode, ...coo };
    });
    const columns = termData.reduce((s, x) => s + x.s * x.nb * x.r, 0);
    parts.push({ dim: t.dim, count: outs.length, offset, columns, terms: termData });
    offset += outs.length * columns;
    outs.forEach((i) => layout.instances[i]!.indices.forEach((j) => (assemble[j] = flat++)));
  });
  const zero = flat;
  // The linear layers' rule (see ../layers/data.ts): unit output variance for unit-variance x, before the scale.
  const std = sumSquares > 0 ? Math.sqrt(layout.dim / sumSquares) : 0;
  return {
    rep: name,
    dim: layout.dim,
    sets,
    size: offset,
    parts,
    assemble: assemble.map((p) => (p < 0 ? zero : p)),
    initStd: std,
    scale: bil.scale,
    step: bilinearStep(std),
  };
}

/** A one-block basis of Hom(R_c ⊗ R_b, R_a) as COO over (k·d_a + j, c, b). */
function termCoo(basis: Basis<unknown>, db: number): Pick<BilinearTermData, 'target' | 'c' | 'b' | 'values'> {
  const f = basis.field;
  const out = { target: [] as number[], c: [] as number[], b: [] as number[], values: [] as number[] };
  const block = basis.blocks[0]!;
  const n = block.n;
  for (let k = 0; k < block.elements.rows; k++) {
    for (let e = block.elements.rowPtr[k]!; e < block.elements.rowPtr[k + 1]!; e++) {
      const x = block.elements.colIdx[e]!;
      const j = Math.floor(x / n);
      const col = x % n;
      out.target.push(k * block.m + j);
      out.c.push(Math.floor(col / db));
      out.b.push(col % db);
      out.values.push(f.toNumber(block.elements.values[e]!));
    }
  }
  return out;
}

function invariantVectors(basis: Basis<unknown>): number[][] {
  const f = basis.field;
  const vectors: number[][] = [];
  for (const b of basis.blocks) {
    for (const inst of basis.outLayout.instances) {
      if (inst.type !== b.outType) continue;
      for (let r = 0; r < b.elements.rows; r++) {
        const v = new Array<number>(basis.shape[0]).fill(0);
        for (let e = b.elements.rowPtr[r]!; e < b.elements.rowPtr[r + 1]!; e++) v[inst.indices[b.elements.colIdx[e]!]!] = f.toNumber(b.elements.values[e]!);
        vectors.push(v);
      }
    }
  }
  return vectors;
}

/**
 * Everything a generated network needs, as plain numbers. Pure formatting of `solveNetwork`'s
 * result: nothing is solved here.
 *
 * @example
 * networkData(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 })).blocks.length // 1
 */
export function networkData(net: NetworkBases): NetworkData {
  const group = net.group;
  const cache = new RepMatrixCache(group);
  const table = new TypeTable(cache);
  const first = net.blocks[0]?.linear ?? net.head;
  const reps: RepData[] = [table.repData('in', net.inRep, first.weight.inLayout)];
  const blocks = net.blocks.map((b, i): BlockData => {
    const h = `h${i + 1}`;
    const g = `g${i + 1}`;
    reps.push(table.repData(g, b.gated, b.linear.weight.outLayout));
    return {
      linear: linearData(b.linear, i === 0 ? 'in' : `h${i}`, g),
      bilinear: b.bilinear && b.bilinear.terms.length > 0 ? bilinearData(b.bilinear, g) : null,
      gate: b.gate.index,
      hidden: h,
    };
  });
  // Each hidden rep is the first `dim` coordinates of its gated rep: the same layout, cut short.
  net.blocks.forEach((b, i) => reps.push(table.repData(`h${i + 1}`, b.hidden, net.blocks[i + 1]?.linear.weight.inLayout ?? net.head.weight.inLayout)));
  reps.push(table.repData('out', net.outRep, net.head.weight.outLayout));
  const head = linearData(net.head, net.blocks.length > 0 ? `h${net.blocks.length}` : 'in', 'out');
  const inRep = printRep(net.inRep);
  const outRep = printRep(net.outRep);
  const parameters =
    [...blocks.map((b) => b.linear), head].reduce((s, l) => s + l.weight.size + l.bias.size, 0) + blocks.reduce((s, b) => s + (b.bilinear?.size ?? 0), 0);
  return {
    group: group.name,
    inRep,
    outRep,
    dimIn: first.weight.shape[1],
    dimOut: net.head.weight.shape[0],
    version: VERSION,
    command:
      `solve-basis net --group ${quote(groupArgument(group))} --in ${quote(inRep)} --out ${quote(outRep)} --hidden ${quote(net.settings.hidden)} --layers ${net.settings.layers}` +
      (net.settings.bilinear ? '' : ' --no-bilinear'),
    types: table.entries,
    discrete: group.discrete.length,
    lie: group.lie.length,
    reps,
    blocks,
    head,
    invariants: { in: invariantVectors(net.invariants.in), out: invariantVectors(net.invariants.out) },
    layout: {
      in: layoutLines('x', first.weight.inLayout, group, `solve-basis explain --group ${quote(groupArgument(group))} --rep ${quote(inRep)}`),
      out: layoutLines('y', net.head.weight.outLayout, group, `solve-basis explain --group ${quote(groupArgument(group))} --rep ${quote(outRep)}`),
    },
    parameters,
  };
}
