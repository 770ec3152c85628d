/**
 * The output formats, as an explicit map from id to emitter (no registration on import). The CLI's
 * `--format` choices come from here; adding a format is adding one entry.
 */
import type { Basis, LayerBases, NetworkBases } from '../basis.js';
import { basisJsonText } from './reports/json.js';
import { summaryText } from './reports/summary.js';
import { basisSvg } from './reports/svg.js';
import { emitJax } from './layers/jax.js';
import { emitPyTorch } from './layers/pytorch.js';
import { emitTfjs } from './layers/tfjs.js';
import { emitJaxAgnostic } from './layers/agnostic/jax.js';
import { emitPyTorchAgnostic } from './layers/agnostic/pytorch.js';
import { emitJaxNetwork } from './networks/jax.js';
import { emitPyTorchNetwork } from './networks/pytorch.js';

export interface EmitOptions {
  /** JSON: include the flat basis (true/false), or decide by size (undefined). */
  readonly flat?: boolean;
  /** Wall time of the solve, for formats that report it. */
  readonly elapsedMs?: number;
  /** JSON and generated layers refuse above this (`--max-memory`): the JSON writer's heap, a layer's runtime. */
  readonly maxMemoryBytes?: number;
  /**
   * Layer formats with a size-agnostic form (pytorch, jax): emit it instead of the fixed-n layer
   * (`--size-agnostic`; E_OPTION when the basis has no diagrams).
   */
  readonly sizeAgnostic?: boolean;
}

interface EmitterInfo {
  readonly id: string;
  readonly description: string;
  /** Usual file extension, without the dot. */
  readonly extension: string;
}

/** Formats one basis (`solveBasis`): reports and data. */
export interface BasisEmitter extends EmitterInfo {
  readonly input: 'basis';
  emit(basis: Basis<unknown>, options: EmitOptions): string;
}

/** Formats a layer's weight and bias bases (`solveLayer`): generated code. */
export interface LayerEmitter extends EmitterInfo {
  readonly input: 'layer';
  emit(layer: LayerBases, options: EmitOptions): string;
}

/** Formats every basis of a network (`solveNetwork`): generated code of the whole network. */
export interface NetworkEmitter extends EmitterInfo {
  readonly input: 'network';
  emit(net: NetworkBases, options: EmitOptions): string;
}

/**
 * What the pipeline must produce for a solve's emitter is its `input`: a basis, or a layer's
 * bases. Network emitters (`solve-basis net`) are listed apart, in NETWORK_EMITTERS.
 */
export type Emitter = BasisEmitter | LayerEmitter;

const summary: BasisEmitter = {
  id: 'summary',
  input: 'basis',
  description: 'a few lines for a person (default)',
  extension: 'txt',
  emit: (basis, options) => summaryText(basis, options.elapsedMs !== undefined ? { elapsedMs: options.elapsedMs } : {}),
};

const json: BasisEmitter = {
  id: 'json',
  input: 'basis',
  description: 'basis JSON v1 (schema/basis.schema.json)',
  extension: 'json',
  emit: (basis, options) =>
    basisJsonText(basis, {
      ...(options.flat !== undefined ? { flat: options.flat } : {}),
      ...(options.maxMemoryBytes !== undefined ? { maxMemoryBytes: options.maxMemoryBytes } : {}),
    }),
};

const svg: BasisEmitter = {
  id: 'svg',
  input: 'basis',
  description: 'the weight-sharing picture (use with -o pattern.svg)',
  extension: 'svg',
  emit: (basis) => basisSvg(basis),
};

/** A generated-layer format: the emitter of one runtime, given the memory limit. */
function layerFormat(id: string, extension: string, runtime: string, emit: (layer: LayerBases, options: EmitOptions) => string): LayerEmitter {
  return { id, input: 'layer', description: `a self-contained ${runtime} with a self-test`, extension, emit: (layer, options) => emit(layer, options) };
}

// --size-agnostic picks the diagram layer (layers/agnostic/); other formats refuse it in the CLI.
const pytorch = layerFormat('pytorch', 'py', 'PyTorch nn.Module', (layer, options) => (options.sizeAgnostic ? emitPyTorchAgnostic(layer) : emitPyTorch(layer, options)));
const jax = layerFormat('jax', 'py', 'JAX init/apply pair', (layer, options) => (options.sizeAgnostic ? emitJaxAgnostic(layer) : emitJax(layer, options)));
const tfjs = layerFormat('tfjs', 'js', 'TensorFlow.js ES module', emitTfjs);

/** All emitters, in the order `--help` lists them. */
export const EMITTERS: readonly Emitter[] = Object.freeze([summary, json, svg, pytorch, jax, tfjs]);

/**
 * @example
 * const json = emitterFor('json');
 * if (json?.input === 'basis') json.emit(solveBasis({ group: 'S5', in: 'V' }), {});
 */
export function emitterFor(id: string): Emitter | undefined {
  return EMITTERS.find((e) => e.id === id);
}

function networkFormat(id: string, runtime: string, emit: (net: NetworkBases, options: EmitOptions) => string): NetworkEmitter {
  return { id, input: 'network', description: `a self-contained ${runtime} with a self-test`, extension: 'py', emit: (net, options) => emit(net, options) };
}

/** The formats of `solve-basis net`: whole networks (TF.js has none yet). */
export const NETWORK_EMITTERS: readonly NetworkEmitter[] = Object.freeze([
  networkFormat('pytorch', 'PyTorch nn.Module network', emitPyTorchNetwork),
  networkFormat('jax', 'JAX init/apply network', emitJaxNetwork),
]);

/**
 * @example
 * networkEmitterFor('pytorch')?.emit(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 }), {})
 */
export function networkEmitterFor(id: string): NetworkEmitter | undefined {
  return NETWORK_EMITTERS.find((e) => e.id === id);
}
