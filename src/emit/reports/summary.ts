/**
 * The human summary printed by default at a terminal: what was solved, how big the answer is
 * against the unconstrained layer, which strategy ran and why, how it was checked, how long it took.
 */
import { printRep } from '../../rep/rep.js';
import { numberFieldOf, type Basis } from '../../basis.js';
import { spaceOf } from '../../group/group.js';
import { diagramSummaryLines } from './diagram-text.js';
import { patternPreview } from './pattern.js';

export interface SummaryOptions {
  /** Wall time of the solve, in milliseconds. */
  readonly elapsedMs?: number;
  /** Add a text picture of the weight-sharing pattern when it is small (default true). */
  readonly preview?: boolean;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function describeGroup<T>(basis: Basis<T>): string {
  const g = basis.group;
  const parts = [g.name];
  if (g.order !== undefined) parts.push(`order ${g.order.toLocaleString('en-US')}`);
  if (g.discrete.length > 0) parts.push(plural(g.discrete.length, 'discrete generator'));
  if (g.lie.length > 0) parts.push(`Lie algebra of dimension ${g.lie.length}`);
  parts.push(`acting on V = ${spaceOf(g)}`);
  return parts.join(', ');
}

/** How exact the basis is, naming the field when it is not ℚ. */
function exactness<T>(basis: Basis<T>): string {
  const nf = numberFieldOf(basis);
  if (nf) return nf.basisRational ? `, exact, rational (the generators are over ${nf.name}, θ = ${nf.generator})` : `, exact over ${nf.name} (θ = ${nf.generator}, ${nf.polynomial} = 0)`;
  return basis.group.field.complex ? ', exact over ℚ(i)' : basis.exact ? ', exact' : ', float64';
}

/**
 * A few lines for a person.
 *
 * @example
 * summaryText(solveBasis({ group: 'S(5)', in: 'V**2' }))
 * // "Hom(V⊗V → V⊗V) for S(5): 15 basis elements …"
 */
export function summaryText<T>(basis: Basis<T>, options: SummaryOptions = {}): string {
  const [m, n] = basis.shape;
  const inRep = printRep(basis.inRep);
  const outRep = printRep(basis.outRep);
  const strategies = [...new Set(basis.blocks.map((b) => `${b.strategy} (${b.reason})`))];
  const verified = [...new Set(basis.blocks.map((b) => b.verification.mode))];
  const blockCount = basis.inLayout.types.length * basis.outLayout.types.length;
  const lines = [
    `Hom(${inRep} → ${outRep}) for ${basis.group.name}`,
    `  group     ${describeGroup(basis)}`,
    `  in → out  ${inRep} (dim ${n}) → ${outRep} (dim ${m})`,
    `  basis     ${plural(basis.dim, "element")}: ${basis.dim.toLocaleString('en-US')} of ${(m * n).toLocaleString('en-US')} parameters of a ${m} × ${n} weight matrix${exactness(basis)}`,
  ];
  if (blockCount > 1) {
    lines.push(
      `  blocks    ${basis.outLayout.types.length} output × ${basis.inLayout.types.length} input summand types, ${basis.blocks.length} non-zero; ` +
        `${basis.outLayout.instances.length} × ${basis.inLayout.instances.length} instances`,
    );
  }
  lines.push(`  strategy  ${strategies.length ? strategies.join('; ') : 'none needed (empty basis)'}`);
  lines.push(...diagramSummaryLines(basis));
  const gap = basis.blocks.map((b) => b.diagnostics.singularValueGap).find((x) => x !== undefined);
  if (gap) lines.push(`  numerics  singular-value gap ${gap.gap.toExponential(2)} (smallest kept ${gap.smallestKept.toExponential(2)}, largest dropped ${gap.largestDropped.toExponential(2)})`);
  lines.push(`  verified  ${verified.length ? verified.map((v) => (v === 'float' ? 'float residual on generators and random elements' : v === 'diagram' ? diagramVerified(basis) : `${v === 'signed-permutation' ? 'exactly (signed permutations)' : 'exactly'} on every generator`)).join('; ') : 'nothing to verify'}`);
  if (basis.certificate) lines.push(`  certified ${basis.certificate.certified ? 'yes' : 'NO'}: ${basis.certificate.summary}`);
  for (const w of basis.warnings) lines.push(`  warning   ${w}`);
  if (options.elapsedMs !== undefined) lines.push(`  time      ${formatMs(options.elapsedMs)}`);
  const preview = options.preview === false ? null : patternPreview(basis);
  if (preview) {
    lines.push(`  pattern   W[row = output, column = input]: a = θ1, b = θ2, …; -a = −θ1; . = 0`);
    for (const l of preview) lines.push(`           ${l}`);
  }
  return `${lines.join('\n')}\n`;
}

/** How the diagram blocks were checked (see verify/index.ts verifyBlock). */
function diagramVerified<T>(basis: Basis<T>): string {
  const reports = basis.blocks.flatMap((b) => (b.verification.diagram ? [b.verification.diagram] : []));
  const all = reports.every((r) => r.materialised);
  const checked = [...new Set(reports.map((r) => r.checked))].join('; ');
  return `exactly, symbolically (${checked})${all ? ', and the matrices on every generator' : reports.some((r) => r.materialised) ? ', and the small blocks\' matrices on every generator' : ''}`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
