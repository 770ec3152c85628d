/**
 * Basis JSON, version 1 (DESIGN.md §6; schema in schema/basis.schema.json). Deterministic: the same
 * input gives byte-identical output — keys in a fixed order, no timestamps or timings, exact values
 * as canonical strings ("-1/2"), the canonical (reduced echelon) basis.
 */
import type { Field, JsonScalar } from '../../field/field.js';
import { toDense, type SparseMatrix } from '../../linalg/index.js';
import type { Layout } from '../../rep/layout.js';
import { generatorImages } from '../../group/permutations.js';
import { printRep } from '../../rep/rep.js';
import { blockEntries, blockRank, flatBasis, flatEntryCount, isCheap, numberFieldOf, type Basis, type BlockEntry } from '../../basis.js';
import { materialiseRefusal } from '../../diagram/materialise.js';
import { diagramBlockJson } from './diagram-json.js';
import { getHeapStatistics } from 'node:v8';
import { ResourceError } from '../../errors.js';
import { DEFAULT_MAX_MEMORY_BYTES, formatBytes } from '../../util/bytes.js';
import { VERSION } from '../../version.js';
import type { Certificate } from '../../verify/report.js';

export const BASIS_FORMAT = 'solve-basis/basis@1';

/** The flat basis is written by default when it has at most this many stored entries. */
export const FLAT_ENTRY_LIMIT = 2_000_000;

export interface JsonOptions {
  /** Always write the flat `basis` (true), never (false), or when small / a single block (default). */
  readonly flat?: boolean;
  /** Refuse (E_TOO_LARGE) when building the text would need more memory than this (default 4 GiB, capped by Node's heap limit). */
  readonly maxMemoryBytes?: number;
}

/**
 * Peak heap bytes per written entry while the JSON is built: the [row, col, value] array, its
 * value string, and the text. Measured: S(7) T(4)→T(4), 5.8M entries, +1.03 GB (≈ 180 B/entry);
 * rounded up so that a refusal comes before V8's heap limit, not after.
 */
const JSON_BYTES_PER_ENTRY = 250;

/** Refuses files whose construction would exhaust the heap (S(9) T(4): 43M entries). */
function checkJsonSize<T>(basis: Basis<T>, flat: boolean, single: boolean, options: JsonOptions): void {
  // A diagram counts as one entry per index position.
  const diagrams = basis.blocks.reduce((s, b) => s + (b.diagrams ? b.diagrams.elements.length * Math.max(1, b.diagrams.positions.length) : 0), 0);
  const entries = (flat ? flatEntryCount(basis) : 0) + diagrams + (single ? 0 : basis.blocks.reduce((s, b) => s + (isCheap(b) ? blockEntries(b) : 0), 0));
  const limit = Math.min(options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES, getHeapStatistics().heap_size_limit);
  const bytes = entries * JSON_BYTES_PER_ENTRY;
  if (bytes > limit) {
    throw new ResourceError('E_TOO_LARGE', `basis JSON too large: ${entries.toLocaleString('en-US')} entries need about ${formatBytes(bytes)} to write, above the limit of ${formatBytes(limit)}`, {
      expected: `at most ${formatBytes(limit)}`,
      actual: formatBytes(bytes),
      hint: flat && !single ? 'write only the blocks with --no-flat' : 'the summary format needs no file; raise Node\'s heap with NODE_OPTIONS=--max-old-space-size=MB and --max-memory',
    });
  }
}

type Value = JsonScalar;
interface SparseJson {
  entries: [number, number, Value][];
}

function matrixJson<T>(f: Field<T>, m: SparseMatrix<T>): Value[][] {
  return toDense(f, m).map((row) => row.map((v) => f.toJSON(v)));
}

