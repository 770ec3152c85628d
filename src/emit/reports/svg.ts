/**
 * The weight-sharing picture of a basis, as a standalone SVG string (no browser, no DOM).
 *
 * Two kinds of picture, chosen from the basis itself rather than from the strategy name:
 * - *pattern*: when the elements have disjoint supports and ±1 entries (orbit bases, and any other
 *   basis of that shape) the whole dim_out × dim_in matrix W is one grid, each cell coloured by the
 *   basis element (the independent parameter θ_k) it belongs to — the pictures of the seeds: the
 *   DeepSets pattern, the 15 colours of the S5 second-order layer, circulant stripes.
 * - *multiples*: otherwise (e.g. SO(3), Lorentz) one small grid per basis element, on a diverging
 *   blue–white–red scale normalised per element.
 * Direct-sum block boundaries are drawn as lines; a legend names the group, the reps and `dim`.
 * Grids wider than `maxSide` cells are downsampled (each drawn cell aggregates f × f weights).
 */
import { SolveBasisError } from '../../errors.js';
import { printRep } from '../../rep/rep.js';
import { flatBasis, flatEntryCount, type Basis } from '../../basis.js';
import { thetaLabels } from './diagram-text.js';
import { patternOwners } from './pattern.js';
import type { Layout } from '../../rep/layout.js';
import { categoricalColour, divergingColour, LARGE_PALETTE } from './palette.js';

export interface SvgOptions {
  /** Largest number of drawn cells per side before downsampling (default 128). */
  readonly maxSide?: number;
  /** Largest number of small multiples drawn for a general basis (default 36). */
  readonly maxMultiples?: number;
}

/** Flat entries beyond which we refuse to draw: the picture would take longer than the solve. */
const MAX_FLAT_ENTRIES = 20_000_000;
const MARGIN = 16;
const FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** Title lines shared by both kinds of picture. */
function headerLines<T>(basis: Basis<T>): string[] {
  const [m, n] = basis.shape;
  const g = basis.group;
  const size = g.order !== undefined ? `order ${g.order.toLocaleString('en-US')}` : g.lie.length > 0 ? `Lie algebra dim ${g.lie.length}` : '';
  const inRep = printRep(basis.inRep);
  const outRep = printRep(basis.outRep);
  return [
    `Hom(${inRep} → ${outRep}) for ${g.name}`,
    `group ${g.name}${size ? ` (${size})` : ''} · in ${inRep} (dim ${n}) → out ${outRep} (dim ${m})`,
    `dim ${basis.dim.toLocaleString('en-US')}: ${basis.dim.toLocaleString('en-US')} of ${(m * n).toLocaleString('en-US')} parameters · rows = output, columns = input`,
  ];
}

/** A generous estimate of the width of 13 px text (no font metrics without a browser). */
function textWidth(lines: readonly string[]): number {
  return Math.ceil(Math.max(0, ...lines.map((l) => [...l].length)) * 7.4);
}

function textLines(lines: readonly string[], x: number, y: number, size: number, cls: string): string {
  return lines
    .map((l, i) => `<text class="${cls}" x="${x}" y="${y + i * (size + 6)}" font-size="${size}" ${FONT} fill="#222">${esc(l)}</text>`)
    .join('\n');
}

/**
 * Block boundaries: a line at the start of every contiguous summand instance but the first. Where
 * the summand type changes the line is strong; between instances of the same type it is thin, and
 * left out when instances are under 6 px apart (100 channels would otherwise hide the pattern).
 */
