/**
 * The pipeline's product: a basis of Hom_G(ρ_in, ρ_out) in block form, plus how it was found and
 * checked, and the pair of bases a layer needs. Every emitter reads these and nothing else. The
 * flat form (every basis element as a dim_out × dim_in matrix) is derived on demand.
 */
import type { Field } from './field/field.js';
import { isNumberField, polynomialText } from './field/number-field.js';
import type { Group } from './group/group.js';
import { CsrBuilder, type SparseMatrix } from './linalg/index.js';
import type { Layout, SummandInstance } from './rep/layout.js';
import type { Rep } from './rep/rep.js';
import { blockEntries, blockRank } from './solve/block.js';
import type { BlockBasis } from './solve/strategy.js';

// Counting a block without materialising it belongs to the solve stage; re-exported as public API.
export { blockEntries, blockRank, isCheap } from './solve/block.js';
import type { Certificate, VerifyReport } from './verify/report.js';

/**
 * A solved (in type, out type) pair. Its rows are local to the block (flat index r·n_a + c). A
 * diagram block is symbolic (`diagrams` set): its `elements` are materialised on first read, which
 * throws E_TOO_LARGE for a block too large to expand — count with `blockRank`, not `elements.rows`.
 */
export interface BlockEntry<T> extends BlockBasis<T> {
  readonly inType: number;
  readonly outType: number;
  readonly verification: VerifyReport;
}

/**
 * A block basis with its place and check added, keeping a symbolic block's lazy `elements` lazy
 * (an object spread would read it).
 *
 * @example
 * blockEntry(solved, { inType: 0, outType: 0, verification }).elements // read only now
 */
export function blockEntry<T>(solved: BlockBasis<T>, extra: Pick<BlockEntry<T>, 'inType' | 'outType' | 'verification'>): BlockEntry<T> {
  const out = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(solved), ...Object.getOwnPropertyDescriptors(extra) });
  return Object.freeze(out) as BlockEntry<T>;
}

export interface Basis<T> {
  readonly group: Group<T>;
  readonly field: Field<T>;
  readonly inRep: Rep;
  readonly outRep: Rep;
  readonly inLayout: Layout;
  readonly outLayout: Layout;
  /** [dim out, dim in]: the shape of W. */
  readonly shape: readonly [number, number];
  /** Number of basis elements: Σ over blocks of (#out instances)·(#in instances)·r_ab. */
  readonly dim: number;
  readonly exact: boolean;
  /** Non-empty blocks only, ordered by (out type, in type). */
  readonly blocks: readonly BlockEntry<T>[];
  /** Things that look wrong but do not stop the solve (e.g. a generator that seems to have infinite order). */
  readonly warnings: readonly string[];
  /** Present when certification was requested (`--certify`). */
  readonly certificate?: Certificate;
}

/**
 * What a generated layer needs, solved together under one deadline and memory limit: the weight
 * basis Hom_G(in, out) and the bias basis Hom_G(scalar, out) (the invariant part of `out`).
 */
export interface LayerBases<T = unknown> {
  readonly weight: Basis<T>;
  readonly bias: Basis<T>;
}

/** Coordinate of a summand's local index i in the whole rep (no index array for a contiguous one). */
function coordinate(inst: SummandInstance): (i: number) => number {
  if (inst.offset !== null) {
    const offset = inst.offset;
    return (i) => offset + i;
  }
  const indices = inst.indices;
  return (i) => indices[i]!;
}

/**
 * The gated nonlinearity of one block: the linear layer before it outputs the hidden rep followed
 * by `gates` extra scalars (the gated rep). Output coordinate j (j < dim) is
 * `sigmoid(z[index[j]]) · z[j]`: `index[j] = j` (SiLU) on scalars and on summands the group
 * permutes without signs, and the summand instance's own gate scalar (≥ dim) on every other one.
 */
export interface GateMap {
  /** Dimension of the hidden rep (the nonlinearity's output). */
  readonly dim: number;
  /** Number of gate scalars appended after the hidden rep. */
  readonly gates: number;
  readonly index: readonly number[];
}

