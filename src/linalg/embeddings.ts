/**
 * The embeddings of a number field K = ℚ(θ) into GF(p): for a prime p ≡ 1 (mod N) (K ⊆ ℚ(ζ_N)),
 * a primitive N-th root of unity ω mod p gives the image of θ under each automorphism ζ ↦ ζ^j.
 * The modular null space (nullspace-algebraic.ts) eliminates in these images.
 */
import type { NumberFieldInfo } from '../field/number-field.js';
import { SolverError } from '../errors.js';
import { invMod, mulAddMod } from './modular.js';

function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let q = 2; q * q <= n; q++) {
    if (n % q !== 0) continue;
    out.push(q);
    while (n % q === 0) n /= q;
  }
  if (n > 1) out.push(n);
  return out;
}

function powMod(b: number, e: number, p: number): number {
  const invP = 1 / p;
  let r = 1;
  b %= p;
  while (e > 0) {
    if (e & 1) r = mulAddMod(0, r, b, p, invP);
    b = mulAddMod(0, b, b, p, invP);
    e = Math.floor(e / 2);
  }
  return r;
}

/**
 * The images r_j of θ in GF(p) for each embedding j of K (in `conjugates` order), or null when p
 * does not suit (p ≢ 1 mod N, a denominator of θ vanishes, or two images coincide).
 *
 * @example
 * embeddingsModP(sqrt3.numberField, 67108741) // two residues r with r² ≡ 3
 */
export function embeddingsModP(info: NumberFieldInfo, p: number): number[] | null {
  const n = info.conductor;
  if ((p - 1) % n !== 0) return null;
  const factors = primeFactors(n);
  let omega = -1;
  for (let g = 2; g < p && omega < 0; g++) {
    const w = powMod(g, (p - 1) / n, p);
    if (factors.every((q) => powMod(w, n / q, p) !== 1)) omega = w;
  }
  const theta = info.theta.v;
  const den = Number(theta.d % BigInt(p));
  if (omega < 0 || den === 0) return null;
  const invDen = invMod(den, p);
  const invP = 1 / p;
  const roots = info.conjugates.map((j) => {
    const wj = powMod(omega, j, p);
    let s = 0;
    let power = 1;
    for (const c of theta.c) {
      let cm = Number(c % BigInt(p));
      if (cm < 0) cm += p;
      s = mulAddMod(s, cm, power, p, invP);
      power = mulAddMod(0, power, wj, p, invP);
    }
    return mulAddMod(0, s, invDen, p, invP);
  });
  if (new Set(roots).size !== roots.length) return null;
  // Every image must be a root of the minimal polynomial; anything else is a bug, not bad luck.
  for (const r of roots) {
    let v = 0;
    for (let i = info.minimalPolynomial.length - 1; i >= 0; i--) {
      let fi = Number(info.minimalPolynomial[i]! % BigInt(p));
      if (fi < 0) fi += p;
      v = mulAddMod(fi, v, r, p, invP);
    }
    if (v !== 0) throw new SolverError('E_SOLVER', `internal error: θ ↦ ${r} mod ${p} is not a root of the minimal polynomial`, {});
  }
  return roots;
}
