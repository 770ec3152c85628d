/**
 * Matrix exponential of a small dense float matrix by scaling and squaring with a Taylor series
 * (Moler & Van Loan, "Nineteen dubious ways", method 3): scale so the norm is ≤ 1/2, sum terms
 * until they stop contributing, square back. Accurate to ~1e-14 relative for the moderate norms
 * used to sample group elements.
 */
import { SolverError } from '../errors.js';

/** Dense row-major square matrix. */
export type Dense = Float64Array[];

export function denseIdentity(n: number): Dense {
  return Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
}

export function denseMultiply(a: Dense, b: Dense): Dense {
  const n = a.length;
  const p = b[0]?.length ?? 0;
  const out = Array.from({ length: n }, () => new Float64Array(p));
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const oi = out[i]!;
    for (let k = 0; k < ai.length; k++) {
      const v = ai[k]!;
      if (v === 0) continue;
      const bk = b[k]!;
      for (let j = 0; j < p; j++) oi[j]! += v * bk[j]!;
    }
  }
  return out;
}

/**
 * e^A.
 *
 * @example
 * expm([Float64Array.of(0, -1), Float64Array.of(1, 0)]) // rotation by 1 radian
 */
export function expm(a: Dense): Dense {
  const n = a.length;
  let norm = 0;
  for (const row of a) norm = Math.max(norm, row.reduce((s, v) => s + Math.abs(v), 0));
  if (!Number.isFinite(norm)) {
    // Entries near 1e308 overflow once combined: there is no exponential to take (and the
    // squaring count below would be infinite).
    throw new SolverError('E_SOLVER', 'matrix exponential of a matrix with non-finite entries (Lie algebra entries overflow float64)', {
      expected: 'finite Lie algebra elements',
      actual: String(norm),
    });
  }
  // log2(norm) + 1, not log2(norm / 0.5): the quotient overflows to Infinity for norms above
  // MAX_VALUE / 2, and the squaring loop below would never end.
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm) + 1) : 0;
  const scale = 2 ** -squarings;
  const scaled = a.map((row) => row.map((v) => v * scale));
  let result = denseIdentity(n);
  let term = denseIdentity(n);
  for (let k = 1; k <= 30; k++) {
    term = denseMultiply(term, scaled).map((row) => row.map((v) => v / k));
    let size = 0;
    result = result.map((row, i) =>
      row.map((v, j) => {
        const t = term[i]![j]!;
        size = Math.max(size, Math.abs(t));
        return v + t;
      }),
    );
    if (size < 1e-18) break;
  }
  for (let s = 0; s < squarings; s++) result = denseMultiply(result, result);
  return result;
}
