/**
 * Eigenvalues of a real symmetric matrix: Householder reduction to tridiagonal form, then the QL
 * algorithm with implicit shifts (tred2/tqli, Numerical Recipes §11.2–11.3; Golub & Van Loan §8.3),
 * values only, on flat Float64Arrays.
 *
 * Why not ml-matrix: its SVD of the Reynolds block's 348 × 348 Gram matrix (C(6) T(5)→T(5)) took
 * longer than the whole projection — it works on arrays of arrays through method calls and forms
 * singular vectors nobody reads. Backward stable: the eigenvalues are exact for a matrix within
 * ε·‖A‖ of A.
 */

/**
 * The eigenvalues of the symmetric n × n matrix `a` (row-major; only the lower triangle is read),
 * in decreasing order.
 *
 * @example
 * symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2) // Float64Array [3, 1]
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // Householder: row i is reduced by a reflection acting on rows/columns 0..i−1.
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    const ri = i * n;
    if (l === 0) {
      e[i] = m[ri + l]!;
      continue;
    }
    let scale = 0;
    for (let k = 0; k <= l; k++) scale += Math.abs(m[ri + k]!);
    if (scale === 0) {
      e[i] = m[ri + l]!;
      continue;
    }
    let h = 0;
    for (let k = 0; k <= l; k++) {
      m[ri + k]! /= scale;
      h += m[ri + k]! * m[ri + k]!;
    }
    let f = m[ri + l]!;
    let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
    e[i] = scale * g;
    h -= f * g;
    m[ri + l] = f - g;
    f = 0;
    for (let j = 0; j <= l; j++) {
      g = 0;
      for (let k = 0; k <= j; k++) g += m[j * n + k]! * m[ri + k]!;
      for (let k = j + 1; k <= l; k++) g += m[k * n + j]! * m[ri + k]!;
      e[j] = g / h;
      f += e[j]! * m[ri + j]!;
    }
    const hh = f / (h + h);
    for (let j = 0; j <= l; j++) {
      f = m[ri + j]!;
      g = e[j]! - hh * f;
      e[j] = g;
      for (let k = 0; k <= j; k++) m[j * n + k]! -= f * e[k]! + g * m[ri + k]!;
    }
  }
  for (let i = 0; i < n; i++) d[i] = m[i * n + i]!;
  // Implicit QL on the tridiagonal matrix (diagonal d, subdiagonal e).
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  if (n > 0) e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let mIdx: number;
    do {
      for (mIdx = l; mIdx < n - 1; mIdx++) {
        const dd = Math.abs(d[mIdx]!) + Math.abs(d[mIdx + 1]!);
        if (Math.abs(e[mIdx]!) + dd === dd) break;
      }
      if (mIdx === l) break;
      if (iter++ === 60) throw new RangeError('symmetricEigenvalues: no convergence');
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[mIdx]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = mIdx - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[mIdx] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
      }
      if (underflow) continue;
      d[l]! -= p;
      e[l] = g;
      e[mIdx] = 0;
    } while (mIdx !== l);
  }
  return d.sort().reverse();
}
