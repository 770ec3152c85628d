/**
 * What verification and certification report: plain values the Basis carries and the emitters
 * print (no behaviour here).
 */

/** How one block was checked before it was returned (see equivariance.ts). */
export interface VerifyReport {
  /**
   * `exact`: residual exactly zero; `float`: relative residual below `tolerance`; `diagram`: a
   * symbolic block, whose invariant tensors were checked exactly against every generator (and
   * whose matrices were checked too when `diagram.materialised`).
   */
  readonly mode: 'exact' | 'float' | 'signed-permutation' | 'diagram';
  readonly generatorsChecked: number;
  readonly randomElementsChecked: number;
  /** Largest relative residual seen (0 for exact checks). */
  readonly maxResidual: number;
  readonly tolerance: number;
  readonly independent: true;
  /** Diagram blocks: what the symbolic check covered, and whether the matrices at the real n were checked as well. */
  readonly diagram?: { readonly checked: string; readonly materialised: boolean };
}

/** What `--certify` established (see certify.ts). */
export interface Certificate {
  /** True when every check that was made passed and the method applies to the whole group. */
  readonly certified: boolean;
  /** `character-formula` (finite groups), `lie` (Lie algebra closure + random elements), or `none`. */
  readonly method: 'character-formula' | 'lie' | 'none';
  /** One line: what was checked, or why nothing could be. */
  readonly summary: string;
  /** Finite groups: |G| (decimal string: it can exceed 2^53). */
  readonly groupOrder?: string;
  /** Finite groups: (1/|G|) Σ χ_in(g⁻¹) χ_out(g) over the whole reps. */
  readonly characterDim?: number;
  /** Lie groups. */
  readonly lieAlgebra?: { readonly generators: number; readonly rank: number; readonly generatedDim: number; readonly closed: boolean };
  readonly randomElements?: { readonly count: number; readonly maxResidual: number; readonly tolerance: number };
}
