/**
 * The linear system whose null space is Hom_G(ρ_in, ρ_out) (Finzi, Welling & Wilson 2021):
 *
 *     ρ_out(h) W − W ρ_in(h) = 0          for each discrete generator h
 *     dρ_out(A) W − W dρ_in(A) = 0        for each Lie algebra generator A
 *
 * No inverses are needed. Unknowns are the entries of W (shape [m, n]) in row-major order,
 * x = r·n + c; the equation for entry (r, c) of the residual is one row of C.
 */
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { valueKey, type Field } from '../field/field.js';
import { CsrBuilder, transpose, type SparseMatrix } from '../linalg/index.js';

/**
 * Maps each unknown x to a reduced coordinate: `W = Σ_j y_j p_j` with disjoint ±1 vectors p_j
 * (orbit sums). Unknowns with label −1 are known to be zero. Used to pre-reduce by a signed-permutation
 * subgroup before imposing the remaining constraints on the much smaller space.
 */
export interface Reduction {
  readonly count: number;
  readonly label: Int32Array;
  readonly sign: Int8Array;
}

/**
 * Stacks the constraint rows for the given generator pairs into one sparse matrix with
 * `m·n` columns (or `reduction.count` columns when a reduction is given). Zero rows are dropped;
 * rows equal to an earlier row are dropped too (orbit reduction makes many coincide).
 *
 * @example
 * // S(2) on V → V: one generator, constraint rows for W·swap = swap·W
 * assembleConstraints(RationalField, [[swap, swap]], 2, 2).cols // 4
 */
export function assembleConstraints<T>(
  field: Field<T>,
  pairs: readonly (readonly [SparseMatrix<T>, SparseMatrix<T>])[],
  m: number,
  n: number,
  reduction?: Reduction,
  deadline: Deadline = NO_DEADLINE,
): SparseMatrix<T> {
  const cols = reduction ? reduction.count : m * n;
  const out = new CsrBuilder(field, cols);
  const seen = new Set<string>();
  const acc = new Map<number, T>();
  const add = (x: number, v: T): void => {
    let col = x;
    let val = v;
    if (reduction) {
      col = reduction.label[x]!;
      if (col < 0) return;
      if (reduction.sign[x] === -1) val = field.neg(v);
    }
    const prev = acc.get(col);
    acc.set(col, prev === undefined ? val : field.add(prev, val));
  };
  for (const [rhoOut, rhoIn] of pairs) {
    // Row access to columns of ρ_in: (W ρ_in)[r, c] = Σ_k W[r, k] ρ_in[k, c].
    const inT = transpose(rhoIn);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < n; c++) {
        deadline.tick();
        acc.clear();
        for (let k = rhoOut.rowPtr[r]!; k < rhoOut.rowPtr[r + 1]!; k++) add(rhoOut.colIdx[k]! * n + c, rhoOut.values[k]!);
        for (let k = inT.rowPtr[c]!; k < inT.rowPtr[c + 1]!; k++) add(r * n + inT.colIdx[k]!, field.neg(inT.values[k]!));
        const entries = [...acc].filter(([, v]) => !field.isZero(v)).sort((a, b) => a[0] - b[0]);
        if (entries.length === 0) continue;
        const key = entries.map(([col, v]) => `${col}:${valueKey(field, v)}`).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        for (const [col, v] of entries) out.push(col, v);
        out.endRow();
      }
    }
  }
  return out.build();
}
