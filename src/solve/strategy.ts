/**
 * Solve strategies for one block Hom(R_a, S_b), and the selector that picks one and says why.
 *
 * - orbit: every generator is a signed permutation on both reps and there is no Lie algebra.
 * - exact: all generator entries rational; elimination over ℚ after reducing by the generators
 *   that act monomially (orbit sums first, then the remaining constraints on that smaller space).
 * - float: irrational entries; SVD with a relative rank tolerance, same pre-reduction.
 */
import type { Deadline } from '../util/deadline.js';
import type { Group } from '../group/group.js';
import type { SparseMatrix } from '../linalg/sparse.js';
import type { RepMatrixCache } from '../rep/matrices.js';
import type { Rep } from '../rep/rep.js';

export type StrategyName = 'orbit' | 'exact' | 'float';

/** One block of the answer: Hom(inRep, outRep) for summand types, as RREF rows of length m·n. */
export interface HomProblem<T> {
  readonly group: Group<T>;
  readonly inRep: Rep;
  readonly outRep: Rep;
  /** dim of outRep (rows of W). */
  readonly m: number;
  /** dim of inRep (columns of W). */
  readonly n: number;
  readonly matrices: RepMatrixCache<T>;
  /**
   * Signed-permutation elements of the group (see group/monomial-subgroup.ts), used to pre-reduce
   * by orbit sums; null when there are none.
   */
  readonly signedPermSubgroup: Group<T> | null;
}

export interface SolveDiagnostics {
  /** Unknowns after orbit pre-reduction (m·n when none). */
  readonly reducedUnknowns: number;
  readonly constraintRows: number;
  /** Null-space method that ran (e.g. "mod-p + rational reconstruction"). */
  readonly method: string;
  /** Float path only: smallest kept and largest dropped singular value, and their ratio. */
  readonly singularValueGap?: { readonly smallestKept: number; readonly largestDropped: number; readonly gap: number; readonly tolerance: number };
}

export interface BlockBasis<T> {
  readonly m: number;
  readonly n: number;
  /** r × (m·n) rows in reduced row echelon form (row-major flat index r·n + c). */
  readonly elements: SparseMatrix<T>;
  readonly strategy: StrategyName;
  readonly reason: string;
  readonly diagnostics: SolveDiagnostics;
}

export interface SolveOptions {
  /** Force a strategy; the selector still refuses one that cannot apply. */
  readonly strategy?: StrategyName;
  /** Relative rank tolerance of the float path. */
  readonly rtol?: number;
  /**
   * Finite float groups with more (orbit-reduced) unknowns than this use the Reynolds projector
   * instead of dense SVD (default 1500).
   */
  readonly floatDenseLimit?: number;
  /** Cooperative time limit (`--timeout`), ticked inside the long loops. */
  readonly deadline?: Deadline;
}

/** A strategy: whether it applies to a problem (null, or why not) and how to solve it. */
export interface Strategy {
  readonly name: StrategyName;
  /** null when applicable, otherwise the reason it is not. */
  whyNot<T>(p: HomProblem<T>): string | null;
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T>;
}
