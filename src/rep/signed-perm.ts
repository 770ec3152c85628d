/**
 * The fast path for groups whose discrete generators are signed permutations (S(n), A(n), Z(n),
 * the cube groups, …): a rep's generators are then signed permutations too, and are built here
 * directly on typed arrays, never as matrices of rationals. The orbit strategy runs on these.
 */
import type { Group } from '../group/group.js';
import { asSignedPermutation } from '../linalg/index.js';
import { repKey, type Rep } from './rep.js';
import { symmetricCount, symmetricRank } from './symmetric.js';

/** `ρ·e_j = sign[j]·e_{perm[j]}`. */
export interface SignedPerm {
  readonly perm: Int32Array;
  readonly sign: Int8Array;
}

/**
 * Signed permutations of every discrete generator on `rep`, or null when some base generator is not
 * a signed permutation. Lie algebra generators are ignored here; callers check for them.
 *
 * @example
 * signedPermAction(resolveGroup('S(3)'), parseRep('V⊗V'))![0]!.perm.length // 9
 */
export function signedPermAction<T>(group: Group<T>, rep: Rep): SignedPerm[] | null {
  const bases = group.factors.map((fac) => fac.discrete.map((m) => asSignedPermutation(group.field, m)));
  const whole = group.discrete.map((m) => asSignedPermutation(group.field, m));
  const usesFactor = (r: Rep): boolean[] => {
    const used = new Array<boolean>(group.factors.length + 1).fill(false);
    const walk = (x: Rep): void => {
      if (x.kind === 'base') used[x.factor ?? 0] = true;
      else if (x.kind === 'dual' || x.kind === 'sym' || x.kind === 'alt') walk(x.of);
      else if (x.kind === 'tensor') x.factors.forEach(walk);
      else if (x.kind === 'sum') x.terms.forEach((t) => walk(t.rep));
    };
    walk(r);
    return used;
  };
  const used = usesFactor(rep);
  if (used[0] && whole.some((p) => p === null)) return null;
  for (let f = 0; f < bases.length; f++) if (used[f + 1] && bases[f]!.some((p) => p === null)) return null;
  const memo = new Map<string, SignedPerm[]>();
  const of = (r: Rep): SignedPerm[] => {
    const key = repKey(r);
    let hit = memo.get(key);
    if (!hit) memo.set(key, (hit = build(r)));
    return hit;
  };
  const build = (r: Rep): SignedPerm[] => {
    switch (r.kind) {
      case 'scalar':
        return group.discrete.map(() => ({ perm: Int32Array.of(0), sign: Int8Array.of(1) }));
      case 'base':
        return (r.factor === null ? whole : bases[r.factor - 1]!) as SignedPerm[];
      case 'dual':
        // A signed permutation is orthogonal: its inverse transpose is itself.
        return of(r.of);
      case 'tensor':
        return r.factors.map(of).reduce((acc, next) => acc.map((a, i) => kronPerm(a, next[i]!)));
      case 'sum': {
        const parts = r.terms.flatMap((t) => new Array<SignedPerm[]>(t.count).fill(of(t.rep)));
        return group.discrete.map((_, i) => sumPerm(parts.map((p) => p[i]!)));
      }
      case 'sym':
      case 'alt':
        return of(r.of).map((p) => symmetricPerm(r.kind, r.degree, p));
    }
  };
  return of(rep);
}

/** Whether every discrete generator of the group acts as a signed permutation on V and factors. */
export function isSignedPermGroup<T>(group: Group<T>): boolean {
  const all = [...group.discrete, ...group.factors.flatMap((f) => f.discrete)];
  return all.every((m) => asSignedPermutation(group.field, m) !== null);
}

function kronPerm(a: SignedPerm, b: SignedPerm): SignedPerm {
  const da = a.perm.length;
  const db = b.perm.length;
  const perm = new Int32Array(da * db);
  const sign = new Int8Array(da * db);
  for (let i = 0; i < da; i++) {
    const pi = a.perm[i]! * db;
    const si = a.sign[i]!;
    for (let k = 0; k < db; k++) {
      perm[i * db + k] = pi + b.perm[k]!;
      sign[i * db + k] = si * b.sign[k]!;
    }
  }
  return { perm, sign };
}

function sumPerm(parts: readonly SignedPerm[]): SignedPerm {
  const n = parts.reduce((s, p) => s + p.perm.length, 0);
  const perm = new Int32Array(n);
  const sign = new Int8Array(n);
  let off = 0;
  for (const p of parts) {
    for (let j = 0; j < p.perm.length; j++) {
      perm[off + j] = off + p.perm[j]!;
      sign[off + j] = p.sign[j]!;
    }
    off += p.perm.length;
  }
  return { perm, sign };
}

/** Advances a sorted tuple to the next one in lexicographic order (no-op past the last). */
function nextTuple(kind: 'sym' | 'alt', d: number, t: Int32Array): void {
  const k = t.length;
  for (let i = k - 1; i >= 0; i--) {
    const max = kind === 'sym' ? d - 1 : d - k + i;
    if (t[i]! < max) {
      t[i]!++;
      for (let j = i + 1; j < k; j++) t[j] = kind === 'sym' ? t[i]! : t[j - 1]! + 1;
      return;
    }
  }
}

/** Action on the Sym^k / Alt^k basis of rep/symmetric.ts: permute, sort, track the sign. */
function symmetricPerm(kind: 'sym' | 'alt', k: number, p: SignedPerm): SignedPerm {
  const d = p.perm.length;
  const count = symmetricCount(kind, d, k);
  const perm = new Int32Array(count);
  const sign = new Int8Array(count);
  // Walk the sorted tuples in order (an odometer, no list of tuples) and rank each image.
  const t = Int32Array.from({ length: k }, (_, i) => (kind === 'sym' ? 0 : i));
  const image = new Int32Array(k);
  for (let j = 0; j < count; j++) {
    let s = 1;
    for (let a = 0; a < k; a++) {
      s *= p.sign[t[a]!]!;
      image[a] = p.perm[t[a]!]!;
    }
    if (kind === 'alt') {
      // Parity of the sorting permutation, by counting inversions.
      for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) if (image[a]! > image[b]!) s = -s;
    }
    image.sort();
    perm[j] = symmetricRank(kind, d, image);
    sign[j] = s;
    nextTuple(kind, d, t);
  }
  return { perm, sign };
}
