/**
 * How a generated layer's input and output are laid out, in words a user can index with: where
 * each summand sits, that `nV` is n copies one after another, and where entry (i, j, …) of a
 * tensor product sits (row-major Kronecker order, DESIGN.md §2). Generated from the layout the
 * pipeline produced (types and instances), never from the rep text, and kept short: long lists are
 * folded into runs and truncated with a pointer to `solve-basis explain`.
 */
import type { Group } from '../../group/group.js';
import type { Layout } from '../../rep/layout.js';
import { printRep, repDim, type Rep } from '../../rep/rep.js';
import { symmetricTuples } from '../../rep/symmetric.js';

/** At most this many instances are listed one per line; more are folded into runs of copies. */
const MAX_INSTANCE_LINES = 8;
/** At most this many lines per side; the rest is counted and `solve-basis explain` named. */
const MAX_LINES = 8;
/** Coordinates shown for a summand that is not contiguous, and sorted tuples shown for Sym/Alt. */
const MAX_LISTED = 6;

const INDEX_NAMES = ['i', 'j', 'k', 'l', 'm', 'n'];

/** A run of consecutive instances of one type, each contiguous and each right after the last. */
interface Run {
  readonly type: number;
  readonly start: number;
  readonly count: number;
  /** The coordinates, when the (single) instance is not one contiguous range. */
  readonly indices: Int32Array | null;
}

function runsOf(layout: Layout, fold: boolean): Run[] {
  const runs: Run[] = [];
  for (const inst of layout.instances) {
    const last = runs[runs.length - 1];
    const dim = inst.indices.length;
    if (fold && last && last.indices === null && inst.offset !== null && last.type === inst.type && last.start + last.count * dim === inst.offset) {
      runs[runs.length - 1] = { ...last, count: last.count + 1 };
    } else runs.push({ type: inst.type, start: inst.offset ?? inst.indices[0] ?? 0, count: 1, indices: inst.offset === null ? inst.indices : null });
  }
  return runs;
}

/** The dimensions of a summand type's tensor factors (one factor for a summand that is not a product). */
function factorsOf(rep: Rep, group: Group<unknown>): { readonly rep: Rep; readonly dim: number }[] {
  const dims = group.factors.map((f) => f.dim);
  const factors = rep.kind === 'tensor' ? rep.factors : [rep];
  return factors.map((f) => ({ rep: f, dim: repDim(f, group.dim, dims) }));
}

/** `3 + 9*c + 3*i + j`: the row-major position of entry (i, j, …), after `base` (terms, joined by +). */
function positionOf(base: readonly string[], dims: readonly number[], names: readonly string[]): string {
  const terms = [...base];
  let stride = 1;
  const parts: string[] = [];
  for (let f = dims.length - 1; f >= 0; f--) {
    parts.unshift(stride === 1 ? names[f]! : `${stride}*${names[f]}`);
    stride *= dims[f]!;
  }
  return [...terms.filter((t) => t !== '0'), ...parts].join(' + ') || '0';
}

function indexNames(count: number): string[] {
  return count <= INDEX_NAMES.length ? INDEX_NAMES.slice(0, count) : Array.from({ length: count }, (_, f) => `i${f + 1}`);
}

/** "; entry (i, j) at x[..., 3 + 3*i + j]" for a tensor product; nothing for a vector or scalar. */
function entryText(variable: string, base: readonly string[], factors: readonly { readonly dim: number }[], of: string): string {
  if (factors.length < 2) return '';
  const names = indexNames(factors.length);
  const bounds = factors.map((f, n) => `${names[n]} < ${f.dim}`).join(', ');
  return `; entry (${names.join(', ')}) ${of}at ${variable}[..., ${positionOf(base, factors.map((f) => f.dim), names)}] (${bounds})`;
}

function slice(variable: string, start: number, length: number): string {
  return length === 1 ? `${variable}[..., ${start}]` : `${variable}[..., ${start}:${start + length}]`;
}

