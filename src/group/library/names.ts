/**
 * "Did you mean …?" suggestions: nearest candidates by case-insensitive edit distance.
 */

/**
 * Levenshtein distance (insert, delete, substitute: cost 1 each).
 *
 * @example
 * editDistance('Lorenz', 'Lorentz') // 1
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates closest to `word` (ties kept, in candidate order), if close enough to be a
 * plausible typo: distance at most max(1, ⌊len/3⌋), or a case-insensitive prefix of length ≥ 2.
 *
 * @example
 * nearestNames('Sq', ['S', 'SO', 'Sp', 'GL']) // ['S', 'SO', 'Sp']
 */
export function nearestNames(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(w.length / 3));
  const scored = candidates
    .map((c, i) => {
      const lc = c.toLowerCase();
      const d = editDistance(w, lc);
      const prefix = w.length >= 2 && lc.length >= 2 && (lc.startsWith(w) || w.startsWith(lc));
      return { c, i, d: prefix ? Math.min(d, allowed) : d };
    })
    .filter((s) => s.d <= allowed)
    .sort((x, y) => x.d - y.d || x.i - y.i);
  return scored.slice(0, limit).map((s) => s.c);
}
