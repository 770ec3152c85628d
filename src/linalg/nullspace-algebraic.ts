/**
 * Exact null space over a number field K = ℚ(θ) of degree d, in canonical RREF, by elimination
 * modulo primes p ≡ 1 (mod N) (K ⊆ ℚ(ζ_N)), where K has d embeddings θ ↦ r_j into GF(p).
 *
 * An embedding is a ring map, so it commutes with Gauss–Jordan: the RREF of the null space over K,
 * mapped by θ ↦ r_j, is the RREF of the null space of the mapped matrix mod p (at all but finitely
 * many primes). Two routes:
 *
 * - rational span (C(k), D(k) on reps of V, and any Galois-stable space): the RREF has rational
 *   entries, so one embedding per prime suffices and the existing CRT + rational reconstruction
 *   (multimodular.ts) returns it. Which route applies is found by trying it: one prime first, and
 *   if that does not verify, comparing the images under two embeddings at that prime (equal images
 *   mean the space is very likely rational: more primes; different ones, certainly not).
 * - general: all d embeddings at each prime, entry by entry v_j = Σ_i a_i r_j^i mod p solved for the
 *   coefficients a_i (an inverse Vandermonde matrix mod p), then CRT over primes and rational
 *   reconstruction of every coefficient.
 *
 * Either way the candidate is checked exactly in K (verify-algebraic.ts). That check and the rank
 * bound rank_p ≤ rank_K make the answer a proof, as in nullspace-exact.ts: r verified independent
 * rows, with r = nullity mod p ≥ nullity over K, span the null space.
 */
import type { Algebraic, NumberField } from '../field/number-field.js';
import * as P from '../field/qpoly.js';
import type { Rational } from '../field/rational.js';
import { SolverError } from '../errors.js';
import type { Deadline } from '../util/deadline.js';
import { reverseAlgebraic, residuesAt, type AlgebraicMatrix } from './algebraic-matrix.js';
import { echelonModP } from './echelon-modp.js';
import { embeddingsModP } from './embeddings.js';
import { invMod, mulAddMod, PRIME_LIMIT, primesCongruentOne } from './modular.js';
import { solveModular } from './multimodular.js';
import { reconstructRref } from './reconstruct.js';
import { nullspaceFromEchelon, type RrefModP } from './rref-modp.js';
import type { SparseMatrix } from './sparse.js';
import { isAlgebraicNullspace } from './verify-algebraic.js';
import { gcd } from '../util/bigint.js';

export interface NullspaceAlgebraicOptions {
  /** Primes tried per route (default 16). */
  readonly maxPrimes?: number;
  readonly deadline?: Deadline;
  /**
   * How a reconstructed candidate is checked before it is returned: `exact` (default) proves
   * C·N = 0 in K; `probable` tests one random combination of the rows modulo an independent prime
   * (wrong with probability below 1e-7 per test, at a fraction of the cost), for callers that verify
   * the returned basis exactly themselves — the solve strategy does, in stage ⑤.
   */
  readonly check?: 'exact' | 'probable';
  /**
   * The nullity over K when it is known beforehand (the character formula, for finite groups):
   * each elimination then stops as soon as its rank reaches cols − nullity (echelon-modp.ts
   * rankBound). Only a speed hint: a wrong value can only make the candidate fail its check.
   */
  readonly nullity?: number;
}

export interface NullspaceAlgebraicResult {
  /** RREF rows over K spanning {x : C·x = 0}. */
  readonly basis: SparseMatrix<Algebraic>;
  readonly rank: number;
  /** True when every entry of the basis is rational (the space is defined over ℚ). */
  readonly rational: boolean;
  readonly method: string;
  /** True when the nullity hint was used (and held): the eliminations stopped at its rank. */
  readonly hinted: boolean;
}

