/**
 * Direct-sum structure. A rep is split into summands that are not sums — distributing ⊗ over ⊕ —
 * each with the coordinates it occupies in the whole rep. Equal summands share a *type*, so
 * Hom(ρ_in, ρ_out) is solved once per (in type, out type) pair and laid out over every pair of
 * instances: dim = Σ n_b·m_a·r_ab. Nothing of size dim_out × dim_in × r is ever built here.
 */
import { repDim, repKey, tensor, type Rep } from '../rep/rep.js';

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

interface Piece {
  readonly rep: Rep;
  readonly indices: Int32Array;
}

/**
 * Splits `rep` into its summands.
 *
 * @example
 * summandLayout(parseRep('2V+V⊗V'), 3, [3]).types.length     // 2 (V and V⊗V)
 * summandLayout(parseRep('V⊗(V+V*)'), 3, [3]).instances[1].indices // [3,4,5, 9,10,11, 15,16,17]
 */
export function summandLayout(rep: Rep, baseDim: number, factorDims: readonly number[]): Layout {
  const dimOf = (r: Rep): number => repDim(r, baseDim, factorDims);
  const pieces = split(rep, dimOf).sort((a, b) => a.indices[0]! - b.indices[0]!);
  const types: SummandType[] = [];
  const typeOf = new Map<string, number>();
  const instances = pieces.map((p): SummandInstance => {
    const key = repKey(p.rep);
    let type = typeOf.get(key);
    if (type === undefined) {
      type = types.length;
      typeOf.set(key, type);
      types.push(Object.freeze({ rep: p.rep, key, dim: p.indices.length }));
    }
    const first = p.indices[0] ?? 0;
    const contiguous = p.indices.every((v, i) => v === first + i);
    return Object.freeze({ type, indices: p.indices, offset: contiguous ? first : null });
  });
  return Object.freeze({ dim: dimOf(rep), types: Object.freeze(types), instances: Object.freeze(instances) });
}

function range(start: number, length: number): Int32Array {
  const a = new Int32Array(length);
  for (let i = 0; i < length; i++) a[i] = start + i;
  return a;
}

function split(rep: Rep, dimOf: (r: Rep) => number): Piece[] {
  if (rep.kind === 'sum') {
    const out: Piece[] = [];
    let offset = 0;
    for (const t of rep.terms) {
      const inner = split(t.rep, dimOf);
      const d = dimOf(t.rep);
      for (let c = 0; c < t.count; c++) {
        for (const p of inner) out.push({ rep: p.rep, indices: p.indices.map((i) => i + offset) });
        offset += d;
      }
    }
    return out;
  }
  if (rep.kind === 'tensor' && rep.factors.some((f) => f.kind === 'sum')) {
    // (A⊕B)⊗C has A⊗C first, then B⊗C; A⊗(B⊕C) interleaves: row-major index i·dim₂ + j.
    let acc: Piece[] = [{ rep: tensor([]), indices: Int32Array.of(0) }];
    let accDim = 1;
    for (const f of rep.factors) {
      const parts = split(f, dimOf);
      const d = dimOf(f);
      const next: Piece[] = [];
      for (const a of acc) {
        for (const p of parts) {
          const indices = new Int32Array(a.indices.length * p.indices.length);
          let k = 0;
          for (const i of a.indices) for (const j of p.indices) indices[k++] = i * d + j;
          next.push({ rep: tensor([a.rep, p.rep]), indices });
        }
      }
      acc = next;
      accDim *= d;
    }
    void accDim;
    return acc;
  }
  return [{ rep, indices: range(0, dimOf(rep)) }];
}
