/**
 * The output formats, as an explicit map from id to emitter (no registration on import). The CLI's
 * `--format` choices come from here; adding a format is adding one entry.
 */
import type { Basis } from '../solve/basis.js';
import { basisJsonText } from './json.js';
import { summaryText } from './summary.js';
import { basisSvg } from './svg.js';
import { emitJax } from './jax.js';
import { emitPyTorch } from './pytorch.js';
import { emitTfjs } from './tfjs.js';

export interface EmitOptions {
  /** JSON: include the flat basis (true/false), or decide by size (undefined). */
  readonly flat?: boolean;
  /** Wall time of the solve, for formats that report it. */
  readonly elapsedMs?: number;
  /** Formats that build large text refuse above this (`--max-memory`). */
  readonly maxMemoryBytes?: number;
}

export interface Emitter {
  readonly id: string;
  readonly description: string;
  /** Usual file extension, without the dot. */
  readonly extension: string;
  emit(basis: Basis<unknown>, options: EmitOptions): string;
}

const summary: Emitter = {
  id: 'summary',
  description: 'a few lines for a person (default)',
  extension: 'txt',
  emit: (basis, options) => summaryText(basis, options.elapsedMs !== undefined ? { elapsedMs: options.elapsedMs } : {}),
};

const json: Emitter = {
  id: 'json',
  description: 'basis JSON v1 (schema/basis.schema.json)',
  extension: 'json',
  emit: (basis, options) =>
    basisJsonText(basis, {
      ...(options.flat !== undefined ? { flat: options.flat } : {}),
      ...(options.maxMemoryBytes !== undefined ? { maxMemoryBytes: options.maxMemoryBytes } : {}),
    }),
};

const svg: Emitter = {
  id: 'svg',
  description: 'the weight-sharing picture (use with -o pattern.svg)',
  extension: 'svg',
  emit: (basis) => basisSvg(basis),
};

const pytorch: Emitter = {
  id: 'pytorch',
  description: 'a self-contained PyTorch nn.Module with a self-test',
  extension: 'py',
  emit: (basis) => emitPyTorch(basis),
};

const jax: Emitter = {
  id: 'jax',
  description: 'a self-contained JAX init/apply pair with a self-test',
  extension: 'py',
  emit: (basis) => emitJax(basis),
};

const tfjs: Emitter = {
  id: 'tfjs',
  description: 'a self-contained TensorFlow.js ES module with a self-test',
  extension: 'js',
  emit: (basis) => emitTfjs(basis),
};

/** All emitters, in the order `--help` lists them. */
export const EMITTERS: readonly Emitter[] = Object.freeze([summary, json, svg, pytorch, jax, tfjs]);

/**
 * @example
 * emitterFor('json')?.emit(solveBasis({ group: 'S5', in: 'V' }), {})
 */
export function emitterFor(id: string): Emitter | undefined {
  return EMITTERS.find((e) => e.id === id);
}
