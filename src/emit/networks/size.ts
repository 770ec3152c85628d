/**
 * The size guard of a generated network, from the block structure before any text is built: the
 * sum of its linear layers' estimates (../layers/size.ts: index buffers, W, parameters, embedded
 * numbers) plus its bilinear layers' embedded maps and parameters, against `--max-memory` and the
 * cap on numbers a source file embeds. Refuses with E_TOO_LARGE, like a single layer.
 */
import type { NetworkBases } from '../../basis.js';
import { ResourceError } from '../../errors.js';
import { RepMatrixCache } from '../../rep/matrices.js';
import { DEFAULT_MAX_MEMORY_BYTES, formatBytes } from '../../util/bytes.js';
import { layerSize, MAX_LITERAL_NUMBERS, type LayerFormat } from '../layers/size.js';
import { networkData, type NetworkData } from './data.js';

export interface NetworkEmitOptions {
  /** Refuse networks whose runtime would need more than this many bytes (default 4 GiB). */
  readonly maxMemoryBytes?: number;
}

/** Bytes per bilinear parameter (θ, gradient, optimizer state) and per embedded number, as for layers. */
const BILINEAR_PARAMETER_BYTES = 16;
const PARSE_BYTES_PER_NUMBER: Readonly<Record<LayerFormat, number>> = { pytorch: 800, jax: 800, tfjs: 60 };

export interface NetworkSize {
  readonly literalNumbers: number;
  readonly parameters: number;
  readonly runtimeBytes: number;
}

/**
 * @example
 * networkSize(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 }), 'pytorch').parameters
 */
export function networkSize(net: NetworkBases, format: LayerFormat): NetworkSize {
  const matrices = new RepMatrixCache<unknown>(net.group);
  const layers = [...net.blocks.map((b) => b.linear), net.head].map((l) => layerSize(l, matrices, format));
  let literalNumbers = layers.reduce((s, l) => s + l.literalNumbers, 0);
  let parameters = layers.reduce((s, l) => s + l.parameters, 0);
  let runtimeBytes = layers.reduce((s, l) => s + l.runtimeBytes, 0);
  for (const b of net.blocks) {
    if (!b.bilinear) continue;
    const { layout, sources, terms } = b.bilinear;
    const n = (t: number): number => layout.instances.filter((i) => i.type === t).length;
    const s = (t: number): number => sources.filter((i) => layout.instances[i]!.type === t).length;
    for (const t of terms) {
      const nnz = t.basis.blocks.reduce((k, x) => k + x.elements.colIdx.length, 0);
      const numbers = 4 * nnz + s(t.sourceType) * layout.types[t.sourceType]!.dim + n(t.inType) * layout.types[t.inType]!.dim;
      const params = n(t.outType) * n(t.inType) * s(t.sourceType) * t.basis.dim;
      literalNumbers += numbers;
      parameters += params;
      runtimeBytes += numbers * PARSE_BYTES_PER_NUMBER[format] + params * BILINEAR_PARAMETER_BYTES;
    }
  }
  return { literalNumbers, parameters, runtimeBytes };
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The network's data for one format, after the size check.
 *
 * @example
 * checkedNetworkData(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 }), 'jax', {}).blocks.length // 1
 */
export function checkedNetworkData(net: NetworkBases, format: LayerFormat, options: NetworkEmitOptions): NetworkData {
  const size = networkSize(net, format);
  const limit = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  if (size.runtimeBytes > limit) {
    throw new ResourceError('E_TOO_LARGE', `generated ${format} network too large: importing and running the file needs about ${formatBytes(size.runtimeBytes)}, above the limit of ${formatBytes(limit)}`, {
      expected: `at most ${formatBytes(limit)}`,
      actual: formatBytes(size.runtimeBytes),
      hint: `${count(size.parameters)} parameters; fewer hidden channels (--hidden) shrink every layer quadratically; raise --max-memory if the machine that runs the network has the memory`,
    });
  }
  if (size.literalNumbers > MAX_LITERAL_NUMBERS) {
    throw new ResourceError('E_TOO_LARGE', `generated ${format} network file too large: it would embed ${count(size.literalNumbers)} numbers, above the limit of ${count(MAX_LITERAL_NUMBERS)}`, {
      expected: `at most ${count(MAX_LITERAL_NUMBERS)} numbers`,
      actual: `${count(size.literalNumbers)} numbers`,
      hint: 'use fewer hidden channels (--hidden), fewer layers, or --no-bilinear',
    });
  }
  return networkData(net);
}
