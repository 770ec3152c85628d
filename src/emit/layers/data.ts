/**
 * The framework-neutral preparation shared by the code generators (PyTorch, JAX, TensorFlow.js):
 * everything a generated layer needs, as plain numbers, chosen so the runtime expands W in the
 * cheapest form the basis allows and never builds anything larger than W.
 *
 * Expansion model. θ is one vector of length `basis.dim`, block after block, each block laid out
 * as [n_out instances, n_in instances, r]. A *source* vector is built from θ:
 *
 *     src = [θ, (−θ if some gather block has a −1), E_1, …, E_k, (0 if some entry of W is zero)]
 *
 * where E_t are the expanded values of the blocks that are not pure gathers (sparse: scatter-add
 * over the block's COO entries; dense: a [pairs, r] × [r, m·n] matmul). Then W is one gather,
 * `W.flat = src[index]`, with `index` (length dim_out·dim_in) built once at construction from the
 * per-block position tables and per-instance coordinate maps stored here. A layer whose blocks are
 * all orbit blocks (S(n), cube, …) is thus a single `cat` plus a single gather.
 */
import type { Layout } from '../../rep/layout.js';
import type { Field } from '../../field/field.js';
import type { Gaussian } from '../../field/gaussian.js';
import { toNumber as rationalToNumber } from '../../field/rational.js';
import { groupArgument, type Group } from '../../group/group.js';
import type { SparseMatrix } from '../../linalg/index.js';
import { RepMatrixCache } from '../../rep/matrices.js';
import { printRep } from '../../rep/rep.js';
import type { Basis, BlockEntry, LayerBases } from '../../basis.js';
import { VERSION } from '../../version.js';
import { layoutLines } from './layout.js';

/** How one block's values are produced. */
export type BlockForm = 'gather' | 'sparse' | 'dense';

export interface LayerBlock {
  readonly form: BlockForm;
  /** Block shape: rows m (out type dim), columns n (in type dim), basis size r. */
  readonly m: number;
  readonly n: number;
  readonly r: number;
  /** Coordinates of each out / in instance inside the whole rep: [n_out][m], [n_in][n]. */
  readonly outIndices: readonly (readonly number[])[];
  readonly inIndices: readonly (readonly number[])[];
  /** Offset of this block's θ inside the parameter vector. */
  readonly paramOffset: number;
  /**
   * Position table: src position of entry (o, i, a, b) is `base + (o·n_in + i)·stride + pos[a·n+b]`,
   * or the zero slot when pos is −1.
   */
  readonly base: number;
  readonly stride: number;
  readonly pos: readonly number[];
  /** sparse: COO of the r × (m·n) block basis; dense: its row-major values. */
  readonly cooRows?: readonly number[];
  readonly cooCols?: readonly number[];
  readonly cooValues?: readonly number[];
  readonly dense?: readonly number[];
  /** Complex groups: the imaginary parts of `cooValues` / `dense` (gather blocks are real ±1). */
  readonly cooValuesIm?: readonly number[];
  readonly denseIm?: readonly number[];
  /** sparse/dense: where E_t starts inside src. */
  readonly expandOffset?: number;
}

export interface Expansion {
  readonly rows: number;
  readonly cols: number;
  /** Length of θ. */
  readonly size: number;
  readonly negate: boolean;
  readonly zeroSlot: boolean;
  /** Length of src (including −θ, E_t and the zero slot). */
  readonly srcLength: number;
  readonly blocks: readonly LayerBlock[];
  /** Σ over basis elements of their squared Frobenius norms (for the initialisation rule). */
  readonly sumSquares: number;
}

/** A rep's generator matrices, per summand type (COO), and its instances: enough for ρ(g)x. */
export interface RepAction {
  readonly dim: number;
  readonly types: readonly { readonly dim: number; readonly discrete: readonly Coo[]; readonly lie: readonly Coo[] }[];
  readonly instances: readonly { readonly type: number; readonly indices: readonly number[] }[];
}

/** [rows, cols, values] of a square matrix, and the imaginary parts for a complex group. */
export type Coo =
  | readonly [readonly number[], readonly number[], readonly number[]]
  | readonly [readonly number[], readonly number[], readonly number[], readonly number[]];