/** Inverse of the Vandermonde matrix V[j][i] = r_j^i mod p (rows: embeddings, columns: powers). */
function inverseVandermonde(roots: readonly number[], p: number): Float64Array[] {
  const d = roots.length;
  const invP = 1 / p;
  const a = roots.map((r) => {
    const row = new Float64Array(2 * d);
    let x = 1;
    for (let i = 0; i < d; i++) {
      row[i] = x;
      x = mulAddMod(0, x, r, p, invP);
    }
    return row;
  });
  a.forEach((row, j) => (row[d + j] = 1));
  for (let k = 0; k < d; k++) {
    const piv = a.findIndex((row, i) => i >= k && row[k] !== 0);
    [a[k], a[piv]] = [a[piv]!, a[k]!];
    const inv = invMod(a[k]![k]!, p);
    for (let c = 0; c < 2 * d; c++) a[k]![c] = mulAddMod(0, a[k]![c]!, inv, p, invP);
    for (let i = 0; i < d; i++) {
      if (i === k || a[i]![k] === 0) continue;
      const g = p - a[i]![k]!;
      for (let c = 0; c < 2 * d; c++) a[i]![c] = mulAddMod(a[i]![c]!, g, a[k]![c]!, p, invP);
    }
  }
  // Columns d.. hold V⁻¹: coefficient i = Σ_j V⁻¹[i][j]·v_j.
  return a.map((row) => row.slice(d));
}

/**
 * Per-coefficient images from the d embedding images at one prime (same pivots): image i holds
 * the θ^i coefficients mod p of every entry.
 */
function coefficientImages(images: readonly RrefModP[], roots: readonly number[], p: number): RrefModP[] {
  const d = roots.length;
  const vinv = inverseVandermonde(roots, p);
  const invP = 1 / p;
  const first = images[0]!;
  const rowCols: Int32Array[] = [];
  const perCoeff: Float64Array[][] = Array.from({ length: d }, () => []);
  for (let r = 0; r < first.pivots.length; r++) {
    const cols = [...new Set(images.flatMap((im) => [...im.rowCols[r]!]))].sort((x, y) => x - y);
    const at = new Map(cols.map((c, i) => [c, i]));
    const v = images.map((im) => {
      const out = new Float64Array(cols.length);
      im.rowCols[r]!.forEach((c, t) => (out[at.get(c)!] = im.rowVals[r]![t]!));
      return out;
    });
    rowCols.push(Int32Array.from(cols));
    for (let i = 0; i < d; i++) {
      const out = new Float64Array(cols.length);
      for (let t = 0; t < cols.length; t++) {
        let s = 0;
        for (let j = 0; j < d; j++) s = mulAddMod(s, vinv[i]![j]!, v[j]![t]!, p, invP);
        out[t] = s;
      }
      perCoeff[i]!.push(out);
    }
  }
  return perCoeff.map((vals) => ({ p, cols: first.cols, pivots: first.pivots, rowCols, rowVals: vals }));
}

/** Rows over K from d rational coefficient matrices with the same row count. */
function combine(parts: readonly SparseMatrix<Rational>[], d: number): SparseMatrix<Algebraic> {
  const rows = parts[0]!.rows;
  const rowPtr = new Int32Array(rows + 1);
  const colIdx: number[] = [];
  const values: Algebraic[] = [];
  for (let r = 0; r < rows; r++) {
    const entries = new Map<number, Rational[]>();
    parts.forEach((m, i) => {
      for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
        const c = m.colIdx[k]!;
        if (!entries.has(c)) entries.set(c, new Array<Rational>(d).fill({ num: 0n, den: 1n }));
        entries.get(c)![i] = m.values[k]!;
      }
    });
    for (const c of [...entries.keys()].sort((x, y) => x - y)) {
      const q = entries.get(c)!;
      const den = q.reduce((l, x) => (l / gcd(l, x.den)) * x.den, 1n);
      colIdx.push(c);
      values.push(P.normalize(q.map((x) => x.num * (den / x.den)), den));
    }
    rowPtr[r + 1] = colIdx.length;
  }
  return Object.freeze({ rows, cols: parts[0]!.cols, rowPtr, colIdx: Int32Array.from(colIdx), values: Object.freeze(values) });
}

function identityOver(field: NumberField, n: number): SparseMatrix<Algebraic> {
  return Object.freeze({
    rows: n,
    cols: n,
    rowPtr: Int32Array.from({ length: n + 1 }, (_, i) => i),
    colIdx: Int32Array.from({ length: n }, (_, i) => i),
    values: Object.freeze(new Array<Algebraic>(n).fill(field.one)),
  });
}

function sameImage(a: RrefModP, b: RrefModP): boolean {
  if (a.pivots.length !== b.pivots.length || a.pivots.some((x, i) => x !== b.pivots[i])) return false;
  return a.rowCols.every((cs, r) => cs.length === b.rowCols[r]!.length && cs.every((c, t) => c === b.rowCols[r]![t] && a.rowVals[r]![t] === b.rowVals[r]![t]));
}