function boundaryLines(out: Layout, inn: Layout, x0: number, y0: number, scale: number, w: number, h: number): string {
  const strong: string[] = [];
  const thin: string[] = [];
  const add = (layout: Layout, line: (at: number) => string): void => {
    layout.instances.forEach((inst, i) => {
      if (i === 0 || inst.offset === null || inst.offset === 0) return;
      const at = inst.offset * scale;
      if (layout.instances[i - 1]!.type !== inst.type) strong.push(line(at));
      else if (layout.types[inst.type]!.dim * scale >= 6) thin.push(line(at));
    });
  };
  add(out, (at) => `<line class="block-boundary" x1="${x0}" y1="${fmt(y0 + at)}" x2="${x0 + w}" y2="${fmt(y0 + at)}"/>`);
  add(inn, (at) => `<line class="block-boundary" x1="${fmt(x0 + at)}" y1="${y0}" x2="${fmt(x0 + at)}" y2="${y0 + h}"/>`);
  return [
    thin.length ? `<g stroke="#333333" stroke-width="0.75">\n${thin.join('\n')}\n</g>` : '',
    strong.length ? `<g stroke="#111111" stroke-width="1.5">\n${strong.join('\n')}\n</g>` : '',
  ]
    .filter((x) => x !== '')
    .join('\n');
}

/** Downsampled owners: each aggregate cell shows the element owning most of its f × f weights. */
function aggregate(owner: Int32Array, m: number, n: number, f: number): { cells: Int32Array; rows: number; cols: number } {
  const rows = Math.ceil(m / f);
  const cols = Math.ceil(n / f);
  const cells = new Int32Array(rows * cols);
  const counts = new Map<number, number>();
  for (let R = 0; R < rows; R++) {
    for (let C = 0; C < cols; C++) {
      counts.clear();
      for (let r = R * f; r < Math.min(m, (R + 1) * f); r++) {
        for (let c = C * f; c < Math.min(n, (C + 1) * f); c++) {
          const o = owner[r * n + c]!;
          if (o !== 0) counts.set(o, (counts.get(o) ?? 0) + 1);
        }
      }
      let best = 0;
      let bestCount = 0;
      for (const [o, k] of counts) {
        if (k > bestCount || (k === bestCount && Math.abs(o) < Math.abs(best))) [best, bestCount] = [o, k];
      }
      cells[R * cols + C] = best;
    }
  }
  return { cells, rows, cols };
}

function patternSvg<T>(basis: Basis<T>, owner: Int32Array, options: SvgOptions): string {
  const [m, n] = basis.shape;
  const f = Math.max(1, Math.ceil(Math.max(m, n) / (options.maxSide ?? 128)));
  const { cells, rows, cols } = f === 1 ? { cells: owner, rows: m, cols: n } : aggregate(owner, m, n, f);
  const cell = Math.max(3, Math.min(48, Math.floor(720 / Math.max(rows, cols))));
  const header = headerLines(basis);
  if (f > 1) header.push(`downsampled: each cell shows the most frequent element among ${f} × ${f} weights`);
  const gridX = MARGIN;
  const gridY = MARGIN + header.length * 20 + 8;
  const gw = cols * cell;
  const gh = rows * cell;
  // Cells grouped by element: one <g> per colour keeps the file small and its structure testable.
  const byElement = new Map<number, string[]>();
  const negatives: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const o = cells[r * cols + c]!;
      if (o === 0) continue;
      const k = Math.abs(o) - 1;
      const list = byElement.get(k) ?? [];
      list.push(`<rect x="${gridX + c * cell}" y="${gridY + r * cell}" width="${cell}" height="${cell}"/>`);
      byElement.set(k, list);
      if (o < 0) negatives.push(`<circle cx="${gridX + c * cell + cell / 2}" cy="${gridY + r * cell + cell / 2}" r="${fmt(cell / 5)}"/>`);
    }
  }
  const stroke = cell >= 6 ? ' stroke="#ffffff" stroke-width="0.5"' : '';
  // Diagram bases name their parameters: a tooltip per element (`θ3 = [o1=i1 ≠ o2]`).
  const labels = thetaLabels(basis);
  const title = (k: number): string => (labels ? `<title>θ${k + 1} = ${labels[k]!.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>\n` : '');
  const groups = [...byElement.keys()]
    .sort((a, b) => a - b)
    .map((k) => `<g class="element" data-element="${k + 1}" fill="${categoricalColour(k, basis.dim)}"${stroke}>\n${title(k)}${byElement.get(k)!.join('\n')}\n</g>`);
  const legend = legendSwatches(basis.dim, negatives.length > 0, gridY + gh + 18, Math.max(gw, 480));
  const width = MARGIN * 2 + Math.max(gw, 480, textWidth(header));
  const height = legend.bottom + MARGIN;
  return svgDocument(width, height, 'pattern', [
    textLines(header, MARGIN, MARGIN + 12, 13, 'legend-text'),
    `<rect class="grid-background" x="${gridX}" y="${gridY}" width="${gw}" height="${gh}" fill="#eeeeee"/>`,
    ...groups,
    negatives.length ? `<g class="negative" fill="#ffffff">\n${negatives.join('\n')}\n</g>` : '',
    boundaryLines(basis.outLayout, basis.inLayout, gridX, gridY, cell / f, gw, gh),
    `<rect x="${gridX}" y="${gridY}" width="${gw}" height="${gh}" fill="none" stroke="#555" stroke-width="1"/>`,
    legend.svg,
  ]);
}