export interface LayerData {
  readonly group: string;
  readonly inRep: string;
  readonly outRep: string;
  readonly dimIn: number;
  readonly dimOut: number;
  readonly version: string;
  /** A complex group (U(n), SU(n)): θ, W, x and y are complex, and so is the self-test's action. */
  readonly complex: boolean;
  /** The CLI command that regenerates this file. */
  readonly command: string;
  readonly weight: Expansion;
  /** Expansion of the bias coefficients into R^{dim_out} (cols = 1); size 0 when no invariants. */
  readonly bias: Expansion;
  /** Standard deviation of θ at initialisation (see `initStd`). */
  readonly initStd: number;
  readonly action: { readonly in: RepAction; readonly out: RepAction; readonly discrete: number; readonly lie: number };
  /** Where each summand sits in x (input) and y (output), as header lines (see layout.ts). */
  readonly layout: { readonly in: readonly string[]; readonly out: readonly string[] };
}

/**
 * [re, im] of a field element in float64. `Field.toNumber` gives the real part only, which for ℚ(i)
 * would silently drop the imaginary unit of U(n)'s and SU(n)'s generators.
 *
 * @example
 * complexParts(GaussianField, I) // [0, 1]
 */
export function complexParts<T>(f: Field<T>, v: T): readonly [number, number] {
  if (!f.complex) return [f.toNumber(v), 0];
  // ℚ(i) is the only complex field: its elements are Gaussians.
  const g = v as unknown as Gaussian;
  return [rationalToNumber(g.re), rationalToNumber(g.im)];
}

function quote(s: string): string {
  return /^[A-Za-z0-9_.]+$/.test(s) ? s : `"${s}"`;
}

/**
 * Chooses the block form: a gather when the basis elements have disjoint supports and real ±1
 * values (every orbit basis, and many exact ones), sparse when there are at most m·n stored entries (so
 * the per-pair scatter-add intermediate stays within the block's share of W), dense otherwise.
 */
export function formOf<T>(basis: Basis<T>, b: BlockEntry<T>): BlockForm {
  const f = basis.field;
  const seen = new Uint8Array(b.m * b.n);
  let disjoint = true;
  for (let k = 0; k < b.elements.colIdx.length && disjoint; k++) {
    const c = b.elements.colIdx[k]!;
    const [re, im] = complexParts(f, b.elements.values[k]!);
    if (seen[c] || im !== 0 || (re !== 1 && re !== -1)) disjoint = false;
    seen[c] = 1;
  }
  if (disjoint) return 'gather';
  return b.elements.colIdx.length <= b.m * b.n ? 'sparse' : 'dense';
}

function instancesOf(layout: Layout, type: number): number[][] {
  return layout.instances.filter((i) => i.type === type).map((i) => [...i.indices]);
}

/**
 * Lays out the expansion of a basis (the weight, or the bias as Hom(scalar, out)).
 *
 * @example
 * expansionOf(solveBasis({ group: 'S(5)', in: 'V**2' })).blocks[0].form // 'gather'
 */
export function expansionOf<T>(basis: Basis<T>): Expansion {
  const f = basis.field;
  const forms = basis.blocks.map((b) => formOf(basis, b));
  const size = basis.dim;
  const complex = f.complex === true;
  const negate = basis.blocks.some((b, t) => forms[t] === 'gather' && b.elements.values.some((v) => f.toNumber(v) < 0));
  let next = negate ? 2 * size : size;
  let paramOffset = 0;
  let covered = 0;
  let sumSquares = 0;
  const blocks = basis.blocks.map((b, t): LayerBlock => {
    const outIndices = instancesOf(basis.outLayout, b.outType);
    const inIndices = instancesOf(basis.inLayout, b.inType);
    const pairs = outIndices.length * inIndices.length;
    const r = b.elements.rows;
    const mn = b.m * b.n;
    const parts = b.elements.values.map((v) => complexParts(f, v));
    const values = parts.map((p) => p[0]);
    const imag = parts.map((p) => p[1]);
    // ‖B_k‖²_F = Σ |b|² (the modulus, for complex entries).
    sumSquares += pairs * parts.reduce((s, [re, im]) => s + re * re + im * im, 0);
    const common = { m: b.m, n: b.n, r, outIndices, inIndices, paramOffset };
    paramOffset += pairs * r;
    const rowOf = new Int32Array(b.elements.colIdx.length);
    for (let row = 0; row < r; row++) for (let k = b.elements.rowPtr[row]!; k < b.elements.rowPtr[row + 1]!; k++) rowOf[k] = row;
    const form = forms[t]!;
    if (form === 'gather') {
      const pos = new Array<number>(mn).fill(-1);
      b.elements.colIdx.forEach((c, k) => {
        pos[c] = rowOf[k]! + (values[k]! < 0 ? size : 0);
      });
      covered += pairs * b.elements.colIdx.length;
      return { form, ...common, base: common.paramOffset, stride: r, pos };
    }
    const expandOffset = next;
    next += pairs * mn;
    covered += pairs * mn;
    const pos = Array.from({ length: mn }, (_, i) => i);
    const data =
      form === 'sparse'
        ? { cooRows: [...rowOf], cooCols: [...b.elements.colIdx], cooValues: values, ...(complex ? { cooValuesIm: imag } : {}) }
        : { dense: denseRows(b.elements, values, mn), ...(complex ? { denseIm: denseRows(b.elements, imag, mn) } : {}) };
    return { form, ...common, base: expandOffset, stride: mn, pos, expandOffset, ...data };
  });
  const zeroSlot = covered < basis.shape[0] * basis.shape[1];
  return { rows: basis.shape[0], cols: basis.shape[1], size, negate, zeroSlot, srcLength: next + (zeroSlot ? 1 : 0), blocks, sumSquares };
}

