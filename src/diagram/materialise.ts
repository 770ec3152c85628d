/**
 * A diagram basis as matrices, for the group's actual n: each element's entries (the index tuples
 * where it is non-zero, as flat row-major indices of W), and the block's canonical RREF rows.
 * Only on request, and only when it fits: the estimate comes first.
 */
import { ResourceError } from '../errors.js';
import { ONE, type Rational } from '../field/rational.js';
import type { SparseMatrix } from '../linalg/index.js';
import type { IntegerMatrix } from '../linalg/modular.js';
import { rrefOfRows } from '../linalg/rref-exact.js';
import { formatBytes } from '../util/bytes.js';
import type { Deadline } from '../util/deadline.js';
import type { DiagramBlock, DiagramTerm } from './types.js';

/** Flat W indices above this cannot be stored (Int32Array columns). */
const MAX_FLAT = 2 ** 31 - 1;
/** Bytes per stored entry of an orbit-basis block (column index, value reference, bookkeeping). */
const ORBIT_BYTES_PER_ENTRY = 32;
/** Bytes per entry of the RREF's worst case (dense rows mod p, then rationals). */
const RREF_BYTES_PER_ENTRY = 48;
/** Above this many rank × columns the RREF of a non-orbit diagram basis is not computed. */
export const RREF_WORK_LIMIT = 2 ** 25;
/** Up to this size materialising is cheap enough to do unasked (verification, default flat JSON). */
export const CHEAP_MATERIALISE_LIMIT = 2 ** 20;

/** What materialising a diagram block would take. */
export interface MaterialiseEstimate {
  /** Stored entries of the canonical rows (exact for orbit bases, an upper bound otherwise). */
  readonly entries: number;
  readonly bytes: number;
  /** Small enough to do without being asked (checked at the real n; flat JSON by default). */
  readonly cheap: boolean;
  /** Null when it can be done within `maxBytes`, otherwise why not. */
  readonly refusal: string | null;
}

function termEntryCount(term: DiagramTerm, dims: readonly number[]): number {
  if (term.kind === 'partition') {
    const d = dims[term.blocks[0]?.[0] ?? 0] ?? 1;
    let c = 1;
    for (let b = 0; b < term.blocks.length; b++) c *= d - b;
    return Math.max(0, c);
  }
  let c = 1;
  for (const pair of term.pairs) c *= dims[pair.p]!;
  const e = term.epsilon.length;
  for (let k = 2; k <= e; k++) c *= k;
  return c;
}

/**
 * The cost of `materialiseBlock` for a W of shape m × n, per position dimension `dims`.
 *
 * @example
 * materialiseEstimate(block, 59049, 59049, dims, 4 * 1024 ** 3).refusal // O(3) T(5): 'the reduced echelon form needs …'
 */
export function materialiseEstimate(block: DiagramBlock, m: number, n: number, dims: readonly number[], maxBytes: number): MaterialiseEstimate {
  const r = block.elements.length;
  const cols = m * n;
  const diagramEntries = block.elements.reduce((s, e) => s + e.terms.reduce((p, t) => p * termEntryCount(t, dims), 1), 0);
  const entries = block.canonical ? diagramEntries : Math.min(r * cols, Math.max(diagramEntries, r * (cols - r + 1)));
  const work = block.canonical ? diagramEntries : r * cols;
  const bytes = block.canonical ? entries * ORBIT_BYTES_PER_ENTRY : r * cols * RREF_BYTES_PER_ENTRY;
  let refusal: string | null = null;
  if (!(cols <= MAX_FLAT)) refusal = `W has ${cols.toExponential(3)} entries, too many to index`;
  else if (!block.canonical && !(work <= RREF_WORK_LIMIT)) {
    refusal = `the reduced echelon form of ${r.toLocaleString('en-US')} diagrams of ${cols.toLocaleString('en-US')} entries each needs up to ${work.toExponential(3)} entries, above ${RREF_WORK_LIMIT.toExponential(3)}`;
  } else if (!(bytes <= maxBytes)) refusal = `materialising needs an estimated ${formatBytes(bytes)}, above the limit of ${formatBytes(maxBytes)}`;
  return Object.freeze({ entries, bytes, cheap: refusal === null && work <= CHEAP_MATERIALISE_LIMIT, refusal });
}