/** Basis rows (flat index r·cols + c) as sparse {entries: [[row, col, value]…]} objects. */
function rowsJson<T>(f: Field<T>, rows: SparseMatrix<T>, cols: number): SparseJson[] {
  const out: SparseJson[] = [];
  for (let r = 0; r < rows.rows; r++) {
    const entries: [number, number, Value][] = [];
    for (let k = rows.rowPtr[r]!; k < rows.rowPtr[r + 1]!; k++) {
      const x = rows.colIdx[k]!;
      entries.push([Math.floor(x / cols), x % cols, f.toJSON(rows.values[k]!)]);
    }
    out.push({ entries });
  }
  return out;
}

function layoutJson(layout: Layout): object {
  return {
    types: layout.types.map((t) => ({ rep: t.key, dim: t.dim })),
    instances: layout.instances.map((i) =>
      i.offset !== null ? { type: i.type, offset: i.offset } : { type: i.type, indices: [...i.indices] },
    ),
  };
}

/** Format v1 names three families; the diagram strategy's answers are exact. */
const familyJson = (family: BlockEntry<unknown>['family']): string => (family === 'diagram' ? 'exact' : family);

function blockJson<T>(f: Field<T>, b: BlockEntry<T>): object {
  return {
    in: b.inType,
    out: b.outType,
    shape: [b.m, b.n],
    dim: blockRank(b),
    strategy: familyJson(b.family),
    // A symbolic block too large to expand is written as its diagrams only.
    ...(isCheap(b) ? { basis: rowsJson(f, b.elements, b.n) } : {}),
    ...(b.diagrams ? { diagrams: diagramBlockJson(b.diagrams) } : {}),
  };
}

/**
 * The certificate as JSON. Float residuals are written as a power-of-ten upper bound, not the raw
 * value: the last bits of exp() may differ between Node versions, and the file must not.
 */
function certificateJson(c: Certificate): object {
  return {
    certified: c.certified,
    method: c.method,
    ...(c.groupOrder !== undefined ? { groupOrder: c.groupOrder } : {}),
    ...(c.characterDim !== undefined ? { characterDim: c.characterDim } : {}),
    ...(c.lieAlgebra ? { lieAlgebra: { ...c.lieAlgebra } } : {}),
    ...(c.randomElements
      ? { randomElements: { count: c.randomElements.count, residualBelow: powerOfTenAbove(c.randomElements.maxResidual), tolerance: c.randomElements.tolerance } }
      : {}),
  };
}

function powerOfTenAbove(x: number): number {
  return x <= 1e-16 ? 1e-16 : Number(`1e${Math.ceil(Math.log10(x))}`);
}

/**
 * `field`, for groups over a number field ℚ(θ): θ (as an expression and as the real root it is) and
 * its minimal polynomial, so that `{"coefficients": [c0, …], "float": x}` values (Σ c_i θ^i) can be
 * read exactly; `basisRational` says that the basis needs none (C(k), D(k)).
 */
function fieldJson<T>(basis: Basis<T>): object {
  const nf = numberFieldOf(basis);
  if (nf === null) return {};
  return {
    field: {
      name: nf.name,
      generator: nf.generator,
      minimalPolynomial: nf.minimalPolynomial.map(String),
      embedding: nf.embedding,
      basisRational: nf.basisRational,
    },
  };
}

/**
 * Whether the flat basis goes into the file: on request, else when it is small or a single block —
 * and, by default, never when that would mean expanding a large diagram block (`flat: true`
 * expands it, or refuses with E_TOO_LARGE and the estimate).
 */
export function writesFlat<T>(basis: Basis<T>, options: JsonOptions = {}): boolean {
  if (options.flat !== undefined) return options.flat;
  if (!basis.blocks.every(isCheap)) return false;
  const singleBlock = basis.inLayout.instances.length === 1 && basis.outLayout.instances.length === 1;
  return singleBlock || flatEntryCount(basis) <= FLAT_ENTRY_LIMIT;
}

/**
 * The basis JSON object (not yet a string).
 *
 * @example
 * basisJson(solveBasis({ group: 'S(5)', in: 'V**2' })).dim // 15
 */
