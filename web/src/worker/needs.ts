/**
 * Deciding before a solve whether it will need ml-matrix, so its chunk is loaded up front instead
 * of after a wasted partial solve. (mathjs needs no guess: it is only used while resolving a custom
 * group, which is cheap, so the worker resolves, and loads mathjs and resolves again when asked.)
 */
import type { AnyGroup } from '../../../src/index.js';

/**
 * Strategy choices that solve in float64 (the `float` family and its members). A new float
 * strategy missing here costs one rerun, not a wrong answer: worker/lazy.ts `withModules`.
 */
const FLOAT_CHOICES: readonly string[] = ['float', 'svd', 'reynolds'];

/**
 * Whether the solve will run a float strategy (whose SVD is ml-matrix): the group is float (some
 * generator entry is a decimal, not an exact or algebraic expression), or a float strategy is forced.
 *
 * @example
 * needsMlMatrix(loadCustomGroup('c5-decimal.json')) // true: decimal entries
 * needsMlMatrix(resolveGroup('C(5)'))        // false: exact over ℚ(√5)
 * needsMlMatrix(resolveGroup('S5'), 'float') // true
 * needsMlMatrix(resolveGroup('S5'))          // false
 */
export function needsMlMatrix(group: AnyGroup, strategy?: string): boolean {
  return group.field.kind === 'float' || (strategy !== undefined && FLOAT_CHOICES.includes(strategy));
}