/**
 * The null space of C over K, as RREF rows with entries in K (rational ones when the space is
 * defined over ℚ).
 *
 * @example
 * const { basis, rational } = nullspaceAlgebraic(algebraicRows(C, 2), sqrt3Field);
 */
export function nullspaceAlgebraic(c: AlgebraicMatrix, field: NumberField, options: NullspaceAlgebraicOptions = {}): NullspaceAlgebraicResult {
  if (options.nullity === undefined) return solve(c, field, options);
  try {
    return { ...solve(c, field, options), hinted: true };
  } catch (e) {
    // A nullity hint above the truth stops the eliminations early and no candidate verifies:
    // the hint was wrong (a bug elsewhere), so solve again without it rather than fail.
    if (!(e instanceof SolverError) || e.code !== 'E_SOLVER') throw e;
    const { nullity: _ignored, ...rest } = options;
    return solve(c, field, rest);
  }
}

function solve(c: AlgebraicMatrix, field: NumberField, options: NullspaceAlgebraicOptions): NullspaceAlgebraicResult {
  const n = c.cols;
  const info = field.numberField;
  const f = info.minimalPolynomial;
  if (c.colIdx.length === 0) return { basis: identityOver(field, n), rank: 0, rational: true, method: 'trivial (no constraints)', hinted: false };
  const maxPrimes = options.maxPrimes ?? 16;
  const reversed = reverseAlgebraic(c);
  // Suitable primes, found as they are needed (usually one): each with its embeddings' roots.
  const rootsOf = new Map<number, number[]>();
  const primeList: number[] = [];
  let below = PRIME_LIMIT;
  const primes = (count: number): number[] => {
    while (primeList.length < count) {
      const [p] = primesCongruentOne(info.conductor, 1, below);
      if (p === undefined) break;
      below = p;
      const roots = embeddingsModP(info, p);
      if (roots === null) continue;
      rootsOf.set(p, roots);
      primeList.push(p);
    }
    return primeList.slice(0, count);
  };
  const cache = new Map<string, RrefModP>();
  const echelonOptions = {
    ...(options.deadline ? { deadline: options.deadline } : {}),
    ...(options.nullity !== undefined ? { rankBound: n - options.nullity } : {}),
  };
  const image = (p: number, j: number): RrefModP => {
    const key = `${p}:${j}`;
    let im = cache.get(key);
    if (im === undefined) {
      options.deadline?.check();
      im = nullspaceFromEchelon(echelonModP(residuesAt(reversed, p, rootsOf.get(p)![j]!), p, echelonOptions));
      cache.set(key, im);
    }
    return im;
  };
  const toK = (m: SparseMatrix<Rational>): SparseMatrix<Algebraic> => {
    // Reconstruction shares one object per distinct value; so does the conversion.
    const memo = new Map<Rational, Algebraic>();
    const values = m.values.map((q) => {
      let a = memo.get(q);
      if (a === undefined) memo.set(q, (a = field.fromRational(q)));
      return a;
    });
    return Object.freeze({ ...m, values: Object.freeze(values) });
  };
  const probable = options.check === 'probable';
  // The probabilistic test runs modulo a prime the elimination never uses (the largest suitable one below 2^25).
  let checkPrime = 0;
  const verify = (cand: SparseMatrix<Algebraic>): boolean => {
    if (!probable) return isAlgebraicNullspace(c, cand, f);
    if (checkPrime === 0) {
      checkPrime = PRIME_LIMIT / 2;
      do checkPrime = primesCongruentOne(info.conductor, 1, checkPrime)[0]!;
      while (embeddingsModP(info, checkPrime) === null);
    }
    return probablyNullspace(c, cand, field, checkPrime);
  };
  const rationalRoute = (list: readonly number[]) =>
    solveModular({ image: (p) => image(p, 0), rank: (im) => n - im.pivots.length, verify: (cand) => verify(toK(cand)) }, list.length, list);
  let out = rationalRoute(primes(1));
  if (!out.result && info.degree > 1 && sameImage(image(primes(1)[0]!, 0), image(primes(1)[0]!, 1))) out = rationalRoute(primes(maxPrimes));
  if (out.result) {
    const used = out.stats.primesUsed;
    return { basis: toK(out.result), rank: out.rank, rational: true, hinted: false, method: `mod-p in one embedding of ${field.name} + rational reconstruction (${used} prime${used === 1 ? '' : 's'})` };
  }
  return generalRoute(c, field, primes(maxPrimes), image, rootsOf, verify);
}

