/**
 * Which groups have a diagram basis here: each factor of the group must be one of the built-in
 * families S(n), O(n), SO(n), Sp(m), O(1,3), SO(1,3), SO+(1,3) (and their 1+1 versions) with
 * exactly the built-in generators — a custom group that only shares the name is not recognised,
 * because the closed form describes the group the generators generate. For a direct product every
 * generator must act on one factor only, which is what makes the basis on V1^⊗a ⊗ V2^⊗b the
 * Kronecker product of the factors' bases.
 */
import type { Group } from '../group/group.js';
import { lorentz, orthogonal, specialOrthogonal, symplectic, type LorentzName } from '../group/library/index.js';
import { equalMatrices, type SparseMatrix } from '../linalg/index.js';
import type { DiagramFamily, DiagramFamilyKind, PairForm } from './types.js';

/** Per factor, the families (in factor order), or the reason there is no diagram basis. */
export type FamilyRecognition = { readonly families: readonly DiagramFamily[] } | { readonly why: string };

// Recognition compares every generator; a solve asks once per block, so the answer is memoised per
// group object. A WeakMap is invisible to callers (equal inputs, equal answers) and holds no group alive.
const memo = new WeakMap<object, FamilyRecognition>();

/**
 * The diagram families of the group's factors, or why it has none.
 *
 * @example
 * const r = diagramFamilies(resolveGroup('SO(3) x S(4)'));
 * 'families' in r && r.families.map((f) => f.kind) // ['special-orthogonal', 'symmetric']
 */
export function diagramFamilies<T>(group: Group<T>): FamilyRecognition {
  let r = memo.get(group);
  if (r === undefined) {
    r = Object.freeze(recognise(group));
    memo.set(group, r);
  }
  return r;
}

function recognise<T>(group: Group<T>): FamilyRecognition {
  if (group.field.kind !== 'exact' || group.field.complex) return { why: `${group.name} is not a rational group` };
  const field = group.field;
  const zero = (m: SparseMatrix<T>): boolean => m.colIdx.length === 0;
  // Built-in generators share the field's constant 1: compare by reference first.
  const isOne = (v: T): boolean => v === field.one || field.eq(v, field.one);
  const isIdentity = (m: SparseMatrix<T>): boolean => {
    if (m.colIdx.length !== m.rows) return false;
    for (let r = 0; r < m.rows; r++) if (m.colIdx[r] !== r || !isOne(m.values[r]!)) return false;
    return true;
  };
  const families: DiagramFamily[] = [];
  const actsOn = (list: 'discrete' | 'lie', g: number): number =>
    group.factors.filter((f) => !(list === 'discrete' ? isIdentity(f.discrete[g]!) : zero(f.lie[g]!))).length;
  const product = group.factors.length > 1;
  for (let g = 0; product && g < group.discrete.length; g++) {
    if (actsOn('discrete', g) > 1) return { why: `discrete generator ${g} acts on more than one factor` };
  }
  for (let g = 0; product && g < group.lie.length; g++) {
    if (actsOn('lie', g) > 1) return { why: `Lie algebra generator ${g} acts on more than one factor` };
  }
  for (const [i, f] of group.factors.entries()) {
    const own = product ? { discrete: f.discrete.filter((m) => !isIdentity(m)), lie: f.lie.filter((m) => !zero(m)) } : f;
    const family = recogniseFactor(f.name, f.dim, own, (a, b) => equalMatrices(field, a as never, b as never), (m) => isPermutationOf(isOne, m));
    if (typeof family === 'string') return { why: family };
    families.push(Object.freeze({ ...family, group: f.name, factor: i + 1, dim: f.dim }));
  }
  return { families };
}

type Parsed = Omit<DiagramFamily, 'group' | 'factor' | 'dim'>;

const family = (kind: DiagramFamilyKind, form: PairForm, epsilon: boolean): Parsed => ({
  kind,
  diagrams: kind === 'symmetric' ? 'partition' : 'brauer',
  form,
  epsilon,
});

function recogniseFactor<T>(
  name: string,
  dim: number,
  own: { readonly discrete: readonly SparseMatrix<T>[]; readonly lie: readonly SparseMatrix<T>[] },
  equal: (a: SparseMatrix<unknown>, b: SparseMatrix<unknown>) => boolean,
  transposition: (m: SparseMatrix<T>) => number,
): Parsed | string {
  const m = /^(S|O|SO|Sp|SO\+)\((\d+)(?:,(\d+))?\)$/.exec(name);
  const notOurs = `${name} is not one of S(n), O(n), SO(n), Sp(m), O(1,3), SO(1,3), SO+(1,3) with their built-in generators`;
  if (!m) return notOurs;
  const [, key, a, b] = m;
  const arg = Number(a);
  if (key === 'S' && b === undefined) {
    // S(n) up to n = 1000: compare structurally (building S(1000) again would cost 0.1 s).
    const ok = own.lie.length === 0 && own.discrete.length === Math.max(0, arg - 1) && arg === dim && own.discrete.every((g, i) => transposition(g) === i + 1);
    return ok ? family('symmetric', 'delta', false) : notOurs;
  }
  let canonical: Group<unknown>;
  let parsed: Parsed;
  try {
    if (b !== undefined) {
      if (key === 'Sp') return notOurs;
      canonical = lorentz(name as LorentzName);
      parsed = key === 'O' ? family('lorentz', 'eta', false) : family('special-lorentz', 'eta', true);
    } else if (key === 'O') {
      canonical = orthogonal(arg);
      parsed = family('orthogonal', 'delta', false);
    } else if (key === 'SO') {
      canonical = specialOrthogonal(arg);
      parsed = family('special-orthogonal', 'delta', true);
    } else if (key === 'Sp') {
      canonical = symplectic(arg);
      parsed = family('symplectic', 'J', false);
    } else return notOurs;
  } catch {
    return notOurs;
  }
  const same =
    canonical.dim === dim &&
    canonical.discrete.length === own.discrete.length &&
    canonical.lie.length === own.lie.length &&
    canonical.discrete.every((g, i) => equal(g, own.discrete[i]!)) &&
    canonical.lie.every((g, i) => equal(g, own.lie[i]!));
  return same ? parsed : notOurs;
}

/**
 * For a permutation matrix of the transposition (0 i) (`M[j, perm[j]] = 1`), i; otherwise −1.
 */
function isPermutationOf<T>(isOne: (v: T) => boolean, m: SparseMatrix<T>): number {
  const n = m.rows;
  if (m.cols !== n || m.colIdx.length !== n) return -1;
  const i = m.colIdx[0]!;
  if (i === 0) return -1;
  for (let r = 0; r < n; r++) {
    if (m.rowPtr[r] !== r || !isOne(m.values[r]!)) return -1;
    const want = r === 0 ? i : r === i ? 0 : r;
    if (m.colIdx[r] !== want) return -1;
  }
  return i;
}
