/**
 * solve-basis: exact bases of equivariant linear maps for groups given by generators.
 *
 * The stable surface a layer author needs: solve (`solveBasis`, `solveLayer`), groups and reps,
 * the Basis type, the emitters and the errors. Everything else — matrices, fields, caches — is
 * under the `internals` namespace: usable, but free to change between minor versions.
 *
 * @example
 * import { solveBasis, basisJsonText } from 'solve-basis';
 * const basis = solveBasis({ group: 'S(5)', in: 'V**2', out: 'V**2' });
 * basis.dim; // 15
 */
export { solveBasis, solveLayer, type SolveRequest } from './pipeline.js';
export { solveNetwork, DEFAULT_HIDDEN, DEFAULT_LAYERS, type NetworkRequest, type HiddenSpec } from './network.js';
export {
  flatBasis,
  blockRank,
  networkParameters,
  numberFieldOf,
  type Basis,
  type BlockEntry,
  type LayerBases,
  type NetworkBases,
  type NetworkBlock,
  type BilinearBases,
  type BilinearTerm,
  type GateMap,
} from './basis.js';
export type { DiagramBlock } from './diagram/types.js';
export type { StrategyChoice, StrategyName } from './solve/strategy.js';
// The names `strategy` accepts, as `--strategy` lists them: the playground's option list (web/)
// comes from here so that a new strategy appears there without touching the page.
export { STRATEGY_CHOICES } from './solve/select.js';
export { resolveGroup } from './group/resolve.js';
export type { AnyGroup, Group } from './group/group.js';
export { parseRep } from './rep/parse.js';
export { printRep, repDim, dual, tensor, sum, power, multiple, V, SCALAR, type Rep } from './rep/rep.js';
export {
  basisJson,
  basisJsonText,
  BASIS_FORMAT,
  summaryText,
  basisSvg,
  emitPyTorch,
  emitJax,
  emitTfjs,
  emitPyTorchNetwork,
  emitJaxNetwork,
  EMITTERS,
  emitterFor,
  NETWORK_EMITTERS,
  networkEmitterFor,
  type NetworkEmitter,
  type SvgOptions,
  type BasisEmitter,
  type Emitter,
  type EmitOptions,
  type LayerEmitter,
} from './emit/index.js';
export { SolveBasisError, SpecError, ResourceError, SolverError, type ErrorCode } from './errors.js';
export { VERSION } from './version.js';
export * as internals from './internals.js';