/** Colour swatches θ1 … θk (at most 60 listed), plus the sign marker's meaning. */
function legendSwatches(count: number, hasNegatives: boolean, top: number, width: number): { svg: string; bottom: number } {
  const shown = Math.min(count, 60);
  const per = Math.max(1, Math.floor(width / 64));
  const parts: string[] = [];
  for (let k = 0; k < shown; k++) {
    const x = MARGIN + (k % per) * 64;
    const y = top + Math.floor(k / per) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="14" height="14" fill="${categoricalColour(k, count)}"/>`);
    parts.push(`<text x="${x + 18}" y="${y + 12}" font-size="11" ${FONT} fill="#222">θ${k + 1}</text>`);
  }
  let bottom = top + Math.ceil(shown / per) * 20;
  const notes: string[] =
    count === 0
      ? ['the basis is empty: the only equivariant map is W = 0']
      : ['each colour is one independent parameter θ_k; grey cells are always zero'];
  if (shown < count) {
    const colours = count > LARGE_PALETTE ? `colours repeat: θk and θ(k+${LARGE_PALETTE}) share one` : `each of the ${count} has its own colour`;
    notes.push(`(${count - shown} more elements not listed; ${colours})`);
  }
  if (hasNegatives) notes.push('a white dot marks a weight equal to −θ_k');
  parts.push(textLines(notes, MARGIN, bottom + 14, 11, 'legend-note'));
  bottom += notes.length * 17 + 6;
  return { svg: `<g class="legend">\n${parts.join('\n')}\n</g>`, bottom };
}

function multiplesSvg<T>(basis: Basis<T>, options: SvgOptions): string {
  const [m, n] = basis.shape;
  const flat = flatBasis(basis);
  const shown = Math.min(flat.rows, options.maxMultiples ?? 36);
  const f = Math.max(1, Math.ceil(Math.max(m, n) / Math.min(64, options.maxSide ?? 128)));
  const rows = Math.ceil(m / f);
  const cols = Math.ceil(n / f);
  const cell = Math.max(2, Math.min(16, Math.floor(150 / Math.max(rows, cols))));
  const pw = cols * cell;
  const ph = rows * cell;
  const perRow = Math.max(1, Math.min(shown, Math.floor(900 / (pw + 14))));
  const header = headerLines(basis);
  header.push(`${shown < flat.rows ? `first ${shown} of ${flat.rows}` : `all ${flat.rows}`} basis elements, each on its own blue (−) / white (0) / red (+) scale`);
  if (f > 1) header.push(`downsampled: each cell shows the largest-magnitude weight among ${f} × ${f}`);
  const top = MARGIN + header.length * 20 + 8;
  const panels: string[] = [];
  for (let k = 0; k < shown; k++) {
    const px = MARGIN + (k % perRow) * (pw + 14);
    const py = top + Math.floor(k / perRow) * (ph + 30);
    const agg = new Float64Array(rows * cols);
    let maxAbs = 0;
    for (let p = flat.rowPtr[k]!; p < flat.rowPtr[k + 1]!; p++) {
      const v = basis.field.toNumber(flat.values[p]!);
      const idx = flat.colIdx[p]!;
      const a = Math.floor(Math.floor(idx / n) / f) * cols + Math.floor((idx % n) / f);
      if (Math.abs(v) > Math.abs(agg[a]!)) agg[a] = v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    const rects: string[] = [];
    for (let i = 0; i < agg.length; i++) {
      if (agg[i] === 0) continue;
      const x = px + (i % cols) * cell;
      const y = py + 14 + Math.floor(i / cols) * cell;
      rects.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${divergingColour(agg[i]! / maxAbs)}"/>`);
    }
    panels.push(
      `<g class="multiple" data-element="${k + 1}">\n` +
        `<text x="${px}" y="${py + 10}" font-size="11" ${FONT} fill="#222">B${k + 1} (max |w| ${fmt(maxAbs)})</text>\n` +
        `<rect x="${px}" y="${py + 14}" width="${pw}" height="${ph}" fill="#f7f7f7"/>\n${rects.join('\n')}\n` +
        `${boundaryLines(basis.outLayout, basis.inLayout, px, py + 14, cell / f, pw, ph)}\n` +
        `<rect x="${px}" y="${py + 14}" width="${pw}" height="${ph}" fill="none" stroke="#555" stroke-width="0.75"/>\n</g>`,
    );
  }
  const panelRows = Math.max(1, Math.ceil(shown / perRow));
  const bottom = top + panelRows * (ph + 30);
  const scale = colourBar(MARGIN, bottom + 4);
  const width = MARGIN * 2 + Math.max(perRow * (pw + 14), 560, textWidth(header));
  return svgDocument(width, bottom + 44 + MARGIN, 'multiples', [textLines(header, MARGIN, MARGIN + 12, 13, 'legend-text'), ...panels, scale]);
}

