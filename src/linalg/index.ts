/**
 * Linear algebra that knows nothing about groups. The rest of the code imports from here.
 *
 * Which null space to call (each returns canonical RREF rows and says which method ran):
 *
 * | entries        | call               | how                                                        |
 * |----------------|--------------------|------------------------------------------------------------|
 * | ℚ              | `nullspaceExact`   | elimination mod primes + rational reconstruction, checked exactly (fraction-free BigInt fallback) |
 * | ℚ(i)           | `nullspaceComplex` | the realified rational system through `nullspaceExact`     |
 * | ℚ(θ)           | `nullspaceAlgebraic` | elimination mod primes in the field's embeddings, rational or coefficient-wise reconstruction, checked exactly in ℚ(θ) |
 * | float64        | `nullspaceFloat`   | dense SVD with a relative rank tolerance, reports the gap  |
 *
 * The files behind them: echelon-modp / sparse-modp / rref-modp / multimodular / reconstruct
 * (modular path), fraction-free (BigInt path), verify-exact (the exact check), svd / rref-float
 * (float path). `sparse.ts` is the matrix type everything shares; `inverse.ts`, `rref-generic.ts`
 * and `expm.ts` serve group construction and checks.
 */
export * from './sparse.js';
export { nullspaceExact, type NullspaceExactOptions, type NullspaceExactResult, type NullspaceExactStats } from './nullspace-exact.js';
export { nullspaceComplex } from './nullspace-complex.js';
export { nullspaceAlgebraic, type NullspaceAlgebraicResult } from './nullspace-algebraic.js';
export { embeddingsModP } from './embeddings.js';
export { algebraicRows, type AlgebraicMatrix } from './algebraic-matrix.js';
export { isAlgebraicNullspace } from './verify-algebraic.js';
export { nullspaceFloat, type NullspaceFloatOptions, type NullspaceFloatResult } from './nullspace-float.js';
export { invertExact, invertExactOrNull, invertFloat, invertFloatOrNull, DEFAULT_FLOAT_REL_TOL } from './inverse.js';
export { invertGeneric, invertGenericOrNull, rrefGeneric } from './rref-generic.js';
export { rrefFloat } from './rref-float.js';
export { rightSvd } from './svd.js';
export { symmetricEigenvalues } from './eig-symmetric.js';
export { denseIdentity, denseMultiply, expm, type Dense } from './expm.js';
