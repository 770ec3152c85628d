/**
 * The character formula as an oracle for finite groups small enough to enumerate:
 * dim Hom_G(ρ_in, ρ_out) = (1/|G|) Σ_g χ_in(g)·χ_out(g⁻¹) (real reps: χ(g⁻¹) = χ(g) for
 * orthogonal ones; we use g⁻¹ to be safe for any rep).
 * Independent of the solver: enumerates the group by breadth-first search on float matrices of V
 * (and of each factor), and computes characters from the rep tree with the standard identities.
 */
import type { AnyGroup } from '../../src/group/group.js';
import type { Rep } from '../../src/rep/rep.js';

type M = number[][];

function dense(rows: number, cols: number, src: { rowPtr: Int32Array; colIdx: Int32Array; values: readonly unknown[] }, toNumber: (v: never) => number): M {
  const out: M = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let r = 0; r < rows; r++) for (let k = src.rowPtr[r]!; k < src.rowPtr[r + 1]!; k++) out[r]![src.colIdx[k]!] = toNumber(src.values[k] as never);
  return out;
}
const mul = (a: M, b: M): M => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const trace = (a: M): number => a.reduce((s, row, i) => s + row[i]!, 0);
const key = (ms: M[]): string => ms.map((m) => m.map((r) => r.map((v) => Math.round(v * 1e6) / 1e6).join(',')).join(';')).join('|');

/** One element: its matrix on each factor's base rep (factor 0 = V itself). */
type Element = M[];

export function enumerateGroup(group: AnyGroup, cap = 20000): Element[] {
  if (group.lie.length > 0) throw new Error('not a finite group');
  const f = group.field.toNumber as (v: never) => number;
  const gens: Element[] = group.discrete.map((g, i) => [
    dense(group.dim, group.dim, g, f),
    ...group.factors.map((fac) => dense(fac.dim, fac.dim, fac.discrete[i]!, f)),
  ]);
  const id: Element = [group.dim, ...group.factors.map((fac) => fac.dim)].map((d) =>
    Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))),
  );
  const seen = new Map<string, Element>([[key(id), id]]);
  const queue = [id];
  while (queue.length > 0) {
    const g = queue.shift()!;
    for (const h of gens) {
      const gh = g.map((m, i) => mul(m, h[i]!));
      const k = key(gh);
      if (!seen.has(k)) {
        if (seen.size >= cap) throw new Error(`group larger than ${cap}`);
        seen.set(k, gh);
        queue.push(gh);
      }
    }
  }
  return [...seen.values()];
}

function power(g: Element, j: number): Element {
  let acc = g;
  for (let i = 1; i < j; i++) acc = acc.map((m, k) => mul(m, g[k]!));
  return acc;
}

function invertOrthogonalish(g: Element, order: number): Element {
  // In a finite group g⁻¹ = g^(order-1) for the element's order; find it by powering.
  let acc = g;
  // i ≤ order: the identity (order 1) needs one step too.
  for (let i = 1; i <= order; i++) {
    const next = acc.map((m, k) => mul(m, g[k]!));
    if (next.every((m) => m.every((row, a) => row.every((v, b) => Math.abs(v - (a === b ? 1 : 0)) < 1e-9)))) return acc;
    acc = next;
  }
  throw new Error('element order too large');
}

/** χ_R(g) from the rep tree. Sym/Alt use power sums: h_k = (1/k) Σ p_j h_{k−j}. */
export function character(rep: Rep, g: Element, order = 10000): number {
  switch (rep.kind) {
    case 'scalar':
      return 1;
    case 'base':
      return trace(g[rep.factor ?? 0]!);
    case 'dual':
      return character(rep.of, invertOrthogonalish(g, order), order);
    case 'tensor':
      return rep.factors.reduce((p, f) => p * character(f, g, order), 1);
    case 'sum':
      return rep.terms.reduce((s, t) => s + t.count * character(t.rep, g, order), 0);
    case 'sym':
    case 'alt': {
      const p = (j: number): number => character(rep.of, power(g, j), order);
      const h = [1];
      for (let k = 1; k <= rep.degree; k++) {
        let s = 0;
        for (let j = 1; j <= k; j++) s += (rep.kind === 'alt' && j % 2 === 0 ? -1 : 1) * p(j) * h[k - j]!;
        h.push(s / k);
      }
      return h[rep.degree]!;
    }
  }
}

/** (1/|G|) Σ_g χ_in(g)·χ_out(g⁻¹), rounded (it is an integer). */
export function characterFormulaDim(group: AnyGroup, inRep: Rep, outRep: Rep): number {
  const elements = enumerateGroup(group);
  let s = 0;
  for (const g of elements) s += character(inRep, g, elements.length) * character(outRep, invertOrthogonalish(g, elements.length), elements.length);
  const d = s / elements.length;
  if (Math.abs(d - Math.round(d)) > 1e-6) throw new Error(`character formula gave a non-integer ${d}`);
  return Math.round(d) + 0; // normalise −0
}
