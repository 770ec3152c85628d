/**
 * Characters of reps of a finite group, exactly in its field, from the rep tree — never from the
 * rep matrices: χ_{A⊗B} = χ_A·χ_B, χ_{A⊕B} = χ_A + χ_B, χ_{A*}(g) = χ_A(g⁻¹), the base reps' traces,
 * and Sym^k / Alt^k through power sums (Newton's identities) with p_j(g) = χ_R(g^j):
 *
 *     k·h_k = Σ_{j=1..k} p_j·h_{k−j},      k·e_k = Σ_{j=1..k} (−1)^{j−1}·p_j·e_{k−j}.
 *
 * Why: the traces of the rep matrices of every element cost |G|·dim² field operations (C(3) on
 * V^⊗10: three 1024 × 1024 matrices over ℚ(√3)); this costs |G| operations per node of the tree,
 * and it shares no code with the rep matrices the solver used, which makes --certify more
 * independent of the solve.
 */
import type { Field } from '../field/field.js';
import { matrixKey, type GroupElement } from '../group/enumerate.js';
import { multiply, type SparseMatrix } from '../linalg/index.js';
import { repKey, type Rep } from './rep.js';

function trace<T>(f: Field<T>, m: SparseMatrix<T>): T {
  let t = f.zero;
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) if (m.colIdx[k] === r) t = f.add(t, m.values[k]!);
  }
  return t;
}

const keyOf = matrixKey;

/** χ_R(g) for every element g (in the enumeration's order), memoised per rep. */
export class CharacterTable<T> {
  private readonly memo = new Map<string, T[]>();
  private readonly index = new Map<string, number>();
  private readonly powers = new Map<number, Int32Array>();

  /**
   * @param inverse index of each element's inverse (enumerate.ts inverseIndex)
   */
  constructor(
    private readonly f: Field<T>,
    private readonly elements: readonly GroupElement<T>[],
    private readonly inverse: readonly number[],
  ) {
    // Elements are told apart by V together with every factor (a product's factors may repeat V's blocks).
    elements.forEach((e, i) => this.index.set(this.elementKey(e), i));
  }

  private elementKey(e: GroupElement<T>): string {
    return [keyOf(this.f, e.onV), ...e.onFactors.map((m) => keyOf(this.f, m))].join('|');
  }

  /** Index of g^j for every element g. */
  private power(j: number): Int32Array {
    let p = this.powers.get(j);
    if (p) return p;
    if (j === 1) {
      p = Int32Array.from(this.elements, (_, i) => i);
    } else {
      const prev = this.power(j - 1);
      p = Int32Array.from(this.elements, (g, i) => {
        const e = this.elements[prev[i]!]!;
        const next = { onV: multiply(this.f, e.onV, g.onV), onFactors: e.onFactors.map((m, x) => multiply(this.f, m, g.onFactors[x]!)) };
        return this.index.get(this.elementKey(next))!;
      });
    }
    this.powers.set(j, p);
    return p;
  }

  /**
   * @example
   * new CharacterTable(f, elements, inverse).of(parseRep('V⊗V')) // [χ(g) for each g]
   */
  of(rep: Rep): readonly T[] {
    const key = repKey(rep);
    let chi = this.memo.get(key);
    if (chi === undefined) {
      chi = this.build(rep);
      this.memo.set(key, chi);
    }
    return chi;
  }

  private build(rep: Rep): T[] {
    const f = this.f;
    const n = this.elements.length;
    switch (rep.kind) {
      case 'scalar':
        return new Array<T>(n).fill(f.one);
      case 'base':
        return this.elements.map((e) => trace(f, rep.factor === null ? e.onV : e.onFactors[rep.factor - 1]!));
      case 'dual': {
        const chi = this.of(rep.of);
        return this.inverse.map((i) => chi[i]!);
      }
      case 'tensor':
        return rep.factors.map((x) => this.of(x)).reduce((acc, chi) => acc.map((v, g) => f.mul(v, chi[g]!))) as T[];
      case 'sum':
        return rep.terms.reduce(
          (acc, t) => {
            const chi = this.of(t.rep);
            return acc.map((v, g) => {
              let s = v;
              for (let c = 0; c < t.count; c++) s = f.add(s, chi[g]!);
              return s;
            });
          },
          new Array<T>(n).fill(f.zero),
        );
      case 'sym':
      case 'alt': {
        const chi = this.of(rep.of);
        const p = Array.from({ length: rep.degree + 1 }, (_, j) => (j === 0 ? null : this.power(j)));
        return this.elements.map((_, g) => {
          const h: T[] = [f.one];
          for (let k = 1; k <= rep.degree; k++) {
            let s = f.zero;
            for (let j = 1; j <= k; j++) {
              const term = f.mul(chi[p[j]![g]!]!, h[k - j]!);
              s = rep.kind === 'alt' && j % 2 === 0 ? f.sub(s, term) : f.add(s, term);
            }
            h.push(f.mul(s, f.inv(small(f, k))));
          }
          return h[rep.degree]!;
        });
      }
    }
  }
}

function small<T>(f: Field<T>, k: number): T {
  let acc = f.zero;
  for (let i = 0; i < k; i++) acc = f.add(acc, f.one);
  return acc;
}

/**
 * dim Hom_G(in, out) = (1/|G|) Σ_g χ_in(g⁻¹)·χ_out(g), from the characters of both reps over the
 * same elements (`inverse[g]` is the index of g⁻¹), or null when the sum is not |G| times a
 * non-negative integer (the "group" is not one).
 *
 * @example
 * homDimension(f, table.of(V2), table.of(V2), inverse) // 15 for S(5) V⊗V
 */
export function homDimension<T>(f: Field<T>, chiIn: readonly T[], chiOut: readonly T[], inverse: readonly number[]): number | null {
  const order = chiOut.length;
  let sum = f.zero;
  for (let g = 0; g < order; g++) sum = f.add(sum, f.mul(chiIn[inverse[g]!]!, chiOut[g]!));
  const k = Math.round(f.toNumber(sum) / order);
  const exact = f.kind === 'exact' ? f.eq(sum, scaled(f, k * order)) : Math.abs(f.toNumber(sum) / order - k) < 1e-6;
  return exact && k >= 0 ? k + 0 : null;
}

/** k·1 in f, by doubling: generic over the field, and cheap for large k. */
function scaled<T>(f: Field<T>, k: number): T {
  let acc = f.zero;
  let unit = k < 0 ? f.neg(f.one) : f.one;
  for (let n = Math.abs(k); n > 0; n >>= 1) {
    if (n & 1) acc = f.add(acc, unit);
    unit = f.add(unit, unit);
  }
  return acc;
}
