/**
 * Which groups have a diagram basis here: each factor of the group must be one of the built-in
 * families S(n), O(n), SO(n), Sp(m), O(1,3), SO(1,3), SO+(1,3) (and their 1+1 versions) with
 * exactly the built-in generators, whatever the group is called — the closed form describes the
 * group the generators generate, so a custom group that only borrows a name is not recognised and
 * a custom file listing the built-in generators is. For a direct product every
 * generator must act on one factor only, which is what makes the basis on V1^⊗a ⊗ V2^⊗b the
 * Kronecker product of the factors' bases.
 */
import type { Group } from '../group/group.js';
import { lorentz, orthogonal, specialOrthogonal, symplectic, type LorentzName } from '../group/library/index.js';
import { equalMatrices, type SparseMatrix } from '../linalg/index.js';
import type { DiagramFamily, DiagramFamilyKind, PairForm } from './types.js';

/** Per factor, the families (in factor order), or the reason there is no diagram basis. */
export type FamilyRecognition = { readonly families: readonly DiagramFamily[] } | { readonly why: string };

/**
 * The diagram families of the group's factors, or why it has none.
 *
 * @example
 * const r = diagramFamilies(resolveGroup('SO(3) x S(4)'));
 * 'families' in r && r.families.map((f) => f.kind) // ['special-orthogonal', 'symmetric']
 */
export function diagramFamilies<T>(group: Group<T>): FamilyRecognition {
  // Compares every generator: a solve asks once, through its GroupFacts (solve/facts.ts).
  return Object.freeze(recognise(group));
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
    const found = recogniseFactor(f.name, f.dim, own, (a, b) => equalMatrices(field, a as never, b as never), (m) => isPermutationOf(isOne, m));
    if (typeof found === 'string') return { why: found };
    // Named by the family it was recognised as (S(5)), whatever the file called the group.
    families.push(Object.freeze({ ...found.parsed, group: found.name, factor: i + 1, dim: f.dim }));
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
): { readonly parsed: Parsed; readonly name: string } | string {
  const notOurs = `${name}: its generators are not those of a built-in S(n), O(n), SO(n), Sp(m), O(1,3), SO(1,3) or SO+(1,3)`;
  // A group is its generators, whatever its name: a file listing S(5)'s transpositions is S(5).
  // S(n) up to n = 1000 is compared structurally (building S(1000) again would cost 0.1 s).
  if (own.lie.length === 0 && own.discrete.length === Math.max(0, dim - 1) && own.discrete.every((g, i) => transposition(g) === i + 1)) {
    return { parsed: family('symmetric', 'delta', false), name: `S(${dim})` };
  }
  // The Lie families, each built only when its generator counts match (the algebra's dimension).
  const so = (dim * (dim - 1)) / 2;
  const candidates: { lie: number; discrete: number; build: () => Group<unknown>; parsed: Parsed }[] = [
    { lie: so, discrete: 1, build: () => orthogonal(dim), parsed: family('orthogonal', 'delta', false) },
    { lie: so, discrete: 0, build: () => specialOrthogonal(dim), parsed: family('special-orthogonal', 'delta', true) },
  ];
  if (dim % 2 === 0) {
    const m = dim / 2;
    candidates.push({ lie: m * (2 * m + 1), discrete: 0, build: () => symplectic(m), parsed: family('symplectic', 'J', false) });
  }
  const lorentzNames: readonly LorentzName[] = dim === 4 ? ['O(1,3)', 'SO(1,3)', 'SO+(1,3)'] : dim === 2 ? ['O(1,1)', 'SO(1,1)', 'SO+(1,1)'] : [];
  for (const l of lorentzNames) {
    const parsed = l.startsWith('O') ? family('lorentz', 'eta', false) : family('special-lorentz', 'eta', true);
    candidates.push({ lie: so, discrete: l.startsWith('O') ? 2 : l.startsWith('SO+') ? 0 : 1, build: () => lorentz(l), parsed });
  }
  for (const c of candidates) {
    if (c.lie !== own.lie.length || c.discrete !== own.discrete.length) continue;
    let canonical: Group<unknown>;
    try {
      canonical = c.build();
    } catch {
      continue; // beyond the family's size limits: not a built-in
    }
    const same =
      canonical.dim === dim &&
      canonical.discrete.every((g, i) => equal(g, own.discrete[i]!)) &&
      canonical.lie.every((g, i) => equal(g, own.lie[i]!));
    if (same) return { parsed: c.parsed, name: canonical.name };
  }
  return notOurs;
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
