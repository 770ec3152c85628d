/**
 * The symbolic form of a block basis (DESIGN.md §10, "Two forms of one basis"): a list of diagrams
 * over the named index positions of W, standing for a basis of Hom_G(R_in, R_out) at the group's
 * n, from which the matrices can be rebuilt for that n without solving anything.
 *
 * Index positions: W ∈ Hom(R_in, R_out) is a tensor in R_out ⊗ R_in*, one index per tensor factor
 * of each side: `o1 … ol` (output factors, left to right) then `i1 … ik` (input factors). In the
 * flat row-major index of W (DESIGN.md §2) o1 is the most significant digit and ik the least.
 *
 * An element is a product of one term per group factor (one term for a simple group). Its value at
 * the index tuple a = (a_o1, …, a_ik) is the product of its terms' values:
 * - `partition` (S(n), the orbit basis): 1 when a is equal within every block and different across
 *   blocks, else 0;
 * - `brauer`: the product over its pairs of form(a_p, a_q) — δ, η (Minkowski metric) or J (the
 *   symplectic form), as each pair says — times ε(a_e1, …, a_en) over its `epsilon` positions (if
 *   any), where the positions in `lowered` are lowered by η (a factor η[a_p, a_p] each).
 *
 * Plain frozen data, like every other value of the pipeline.
 */

/** One index of W. */
export interface DiagramPosition {
  /** `o1 … ol` for the output's tensor factors, `i1 … ik` for the input's. */
  readonly name: string;
  readonly side: 'out' | 'in';
  /** 0-based tensor factor on its side (`o1` is axis 0 of the output). */
  readonly axis: number;
  /** The group factor (1-based) whose base rep this tensor factor is; 1 for a simple group. */
  readonly factor: number;
  /** The rep's tensor factor is the dual V* (V_f*). */
  readonly dual: boolean;
  /**
   * True when the index transforms like V in W ∈ R_out ⊗ R_in* (an output V or an input V*), false
   * when it transforms like V* (an output V* or an input V). Paired indices of the same variance
   * are joined by the group's form (η, J); of opposite variance by δ.
   */
  readonly upper: boolean;
}

/** The bilinear forms a pair can carry. */
export type PairForm = 'delta' | 'eta' | 'J';

/** One pair of a Brauer diagram: the factor form(a_p, a_q); for J the order matters. */
export interface DiagramPair {
  readonly p: number;
  readonly q: number;
  readonly form: PairForm;
}

/** One group factor's part of a diagram; positions are indices into `DiagramBlock.positions`. */
export type DiagramTerm =
  | {
      readonly kind: 'partition';
      readonly factor: number;
      /** Blocks of positions, each ascending, ordered by their first position. */
      readonly blocks: readonly (readonly number[])[];
    }
  | {
      readonly kind: 'brauer';
      readonly factor: number;
      readonly pairs: readonly DiagramPair[];
      /** Positions of the Levi-Civita symbol, ascending; empty when there is none. */
      readonly epsilon: readonly number[];
      /** Positions of `epsilon` lowered by η (covariant indices of a Lorentz ε); empty otherwise. */
      readonly lowered: readonly number[];
    };

/** One basis element in closed form. */
export interface DiagramElement {
  readonly terms: readonly DiagramTerm[];
  /** In the notation of the papers: `δ(o1,i1)·δ(o2,i2)`, `[o1=i1 ≠ o2]`, `ε(o1,o2,i1)`, `J(o2,o1)`. */
  readonly label: string;
}

/** The diagram kinds, one per family of groups (see family.ts). */
export type DiagramFamilyKind = 'symmetric' | 'orthogonal' | 'special-orthogonal' | 'symplectic' | 'lorentz' | 'special-lorentz';

/** How one factor of the group is recognised, and what its diagrams are. */
export interface DiagramFamily {
  readonly kind: DiagramFamilyKind;
  /** The factor's group, e.g. `SO(3)`. */
  readonly group: string;
  /** 1-based factor index in the group (1 for a simple group). */
  readonly factor: number;
  /** Dimension of the factor's base rep (n; 2m for Sp(m)). */
  readonly dim: number;
  /** `partition` for S(n), `brauer` for the others. */
  readonly diagrams: 'partition' | 'brauer';
  /** The form joining two indices of the same variance: δ (O, SO), η (Lorentz) or J (Sp). */
  readonly form: PairForm;
  /** Whether diagrams with one Levi-Civita symbol belong to the basis (SO(n), SO(1,3), SO+(1,3)). */
  readonly epsilon: boolean;
}

/** The symbolic form of one block basis. */
export interface DiagramBlock {
  readonly positions: readonly DiagramPosition[];
  /** The families of the group factors the positions use, by factor. */
  readonly families: readonly DiagramFamily[];
  readonly elements: readonly DiagramElement[];
  /**
   * True when the canonical (RREF) rows of the block are exactly these elements in this order —
   * the orbit basis of S(n) and products of them — so element k is the parameter θ_k. Otherwise the
   * elements are another basis of the same space and the canonical rows are their RREF.
   */
  readonly canonical: boolean;
  /** One line on why these elements are a basis (independence and spanning). */
  readonly why: string;
}
