import { describe, expect, it } from 'vitest';
import { directProduct } from '../../src/group/product.js';
import { toFloatGroup } from '../../src/group/convert.js';
import { resolveGroup } from '../../src/group/resolve.js';
import { cube, specialOrthogonal, symmetric } from '../../src/group/library/index.js';
import type { AnyGroup } from '../../src/group/group.js';
import { dense, eye } from './helpers.js';

const zero = (n: number) => eye(n).map((r) => r.map(() => 0));

/** diag(a, b) as dense numbers. */
function blocks(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const m = b.length;
  return [...a.map((r) => [...r, ...new Array<number>(m).fill(0)]), ...b.map((r) => [...new Array<number>(n).fill(0), ...r])];
}

describe('direct products', () => {
  it('SO(3) x S(4): V = V1 ⊕ V2, generators of SO(3) then S(4)', () => {
    const g = resolveGroup('SO(3) x S(4)');
    const so3 = specialOrthogonal(3);
    const s4 = symmetric(4);
    expect(g.name).toBe('SO(3) x S(4)');
    expect(g.dim).toBe(7);
    expect(g.field.kind).toBe('exact');
    expect(g.order).toBeUndefined();
    expect(g.discrete).toHaveLength(3);
    expect(g.lie).toHaveLength(3);
    expect(dense(g, g.lie[0]!)).toEqual(blocks(dense(so3, so3.lie[0]!), zero(4)));
    expect(dense(g, g.discrete[2]!)).toEqual(blocks(eye(3), dense(s4, s4.discrete[2]!)));

    const [f1, f2] = g.factors;
    expect(f1!.name).toBe('SO(3)');
    expect(f2!.name).toBe('S(4)');
    expect([f1!.dim, f2!.dim]).toEqual([3, 4]);
    // One matrix per generator of the whole group: identity / zero for the other factor's.
    expect(f1!.discrete.map((m) => dense(g, m))).toEqual([eye(3), eye(3), eye(3)]);
    expect(f1!.lie.map((m) => dense(g, m))).toEqual(so3.lie.map((m) => dense(so3, m)));
    expect(f2!.discrete.map((m) => dense(g, m))).toEqual(s4.discrete.map((m) => dense(s4, m)));
    expect(f2!.lie.map((m) => dense(g, m))).toEqual([zero(4), zero(4), zero(4)]);
  });

  it('products of products flatten; orders multiply', () => {
    const g = resolveGroup('S(3) x Z(4) x Cube');
    expect(g.factors.map((f) => f.name)).toEqual(['S(3)', 'Z(4)', 'Cube']);
    expect(g.order).toBe(6n * 4n * 24n);
    const nested = directProduct([directProduct([symmetric(3), resolveGroup('Z(4)')]), cube()]);
    expect(nested.name).toBe(g.name);
    expect(nested.factors).toHaveLength(3);
    expect(nested.dim).toBe(13);
    for (const f of nested.factors) {
      expect(f.discrete).toHaveLength(2 + 1 + 2);
      for (const m of f.discrete) expect([m.rows, m.cols]).toEqual([f.dim, f.dim]);
    }
    // The Z(4) factor sees S(3)'s and Cube's generators as the identity.
    const z = nested.factors[1]!;
    expect([0, 1, 3, 4].map((i) => dense(nested, z.discrete[i]!))).toEqual([eye(4), eye(4), eye(4), eye(4)]);
  });

  it('block-diagonal V generators equal diag of the factor matrices', () => {
    const g = resolveGroup('D(4) x A(4) x SO(2)');
    for (let i = 0; i < g.discrete.length; i++) {
      const [a, b, c] = g.factors.map((f) => dense(g, f.discrete[i]!));
      expect(dense(g, g.discrete[i]!)).toEqual(blocks(blocks(a!, b!), c!));
    }
  });

  it('number-field factors share the field their entries generate', () => {
    expect(resolveGroup('C(5) x S(3)').field.name).toBe('ℚ(2cos(2π/20))');
    const g = resolveGroup('C(8) x C(3)');
    expect(g.field.name).toBe('ℚ(2cos(2π/24))');
    const [a, b] = g.factors.map((f, i) => dense(g, f.discrete[i]!));
    expect(a![0]![1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(b![0]![1]).toBeCloseTo(Math.sqrt(3) / 2, 15);
    expect(g.order).toBe(24n);
  });

  it('one float factor makes the whole product float', () => {
    const g = resolveGroup('C(37) x S(3)');
    expect(g.field.kind).toBe('float');
    expect(g.factors[1]!.discrete.every((m) => m.values.every((v) => typeof v === 'number'))).toBe(true);
    expect(g.order).toBe(222n);
    const s3 = toFloatGroup(symmetric(3));
    expect(dense(g, g.factors[1]!.discrete[1]!)).toEqual(dense(s3, s3.discrete[0]!));
  });

  it('the product is deeply frozen', () => {
    const g: AnyGroup = resolveGroup('S(2) x S(2)');
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.factors)).toBe(true);
    for (const f of g.factors) {
      expect(Object.isFrozen(f)).toBe(true);
      expect(Object.isFrozen(f.discrete)).toBe(true);
      expect(Object.isFrozen(f.lie)).toBe(true);
    }
  });

  it('a product of one group is the group', () => {
    const s = symmetric(3);
    expect(directProduct([s])).toBe(s);
    expect(() => directProduct([])).toThrow(/at least one/);
  });
});
