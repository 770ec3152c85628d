/**
 * The built-in group catalogue on the page. The text is exactly what `solve-basis groups` prints:
 * web/build.ts runs the CLI at build time and inlines its output, so the page and the terminal
 * can never disagree and the page pays nothing at run time. This module splits that text into
 * one entry per family (for the list and its "use" buttons) and the closing notes.
 */

export interface CatalogueEntry {
  /** The family as written in the catalogue: `S(n)`, `SO+(1,3)`, `Lorentz`. */
  readonly name: string;
  /** The family's example group spec (`S(5)`), usable as the group input as is. */
  readonly example: string;
  /** The entry's lines, verbatim. */
  readonly text: string;
}

export interface Catalogue {
  /** The heading line. */
  readonly heading: string;
  readonly entries: readonly CatalogueEntry[];
  /** The notes after the entries (products, custom groups), verbatim. */
  readonly notes: string;
}

/**
 * Splits `solve-basis groups` output into its entries.
 *
 * @example
 * parseCatalogue(groupsText).entries[0] // { name: 'S(n)', example: 'S(5)', text: 'S(n)  —  symmetric group: …' }
 */
export function parseCatalogue(text: string): Catalogue {
  const paragraphs = text.trimEnd().split(/\n\s*\n/);
  const heading = paragraphs.shift() ?? '';
  const entries: CatalogueEntry[] = [];
  const notes: string[] = [];
  for (const p of paragraphs) {
    const name = /^(\S.*?)\s+—\s+/.exec(p)?.[1];
    const example = /^\s+example\s+(.+?): acts on /m.exec(p)?.[1];
    if (name !== undefined && example !== undefined) entries.push({ name, example, text: p });
    else notes.push(p);
  }
  return { heading, entries, notes: notes.join('\n\n') };
}
