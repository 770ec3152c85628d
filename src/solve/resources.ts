/**
 * The resource guard: before anything large is allocated, estimate the memory a solve needs from
 * the sizes alone and refuse cleanly above the limit, instead of crashing Node with an
 * out-of-memory error halfway through.
 */
import { ResourceError } from '../errors.js';
import { diagramPlan } from '../diagram/build.js';
import { GroupFacts } from './facts.js';
import { checkLayoutMemory, type RepShape } from '../rep/layout.js';
import { isSignedPermGroup } from '../rep/signed-perm.js';
import { formatBytes } from '../util/bytes.js';
import type { StrategyChoice } from './strategy.js';

/** Bytes per unknown of the orbit strategy: union-find arrays, labels, and the ±1 output entry. */
const ORBIT_BYTES_PER_UNKNOWN = 32;
/** Bytes per stored constraint entry (index, value object, row bookkeeping). */
const CONSTRAINT_BYTES_PER_ENTRY = 64;

export interface ResourceEstimate {
  readonly bytes: number;
  /** Largest block's unknowns (dim_out·dim_in of one summand pair). */
  readonly largestBlockUnknowns: number;
  readonly strategyHint: 'diagram' | 'orbit' | 'elimination';
}

/**
 * Estimated peak memory of solving Hom(in, out) block by block, by the strategy each block will
 * get: a block the diagram strategy answers costs its diagrams (the count comes from a formula,
 * nothing of size n), whatever dim_out × dim_in is. `strategy` is the forced choice, if any.
 *
 * @example
 * estimateResources(new GroupFacts(resolveGroup('S(10)')), shapeIn, shapeOut, 'orbit').bytes // ≈ 32 MB for T(3)→T(3)
 * estimateResources(new GroupFacts(resolveGroup('O(3)')), t5, t5).strategyHint // 'diagram': 603 elements, not 59,049² unknowns
 */
export function estimateResources<T>(facts: GroupFacts<T>, inShape: RepShape, outShape: RepShape, strategy?: StrategyChoice): ResourceEstimate {
  const group = facts.group;
  const rec = strategy === undefined || strategy === 'diagram' ? facts.diagramFamilies() : null;
  const families = rec && 'families' in rec ? rec.families : null;
  let monomial: boolean | undefined;
  const gens = group.discrete.length + group.lie.length;
  let peak = 0;
  let largest = 0;
  const hints = new Set<ResourceEstimate['strategyHint']>();
  for (const o of outShape.types) {
    for (const i of inShape.types) {
      const unknowns = o.dim * i.dim;
      largest = Math.max(largest, unknowns);
      const plan = families ? diagramPlan(families, i.rep, o.rep) : null;
      if (plan !== null && typeof plan !== 'string') {
        hints.add('diagram');
        peak = Math.max(peak, plan.bytes);
        continue;
      }
      // Signed-permutation detection touches every generator: only when some block needs it.
      monomial ??= group.lie.length === 0 && isSignedPermGroup(group);
      hints.add(monomial ? 'orbit' : 'elimination');
      const bytes = monomial
        ? unknowns * ORBIT_BYTES_PER_UNKNOWN
        : // Constraint rows touch about (d_out + d_in) entries each in the worst (dense) case;
          // elimination keeps at most unknowns² numbers of 8 bytes.
          gens * unknowns * Math.min(o.dim + i.dim, 64) * CONSTRAINT_BYTES_PER_ENTRY + unknowns * unknowns * 8;
      peak = Math.max(peak, bytes);
    }
  }
  // Name the strategy of the costliest kind of block: elimination, else orbit, else diagram.
  const strategyHint = hints.has('elimination') ? 'elimination' : hints.has('orbit') ? 'orbit' : 'diagram';
  return { bytes: peak, largestBlockUnknowns: largest, strategyHint };
}

/**
 * The memory guard of a solve, from the shapes alone (before any layout or matrix exists): the
 * layouts' index arrays, then the largest block's solve. Throws `E_TOO_LARGE` above `maxBytes`.
 *
 * @example
 * checkResources(group, repShape(group, t4, 'in'), repShape(group, t4, 'out'), 4 * 1024 ** 3) // S(50): throws, 1.11 PiB
 */
export function checkResources<T>(facts: GroupFacts<T>, inShape: RepShape, outShape: RepShape, maxBytes: number, strategy?: StrategyChoice): ResourceEstimate {
  checkLayoutMemory((inShape.indexed ?? inShape.dim) + (outShape.indexed ?? outShape.dim), maxBytes);
  const est = estimateResources(facts, inShape, outShape, strategy);
  if (!(est.bytes <= maxBytes)) {
    throw new ResourceError(
      'E_TOO_LARGE',
      `problem too large: the ${est.strategyHint} solve needs an estimated ${formatBytes(est.bytes)} ` +
        `(largest block has ${est.largestBlockUnknowns.toLocaleString('en-US')} unknowns), above the limit of ${formatBytes(maxBytes)}`,
      { expected: `at most ${formatBytes(maxBytes)}`, actual: formatBytes(est.bytes), hint: 'raise the limit with --max-memory (e.g. --max-memory 16G)' },
    );
  }
  return est;
}
