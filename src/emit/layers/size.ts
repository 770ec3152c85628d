/**
 * How large a generated layer is, estimated from the block structure of its bases before any text
 * is built, and the guard that refuses what could not be written or imported (E_TOO_LARGE), like
 * the JSON writer's own check (reports/json.ts).
 *
 * Two limits. The runtime's memory (`--max-memory`): importing the file, constructing the layer
 * and running it once allocates the index buffer (one entry per weight of W), its construction
 * temporaries, W itself, θ, and the parse of the embedded literals. And a cap on the literals a
 * source file embeds, because a source file is the wrong container for bulk data: CPython needs
 * about 800 bytes of memory per number in a list literal to import it (measured: a 15.8 MB file
 * with 2M integers peaks at 1.6 GB in python3.11), V8 about 50.
 */
import type { LayerBases, Basis } from '../../basis.js';
import { ResourceError } from '../../errors.js';
import { RepMatrixCache } from '../../rep/matrices.js';
import type { Layout } from '../../rep/layout.js';
import { DEFAULT_MAX_MEMORY_BYTES, formatBytes } from '../../util/bytes.js';
import { formOf, layerData, type LayerData } from './data.js';

/** The layer formats, with the language each is imported by. */
export type LayerFormat = 'pytorch' | 'jax' | 'tfjs';

/** A generated file embeds at most this many numbers (about 10 MB of source text). */
export const MAX_LITERAL_NUMBERS = 1_000_000;

/** Peak bytes per embedded number while the file is imported (measured, rounded up). */
const PARSE_BYTES_PER_NUMBER: Readonly<Record<LayerFormat, number>> = { pytorch: 800, jax: 800, tfjs: 60 };

/**
 * Bytes per entry of W while the layer is built and run once: the index (int64 in torch, 8), the
 * two expanded temporaries that fill it (16), W and the source vector it is gathered from (4 + 4
 * in float32; 8 + 8 in complex64). TF.js and numpy use int32 indices: the torch figure bounds them.
 */
const WEIGHT_ENTRY_BYTES = { real: 32, complex: 40 } as const;
/** θ and its gradient (float32: 8; complex64: 16), plus room for an optimizer's state. */
const PARAMETER_BYTES = { real: 16, complex: 32 } as const;

export interface LayerSize {
  /** Numbers the file embeds as literals (index maps, block bases, generator matrices). */
  readonly literalNumbers: number;
  /** Entries of W (dim_out · dim_in): the index buffer and W itself are this long. */
  readonly weightEntries: number;
  /** θ and the bias coefficients. */
  readonly parameters: number;
  /** Estimated peak bytes to import the file, construct the layer and run it once. */
  readonly runtimeBytes: number;
}

function countsOf(layout: Layout): number[] {
  const counts = new Array<number>(layout.types.length).fill(0);
  for (const inst of layout.instances) counts[inst.type]!++;
  return counts;
}

/**
 * Numbers in one expansion's literal: per block its position table, instance maps and (unless
 * `values` is false) its values. Without values nothing is read of the blocks' rows, which for a
 * diagram block means they are not materialised.
 */
function expansionNumbers<T>(basis: Basis<T>, complex: boolean, values = true): number {
  const nOut = countsOf(basis.outLayout);
  const nIn = countsOf(basis.inLayout);
  return basis.blocks.reduce((s, b) => {
    const form = values ? formOf(basis, b) : 'none';
    const stored = form === 'sparse' ? (complex ? 4 : 3) * b.elements.colIdx.length : form === 'dense' ? (complex ? 2 : 1) * b.elements.rows * b.m * b.n : 0;
    return s + b.m * b.n + nOut[b.outType]! * b.m + nIn[b.inType]! * b.n + stored;
  }, 0);
}

/** Numbers in one side's action: every coordinate of the layout, and the types' generator matrices. */
function actionNumbers<T>(layout: Layout, matrices: RepMatrixCache<T>, complex: boolean): number {
  const perEntry = complex ? 4 : 3;
  const generators = layout.types.reduce((s, t) => {
    const m = matrices.of(t.rep);
    return s + [...m.discrete, ...m.lie].reduce((n, g) => n + perEntry * g.colIdx.length, 0);
  }, 0);
  return layout.dim + 2 * layout.instances.length + generators;
}

/**
 * The size of a layer's generated file and of what its runtime allocates, from the block
 * structure alone (linear in the number of summand instances; nothing of size W is built).
 *
 * @example
 * layerSize(solveLayer({ group: 'S(5)', in: 'V**2' }), new RepMatrixCache(s5), 'pytorch').weightEntries // 625
 */
