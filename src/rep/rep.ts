/**
 * Representations as small immutable trees in a normal form: tensor products are flat and hold no
 * scalars, duals sit only on atoms (V, V1, Sym, Alt), sums are flat with equal neighbours merged
 * into a multiplicity. Two spellings of the same rep (`V**2`, `V⊗V`, `tensor2`) give the same
 * tree, so the printed form is a deterministic cache key.
 */

export type Rep =
  | { readonly kind: 'scalar' }
  /** The base rep V (`factor` null) or the base rep of factor `factor` (1-based) of a product. */
  | { readonly kind: 'base'; readonly factor: number | null }
  | { readonly kind: 'dual'; readonly of: Rep }
  | { readonly kind: 'tensor'; readonly factors: readonly Rep[] }
  | { readonly kind: 'sum'; readonly terms: readonly SumTerm[] }
  /** Symmetric / alternating power: a subspace of R^{⊗degree}, see rep/symmetric.ts. */
  | { readonly kind: 'sym' | 'alt'; readonly degree: number; readonly of: Rep };

export interface SumTerm {
  readonly count: number;
  readonly rep: Rep;
}

export const SCALAR: Rep = Object.freeze({ kind: 'scalar' });
export const V: Rep = Object.freeze({ kind: 'base', factor: null });

/** The factor V_i of a product group (1-based). */
export function baseOf(factor: number | null): Rep {
  return factor === null ? V : Object.freeze({ kind: 'base', factor });
}

/** Dual, pushed down to the atoms: (A⊗B)* = A*⊗B*, (A⊕B)* = A*⊕B*, R** = R, scalar* = scalar. */
export function dual(r: Rep): Rep {
  switch (r.kind) {
    case 'scalar':
      return r;
    case 'dual':
      return r.of;
    case 'tensor':
      return tensor(r.factors.map(dual));
    case 'sum':
      return Object.freeze({
        kind: 'sum',
        terms: Object.freeze(r.terms.map((t) => Object.freeze({ count: t.count, rep: dual(t.rep) }))),
      });
    default:
      return Object.freeze({ kind: 'dual', of: r });
  }
}

/** Tensor product in normal form (flattened, scalars dropped). */
export function tensor(factors: readonly Rep[]): Rep {
  const flat: Rep[] = [];
  for (const f of factors) {
    if (f.kind === 'tensor') flat.push(...f.factors);
    else if (f.kind !== 'scalar') flat.push(f);
  }
  if (flat.length === 0) return SCALAR;
  if (flat.length === 1) return flat[0]!;
  return Object.freeze({ kind: 'tensor', factors: Object.freeze(flat) });
}

/** k-fold tensor power; R^0 is the scalar rep. */
export function power(r: Rep, k: number): Rep {
  return tensor(new Array<Rep>(k).fill(r));
}

/**
 * Direct sum in normal form: nested sums flattened (coordinates are unchanged by this), a
 * multiplied sum repeated in order, equal neighbours merged.
 */
export function sum(terms: readonly SumTerm[]): Rep {
  const flat: SumTerm[] = [];
  const pushTerm = (t: SumTerm): void => {
    const last = flat[flat.length - 1];
    if (last && repKey(last.rep) === repKey(t.rep)) flat[flat.length - 1] = { count: last.count + t.count, rep: t.rep };
    else flat.push(t);
  };
  for (const t of terms) {
    if (t.rep.kind === 'sum') {
      for (let c = 0; c < t.count; c++) for (const inner of t.rep.terms) pushTerm(inner);
    } else pushTerm(t);
  }
  if (flat.length === 1 && flat[0]!.count === 1) return flat[0]!.rep;
  return Object.freeze({ kind: 'sum', terms: Object.freeze(flat.map((t) => Object.freeze(t))) });
}

export function multiple(count: number, r: Rep): Rep {
  return sum([{ count, rep: r }]);
}

export function symPower(kind: 'sym' | 'alt', degree: number, of: Rep): Rep {
  return Object.freeze({ kind, degree, of });
}

/**
 * Deterministic canonical key: the printed form (equal reps, equal keys).
 *
 * @example
 * repKey(tensor([V, V])) // "V⊗V"
 */
export function repKey(r: Rep): string {
  return printRep(r);
}

/**
 * Prints a rep in its canonical Unicode form; `parseRep(printRep(r))` gives back `r`.
 * Runs of four or more equal tensor factors print as powers (`V^4`), shorter runs are written out
 * (`V⊗V`), matching the way people write tensor2 and tensor3.
 *
 * @example
 * printRep(tensor([V, V])) // "V⊗V"
 */
export function printRep(r: Rep): string {
  switch (r.kind) {
    case 'scalar':
      return 'scalar';
    case 'base':
      return r.factor === null ? 'V' : `V${r.factor}`;
    case 'dual':
      return `${printAtom(r.of)}*`;
    case 'sym':
    case 'alt':
      return `${r.kind === 'sym' ? 'Sym' : 'Alt'}^${r.degree}(${printRep(r.of)})`;
    case 'tensor':
      return printTensor(r.factors);
    case 'sum':
      return r.terms.map(printTerm).join('+');
  }
}

function printAtom(r: Rep): string {
  const s = printRep(r);
  return r.kind === 'tensor' || r.kind === 'sum' ? `(${s})` : s;
}

function printTerm(t: SumTerm): string {
  // A term is never itself a sum, and ⊗ binds tighter than a multiplicity: `20V⊗V` is 20·(V⊗V).
  const s = printRep(t.rep);
  if (t.count === 1) return s;
  // `3V`, `3V*`, `2V⊗V` read naturally; a word-like rep needs the explicit `*`: `100*scalar`.
  return s.startsWith('V') ? `${t.count}${s}` : `${t.count}*${s}`;
}

function printTensor(factors: readonly Rep[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < factors.length) {
    const key = repKey(factors[i]!);
    let j = i + 1;
    while (j < factors.length && repKey(factors[j]!) === key) j++;
    const run = j - i;
    const atom = factors[i]!.kind === 'sum' ? `(${key})` : key;
    if (run >= 4) parts.push(`${atom}^${run}`);
    else for (let c = 0; c < run; c++) parts.push(atom);
    i = j;
  }
  return parts.join('⊗');
}

/** Dimension of a rep given the dimensions of V and of each factor V1, V2, … (as a number). */
export function repDim(r: Rep, baseDim: number, factorDims: readonly number[]): number {
  switch (r.kind) {
    case 'scalar':
      return 1;
    case 'base':
      return r.factor === null ? baseDim : factorDims[r.factor - 1]!;
    case 'dual':
      return repDim(r.of, baseDim, factorDims);
    case 'tensor':
      return r.factors.reduce((p, f) => p * repDim(f, baseDim, factorDims), 1);
    case 'sum':
      return r.terms.reduce((s, t) => s + t.count * repDim(t.rep, baseDim, factorDims), 0);
    case 'sym':
      return binomial(repDim(r.of, baseDim, factorDims) + r.degree - 1, r.degree);
    case 'alt':
      return binomial(repDim(r.of, baseDim, factorDims), r.degree);
  }
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let b = 1;
  for (let i = 1; i <= k; i++) b = (b * (n - k + i)) / i;
  return Math.round(b);
}