/**
 * One part of a bilinear layer: every map (v, x) ↦ E_k(v ⊗ x) with v a source copy of summand
 * type `sourceType`, x an instance of `inType` and the result in `outType` (types of the layer's
 * layout). `basis` is Hom_G(R_source ⊗ R_in, R_out), one block.
 */
export interface BilinearTerm<T = unknown> {
  readonly outType: number;
  readonly inType: number;
  readonly sourceType: number;
  readonly basis: Basis<T>;
}

/**
 * EMLP's "cheap bilinear" layer on a rep R, made exact: y = W(x) x where W(x) ∈ Hom(R, R) depends
 * linearly on a few summand instances of x (the sources) through an equivariant map, so y is
 * equivariant and quadratic in x. In block form, W(x)'s block (out instance o, in instance i) is
 * Σ_k Σ_s θ[o, s, i, k] E_k(v_s, ·) over the terms with those types.
 */
export interface BilinearBases<T = unknown> {
  readonly rep: Rep;
  readonly layout: Layout;
  /** Indices into `layout.instances` of the source copies, by type: at most dim(type) per type. */
  readonly sources: readonly number[];
  readonly terms: readonly BilinearTerm<T>[];
  /** The layer outputs scale · W(x) x (EMLP's 0.1: a block starts close to its linear part). */
  readonly scale: number;
}

/** One block of a network: linear (in → gated hidden), bilinear on the gated rep, gated nonlinearity. */
export interface NetworkBlock<T = unknown> {
  readonly hidden: Rep;
  /** The hidden rep followed by the gate scalars. */
  readonly gated: Rep;
  readonly linear: LayerBases<T>;
  /** Null when the network was asked for without bilinear layers. */
  readonly bilinear: BilinearBases<T> | null;
  readonly gate: GateMap;
}

/** Everything a generated network needs, solved under one deadline and memory limit. */
export interface NetworkBases<T = unknown> {
  readonly group: Group<T>;
  readonly inRep: Rep;
  readonly outRep: Rep;
  readonly blocks: readonly NetworkBlock<T>[];
  /** The final linear layer, last hidden rep → out. */
  readonly head: LayerBases<T>;
  /**
   * Hom_G(scalar, in) and Hom_G(scalar, out): the invariant vectors of each side, the only
   * directions a standardisation may shift the data along without breaking equivariance.
   */
  readonly invariants: { readonly in: Basis<T>; readonly out: Basis<T> };
  /** How the network was asked for, for the command that regenerates it. */
  readonly settings: { readonly hidden: string; readonly layers: number; readonly bilinear: boolean };
  /** Things a user should know (an input summand the network cannot see, say). */
  readonly warnings: readonly string[];
}

function instanceCount(layout: Layout, type: number): number {
  return layout.instances.filter((i) => i.type === type).length;
}

/**
 * Number of basis elements.
 *
 * @example
 * basisDimension(layoutIn, layoutOut, blocks) // 15 for S(5) tensor2
 */
export function basisDimension(
  inLayout: Layout,
  outLayout: Layout,
  blocks: readonly (Pick<BlockBasis<unknown>, 'elements' | 'diagrams'> & { readonly inType: number; readonly outType: number })[],
): number {
  return blocks.reduce(
    (s, b) => s + blockRank(b) * instanceCount(inLayout, b.inType) * instanceCount(outLayout, b.outType),
    0,
  );
}

/**
 * Number of stored entries the flat basis would have (for symbolic blocks too large to expand
 * cheaply, the materialisation estimate).
 */
export function flatEntryCount<T>(basis: Basis<T>): number {
  return basis.blocks.reduce(
    (s, b) => s + blockEntries(b) * instanceCount(basis.inLayout, b.inType) * instanceCount(basis.outLayout, b.outType),
    0,
  );
}

