/**
 * Stage ⑤, verify: the check every block gets before it is returned, and the optional
 * certificate. Which check runs is decided here, from the block and the problem: a diagram block
 * has its invariant tensors checked (and its rows when small); rows of a problem with
 * signed-permutation generators and no Lie algebra get the linear-time exact check; groups over a
 * number field the exact integer-coefficient check (algebraic.ts); everything else the matrix check.
 */
import { checkDiagramForms } from '../diagram/verify.js';
import type { SparseMatrix } from '../linalg/index.js';
import type { BlockBasis } from '../solve/strategy.js';
import type { Rep } from '../rep/rep.js';
import { balanceForGroup } from '../rep/balance.js';
import { RepMatrixCache } from '../rep/matrices.js';
import type { Group } from '../group/group.js';
import { randomElementGroup } from '../rep/random-elements.js';

/** Random group elements checked per float block, and their seed (deterministic). */
const FLOAT_RANDOM_ELEMENTS = 3;
const FLOAT_SEED = 1;
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { verifyBasis, verifySignedPerm } from './equivariance.js';
import { verifyAlgebraic } from './algebraic.js';
import { isNumberField, type Algebraic } from '../field/number-field.js';
import type { VerifyReport } from './report.js';

export { certifyBasis, type Certifiable } from './certify.js';
export type { Certificate, VerifyReport } from './report.js';

/**
 * Verifies a solved block of Hom(inRep, outRep), choosing the check (see the module comment).
 * Throws E_VERIFY when an element is not equivariant or the rows are not in canonical form.
 *
 * @example
 * verifyBlock(cache, V2, V2, solveBlock(problem, {})).mode // 'diagram' for S(5) V⊗V
 */
export function verifyBlock<T>(matrices: RepMatrixCache<T>, outRep: Rep, inRep: Rep, block: BlockBasis<T>, deadline: Deadline = NO_DEADLINE): VerifyReport {
  return block.diagrams
    ? verifyDiagramBlock(matrices, outRep, inRep, block, deadline)
    : verifyRows(matrices, outRep, inRep, block.elements, block.m, block.n, deadline);
}

/**
 * Verifies the rows of a block basis of Hom(inRep, outRep) (m × n matrices, flattened row-major).
 *
 * @example
 * verifyRows(cache, V2, V2, block.elements, 25, 25).mode // 'signed-permutation' for S(5)
 */
function verifyRows<T>(
  matrices: RepMatrixCache<T>,
  outRep: Rep,
  inRep: Rep,
  rows: SparseMatrix<T>,
  m: number,
  n: number,
  deadline: Deadline = NO_DEADLINE,
): VerifyReport {
  const field = matrices.group.field;
  const outPerms = matrices.signedPerms(outRep);
  const inPerms = matrices.signedPerms(inRep);
  // Exact fields only: a float basis of a signed-permutation group (--strategy float) holds values
  // within rounding of ±1, not ±1, and gets the float residual check.
  if (field.kind === 'exact' && matrices.group.lie.length === 0 && outPerms !== null && inPerms !== null) {
    return verifySignedPerm(field, outPerms, inPerms, rows, m, n, { deadline });
  }
  // Dense generators: check the same unknowns as the balanced Hom (rep/balance.ts), whose rep
  // matrices are far smaller (Hom(V*^5, V^5) instead of Hom(scalar, V^10)).
  const b = balanceForGroup(matrices.group, inRep, outRep);
  if (isNumberField(field)) {
    const am = matrices as unknown as RepMatrixCache<Algebraic>;
    return verifyAlgebraic(field, am.of(b.outRep), am.of(b.inRep), rows as unknown as SparseMatrix<Algebraic>, b.m, b.n, { deadline });
  }
  if (field.kind === 'float') {
    // Random elements made on V and lifted to the reps (random-elements.ts), not on the reps.
    const sampled = new RepMatrixCache(randomElementGroup(matrices.group as unknown as Group<number>, FLOAT_RANDOM_ELEMENTS, FLOAT_SEED));
    const so = sampled.of(b.outRep).discrete;
    const si = sampled.of(b.inRep).discrete;
    const samples = so.map((o, k) => [o, si[k]!] as const) as unknown as [SparseMatrix<T>, SparseMatrix<T>][];
    return verifyBasis(field, matrices.of(b.outRep), matrices.of(b.inRep), rows, b.m, b.n, { deadline, samples });
  }
  return verifyBasis(field, matrices.of(b.outRep), matrices.of(b.inRep), rows, b.m, b.n, { deadline });
}

/** Above this much work (see below) a diagram block is checked symbolically only. */
export const MATRIX_CHECK_LIMIT = 2 ** 20;

/**
 * Verifies a diagram (symbolic) block: the invariant tensors its diagrams are made of are checked
 * exactly against every generator at the group's n (diagram/verify.ts), which proves every element
 * equivariant; independence and spanning are by construction (the count equals the dimension
 * formula, checked when the block was built). When the block is small enough to materialise
 * cheaply, its canonical rows are also checked like any other block's (`verifyRows`).
 *
 * @example
 * verifyBlock(cache, V2, V2, diagramBlock).diagram // { checked: 'SO(3): gᵀg = I, det g = 1 on 3 generators', materialised: true }
 */
function verifyDiagramBlock<T>(
  matrices: RepMatrixCache<T>,
  outRep: Rep,
  inRep: Rep,
  block: BlockBasis<T>,
  deadline: Deadline = NO_DEADLINE,
): VerifyReport {
  const forms = checkDiagramForms(matrices.group, block.diagrams!);
  // The matrix check costs about gens·m·n for an orbit basis, r·gens·m·n otherwise.
  const gens = matrices.group.discrete.length + matrices.group.lie.length;
  const work = gens * block.m * block.n * (block.diagrams!.canonical ? 1 : block.diagrams!.elements.length);
  const materialised = block.materialisation?.cheap === true && work <= MATRIX_CHECK_LIMIT;
  const full = materialised ? verifyRows(matrices, outRep, inRep, block.elements, block.m, block.n, deadline) : null;
  return Object.freeze({
    mode: 'diagram',
    generatorsChecked: forms.checked,
    randomElementsChecked: 0,
    maxResidual: 0,
    tolerance: 0,
    independent: true,
    diagram: Object.freeze({ checked: forms.what, materialised: full !== null }),
  });
}
