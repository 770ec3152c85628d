/**
 * The resource guard: before anything large is allocated, estimate the memory a solve needs from
 * the sizes alone and refuse cleanly above the limit, instead of crashing Node with an
 * out-of-memory error halfway through.
 */
import { ResourceError } from '../errors.js';
import type { Group } from '../group/group.js';
import { checkLayoutMemory, type RepShape } from '../rep/layout.js';
import { isSignedPermGroup } from '../rep/signed-perm.js';
import { formatBytes } from '../util/bytes.js';

/** Bytes per unknown of the orbit strategy: union-find arrays, labels, and the ±1 output entry. */
const ORBIT_BYTES_PER_UNKNOWN = 32;
/** Bytes per stored constraint entry (index, value object, row bookkeeping). */
const CONSTRAINT_BYTES_PER_ENTRY = 64;

export interface ResourceEstimate {
  readonly bytes: number;
  /** Largest block's unknowns (dim_out·dim_in of one summand pair). */
  readonly largestBlockUnknowns: number;
  readonly strategyHint: 'orbit' | 'elimination';
}

/**
 * Estimated peak memory of solving Hom(in, out) block by block.
 *
 * @example
 * estimateResources(resolveGroup('S(10)'), shapeIn, shapeOut).bytes // ≈ 32 MB for T(3)→T(3)
 */
export function estimateResources<T>(group: Group<T>, inShape: RepShape, outShape: RepShape): ResourceEstimate {
  const monomial = group.lie.length === 0 && isSignedPermGroup(group);
  const gens = group.discrete.length + group.lie.length;
  let peak = 0;
  let largest = 0;
  for (const o of outShape.types) {
    for (const i of inShape.types) {
      const unknowns = o.dim * i.dim;
      largest = Math.max(largest, unknowns);
      const bytes = monomial
        ? unknowns * ORBIT_BYTES_PER_UNKNOWN
        : // Constraint rows touch about (d_out + d_in) entries each in the worst (dense) case;
          // elimination keeps at most unknowns² numbers of 8 bytes.
          gens * unknowns * Math.min(o.dim + i.dim, 64) * CONSTRAINT_BYTES_PER_ENTRY + unknowns * unknowns * 8;
      peak = Math.max(peak, bytes);
    }
  }
  return { bytes: peak, largestBlockUnknowns: largest, strategyHint: monomial ? 'orbit' : 'elimination' };
}

/**
 * The memory guard of a solve, from the shapes alone (before any layout or matrix exists): the
 * layouts' index arrays, then the largest block's solve. Throws `E_TOO_LARGE` above `maxBytes`.
 *
 * @example
 * checkResources(group, repShape(group, t4, 'in'), repShape(group, t4, 'out'), 4 * 1024 ** 3) // S(50): throws, 1.11 PiB
 */
export function checkResources<T>(group: Group<T>, inShape: RepShape, outShape: RepShape, maxBytes: number): ResourceEstimate {
  checkLayoutMemory(inShape.dim + outShape.dim, maxBytes);
  const est = estimateResources(group, inShape, outShape);
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