/**
 * Expands the block form into `dim` rows of length dim_out·dim_in (row-major), sorted by pivot.
 * Because summand coordinates increase within each instance, every expanded row keeps its pivot
 * first and the result is again in reduced row echelon form: the same canonical basis a single
 * solve of the whole system would give.
 *
 * @example
 * flatBasis(solveBasis({ group: 'S(3)', in: '2V', out: 'V' })).rows // 4
 */
export function flatBasis<T>(basis: Basis<T>): SparseMatrix<T> {
  const n = basis.shape[1];
  // One summand each side: the block's rows are the flat basis already.
  const [onlyOut, onlyIn] = [basis.outLayout.instances, basis.inLayout.instances];
  if (basis.blocks.length === 1 && onlyOut.length === 1 && onlyIn.length === 1 && onlyOut[0]!.offset === 0 && onlyIn[0]!.offset === 0) {
    return basis.blocks[0]!.elements;
  }
  const rows: { pivot: number; cols: number[]; vals: T[] }[] = [];
  for (const b of basis.blocks) {
    const blockCols = b.n;
    const elements = b.elements;
    for (const outInst of basis.outLayout.instances) {
      if (outInst.type !== b.outType) continue;
      const outIndex = coordinate(outInst);
      for (const inInst of basis.inLayout.instances) {
        if (inInst.type !== b.inType) continue;
        const inIndex = coordinate(inInst);
        for (let r = 0; r < elements.rows; r++) {
          const cols: number[] = [];
          const vals: T[] = [];
          for (let k = elements.rowPtr[r]!; k < elements.rowPtr[r + 1]!; k++) {
            const x = elements.colIdx[k]!;
            const row = outIndex(Math.floor(x / blockCols));
            const col = inIndex(x % blockCols);
            cols.push(row * n + col);
            vals.push(elements.values[k]!);
          }
          rows.push({ pivot: cols[0]!, cols, vals });
        }
      }
    }
  }
  rows.sort((a, b) => a.pivot - b.pivot);
  const out = new CsrBuilder(basis.field, basis.shape[0] * n);
  for (const row of rows) {
    row.cols.forEach((c, i) => out.push(c, row.vals[i]!));
    out.endRow();
  }
  return out.build();
}

/**
 * Number of trainable parameters of a network: every linear layer's weight and bias coefficients,
 * and every bilinear layer's θ (one per out instance, in instance, source copy and map of a term).
 *
 * @example
 * networkParameters(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 }))
 */
export function networkParameters(net: NetworkBases): number {
  const linear = (l: LayerBases): number => l.weight.dim + l.bias.dim;
  const bilinear = (b: BilinearBases | null): number => {
    if (!b) return 0;
    const count = (t: number): number => b.layout.instances.filter((i) => i.type === t).length;
    const sources = (t: number): number => b.sources.filter((i) => b.layout.instances[i]!.type === t).length;
    return b.terms.reduce((s, t) => s + count(t.outType) * count(t.inType) * sources(t.sourceType) * t.basis.dim, 0);
  };
  return net.blocks.reduce((s, b) => s + linear(b.linear) + bilinear(b.bilinear), linear(net.head));
}

/**
 * For a group over a number field ℚ(θ): the field and whether the basis itself is rational (as it
 * is for C(k) and D(k) on reps of V: the space is Galois-stable). Null for other groups.
 *
 * @example
 * numberFieldOf(solveBasis({ group: 'C(6)', in: 'V**2' }))!.basisRational // true
 */
export function numberFieldOf<T>(basis: Basis<T>): { readonly name: string; readonly generator: string; readonly minimalPolynomial: readonly bigint[]; readonly polynomial: string; readonly embedding: number; readonly basisRational: boolean } | null {
  const f = basis.field as Field<unknown>;
  if (!isNumberField(f)) return null;
  const info = f.numberField;
  const basisRational = basis.blocks.every((b) => b.elements.values.every((v) => f.asRational(v as never) !== null));
  return Object.freeze({
    name: info.name,
    generator: info.generator,
    minimalPolynomial: info.minimalPolynomial,
    polynomial: polynomialText(info.minimalPolynomial),
    embedding: info.embedding,
    basisRational,
  });
}