/** The error a refused materialisation raises (`--flat`, an emitter, `elements` of a large block). */
export function materialiseRefusal(block: DiagramBlock, estimate: MaterialiseEstimate): ResourceError {
  return new ResourceError('E_TOO_LARGE', `the ${block.elements.length.toLocaleString('en-US')}-element diagram basis is too large to materialise: ${estimate.refusal}`, {
    expected: 'a block small enough to expand',
    actual: `about ${formatBytes(estimate.bytes)}`,
    hint: 'the diagrams themselves are in the JSON (--format json, without --flat); the summary needs no matrices',
  });
}

/** One term's non-zero entries: flat-index contributions and values. */
function termEntries(term: DiagramTerm, dims: readonly number[], weight: readonly number[]): { offset: readonly number[]; value: readonly number[] } {
  let offset = [0];
  let value = [1];
  const extend = (choices: readonly { o: number; v: number }[]): void => {
    const o2: number[] = [];
    const v2: number[] = [];
    for (let i = 0; i < offset.length; i++) for (const c of choices) {
      o2.push(offset[i]! + c.o);
      v2.push(value[i]! * c.v);
    }
    offset = o2;
    value = v2;
  };
  if (term.kind === 'partition') {
    // Distinct values per block, depth first with a mask of the values taken.
    const d = dims[term.blocks[0]?.[0] ?? 0] ?? 1;
    const w = term.blocks.map((b) => b.reduce((s, p) => s + weight[p]!, 0));
    const taken = new Uint8Array(d);
    const out: number[] = [];
    const go = (b: number, acc: number): void => {
      if (b === w.length) {
        out.push(acc);
        return;
      }
      for (let x = 0; x < d; x++) {
        if (taken[x]) continue;
        taken[x] = 1;
        go(b + 1, acc + x * w[b]!);
        taken[x] = 0;
      }
    };
    go(0, 0);
    return { offset: out, value: new Array<number>(out.length).fill(1) };
  }
  for (const { p, q, form } of term.pairs) {
    const d = dims[p]!;
    const choices: { o: number; v: number }[] = [];
    for (let x = 0; x < d; x++) {
      if (form === 'J') {
        const h = d / 2;
        choices.push({ o: x * weight[p]! + (x < h ? x + h : x - h) * weight[q]!, v: x < h ? 1 : -1 });
      } else choices.push({ o: x * (weight[p]! + weight[q]!), v: form === 'eta' && x > 0 ? -1 : 1 });
    }
    extend(choices);
  }
  if (term.epsilon.length > 0) {
    const d = term.epsilon.length;
    const choices: { o: number; v: number }[] = [];
    for (const perm of permutations(d)) {
      let o = 0;
      let v = perm.sign;
      perm.values.forEach((x, k) => {
        const pos = term.epsilon[k]!;
        o += x * weight[pos]!;
        // η = diag(1, −1, …): lowering a spatial index flips the sign.
        if (term.lowered.includes(pos) && x > 0) v = -v;
      });
      choices.push({ o, v });
    }
    extend(choices);
  }
  return { offset, value };
}

function permutations(d: number): { values: number[]; sign: number }[] {
  if (d === 0) return [{ values: [], sign: 1 }];
  const out: { values: number[]; sign: number }[] = [];
  for (const rest of permutations(d - 1)) {
    // Insert d − 1 at each place; moving it left past j entries costs j transpositions.
    for (let at = 0; at <= rest.values.length; at++) {
      const values = [...rest.values.slice(0, at), d - 1, ...rest.values.slice(at)];
      out.push({ values, sign: (rest.values.length - at) % 2 === 0 ? rest.sign : -rest.sign });
    }
  }
  return out;
}

/** Diagram rows at the real n: entries ±1, columns ascending within each row. */
export interface DiagramRows {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Int8Array;
}