function colourBar(x: number, y: number): string {
  const steps = 21;
  const rects = Array.from({ length: steps }, (_, i) => {
    const t = -1 + (2 * i) / (steps - 1);
    return `<rect x="${x + i * 10}" y="${y}" width="10" height="12" fill="${divergingColour(t)}"/>`;
  });
  return (
    `<g class="legend colour-bar">\n${rects.join('\n')}\n` +
    `<text x="${x}" y="${y + 26}" font-size="11" ${FONT} fill="#222">−max</text>\n` +
    `<text x="${x + 98}" y="${y + 26}" font-size="11" ${FONT} fill="#222">0</text>\n` +
    `<text x="${x + 190}" y="${y + 26}" font-size="11" ${FONT} fill="#222">+max</text>\n</g>`
  );
}

function svgDocument(width: number, height: number, kind: string, parts: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-kind="${kind}">\n` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>\n` +
    `${parts.filter((p) => p !== '').join('\n')}\n</svg>\n`
  );
}

/**
 * The weight-sharing picture of `basis` as an SVG document (a string; deterministic).
 *
 * @example
 * const svg = basisSvg(solveBasis({ group: 'S(5)', in: 'V**2' }));
 * svg.match(/class="element"/g).length // 15: one colour per independent parameter
 */
export function basisSvg<T>(basis: Basis<T>, options: SvgOptions = {}): string {
  const entries = flatEntryCount(basis);
  if (entries > MAX_FLAT_ENTRIES) {
    throw new SolveBasisError('E_TOO_LARGE', `the basis has ${entries.toLocaleString('en-US')} flat entries, too many to draw`, {
      expected: `at most ${MAX_FLAT_ENTRIES.toLocaleString('en-US')}`,
      actual: entries.toLocaleString('en-US'),
      hint: 'draw a smaller rep (fewer channels); the block structure is the same',
    });
  }
  const owner = patternOwners(basis);
  return owner ? patternSvg(basis, owner, options) : multiplesSvg(basis, options);
}
