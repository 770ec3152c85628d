/**
 * Direct-sum structure, and the guard in front of it. A rep is split into summands that are not
 * sums — distributing ⊗ over ⊕ — each with the coordinates it occupies in the whole rep. Equal
 * summands share a *type*, so Hom(ρ_in, ρ_out) is solved once per (in type, out type) pair and
 * laid out over every pair of instances: dim = Σ n_b·m_a·r_ab. Nothing of size
 * dim_out × dim_in × r is ever built here.
 *
 * Two steps, so that a request too large to answer is refused before anything of size dim exists:
 * `repShape` (types and counts from the expression alone, checked: factors, dimension) and
 * `layoutOf` (the coordinates, built only once the shape fits the memory limit).
 */
import { ResourceError, SpecError } from '../errors.js';
import type { Group } from '../group/group.js';
import { formatBytes } from '../util/bytes.js';
import { printRep, repDim, repKey, tensor, type Rep } from './rep.js';

export interface SummandType {
  readonly rep: Rep;
  /** Canonical printed form. */
  readonly key: string;
  readonly dim: number;
}

export interface SummandInstance {
  /** Index into `Layout.types`. */
  readonly type: number;
  /** Coordinates of the summand inside the whole rep, increasing. */
  readonly indices: Int32Array;
  /** The first coordinate, when the summand occupies one contiguous range (the usual case). */
  readonly offset: number | null;
}

export interface Layout {
  readonly dim: number;
  readonly types: readonly SummandType[];
  /** In order of their first coordinate. */
  readonly instances: readonly SummandInstance[];
}

/**
 * A summand and its coordinates: `[first, first + dim)` when `indices` is null (a plain summand or
 * a term of a sum: no array is built, so a rep of 10⁹ coordinates costs nothing here), otherwise
 * the explicit, increasing coordinates a tensor product with a sum factor interleaves.
 */
interface Piece {
  readonly rep: Rep;
  readonly first: number;
  readonly dim: number;
  readonly indices: Int32Array | null;
}

/**
 * Splits `rep` into its summands (unchecked: `layoutOf` is the guarded door).
 */
function buildLayout(rep: Rep, baseDim: number, factorDims: readonly number[]): Layout {
  const dimOf = (r: Rep): number => repDim(r, baseDim, factorDims);
  const pieces = split(rep, dimOf).sort((a, b) => a.first - b.first);
  const types: SummandType[] = [];
  const typeOf = new Map<string, number>();
  const instances = pieces.map((p): SummandInstance => {
    const key = repKey(p.rep);
    let type = typeOf.get(key);
    if (type === undefined) {
      type = types.length;
      typeOf.set(key, type);
      types.push(Object.freeze({ rep: p.rep, key, dim: p.dim }));
    }
    const explicit = p.indices;
    if (explicit !== null && !explicit.every((v, i) => v === p.first + i)) return Object.freeze({ type, indices: explicit, offset: null });
    // Contiguous: the index array is built only if someone reads it, and then kept.
    let memo: Int32Array | null = explicit;
    const inst = { type, offset: p.first } as SummandInstance;
    Object.defineProperty(inst, 'indices', { enumerable: true, get: () => (memo ??= range(p.first, p.dim)) });
    return Object.freeze(inst);
  });
  return Object.freeze({ dim: dimOf(rep), types: Object.freeze(types), instances: Object.freeze(instances) });
}

function range(start: number, length: number): Int32Array {
  const a = new Int32Array(length);
  for (let i = 0; i < length; i++) a[i] = start + i;
  return a;
}

function coordinatesOf(p: Piece): Int32Array {
  return p.indices ?? range(p.first, p.dim);
}

