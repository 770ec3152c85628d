/**
 * The pipeline's product: a basis of Hom_G(ρ_in, ρ_out) in block form, plus how it was found and
 * checked, and the pair of bases a layer needs. Every emitter reads these and nothing else. The
 * flat form (every basis element as a dim_out × dim_in matrix) is derived on demand.
 */
import type { Field } from './field/field.js';
import { isNumberField, polynomialText } from './field/number-field.js';
import type { Group } from './group/group.js';
import { CsrBuilder, type SparseMatrix } from './linalg/index.js';
import type { Layout } from './rep/layout.js';
import type { Rep } from './rep/rep.js';
import type { BlockBasis } from './solve/strategy.js';
import type { Certificate, VerifyReport } from './verify/report.js';

/** A solved (in type, out type) pair. Its rows are local to the block (flat index r·n_a + c). */
export interface BlockEntry<T> extends BlockBasis<T> {
  readonly inType: number;
  readonly outType: number;
  readonly verification: VerifyReport;
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
  blocks: readonly { readonly elements: { readonly rows: number }; readonly inType: number; readonly outType: number }[],
): number {
  return blocks.reduce(
    (s, b) => s + b.elements.rows * instanceCount(inLayout, b.inType) * instanceCount(outLayout, b.outType),
    0,
  );
}

/** Number of stored entries the flat basis would have. */
export function flatEntryCount<T>(basis: Basis<T>): number {
  return basis.blocks.reduce(
    (s, b) => s + b.elements.colIdx.length * instanceCount(basis.inLayout, b.inType) * instanceCount(basis.outLayout, b.outType),
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
  const rows: { pivot: number; cols: number[]; vals: T[] }[] = [];
  for (const b of basis.blocks) {
    const blockCols = b.n;
    for (const outInst of basis.outLayout.instances) {
      if (outInst.type !== b.outType) continue;
      for (const inInst of basis.inLayout.instances) {
        if (inInst.type !== b.inType) continue;
        for (let r = 0; r < b.elements.rows; r++) {
          const cols: number[] = [];
          const vals: T[] = [];
          for (let k = b.elements.rowPtr[r]!; k < b.elements.rowPtr[r + 1]!; k++) {
            const x = b.elements.colIdx[k]!;
            const row = outInst.indices[Math.floor(x / blockCols)]!;
            const col = inInst.indices[x % blockCols]!;
            cols.push(row * n + col);
            vals.push(b.elements.values[k]!);
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