function runLine(variable: string, run: Run, layout: Layout, group: Group<unknown>): string {
  const type = layout.types[run.type]!;
  const factors = factorsOf(type.rep, group);
  if (run.indices !== null) {
    const shown = [...run.indices.slice(0, MAX_LISTED)].join(', ');
    const more = run.indices.length > MAX_LISTED ? `, … (${run.indices.length} coordinates, increasing)` : '';
    return `${variable}[..., [${shown}${more}]]  ${type.key} (interleaved: a tensor product of a sum; its coordinates in row-major order)`;
  }
  const where = slice(variable, run.start, run.count * type.dim);
  if (run.count === 1) return `${where}  ${type.key}${entryText(variable, [String(run.start)], factors, '')}`;
  const base = [String(run.start), type.dim === 1 ? 'c' : `${type.dim}*c`];
  const first = base.filter((t) => t !== '0').join(' + ');
  const copyRange = type.dim === 1 ? `${variable}[..., ${first}]` : `${variable}[..., ${first} : ${first} + ${type.dim}]`;
  return `${where}  ${run.count} × ${type.key}, one after another: copy c (c < ${run.count}) at ${copyRange}${entryText(variable, base, factors, 'of copy c ')}`;
}

/** Sym^k / Alt^k coordinates are sorted index tuples (rep/symmetric.ts): say which is which. */
function symmetricLines(layout: Layout, group: Group<unknown>): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const t of layout.types) {
    for (const f of factorsOf(t.rep, group)) {
      const atom = f.rep.kind === 'dual' ? f.rep.of : f.rep;
      if ((atom.kind !== 'sym' && atom.kind !== 'alt') || seen.has(printRep(atom))) continue;
      seen.add(printRep(atom));
      const d = repDim(atom.of, group.dim, group.factors.map((g) => g.dim));
      // Only the first few tuples are needed; enumerating all of a large power would be wasteful.
      const tuples = d <= 12 ? symmetricTuples(atom.kind, d, atom.degree).slice(0, MAX_LISTED) : [];
      const listed = tuples.map((tu, u) => `${u}: (${tu.join(', ')})`).join(', ');
      const order = atom.kind === 'sym' ? 'non-decreasing' : 'strictly increasing';
      lines.push(`coordinate u of ${printRep(atom)} is the u-th ${order} index tuple of ${printRep(atom.of)}, in lexicographic order${listed ? `: ${listed}, …` : ''}`);
    }
  }
  return lines;
}

/**
 * The layout of one side as header lines: one line per summand (or run of copies), then what
 * Sym/Alt coordinates mean. `variable` is `x` (input) or `y` (output).
 *
 * @example
 * layoutLines('x', layoutOf(so3, parseRep('2V+V⊗V'), guard), so3, 'solve-basis explain --group SO(3) --rep 2V+V⊗V')
 * // ['x[..., 0:3]  V', 'x[..., 3:6]  V', 'x[..., 6:15]  V⊗V; entry (i, j) at x[..., 6 + 3*i + j] (i < 3, j < 3)']
 */
export function layoutLines(variable: string, layout: Layout, group: Group<unknown>, explain: string): string[] {
  const runs = runsOf(layout, layout.instances.length > MAX_INSTANCE_LINES);
  const lines = runs.slice(0, runs.length > MAX_LINES ? MAX_LINES - 1 : MAX_LINES).map((r) => runLine(variable, r, layout, group));
  if (runs.length > lines.length) {
    const rest = runs.slice(lines.length).reduce((s, r) => s + r.count, 0);
    lines.push(`… and ${rest} more summands (\`${explain}\` lists every one)`);
  }
  return [...lines, ...symmetricLines(layout, group)];
}

/** The convention lines every generated file states once, before the per-side layouts. */
export const LAYOUT_CONVENTION = [
  'Layout: x[..., c] is coordinate c of the input rep, y[..., r] coordinate r of the output rep, and',
  'W[r, c] maps input coordinate c to output coordinate r (y = W x + b). A direct sum puts its first',
  'summand first, and nV is n copies of V one after another; a tensor product is flattened row-major',
  '(numpy.kron order): entry (i, j) of A⊗B sits at i*dim(B) + j. A dual V* has the coordinates of V.',
] as const;
