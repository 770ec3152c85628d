/**
 * The parts of solve-basis that are public but not stable: matrices, fields, rep matrices,
 * strategy results and certificates. Reached as `internals` from the package:
 *
 * @example
 * import { internals, resolveGroup, parseRep } from 'solve-basis';
 * const cache = new internals.RepMatrixCache(resolveGroup('S(3)'));
 * cache.of(parseRep('V')).discrete.length // 2
 */
export { toFloatGroup } from './group/convert.js';
export type { ExactGroup, FloatGroup, ComplexGroup, FactorRep } from './group/group.js';
export { repMatrices, RepMatrixCache, type RepMatrices } from './rep/matrices.js';
export type { Layout, SummandInstance, SummandType } from './rep/layout.js';
export type { BlockBasis, SolveDiagnostics, StrategyFamily } from './solve/strategy.js';
export type { Certificate, VerifyReport } from './verify/report.js';
export { RationalField, FloatField, type Field } from './field/field.js';
export type { Rational } from './field/rational.js';
export type { Gaussian } from './field/gaussian.js';
export type { SparseMatrix } from './linalg/index.js';
export { hiddenRep, HIDDEN_MAX_RANK, type HiddenAtom } from './rep/hidden.js';
export { networkData, type NetworkData } from './emit/networks/data.js';