/**
 * C·(Σ_b y_b N_b) = 0 modulo an unused prime q ≡ 1 (mod N), in one embedding, for pseudo-random
 * y (seeded: deterministic). A wrong candidate has some row with C·N_b ≠ 0 in K; its image mod q
 * vanishes for at most a few primes, and then the random combination cancels with probability 1/q.
 */
function probablyNullspace(c: AlgebraicMatrix, cand: SparseMatrix<Algebraic>, field: NumberField, q: number): boolean {
  const roots = embeddingsModP(field.numberField, q);
  if (roots === null) return false;
  const invQ = 1 / q;
  const root = roots[0]!;
  const d = field.numberField.degree;
  const powers = [1];
  for (let i = 1; i < d; i++) powers.push(mulAddMod(0, powers[i - 1]!, root, q, invQ));
  const Q = BigInt(q);
  // Candidates share one object per distinct value (reconstruction and toK memoise): so does this.
  const memo = new Map<Algebraic, number>();
  const residue = (a: Algebraic): number => {
    let r = memo.get(a);
    if (r === undefined) memo.set(a, (r = residueOf(a)));
    return r;
  };
  const residueOf = (a: Algebraic): number => {
    let s = 0;
    a.c.forEach((x, i) => {
      if (x === 0n) return;
      let r = Number(x % Q);
      if (r < 0) r += q;
      s = mulAddMod(s, r, powers[i]!, q, invQ);
    });
    const den = Number(a.d % Q);
    return den === 0 ? -1 : mulAddMod(0, s, invMod(den, q), q, invQ);
  };
  const y = new Float64Array(cand.cols);
  let seed = 0x9e3779b9;
  for (let b = 0; b < cand.rows; b++) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x85ebca6b) + b) >>> 0;
    const weight = 1 + (seed % (q - 1));
    for (let k = cand.rowPtr[b]!; k < cand.rowPtr[b + 1]!; k++) {
      const v = residue(cand.values[k]!);
      if (v < 0) return false;
      y[cand.colIdx[k]!] = mulAddMod(y[cand.colIdx[k]!]!, weight, v, q, invQ);
    }
  }
  const cq = residuesAt(c, q, root);
  const vals = cq.small!;
  for (let r = 0; r < c.rows; r++) {
    let s = 0;
    for (let k = c.rowPtr[r]!; k < c.rowPtr[r + 1]!; k++) s = mulAddMod(s, vals[k]!, y[c.colIdx[k]!]!, q, invQ);
    if (s !== 0) return false;
  }
  return true;
}

function generalRoute(
  c: AlgebraicMatrix,
  field: NumberField,
  primes: readonly number[],
  image: (p: number, j: number) => RrefModP,
  rootsOf: ReadonlyMap<number, number[]>,
  verify: (candidate: SparseMatrix<Algebraic>) => boolean,
): NullspaceAlgebraicResult {
  const n = c.cols;
  const d = field.numberField.degree;
  const groups = new Map<string, RrefModP[][]>();
  let bestRank = -1;
  for (const p of primes) {
    const images = Array.from({ length: d }, (_, j) => image(p, j));
    const key = images[0]!.pivots.join(',');
    // An unlucky prime: the embeddings disagree on the pivots (the rank dropped in one of them).
    if (images.some((im) => im.pivots.join(',') !== key)) continue;
    const rank = n - images[0]!.pivots.length;
    if (rank < bestRank) continue;
    if (rank > bestRank) {
      bestRank = rank;
      groups.clear();
    }
    const group = groups.get(key) ?? [];
    group.push(coefficientImages(images, rootsOf.get(p)!, p));
    groups.set(key, group);
    const parts: SparseMatrix<Rational>[] = [];
    for (let i = 0; i < d; i++) {
      const m = reconstructRref(group.map((g) => g[i]!));
      if (m === null) break;
      parts.push(m);
    }
    if (parts.length < d) continue;
    const candidate = combine(parts, d);
    if (verify(candidate)) {
      const rational = candidate.values.every((v) => P.asRational(v) !== null);
      return { basis: candidate, rank, rational, hinted: false, method: `mod-p in all ${d} embeddings of ${field.name} + reconstruction of coefficients (${group.length} prime${group.length === 1 ? '' : 's'})` };
    }
  }
  throw new SolverError('E_SOLVER', `the null space over ${field.name} did not verify within ${primes.length} primes`, {
    expected: 'a verified reconstruction',
    actual: 'no candidate passed the exact check C·N = 0',
    hint: 'the entries may be too large for this many primes; please report the input',
  });
}
