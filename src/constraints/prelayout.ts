/**
 * Checks on a rep that need only its expression and the group: the factors it names exist, its
 * dimension can be indexed, and the summand layout (O(dim) index arrays, built next) fits in the
 * memory limit. These run before anything of size dim is allocated.
 */
import { ResourceError, SpecError } from '../errors.js';
import type { Group } from '../group/group.js';
import { printRep, repDim, type Rep } from '../rep/rep.js';
import { formatBytes } from '../solve/resources.js';
import type { Layout } from './blocks.js';

/** Reps above this dimension cannot be indexed (typed arrays, flat indices r·n + c). */
const MAX_REP_DIM = 2 ** 31 - 1;

/** The largest factor index a rep uses (0 when it uses none): reps given as trees skip the parser's check. */
function maxFactor(rep: Rep): number {
  switch (rep.kind) {
    case 'scalar':
      return 0;
    case 'base':
      return rep.factor ?? 0;
    case 'dual':
    case 'sym':
    case 'alt':
      return maxFactor(rep.of);
    case 'tensor':
      return Math.max(0, ...rep.factors.map(maxFactor));
    case 'sum':
      return Math.max(0, ...rep.terms.map((t) => maxFactor(t.rep)));
  }
}

/** Bytes per rep coordinate of a layout (summand index arrays and their copies). */
const LAYOUT_BYTES_PER_COORDINATE = 8;

/**
 * Throws E_TOO_LARGE when the layouts of reps with `coordinates` coordinates in all would not fit.
 *
 * @example
 * checkLayoutMemory(3 ** 19, 4 * 1024 ** 3) // throws: 9.3 GB of index arrays
 */
export function checkLayoutMemory(coordinates: number, maxBytes: number): void {
  const bytes = coordinates * LAYOUT_BYTES_PER_COORDINATE;
  if (!(bytes <= maxBytes)) {
    throw new ResourceError('E_TOO_LARGE', `problem too large: the reps have ${coordinates.toExponential(3)} coordinates, whose layout alone needs ${formatBytes(bytes)}, above the limit of ${formatBytes(maxBytes)}`, {
      expected: `at most ${formatBytes(maxBytes)}`,
      actual: formatBytes(bytes),
      hint: 'raise the limit with --max-memory (e.g. --max-memory 16G)',
    });
  }
}

/**
 * The dimension of a rep, checked (factors, size), and — when the rep is a single summand, so
 * its layout is one type of that dimension — that layout's type list, without building indices.
 *
 * @example
 * preLayout(resolveGroup('S(3)'), parseRep('V**19'), '--rep').dim // 1162261467, no allocation
 */
export function preLayout<T>(group: Group<T>, rep: Rep, name: string): Layout {
  const k = maxFactor(rep);
  const factors = group.factors.length;
  if (k > factors || (k > 0 && factors === 1)) {
    const has = factors === 1 ? 'is not a product' : `has ${factors} factors`;
    throw new SpecError('E_REP_FACTOR', `the rep ${abbreviate(printRep(rep))} uses V${k}, but ${group.name} ${has}`, {
      path: name,
      expected: factors === 1 ? 'V (the group is not a product)' : `V1 … V${factors}`,
      actual: `V${k}`,
    });
  }
  const dim = repDim(rep, group.dim, group.factors.map((f) => f.dim));
  if (!(dim <= MAX_REP_DIM)) {
    // Checked before the layout is built: V^50000 would otherwise fail inside an allocation.
    throw new ResourceError('E_TOO_LARGE', `the rep ${abbreviate(printRep(rep))} has dimension ${dim.toExponential(3)}, too large to index`, {
      path: name,
      expected: `dimension at most ${MAX_REP_DIM}`,
      actual: dim.toExponential(3),
    });
  }
  const single = rep.kind !== 'sum' && !(rep.kind === 'tensor' && rep.factors.some((f) => f.kind === 'sum'));
  return { dim, types: single && dim > 0 ? [{ rep, key: '', dim }] : [], instances: [] };
}

function abbreviate(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}

