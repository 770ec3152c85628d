/**
 * Sparse-row kernels mod p shared by the elimination routines: a dense accumulator with a bitset of
 * possibly-nonzero columns, and sparse row updates.
 */
import { mulAddMod } from './modular.js';

/**
 * The first marked column in [from, to], or -1. The accumulator is dense (n doubles) but rows are
 * sparse: scanning the accumulator itself cost O(n) per row, which dominated on 19683×6561 so(3)
 * systems; the bitset scan is O(n/32) plus one step per marked column.
 *
 * @example
 * const marks = new Int32Array(4); mark(marks, 70); nextMarked(marks, 0, 127) // 70
 */
export function nextMarked(marks: Int32Array, from: number, to: number): number {
  let k = from >> 5;
  let w = marks[k]! & (-1 << (from & 31));
  const last = to >> 5;
  while (w === 0) {
    if (++k > last) return -1;
    w = marks[k]!;
  }
  const c = (k << 5) + (31 - Math.clz32(w & -w));
  return c <= to ? c : -1;
}

/** Marks column c as possibly nonzero. @example mark(marks, 70) */
export function mark(marks: Int32Array, c: number): void {
  marks[c >> 5]! |= 1 << (c & 31);
}

/**
 * Collects the nonzero accumulator entries at marked columns in [from, to] as a sparse row, scaled
 * by `scale` (mod p), and clears them and the marks of every word in [from, to].
 *
 * @example
 * const [cols, vals] = gather(acc, marks, lead, hi, invMod(acc[lead], p), p, 1 / p);
 */
export function gather(
  acc: Float64Array,
  marks: Int32Array,
  from: number,
  to: number,
  scale: number,
  p: number,
  invP: number,
): [Int32Array, Float64Array] {
  let count = 0;
  for (let c = nextMarked(marks, from, to); c >= 0; c = c < to ? nextMarked(marks, c + 1, to) : -1) {
    if (acc[c] !== 0) count++;
  }
  const cols = new Int32Array(count);
  const vals = new Float64Array(count);
  let t = 0;
  for (let c = nextMarked(marks, from, to); c >= 0; c = c < to ? nextMarked(marks, c + 1, to) : -1) {
    const a = acc[c]!;
    if (a !== 0) {
      cols[t] = c;
      vals[t++] = scale === 1 ? a : mulAddMod(0, a, scale, p, invP);
      acc[c] = 0;
    }
  }
  for (let k = from >> 5; k <= to >> 5; k++) marks[k] = 0;
  return [cols, vals];
}

/**
 * x + g·y mod p for sparse rows (columns ascending), dropping zeros.
 *
 * @example
 * axpy(Int32Array.of(0), Float64Array.of(1), 1, Int32Array.of(1), Float64Array.of(2), 7, 1 / 7)
 * // [Int32Array [0, 1], Float64Array [1, 2]]
 */
export function axpy(
  xc: Int32Array,
  xv: Float64Array,
  g: number,
  yc: Int32Array,
  yv: Float64Array,
  p: number,
  invP: number,
): [Int32Array, Float64Array] {
  const oc = new Int32Array(xc.length + yc.length);
  const ov = new Float64Array(xc.length + yc.length);
  let i = 0;
  let j = 0;
  let t = 0;
  while (i < xc.length || j < yc.length) {
    const cx = i < xc.length ? xc[i]! : 0x7fffffff;
    const cy = j < yc.length ? yc[j]! : 0x7fffffff;
    let c: number;
    let v: number;
    if (cx < cy) {
      c = cx;
      v = xv[i++]!;
    } else if (cy < cx) {
      c = cy;
      v = mulAddMod(0, g, yv[j++]!, p, invP);
    } else {
      c = cx;
      v = mulAddMod(xv[i++]!, g, yv[j++]!, p, invP);
    }
    if (v !== 0) {
      oc[t] = c;
      ov[t++] = v;
    }
  }
  return [oc.slice(0, t), ov.slice(0, t)];
}
