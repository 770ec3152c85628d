/**
 * solve-basis: exact bases of equivariant linear maps for groups given by generators.
 *
 * @example
 * import { solveBasis, basisJsonText } from 'solve-basis';
 * const basis = solveBasis({ group: 'S(5)', in: 'V**2', out: 'V**2' });
 * basis.dim; // 15
 */
export { solveBasis, solveLayer, type SolveRequest } from './pipeline.js';
export { resolveGroup } from './group/resolve.js';
export { toFloatGroup } from './group/convert.js';
export type { AnyGroup, ExactGroup, FloatGroup, Group, FactorRep } from './group/group.js';
export { parseRep } from './rep/parse.js';
export { printRep, repDim, dual, tensor, sum, power, multiple, V, SCALAR, type Rep } from './rep/rep.js';
export { repMatrices, RepMatrixCache, type RepMatrices } from './rep/matrices.js';
export { flatBasis, type Basis, type BlockEntry, type LayerBases } from './basis.js';
export type { StrategyName, BlockBasis } from './solve/strategy.js';
export { basisJson, basisJsonText, BASIS_FORMAT } from './emit/index.js';
export { summaryText } from './emit/index.js';
export { basisSvg, type SvgOptions } from './emit/index.js';
export { emitPyTorch } from './emit/index.js';
export { emitJax } from './emit/index.js';
export { emitTfjs } from './emit/index.js';
export { EMITTERS, emitterFor, type Emitter, type EmitOptions } from './emit/index.js';
export { SolveBasisError, SpecError, ResourceError, SolverError, type ErrorCode } from './errors.js';
export { RationalField, FloatField, type Field } from './field/field.js';
export type { Rational } from './field/rational.js';
export type { SparseMatrix } from './linalg/index.js';
export { VERSION } from './version.js';