function split(rep: Rep, dimOf: (r: Rep) => number): Piece[] {
  if (rep.kind === 'sum') {
    const out: Piece[] = [];
    let offset = 0;
    for (const t of rep.terms) {
      const inner = split(t.rep, dimOf);
      const d = dimOf(t.rep);
      for (let c = 0; c < t.count; c++) {
        for (const p of inner) {
          out.push({ rep: p.rep, first: p.first + offset, dim: p.dim, indices: p.indices && p.indices.map((i) => i + offset) });
        }
        offset += d;
      }
    }
    return out;
  }
  if (rep.kind === 'tensor' && rep.factors.some((f) => f.kind === 'sum')) {
    // (A⊕B)⊗C has A⊗C first, then B⊗C; A⊗(B⊕C) interleaves: row-major index i·dim₂ + j.
    let acc: { rep: Rep; indices: Int32Array }[] = [{ rep: tensor([]), indices: Int32Array.of(0) }];
    for (const f of rep.factors) {
      const parts = split(f, dimOf);
      const d = dimOf(f);
      const next: { rep: Rep; indices: Int32Array }[] = [];
      for (const a of acc) {
        for (const p of parts) {
          const own = coordinatesOf(p);
          const indices = new Int32Array(a.indices.length * own.length);
          let k = 0;
          for (const i of a.indices) for (const j of own) indices[k++] = i * d + j;
          next.push({ rep: tensor([a.rep, p.rep]), indices });
        }
      }
      acc = next;
    }
    return acc.map((a) => ({ rep: a.rep, first: a.indices[0] ?? 0, dim: a.indices.length, indices: a.indices }));
  }
  return [{ rep, first: 0, dim: dimOf(rep), indices: null }];
}

/**
 * Coordinates for which a layout builds index arrays: those of tensor products with a sum factor
 * (everything else is a contiguous range, described by its offset).
 */
function indexedCoordinates(rep: Rep, dimOf: (r: Rep) => number): number {
  if (rep.kind === 'sum') return rep.terms.reduce((s, t) => s + t.count * indexedCoordinates(t.rep, dimOf), 0);
  if (rep.kind === 'tensor' && rep.factors.some((f) => f.kind === 'sum')) return dimOf(rep);
  return 0;
}

/** What the expression alone says about a rep's layout: its dimension and summand types with counts. */
export interface RepShape {
  readonly dim: number;
  /**
   * Coordinates the layout stores as index arrays (interleaved summands); the rest are ranges
   * that cost nothing. Absent means all `dim` of them (the cautious reading).
   */
  readonly indexed?: number;
  /** Distinct summand types, each with its number of instances (order not significant). */
  readonly types: readonly { readonly rep: Rep; readonly dim: number; readonly count: number }[];
}

/** Reps above this dimension cannot be indexed (typed arrays, flat indices r·n + c). */
const MAX_REP_DIM = 2 ** 31 - 1;
/** Bytes per rep coordinate of a layout (summand index arrays and their copies). */
export const LAYOUT_BYTES_PER_COORDINATE = 8;

/** The largest factor index a rep uses (0 when it uses none): reps given as trees skip the parser's check. */
function maxFactor(rep: Rep): number {
  switch (rep.kind) {
    case 'scalar':
      return 0;
    case 'base':
      return rep.factor ?? 0;
    case 'dual':
    case 'sym':
    case 'alt':
      return maxFactor(rep.of);
    case 'tensor':
      return Math.max(0, ...rep.factors.map(maxFactor));
    case 'sum':
      return Math.max(0, ...rep.terms.map((t) => maxFactor(t.rep)));
  }
}

function abbreviate(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}

/** Summand types with counts, by the same distribution of ⊗ over ⊕ as `split`, without coordinates. */
function typeCounts(rep: Rep): Map<string, { rep: Rep; count: number }> {
  const out = new Map<string, { rep: Rep; count: number }>();
  const add = (r: Rep, count: number): void => {
    const key = repKey(r);
    const prev = out.get(key);
    out.set(key, { rep: prev?.rep ?? r, count: (prev?.count ?? 0) + count });
  };
  if (rep.kind === 'sum') {
    for (const t of rep.terms) for (const inner of typeCounts(t.rep).values()) add(inner.rep, inner.count * t.count);
  } else if (rep.kind === 'tensor' && rep.factors.some((f) => f.kind === 'sum')) {
    let acc: { rep: Rep; count: number }[] = [{ rep: tensor([]), count: 1 }];
    for (const f of rep.factors) {
      const parts = [...typeCounts(f).values()];
      acc = acc.flatMap((a) => parts.map((p) => ({ rep: tensor([a.rep, p.rep]), count: a.count * p.count })));
    }
    for (const a of acc) add(a.rep, a.count);
  } else add(rep, 1);
  return out;
}

