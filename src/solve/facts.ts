/**
 * What the strategies and the resource estimate ask of one group — its signed-permutation
 * subgroup, its diagram families, its characters when it is small and finite, a diagonal sign
 * symmetry of its constraints — computed on first use and kept for the rest of one request.
 * An explicit memo the pipeline creates per request and passes along: no global cache, no
 * identity-keyed table.
 */
import { diagramFamilies, type FamilyRecognition } from '../diagram/family.js';
import type { Group } from '../group/group.js';
import { signedPermSubgroup } from '../group/signed-perm-subgroup.js';
import { enumerateElements, inverseIndex, matrixKey, type GroupElement } from '../group/enumerate.js';
import { ResourceError } from '../errors.js';
import { CharacterTable, homDimension } from '../rep/characters.js';
import type { Rep } from '../rep/rep.js';
import { fromDense, map, multiply, type SparseMatrix } from '../linalg/index.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';

/**
 * Groups up to this order, on a V of at most HINT_MAX_DIM dimensions, have their characters
 * computed to give the strategies a nullity beforehand (well under a millisecond for C(k) and
 * D(k)); others are not enumerated for a hint, which must never cost more than it saves.
 */
export const HINT_MAX_ELEMENTS = 512;
const HINT_MAX_DIM = 8;

/** Diagonal sign matrices on V up to this dimension are tried as parity symmetries (2^dim − 1). */
const PARITY_MAX_DIM = 6;

/** The characters of a small finite group: enough for dim Hom_G by the character formula. */
interface Characters<T> {
  readonly table: CharacterTable<T>;
  readonly inverse: readonly number[];
}

/**
 * A diagonal ±1 matrix σ on V outside G that normalises G (σGσ = G). Then σ maps the solution
 * space to itself, and the space is the direct sum of its parts on the coordinates where σ acts
 * by +1 and by −1 (solve/parity.ts). C(k) has one: the reflection diag(−1, 1).
 */
export interface ParitySymmetry<T> {
  readonly sigma: SparseMatrix<T>;
  /** The group ⟨G, σ⟩ = G ∪ σG, whose equivariant maps are the +1 part. */
  readonly extended: Group<T>;
  /** Its characters, when it is small enough (always, when G's are known). */
  readonly characters: Characters<T> | null;
}

export class GroupFacts<T> {
  private subgroup: Group<T> | null | undefined;
  private families: FamilyRecognition | undefined;
  private chars: Characters<T> | null | undefined;
  private parityMemo: ParitySymmetry<T> | null | undefined;
  private elementsMemo: GroupElement<T>[] | null | undefined;

  constructor(readonly group: Group<T>) {}

  /**
   * The signed-permutation elements the elimination strategies pre-reduce by (null: none).
   * Only they need it, and it is not free (278 ms for S(1000)).
   *
   * @example
   * new GroupFacts(resolveGroup('SO(3)')).signedPermSubgroup()!.discrete.length // 6
   */
  signedPermSubgroup(): Group<T> | null {
    if (this.subgroup === undefined) this.subgroup = signedPermSubgroup(this.group);
    return this.subgroup;
  }

  /**
   * The diagram families of the group's factors, or why it has none.
   *
   * @example
   * new GroupFacts(resolveGroup('O(3)')).diagramFamilies() // { families: [orthogonal] }
   */
  diagramFamilies(): FamilyRecognition {
    if (this.families === undefined) this.families = diagramFamilies(this.group);
    return this.families;
  }

  /**
   * dim Hom_G(in, out) by the character formula, exactly in the group's field, for small finite
   * groups (HINT_MAX_ELEMENTS); null otherwise (Lie groups, larger groups, floats).
   *
   * @example
   * new GroupFacts(resolveGroup('D(5)')).homDimension(parseRep('V^6'), parseRep('V^6')) // 474
   */
  homDimension(inRep: Rep, outRep: Rep, deadline: Deadline = NO_DEADLINE): number | null {
    if (this.chars === undefined) this.chars = charactersOf(this.group, this.elements(deadline));
    return this.chars && dimensionBy(this.group, this.chars, inRep, outRep);
  }

  /**
   * A diagonal sign symmetry of the group (see {@link ParitySymmetry}), or null. Only single-factor
   * groups over an exact field with a small V are searched; the first σ in binary order is taken.
   *
   * @example
   * new GroupFacts(resolveGroup('C(6)')).parity()!.sigma // diag(−1, 1), a reflection
   */
  parity(deadline: Deadline = NO_DEADLINE): ParitySymmetry<T> | null {
    if (this.parityMemo === undefined) this.parityMemo = this.findParity(deadline);
    return this.parityMemo;
  }