function denseRows<T>(m: SparseMatrix<T>, values: readonly number[], cols: number): number[] {
  const out = new Array<number>(m.rows * cols).fill(0);
  for (let r = 0; r < m.rows; r++) for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) out[r * cols + m.colIdx[k]!] = values[k]!;
  return out;
}

function cooOf<T>(group: Group<T>, m: SparseMatrix<T>): Coo {
  const rows: number[] = [];
  for (let r = 0; r < m.rows; r++) for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) rows.push(r);
  const parts = m.values.map((v) => complexParts(group.field, v));
  const re = parts.map((p) => p[0]);
  return group.field.complex ? [rows, [...m.colIdx], re, parts.map((p) => p[1])] : [rows, [...m.colIdx], re];
}

function actionOf<T>(cache: RepMatrixCache<T>, layout: Layout): RepAction {
  const g = cache.group;
  return {
    dim: layout.dim,
    types: layout.types.map((t) => {
      const mats = cache.of(t.rep);
      return { dim: t.dim, discrete: mats.discrete.map((m) => cooOf(g, m)), lie: mats.lie.map((m) => cooOf(g, m)) };
    }),
    instances: layout.instances.map((i) => ({ type: i.type, indices: [...i.indices] })),
  };
}

/**
 * Initialisation rule: θ_k ~ N(0, σ²) with σ² = dim_out / Σ_k ‖B_k‖_F². For independent
 * unit-variance inputs, Var(y_j) = σ² Σ_{k,i} B_k[j,i]², whose mean over j is then exactly 1.
 *
 * @example
 * initStd(expansionOf(solveBasis({ group: 'S(3)', in: 'V' }))) // sqrt(3 / 12)
 */
export function initStd(e: Expansion): number {
  return e.sumSquares > 0 ? Math.sqrt(e.rows / e.sumSquares) : 0;
}

/**
 * Everything a generated layer needs: header facts, the weight and bias expansions, the
 * initialisation scale and the generator matrices for the self-test. Pure formatting of what
 * the pipeline solved (`solveLayer`): nothing is solved here. `matrices` shares the rep matrices
 * with a caller that already built them (the size check).
 *
 * @example
 * const data = layerData(solveLayer({ group: 'S(5)', in: 'V**2' }));
 * data.weight.size // 15
 */
export function layerData(layer: LayerBases, matrices?: RepMatrixCache<unknown>): LayerData {
  const basis = layer.weight;
  const group = basis.group;
  const inRep = printRep(basis.inRep);
  const outRep = printRep(basis.outRep);
  const cache = matrices ?? new RepMatrixCache(group);
  const weight = expansionOf(basis);
  return {
    group: group.name,
    inRep,
    outRep,
    dimIn: basis.shape[1],
    dimOut: basis.shape[0],
    version: VERSION,
    complex: group.field.complex === true,
    command: `solve-basis --group ${quote(groupArgument(group))} --in ${quote(inRep)} --out ${quote(outRep)}`,
    weight,
    // The bias lives in the invariant subspace of ρ_out: Hom_G(scalar, out).
    bias: expansionOf(layer.bias),
    initStd: initStd(weight),
    action: {
      in: actionOf(cache, basis.inLayout),
      out: actionOf(cache, basis.outLayout),
      discrete: group.discrete.length,
      lie: group.lie.length,
    },
    layout: {
      in: layoutLines('x', basis.inLayout, group, `solve-basis explain --group ${quote(groupArgument(group))} --rep ${quote(inRep)}`),
      out: layoutLines('y', basis.outLayout, group, `solve-basis explain --group ${quote(groupArgument(group))} --rep ${quote(outRep)}`),
    },
  };
}
