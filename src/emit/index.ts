/**
 * The emit stage: everything that turns what the pipeline solved into text. Other folders import
 * from here only.
 *
 * - `registry.ts`: the output formats (`--format`), each a `BasisEmitter` (formats one basis) or a
 *   `LayerEmitter` (formats a layer's weight and bias bases).
 * - `reports/`: formats of one basis for people and other programs — basis JSON, the summary, the
 *   weight-sharing picture (SVG) with its pattern and palette.
 * - `layers/`: generated code. `data.ts` prepares a layer as plain numbers (framework-neutral),
 *   `header.ts` writes the text every generated file shares (header, data literal), `layout.ts`
 *   says in words where each summand of the input and output sits, `size.ts` refuses layers too
 *   large to write or import (E_TOO_LARGE), there is one
 *   emitter per runtime (`pytorch.ts`, `jax.ts`, `tfjs.ts`), and `templates/` holds each
 *   runtime's fixed helper code, once (`torch.ts`, `jax.ts`, `tfjs.ts`).
 * - `networks/`: generated networks (`solveNetwork`): `data.ts` lays a network out as plain numbers
 *   (its linear layers through layers/data.ts), `header.ts` writes its header and data literal,
 *   `size.ts` refuses networks too large, one emitter per runtime (PyTorch, JAX), and `templates/`
 *   the network modules of each runtime, after the runtime's shared helpers from layers/templates/.
 */
export {
  EMITTERS,
  emitterFor,
  NETWORK_EMITTERS,
  networkEmitterFor,
  type BasisEmitter,
  type Emitter,
  type EmitOptions,
  type LayerEmitter,
  type NetworkEmitter,
} from './registry.js';
export { basisJson, basisJsonText, BASIS_FORMAT, type JsonOptions } from './reports/json.js';
export { summaryText, formatMs } from './reports/summary.js';
export { basisSvg, type SvgOptions } from './reports/svg.js';
export { emitPyTorch } from './layers/pytorch.js';
export { emitJax } from './layers/jax.js';
export { emitTfjs } from './layers/tfjs.js';
export { emitPyTorchNetwork } from './networks/pytorch.js';
export { emitJaxNetwork } from './networks/jax.js';
