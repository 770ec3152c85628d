/**
 * The texts of the `groups` and `explain` subcommands: the built-in group catalogue with each
 * family's generator convention, and what a rep expression parses to. Pure functions returning
 * strings; main.ts prints them.
 */
import { layoutOf } from '../rep/layout.js';
import { DEFAULT_MAX_MEMORY_BYTES } from '../util/bytes.js';
import { spaceOf, type AnyGroup, type Group } from '../group/group.js';
import { builtinGroups } from '../group/library/index.js';
import { resolveGroup } from '../group/resolve.js';
import { parseRep } from '../rep/parse.js';
import { printRep, repDim } from '../rep/rep.js';

function describeSize(g: AnyGroup): string {
  const parts: string[] = [];
  if (g.order !== undefined) parts.push(`order ${g.order.toLocaleString('en-US')}`);
  if (g.discrete.length > 0) parts.push(`${g.discrete.length} discrete generator${g.discrete.length === 1 ? '' : 's'}`);
  if (g.lie.length > 0) parts.push(`Lie algebra of dimension ${g.lie.length}`);
  if (parts.length === 0) parts.push('no generators');
  parts.push(g.field.kind === 'exact' ? 'exact' : 'float');
  return parts.join(', ');
}

/**
 * `solve-basis groups`: every built-in family, how to write it, and its generators (as built for
 * the family's example, so the convention shown is the one actually used).
 *
 * @example
 * groupsText().split('\n')[0] // 'Built-in groups (generators follow the EMLP library's conventions):'
 */
export function groupsText(): string {
  const lines = ["Built-in groups (generators follow the EMLP library's conventions):", ''];
  for (const info of builtinGroups()) {
    const example = resolveGroup(info.example);
    lines.push(`${info.name}  —  ${info.description}`);
    lines.push(`    write       ${info.pattern}`);
    lines.push(`    generators  ${example.convention}`);
    lines.push(`    example     ${info.example}: acts on V = ${spaceOf(example)}; ${describeSize(example)}`);
    lines.push('');
  }
  lines.push('Products: "G1 x G2" (reps use V1, V2, … for the factors\' base reps).');
  lines.push('Custom groups: a JSON file {"name", "dim", "generators": [...], "lieAlgebra": [...]}.');
  return `${lines.join('\n')}\n`;
}

/**
 * `solve-basis explain --rep R [--group G]`: the canonical form of R, its dimension (given a
 * group) and its direct-sum summands with their multiplicities and coordinates.
 *
 * @example
 * explainText('V+V**2', 'SO(3)')
 * // "rep     V⊕V⊗V\ngroup   SO(3) …\ndim     12\nsummands …"
 */
export function explainText(repText: string, groupSpec?: string, readFile?: (path: string) => string): string {
  const group = groupSpec === undefined ? undefined : resolveGroup(groupSpec, readFile ? { readFile } : {});
  const rep = parseRep(repText, { path: '--rep', ...(group ? { factors: group.factors.length } : {}) });
  const lines = [`rep       ${printRep(rep)}${printRep(rep) === repText.trim() ? '' : `   (parsed from '${repText}')`}`];
  if (!group) {
    lines.push('          (add --group G for its dimension and coordinates)');
    return `${lines.join('\n')}\n`;
  }
  const factorDims = group.factors.map((f) => f.dim);
  // The same guarded door as a solve: a rep too large to lay out is E_TOO_LARGE, not a crash.
  const layout = layoutOf(group as Group<unknown>, rep, { maxBytes: DEFAULT_MAX_MEMORY_BYTES, path: '--rep' });
  lines.push(`group     ${group.name}: acts on V = ${spaceOf(group)}; ${describeSize(group)}`);
  lines.push(`dim       ${layout.dim.toLocaleString('en-US')}`);
  lines.push(`summands  ${layout.instances.length} (${layout.types.length} distinct)`);
  layout.types.forEach((t, i) => {
    const inst = layout.instances.filter((x) => x.type === i);
    const where = inst
      .slice(0, 6)
      .map((x) => (x.offset !== null ? `[${x.offset}, ${x.offset + t.dim})` : `{${[...x.indices.slice(0, 4)].join(', ')}${x.indices.length > 4 ? ', …' : ''}}`))
      .join(' ');
    const more = inst.length > 6 ? ` … (${inst.length - 6} more)` : '';
    lines.push(`  ${inst.length} × ${t.key}  (dim ${repDim(t.rep, group.dim, factorDims)} each)  at ${where}${more}`);
  });
  return `${lines.join('\n')}\n`;
}