/**
 * Every element's entries at the real n, as rows of length m·n (row-major flat index of W), in
 * element order. `dims[p]` is the dimension of position p's base rep.
 *
 * @example
 * diagramRows(block, 9, 9, [3, 3, 3, 3]).rows // 3 for O(3) V⊗V → V⊗V
 */
export function diagramRows(block: DiagramBlock, m: number, n: number, dims: readonly number[], deadline?: Deadline): DiagramRows {
  const positions = block.positions;
  const weight = positions.map((pos) => {
    let w = pos.side === 'out' ? n : 1;
    for (let j = pos.axis + 1; ; j++) {
      const k = positions.findIndex((x) => x.side === pos.side && x.axis === j);
      if (k < 0) break;
      w *= dims[k]!;
    }
    return w;
  });
  const sizes = block.elements.map((e) => e.terms.reduce((p, t) => p * termEntryCount(t, dims), 1));
  const total = sizes.reduce((a, b) => a + b, 0);
  const rowPtr = new Int32Array(block.elements.length + 1);
  const colIdx = new Int32Array(total);
  const values = new Int8Array(total);
  let at = 0;
  block.elements.forEach((el, r) => {
    deadline?.check();
    // The product of the terms' entries: offsets add, values multiply.
    let offset = Float64Array.of(0);
    let value = Int8Array.of(1);
    for (const term of el.terms) {
      const t = termEntries(term, dims, weight);
      const o2 = new Float64Array(offset.length * t.offset.length);
      const v2 = new Int8Array(o2.length);
      let k = 0;
      for (let i = 0; i < offset.length; i++) {
        for (let j = 0; j < t.offset.length; j++, k++) {
          o2[k] = offset[i]! + t.offset[j]!;
          v2[k] = value[i]! * t.value[j]!;
        }
      }
      offset = o2;
      value = v2;
    }
    if (value.every((v) => v === 1)) {
      // 0/1 rows (partitions, δ): a numeric typed-array sort is enough.
      colIdx.set(offset.sort(), at);
      values.fill(1, at, at + offset.length);
    } else {
      const order = Array.from(offset, (_, i) => i).sort((a, b) => offset[a]! - offset[b]!);
      order.forEach((i, k) => {
        colIdx[at + k] = offset[i]!;
        values[at + k] = value[i]!;
      });
    }
    at += offset.length;
    rowPtr[r + 1] = at;
  });
  return Object.freeze({ rows: block.elements.length, cols: m * n, rowPtr, colIdx, values });
}

function integerMatrix(rows: DiagramRows): IntegerMatrix {
  const small = Float64Array.from(rows.values);
  return Object.freeze({ ...rows, big: Object.freeze(Array.from(rows.values, (v) => BigInt(v))), small, maxAbs: rows.values.length ? 1 : 0 });
}

/**
 * The block's canonical rows: the orbit basis as it is (already RREF, element k = row k), or the
 * exact RREF of the diagrams' span. Refuses (E_TOO_LARGE) above the estimate's limits.
 *
 * @example
 * materialiseBlock(block, 9, 9, [3, 3, 3, 3], 2 ** 30).rows // 3
 */
export function materialiseBlock(block: DiagramBlock, m: number, n: number, dims: readonly number[], maxBytes: number, deadline?: Deadline): SparseMatrix<Rational> {
  const estimate = materialiseEstimate(block, m, n, dims, maxBytes);
  if (estimate.refusal !== null) throw materialiseRefusal(block, estimate);
  const rows = diagramRows(block, m, n, dims, deadline);
  if (!block.canonical) return rrefOfRows(integerMatrix(rows), block.elements.length, deadline);
  // The orbit basis is its own RREF: 0/1 rows, in pivot order.
  return Object.freeze({ rows: rows.rows, cols: rows.cols, rowPtr: rows.rowPtr, colIdx: rows.colIdx, values: Object.freeze(new Array<Rational>(rows.colIdx.length).fill(ONE)) });
}
