/**
 * From residues back to rationals: Chinese remaindering over several primes, then rational
 * reconstruction.
 *
 * Rational reconstruction (Wang 1981, "A p-adic algorithm for univariate partial fractions"; see
 * also von zur Gathen & Gerhard, Modern Computer Algebra, §5.10): given u mod m, run the extended
 * Euclidean algorithm on (m, u) and stop at the first remainder r ≤ N = ⌊√(m/2)⌋; with cofactor t,
 * r/t is the unique fraction a/b ≡ u (mod m) with |a| ≤ N, 0 < b ≤ N, if one exists. Small
 * answers — the common case for constraint matrices with small integer entries — therefore come
 * back from one prime; larger ones need the product of more primes. A fraction found this way may
 * still be wrong (a different small fraction with the same residue), which is why every caller
 * verifies its result exactly.
 */
import { rat, type Rational } from '../field/rational.js';
import type { RrefModP } from './rref-modp.js';
import type { SparseMatrix } from './sparse.js';
import { invMod } from './modular.js';
import { isqrt } from '../util/bigint.js';

/**
 * Wang's rational reconstruction with doubles, for a modulus below 2^53 (one prime): every
 * intermediate is at most m, so the arithmetic is exact. Returns [num, den] or null.
 *
 * @example
 * ratReconSmall(50, 101) // [-1, 2]   (−1/2 ≡ 50 mod 101)
 */
export function ratReconSmall(u: number, m: number): [number, number] | null {
  const bound = Math.floor(Math.sqrt(m / 2));
  let r0 = m;
  let r1 = u;
  let t0 = 0;
  let t1 = 1;
  while (r1 > bound) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (u === 0) return [0, 1];
  if (r1 === 0 || Math.abs(t1) > bound) return null;
  let a = r1;
  let b = t1;
  if (b < 0) {
    a = -a;
    b = -b;
  }
  let x = Math.abs(a);
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x === 1 ? [a, b] : null;
}

/**
 * Wang's rational reconstruction for any modulus. Returns null when no fraction within the
 * bound ⌊√(m/2)⌋ matches.
 *
 * @example
 * ratRecon(50n, 101n) // { num: -1n, den: 2n }
 */
export function ratRecon(u: bigint, m: bigint): Rational | null {
  const bound = isqrt(m / 2n);
  let r0 = m;
  let r1 = ((u % m) + m) % m;
  if (r1 === 0n) return rat(0n);
  let t0 = 0n;
  let t1 = 1n;
  while (r1 > bound) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  const absT = t1 < 0n ? -t1 : t1;
  if (r1 === 0n || absT > bound) return null;
  const v = rat(r1, t1);
  // rat() reduces; a reduction means gcd(r, t) ≠ 1 and the candidate is not the Wang solution.
  return v.den === absT ? v : null;
}

/**
 * The unique x in [0, M·p) with x ≡ a (mod M) and x ≡ b (mod p), for a prime p not dividing M.
 *
 * @example
 * crt(2n, 3n, 3, 5) // 8n
 */
export function crt(a: bigint, modulus: bigint, b: number, p: number): bigint {
  const P = BigInt(p);
  const aModP = Number(a % P);
  const mInv = invMod(Number(modulus % P), p);
  const diff = (b - aModP + p) % p;
  const t = Number((BigInt(diff) * BigInt(mInv)) % P);
  return a + modulus * BigInt(t);
}

/**
 * Rational matrix whose images mod each prime are the given RREF matrices (all with the same
 * pivots), by CRT and Wang reconstruction entry by entry; null if some entry has no small enough
 * fraction yet (more primes are needed). Pivot entries are 1 and other pivot-column entries 0 in
 * every image, so they reconstruct to exactly 1 and 0: the result is in RREF by construction.
 *
 * @example
 * const q = reconstructRref([imageModP, imageModQ]); // SparseMatrix<Rational> | null
 */