/**
 * The checked shape of `rep` for `group`: the factors it names exist, its dimension is positive
 * and can be indexed. Costs nothing of size dim, so V^50000 is refused in microseconds.
 *
 * @example
 * repShape(resolveGroup('S(3)'), parseRep('2V+V**2'), '--rep').types.length // 2
 */
export function repShape<T>(group: Group<T>, rep: Rep, path: string): RepShape {
  const k = maxFactor(rep);
  const factors = group.factors.length;
  // A simple group has one factor (V itself), so V1 there is a mistake, not V.
  if (k > factors || (k > 0 && factors === 1)) {
    const has = factors === 1 ? 'is not a product' : `has ${factors} factors`;
    throw new SpecError('E_REP_FACTOR', `the rep ${abbreviate(printRep(rep))} uses V${k}, but ${group.name} ${has}`, {
      path,
      expected: factors === 1 ? 'V (the group is not a product)' : `V1 … V${factors}`,
      actual: `V${k}`,
    });
  }
  const factorDims = group.factors.map((f) => f.dim);
  const dim = repDim(rep, group.dim, factorDims);
  if (!(dim <= MAX_REP_DIM)) {
    // Checked before the layout is built: V^50000 would otherwise fail inside an allocation.
    throw new ResourceError('E_TOO_LARGE', `the rep ${abbreviate(printRep(rep))} has dimension ${dim.toExponential(3)}, too large to index`, {
      path,
      expected: `dimension at most ${MAX_REP_DIM}`,
      actual: dim.toExponential(3),
    });
  }
  if (dim === 0) {
    throw new SpecError('E_REP_VALUE', `the rep ${abbreviate(printRep(rep))} has dimension 0 for ${group.name}`, {
      path,
      expected: 'a rep of positive dimension',
      actual: '0',
    });
  }
  const types = [...typeCounts(rep).values()]
    .map((t) => ({ rep: t.rep, dim: repDim(t.rep, group.dim, factorDims), count: t.count }))
    .filter((t) => t.dim > 0);
  const indexed = indexedCoordinates(rep, (r) => repDim(r, group.dim, factorDims));
  return Object.freeze({ dim, indexed, types: Object.freeze(types) });
}

/**
 * Throws E_TOO_LARGE when layouts with `coordinates` coordinates in all would not fit.
 *
 * @example
 * checkLayoutMemory(3 ** 19, 4 * 1024 ** 3) // throws: 9.3 GB of index arrays
 */
export function checkLayoutMemory(coordinates: number, maxBytes: number): void {
  const bytes = coordinates * LAYOUT_BYTES_PER_COORDINATE;
  if (!(bytes <= maxBytes)) {
    throw new ResourceError('E_TOO_LARGE', `problem too large: the reps have ${coordinates.toExponential(3)} coordinates, whose layout alone needs ${formatBytes(bytes)}, above the limit of ${formatBytes(maxBytes)}`, {
      expected: `at most ${formatBytes(maxBytes)}`,
      actual: formatBytes(bytes),
      hint: 'raise the limit with --max-memory (e.g. --max-memory 16G)',
    });
  }
}

export interface LayoutGuard {
  /** Refuse (E_TOO_LARGE) when the layout's index arrays would exceed this many bytes. */
  readonly maxBytes: number;
  /** Where the rep came from, for error messages (`--rep`, `in`). */
  readonly path: string;
}

/**
 * The one door to a layout: checks the rep (`repShape`) and the memory its coordinates need,
 * then splits it into summands.
 *
 * @example
 * layoutOf(resolveGroup('SO(3)'), parseRep('2V+V⊗V'), { maxBytes: 2 ** 30, path: '--rep' }).types.length // 2
 * layoutOf(resolveGroup('SO(3)'), parseRep('V⊗(V+V*)'), guard).instances[1].indices // [3,4,5, 9,10,11, 15,16,17]
 */
export function layoutOf<T>(group: Group<T>, rep: Rep, guard: LayoutGuard): Layout {
  const shape = repShape(group, rep, guard.path);
  checkLayoutMemory(shape.indexed ?? shape.dim, guard.maxBytes);
  return buildLayout(rep, group.dim, group.factors.map((f) => f.dim));
}
