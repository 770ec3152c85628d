/**
 * The hook for symbolic labels (DESIGN.md §10): once a diagram strategy returns a symbolic basis,
 * each element has a label readers of the literature know (`δ(i1,o1)·δ(i2,o2)`, `[i1=i2=o1]`,
 * `ε(i1,i2,o1)`). The page already shows a list of labels when this returns one; today no basis
 * carries them, so it returns null and the page shows nothing.
 */
import type { Basis } from '../../../src/index.js';

/**
 * The labels of the basis elements, in basis order, or null when the basis is not symbolic.
 *
 * @example
 * symbolicLabels(solveBasis({ group: 'S5', in: 'V' })) // null (until diagram bases exist)
 */
export function symbolicLabels(_basis: Basis<unknown>): readonly string[] | null {
  // When Basis gains its symbolic form, map its diagrams to their labels here.
  return null;
}