export function layerSize(layer: LayerBases, matrices: RepMatrixCache<unknown>, format: LayerFormat): LayerSize {
  const w = layer.weight;
  const complex = w.field.complex === true;
  const literalNumbers =
    expansionNumbers(w, complex) + expansionNumbers(layer.bias, complex) + actionNumbers(w.inLayout, matrices, complex) + actionNumbers(w.outLayout, matrices, complex);
  const shape = shapeSize(layer);
  return { ...shape, literalNumbers, runtimeBytes: shape.runtimeBytes + literalNumbers * PARSE_BYTES_PER_NUMBER[format] };
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Refuses (E_TOO_LARGE) a layer whose runtime needs more than `maxMemoryBytes` (default 4 GiB),
 * or whose file would embed more than MAX_LITERAL_NUMBERS numbers.
 *
 * @example
 * checkLayerSize(solveLayer({ group: 'S(4)', in: '1000000V' }), cache, 'pytorch', {}) // throws E_TOO_LARGE
 */
export function checkLayerSize(layer: LayerBases, matrices: RepMatrixCache<unknown>, format: LayerFormat, options: LayerEmitOptions): void {
  const limit = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  // W and the parameters are known from the shapes alone: refuse on them first, before the literal
  // count reads the blocks' rows (which would materialise a 10⁸-entry diagram block to refuse it).
  refuseRuntime(layer, format, limit, shapeSize(layer));
  // The position tables alone can exceed the literal cap (S(100) T(2)→T(2): 10⁸ positions): refuse
  // on them before the block values are counted, which would materialise every diagram block
  // (that took 10 minutes and then exhausted the heap).
  const complex = layer.weight.field.complex === true;
  const tables = expansionNumbers(layer.weight, complex, false) + expansionNumbers(layer.bias, complex, false);
  if (tables > MAX_LITERAL_NUMBERS) refuseLiterals(format, tables, 'at least ');
  const size = layerSize(layer, matrices, format);
  refuseRuntime(layer, format, limit, size);
  if (size.literalNumbers > MAX_LITERAL_NUMBERS) refuseLiterals(format, size.literalNumbers, '');
}

function refuseLiterals(format: LayerFormat, numbers: number, atLeast: string): never {
  throw new ResourceError(
    'E_TOO_LARGE',
    `generated ${format} file too large: it would embed ${atLeast}${count(numbers)} numbers (index maps of the summands, block bases, generator matrices), above the limit of ${count(MAX_LITERAL_NUMBERS)}`,
    {
      expected: `at most ${count(MAX_LITERAL_NUMBERS)} numbers`,
      actual: `${atLeast}${count(numbers)} numbers`,
      hint:
        `a generated file embeds at most ${count(MAX_LITERAL_NUMBERS)} numbers (about 10 MB of source; Python needs about 800 bytes per embedded number to import it): ` +
        'use fewer summands, --size-agnostic for diagram groups (S(n), O(n), …: the layer never forms W), or write the basis with --format json and build the layer from its blocks (python/load_basis.py)',
    },
  );
}

/** W, the bias and the parameters: the part of `layerSize` that needs no block rows. */
function shapeSize(layer: LayerBases): LayerSize {
  const w = layer.weight;
  const kind = w.field.complex === true ? 'complex' : 'real';
  const weightEntries = w.shape[0] * w.shape[1];
  const parameters = w.dim + layer.bias.dim;
  return { literalNumbers: 0, weightEntries, parameters, runtimeBytes: (weightEntries + w.shape[0]) * WEIGHT_ENTRY_BYTES[kind] + parameters * PARAMETER_BYTES[kind] };
}

function refuseRuntime(layer: LayerBases, format: LayerFormat, limit: number, size: LayerSize): void {
  if (size.runtimeBytes <= limit) return;
  const complex = layer.weight.field.complex === true;
  const [rows, cols] = layer.weight.shape;
  throw new ResourceError(
    'E_TOO_LARGE',
    `generated ${format} layer too large: W has ${count(size.weightEntries)} entries (${count(rows)} × ${count(cols)}) and ${count(size.parameters)} parameters; importing and running the file needs about ${formatBytes(size.runtimeBytes)}, above the limit of ${formatBytes(limit)}`,
    {
      expected: `at most ${formatBytes(limit)}`,
      actual: formatBytes(size.runtimeBytes),
      hint:
        `the estimate is ${WEIGHT_ENTRY_BYTES[complex ? 'complex' : 'real']} bytes per entry of W (its index buffer and W itself), ` +
        `${PARAMETER_BYTES[complex ? 'complex' : 'real']} per parameter and ${PARSE_BYTES_PER_NUMBER[format]} per number embedded in the file; ` +
        'fewer channels shrink W quadratically (--size-agnostic layers never form W); raise --max-memory if the machine that runs the layer has the memory',
    },
  );
}

/** What a layer emitter accepts besides the layer (EmitOptions narrows to this). */
export interface LayerEmitOptions {
  /** Refuse layers whose runtime would need more than this many bytes (default 4 GiB). */
  readonly maxMemoryBytes?: number;
}

/**
 * The layer's data for one format, after the size check: what every layer emitter starts from.
 *
 * @example
 * checkedLayerData(solveLayer({ group: 'S(5)', in: 'V**2' }), 'jax', {}).weight.size // 15
 */
export function checkedLayerData(layer: LayerBases, format: LayerFormat, options: LayerEmitOptions): LayerData {
  const matrices = new RepMatrixCache<unknown>(layer.weight.group);
  checkLayerSize(layer, matrices, format, options);
  return layerData(layer, matrices);
}