export function basisJson<T>(basis: Basis<T>, options: JsonOptions = {}): object {
  const f = basis.field;
  const g = basis.group;
  const single = basis.inLayout.instances.length === 1 && basis.outLayout.instances.length === 1;
  const flat = writesFlat(basis, options);
  // A diagram block that cannot be expanded says so (with its estimate) before any size check.
  const unexpandable = flat ? basis.blocks.find((b) => b.materialisation?.refusal) : undefined;
  if (unexpandable) throw materialiseRefusal(unexpandable.diagrams!, unexpandable.materialisation!);
  checkJsonSize(basis, flat, single, options);
  const images = generatorImages(g);
  const strategies = [...new Set(basis.blocks.map((b) => familyJson(b.family)))].sort();
  // Format v1 calls the signed-permutation check "monomial"; the diagram check is exact.
  const verification = [...new Set(basis.blocks.map((b) => (b.verification.mode === 'signed-permutation' ? 'monomial' : b.verification.mode === 'diagram' ? 'exact' : b.verification.mode)))].sort();
  const single0 = single ? basis.blocks[0] : undefined;
  return {
    format: BASIS_FORMAT,
    generator: `solve-basis ${VERSION}`,
    group: {
      name: g.name,
      dim: g.dim,
      ...(g.order !== undefined ? { order: g.order.toString() } : {}),
      // Large permutation groups as image lists (schema: group.permutations), others densely.
      ...(images ? { permutations: images } : { generators: g.discrete.map((m) => matrixJson(f, m)) }),
      lieAlgebra: g.lie.map((m) => matrixJson(f, m)),
    },
    in: { rep: printRep(basis.inRep), dim: basis.shape[1] },
    out: { rep: printRep(basis.outRep), dim: basis.shape[0] },
    shape: [...basis.shape],
    dim: basis.dim,
    exact: basis.exact,
    ...(f.complex ? { complex: true } : {}),
    ...fieldJson(basis),
    canonicalForm: 'rref',
    solver: {
      strategies,
      reasons: [...new Set(basis.blocks.map((b) => `${b.strategy}: ${b.reason}`))].sort(),
      verified: verification,
    },
    ...(basis.warnings.length > 0 ? { warnings: [...basis.warnings] } : {}),
    ...(basis.certificate ? { certificate: certificateJson(basis.certificate) } : {}),
    ...(flat ? { basis: rowsJson(f, flatBasis(basis), basis.shape[1]) } : {}),
    ...(single0?.diagrams ? { diagrams: diagramBlockJson(single0.diagrams) } : {}),
    ...(single
      ? {}
      : {
          blocks: {
            in: layoutJson(basis.inLayout),
            out: layoutJson(basis.outLayout),
            pairs: basis.blocks.map((b) => blockJson(f, b)),
          },
        }),
  };
}

/**
 * The basis JSON text: compact rows, one basis element per line, newline-terminated.
 *
 * @example
 * JSON.parse(basisJsonText(basis)).format // 'solve-basis/basis@1'
 */
export function basisJsonText<T>(basis: Basis<T>, options: JsonOptions = {}): string {
  return `${formatJson(basisJson(basis, options), '')}\n`;
}

/** A value written on one line: a primitive, or an algebraic number {coefficients, float}. */
const isLeaf = (v: unknown): boolean =>
  v === null || typeof v !== 'object' || (!Array.isArray(v) && Object.keys(v).join() === 'coefficients,float');
const isFlat = (v: unknown): boolean => isLeaf(v) || (Array.isArray(v) && v.every(isLeaf));

/**
 * Pretty-prints objects and nested arrays, but keeps arrays of primitives — and arrays of such
 * arrays, like a matrix or a basis element's entries — on one line, so a million-entry basis is a
 * million short lines' worth of text rather than five million lines.
 */
export function formatJson(value: unknown, indent: string): string {
  if (isFlat(value) || (Array.isArray(value) && value.every(isFlat))) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
