/**
 * What the strategies and the resource estimate ask of one group — its signed-permutation
 * subgroup, its diagram families — computed on first use and kept for the rest of one request.
 * An explicit memo the pipeline creates per request and passes along: no global cache, no
 * identity-keyed table.
 */
import { diagramFamilies, type FamilyRecognition } from '../diagram/family.js';
import type { Group } from '../group/group.js';
import { signedPermSubgroup } from '../group/signed-perm-subgroup.js';

export class GroupFacts<T> {
  private subgroup: Group<T> | null | undefined;
  private families: FamilyRecognition | undefined;

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
}
