/**
 * What a solve strategy is: one way to find the basis of one block Hom(R_a, S_b). Seven exist,
 * each in its own file, tried in this order by select.ts:
 *
 * | strategy  | family | applies when                                   | method                              |
 * |-----------|--------|------------------------------------------------|-------------------------------------|
 * | diagram   | diagram| S(n), O(n), SO(n), Sp(m), Lorentz (and products) on tensor powers of V, V* | closed form: partition / Brauer / ε diagrams (symbolic) |
 * | orbit     | orbit  | signed-permutation generators, no Lie algebra  | orbit sums (union-find)             |
 * | rational  | exact  | rational generator entries                     | modular elimination over ℚ          |
 * | gaussian  | exact  | entries in ℚ(i) (U(n), SU(n))                  | realified modular elimination       |
 * | algebraic | exact  | entries in a number field (cos, sin, √: C(k))  | modular elimination in the field's embeddings |
 * | reynolds  | float  | finite float group, wide or small order        | group average of random matrices    |
 * | svd       | float  | float generator entries                        | dense SVD, relative rank tolerance  |
 *
 * The elimination strategies first pre-reduce by the group's signed-permutation elements (orbit
 * sums), then impose the remaining generators on that smaller space (elimination.ts). The family
 * is what format v1 of the basis JSON records and what `--strategy exact|float` selects (the
 * diagram family is exact and is recorded as `exact` in the JSON).
 *
 * The diagram strategy returns the symbolic form (DESIGN.md §10): `diagrams` holds the basis in
 * closed form, and `elements` is materialised from it only when first read — for a block too large
 * to expand, reading it throws E_TOO_LARGE (see diagram/materialise.ts).
 */
import type { Deadline } from '../util/deadline.js';
import type { Group } from '../group/group.js';
import type { SparseMatrix } from '../linalg/index.js';
import type { RepMatrixCache } from '../rep/matrices.js';
import type { Rep } from '../rep/rep.js';
import type { GroupFacts } from './facts.js';
import type { DiagramBlock } from '../diagram/types.js';
import type { MaterialiseEstimate } from '../diagram/materialise.js';

/** The seven strategies. */
export type StrategyName = 'diagram' | 'orbit' | 'rational' | 'gaussian' | 'algebraic' | 'reynolds' | 'svd';
/** Their families: how exact the answer is (the basis JSON's `strategy`, where `diagram` is written `exact`). */
export type StrategyFamily = 'diagram' | 'orbit' | 'exact' | 'float';
/** What a caller may force: one strategy, or the best applicable one of a family. */
export type StrategyChoice = StrategyName | StrategyFamily;

/**
 * Above this many (orbit-reduced) unknowns, finite float groups always use the Reynolds
 * projector; below it, whichever of projection and dense SVD is estimated cheaper (reynolds.ts).
 */
export const FLOAT_DENSE_LIMIT = 1500;

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
  /** The group's signed-permutation subgroup and diagram families, computed once per request. */
  readonly facts: GroupFacts<T>;
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
  /**
   * r × (m·n) rows in reduced row echelon form (row-major flat index r·n + c). For a diagram block
   * this is computed on first read and throws E_TOO_LARGE when `materialisation.refusal` is set;
   * count with `blockRank` (basis.ts) instead of `elements.rows`.
   */
  readonly elements: SparseMatrix<T>;
  readonly strategy: StrategyName;
  readonly family: StrategyFamily;
  readonly reason: string;
  readonly diagnostics: SolveDiagnostics;
  /** The diagram strategy only: the same basis in closed form, for any consumer that can use it. */
  readonly diagrams?: DiagramBlock;
  /** The diagram strategy only: what reading `elements` costs, and whether it is allowed. */
  readonly materialisation?: MaterialiseEstimate;
}

export interface SolveOptions {
  /** Force a strategy or family; the selector still refuses one that cannot apply. */
  readonly strategy?: StrategyChoice;
  /** Relative rank tolerance of the float path. */
  readonly rtol?: number;
  /**
   * Finite float groups with more (orbit-reduced) unknowns than this always use the Reynolds
   * projector instead of dense SVD (default FLOAT_DENSE_LIMIT); below it the cheaper one runs.
   */
  readonly floatDenseLimit?: number;
  /** Cooperative time limit (`--timeout`), ticked inside the long loops. */
  readonly deadline?: Deadline;
  /** Memory limit in bytes (`--max-memory`): what a symbolic block may spend when it is materialised. */
  readonly maxBytes?: number;
}

/** A strategy: whether it applies to a problem (null, or why not) and how to solve it. */
export interface Strategy {
  readonly name: StrategyName;
  readonly family: StrategyFamily;
  /** null when applicable, otherwise the reason it is not. */
  whyNot<T>(p: HomProblem<T>, options: SolveOptions): string | null;
  solve<T>(p: HomProblem<T>, options: SolveOptions): BlockBasis<T>;
}