  /**
   * dim Hom_{⟨G,σ⟩}(in, out): the dimension of the +1 part of the solution space (null when the
   * characters are unknown).
   *
   * @example
   * facts.parityDimension(parseRep('V^5'), parseRep('V^5')) // 171 for C(6)
   */
  parityDimension(inRep: Rep, outRep: Rep, deadline: Deadline = NO_DEADLINE): number | null {
    const s = this.parity(deadline);
    return s?.characters ? dimensionBy(s.extended, s.characters, inRep, outRep) : null;
  }

  /** The elements of a small finite group (see HINT_MAX_ELEMENTS), enumerated once. */
  private elements(deadline: Deadline): GroupElement<T>[] | null {
    if (this.elementsMemo === undefined) this.elementsMemo = elementsOf(this.group, deadline);
    return this.elementsMemo;
  }

  private findParity(deadline: Deadline): ParitySymmetry<T> | null {
    const g = this.group;
    const f = g.field;
    if (f.kind !== 'exact' || g.lie.length > 0 || g.factors.length !== 1 || g.dim > PARITY_MAX_DIM) return null;
    const elements = this.elements(deadline);
    if (elements === null) return null;
    const keys = new Set(elements.map((e) => matrixKey(f, e.onV)));
    for (let bits = 1; bits < 1 << g.dim; bits++) {
      const sigma = fromDense(f, Array.from({ length: g.dim }, (_, r) => Array.from({ length: g.dim }, (_, c) => (r !== c ? f.zero : bits & (1 << r) ? f.neg(f.one) : f.one))));
      // σ = ±h with h in G acts on every block of equivariant maps as a constant sign (h acts
      // trivially, −I by (−1)^order on a block of one tensor type): nothing to split.
      if (keys.has(matrixKey(f, sigma)) || keys.has(matrixKey(f, scale(f, sigma, f.neg(f.one))))) continue;
      if (!g.discrete.every((h) => keys.has(matrixKey(f, multiply(f, multiply(f, sigma, h), sigma))))) continue;
      const factor = g.factors[0]!;
      const extended: Group<T> = Object.freeze({
        ...g,
        name: `⟨${g.name}, σ⟩`,
        discrete: Object.freeze([...g.discrete, sigma]),
        factors: Object.freeze([Object.freeze({ ...factor, discrete: Object.freeze([...factor.discrete, sigma]) })]),
        order: BigInt(2 * elements.length),
      });
      // σ normalises G and σ² = 1, so ⟨G, σ⟩ = G ∪ σG: its elements follow from G's, no second search.
      const coset = elements.map((e) => ({ onV: multiply(f, sigma, e.onV), onFactors: e.onFactors.map((m) => multiply(f, sigma, m)) }));
      const all = 2 * elements.length <= HINT_MAX_ELEMENTS ? [...elements, ...coset] : null;
      return Object.freeze({ sigma, extended, characters: charactersOf(extended, all) });
    }
    return null;
  }
}

function scale<T>(f: Group<T>['field'], m: SparseMatrix<T>, c: T): SparseMatrix<T> {
  return map(f, m, (v) => f.mul(v, c));
}

function elementsOf<T>(group: Group<T>, deadline: Deadline): GroupElement<T>[] | null {
  if (group.lie.length > 0 || group.field.kind !== 'exact' || group.dim > HINT_MAX_DIM) return null;
  if (group.order !== undefined && group.order > BigInt(HINT_MAX_ELEMENTS)) return null;
  try {
    return enumerateElements(group, HINT_MAX_ELEMENTS, deadline);
  } catch (e) {
    if (e instanceof ResourceError && e.code === 'E_TOO_LARGE') return null;
    throw e;
  }
}

function charactersOf<T>(group: Group<T>, elements: GroupElement<T>[] | null): Characters<T> | null {
  if (elements === null) return null;
  const inverse = inverseIndex(group.field, elements);
  return { table: new CharacterTable(group.field, elements, inverse), inverse };
}

function dimensionBy<T>(group: Group<T>, chars: Characters<T>, inRep: Rep, outRep: Rep): number | null {
  return homDimension(group.field, chars.table.of(inRep), chars.table.of(outRep), chars.inverse);
}