export function reconstructRref(images: readonly RrefModP[]): SparseMatrix<Rational> | null {
  const first = images[0];
  if (!first) throw new RangeError('reconstructRref: no images');
  if (images.length === 1) return reconstructSingle(first);
  const n = first.cols;
  const rows = first.pivots.length;
  const rowPtr = new Int32Array(rows + 1);
  const colIdx: number[] = [];
  const values: Rational[] = [];
  let modulus = 1n;
  for (const im of images) modulus *= BigInt(im.p);
  const slot = new Int32Array(n).fill(-1);
  for (let r = 0; r < rows; r++) {
    const cols: number[] = [];
    const perImage: Float64Array[] = [];
    for (const im of images) {
      for (const c of im.rowCols[r]!) {
        if (slot[c]! < 0) {
          slot[c] = cols.length;
          cols.push(c);
        }
      }
    }
    for (const im of images) {
      const v = new Float64Array(cols.length);
      const cs = im.rowCols[r]!;
      const vs = im.rowVals[r]!;
      for (let t = 0; t < cs.length; t++) v[slot[cs[t]!]!] = vs[t]!;
      perImage.push(v);
    }
    const order = cols.map((c, i) => [c, i] as const).sort((x, y) => x[0] - y[0]);
    for (const [c, i] of order) {
      slot[c] = -1;
      const q = reconstructEntry(images, perImage, i, modulus);
      if (q === null) return null;
      if (q.num !== 0n) {
        colIdx.push(c);
        values.push(q);
      }
    }
    rowPtr[r + 1] = colIdx.length;
  }
  return Object.freeze({
    rows,
    cols: n,
    rowPtr,
    colIdx: Int32Array.from(colIdx),
    values: Object.freeze(values),
  });
}

/**
 * One image: rows are already sorted, and the answers of constraint systems repeat a few values
 * many times (C(6) T(5)→T(5): 96k entries, a few hundred distinct), so each residue is
 * reconstructed once.
 */
function reconstructSingle(im: RrefModP): SparseMatrix<Rational> | null {
  const rows = im.pivots.length;
  const rowPtr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let r = 0; r < rows; r++) nnz += im.rowCols[r]!.length;
  const colIdx = new Int32Array(nnz);
  const values = new Array<Rational>(nnz);
  const memo = new Map<number, Rational | null>();
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const cs = im.rowCols[r]!;
    const vs = im.rowVals[r]!;
    for (let t = 0; t < cs.length; t++) {
      const u = vs[t]!;
      if (u === 0) continue;
      let q = memo.get(u);
      if (q === undefined) {
        const f = u === 1 ? [1, 1] : ratReconSmall(u, im.p);
        q = f ? rat(BigInt(f[0]!), BigInt(f[1]!)) : null;
        memo.set(u, q);
      }
      if (q === null) return null;
      colIdx[k] = cs[t]!;
      values[k++] = q;
    }
    rowPtr[r + 1] = k;
  }
  return Object.freeze({ rows, cols: im.cols, rowPtr, colIdx: colIdx.slice(0, k), values: Object.freeze(values.slice(0, k)) });
}

function reconstructEntry(
  images: readonly RrefModP[],
  perImage: readonly Float64Array[],
  i: number,
  modulus: bigint,
): Rational | null {
  if (images.length === 1) {
    const u = perImage[0]![i]!;
    if (u === 0) return rat(0n);
    if (u === 1) return rat(1n);
    const f = ratReconSmall(u, images[0]!.p);
    return f ? rat(BigInt(f[0]), BigInt(f[1])) : null;
  }
  let x = BigInt(perImage[0]![i]!);
  let m = BigInt(images[0]!.p);
  for (let k = 1; k < images.length; k++) {
    x = crt(x, m, perImage[k]![i]!, images[k]!.p);
    m *= BigInt(images[k]!.p);
  }
  return ratRecon(x, modulus);
}
