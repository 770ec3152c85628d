/**
 * What a link carries: everything needed to reproduce an answer, in the query string —
 * `?group=S5&rep=tensor2`, or `in=`/`out=` for different reps, `strategy=`, `certify=1`,
 * `maxmem=2G`, and a custom group file as `file=cube.json&json=<its text>`. `rep=R` means
 * `in=R&out=R`, as `--rep` does on the command line; `out` alone defaults to `in`.
 */

export interface PlaygroundState {
  /** The group spec, as `--group` takes it (`S5`, `SO(3) x S(4)`, `cube.json`). */
  readonly group: string;
  readonly in: string;
  /** The output rep; undefined means the same as `in`. */
  readonly out?: string;
  readonly strategy?: string;
  readonly certify: boolean;
  /** The memory limit as typed (`2G`); undefined means the page's default. */
  readonly maxMemory?: string;
  /** A custom group file the group spec may name. */
  readonly file?: { readonly name: string; readonly text: string };
}

/** What an empty URL shows: the Maron et al. layer, answered at once. */
export const DEFAULT_STATE: PlaygroundState = Object.freeze({ group: 'S5', in: 'tensor2', certify: false });

/**
 * The state a query string describes. A query that names neither a group nor a rep gets the
 * default problem (so the bare page answers something at once); otherwise a missing rep stays
 * empty and the page says so, as the CLI does.
 *
 * @example
 * stateFromQuery('?group=S5&rep=V**2') // { group: 'S5', in: 'V**2', certify: false }
 */
export function stateFromQuery(query: string): PlaygroundState {
  const q = new URLSearchParams(query);
  const get = (k: string): string | undefined => {
    const v = q.get(k);
    return v === null || v.trim() === '' ? undefined : v;
  };
  const problem = ['group', 'rep', 'in', 'out'].some((k) => get(k) !== undefined);
  const rep = get('rep');
  const inRep = problem ? (rep ?? get('in') ?? '') : DEFAULT_STATE.in;
  const outRep = rep === undefined ? get('out') : undefined;
  const name = get('file');
  const text = q.get('json');
  const strategy = get('strategy');
  const maxMemory = get('maxmem');
  return {
    group: get('group') ?? DEFAULT_STATE.group,
    in: inRep,
    ...(outRep !== undefined && outRep !== inRep ? { out: outRep } : {}),
    ...(strategy !== undefined ? { strategy } : {}),
    certify: ['1', 'true', 'yes'].includes(q.get('certify') ?? ''),
    ...(maxMemory !== undefined ? { maxMemory } : {}),
    ...(name !== undefined && text !== null ? { file: { name, text } } : {}),
  };
}

/**
 * The query string for a state: `rep=` when in and out are the same, defaults left out, the
 * custom file only when the group spec names it. encodeURIComponent keeps `( ) * ! ' ~` as they
 * are, so `?group=SO(3)&in=V**2` stays readable in a chat message, and turns `+` (a direct sum)
 * into `%2B`, never a space.
 *
 * @example
 * queryFromState({ group: 'SO(3)', in: 'V**2', out: 'V', certify: false }) // '?group=SO(3)&in=V**2&out=V'
 */
export function queryFromState(s: PlaygroundState): string {
  const q: [string, string][] = [['group', s.group]];
  if (s.out === undefined || s.out === s.in) q.push(['rep', s.in]);
  else q.push(['in', s.in], ['out', s.out]);
  if (s.strategy) q.push(['strategy', s.strategy]);
  if (s.certify) q.push(['certify', '1']);
  if (s.maxMemory) q.push(['maxmem', s.maxMemory]);
  if (s.file && s.group.includes(s.file.name)) q.push(['file', s.file.name], ['json', s.file.text]);
  return `?${q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
