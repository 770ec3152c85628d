#!/usr/bin/env node
// `npm run bench:diagrams`: the diagram strategy (issue 11) on its targets, each case in a fresh
// process, beside the materialised strategies (orbit sums, exact elimination) forced on the same
// problem where they fit (otherwise their refusal or timeout is shown). Prints a table and rewrites
// the "Diagram strategy" section of bench/RESULTS.md. Arguments filter cases by name.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const cases = [
  { name: 'S(1000) T(3)→T(3)', group: 'S(1000)', in: 'T(3)', out: 'T(3)', target: 50, other: 'orbit' },
  { name: 'S(10) T(3)→T(3)', group: 'S(10)', in: 'T(3)', out: 'T(3)', other: 'orbit', flat: true },
  { name: 'S(5) T(2)→T(2)', group: 'S(5)', in: 'T(2)', out: 'T(2)', other: 'orbit', flat: true },
  { name: 'O(3) T(4)→T(4)', group: 'O(3)', in: 'T(4)', out: 'T(4)', other: 'exact', flat: true },
  { name: 'O(3) T(5)→T(5)', group: 'O(3)', in: 'T(5)', out: 'T(5)', target: 1000, other: 'exact', flat: true },
  { name: 'O(3) T(6)→T(6)', group: 'O(3)', in: 'T(6)', out: 'T(6)', target: 10000, other: 'exact' },
  { name: 'SO(3) T(4)→T(4)', group: 'SO(3)', in: 'T(4)', out: 'T(4)', other: 'exact', flat: true },
  { name: 'SO(3) T(5)→T(5)', group: 'SO(3)', in: 'T(5)', out: 'T(5)', other: 'exact' },
  { name: 'O(1,3) T(4)→T(4)', group: 'O(1,3)', in: 'T(4)', out: 'T(4)', other: 'exact', flat: true },
  { name: 'SO(1,3) T(4)→T(4)', group: 'SO(1,3)', in: 'T(4)', out: 'T(4)', other: 'exact', flat: true },
  { name: 'Sp(2) T(4)→T(4)', group: 'Sp(2)', in: 'T(4)', out: 'T(4)', other: 'exact', flat: true },
  { name: 'SO(3) x S(100) V1⊗V2→V1⊗V2', group: 'SO(3) x S(100)', in: 'V1⊗V2', out: 'V1⊗V2', other: 'exact', flat: true },
].filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));

function run(c) {
  const r = spawnSync(process.execPath, [join(here, 'diagram-case.mjs'), JSON.stringify(c)], { encoding: 'utf8', timeout: 300_000 });
  const line = (r.stdout ?? '').trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { ok: false, error: r.signal ? `killed (${r.signal})` : (r.stderr || `exit ${r.status}`).trim().split('\n').pop() };
  }
}

const fmt = (ms) => (ms === undefined ? '—' : ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const short = (s) => (s.length > 90 ? `${s.slice(0, 87)}…` : s).replace(/\|/g, '\\|');

const rows = [];
for (const c of cases) {
  process.stderr.write(`bench: ${c.name} … `);
  const d = run(c);
  const o = run({ ...c, strategy: c.other, flat: false, timeoutSeconds: 120 });
  rows.push({ c, d, o });
  process.stderr.write(`diagram ${d.ok ? fmt(d.medianMs) : 'failed'}; ${c.other} ${o.ok ? fmt(o.medianMs) : 'refused/failed'}\n`);
}

const header = '| case | dim | diagram: first call | diagram: median | target | verified | flat basis (materialised) | forced materialised strategy | ratio | ratio with flat |';
const sep = '|---|---:|---:|---:|---:|---|---|---|---:|---:|';
const lines = rows.map(({ c, d, o }) => {
  const flat = !c.flat ? '—' : d.flatError ? `refused (${short(d.flatError.split(': ').slice(1).join(': '))})` : `${fmt(d.flatMs)}`;
  const other = o.ok ? `${c.other}: ${fmt(o.medianMs)}` : `${c.other}: ${short(o.error ?? 'failed')}`;
  const times = (a, b) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
  const ratio = o.ok && d.ok ? times(o.medianMs, d.medianMs) : '—';
  const withFlat = o.ok && d.ok && d.flatMs !== undefined ? times(o.medianMs, d.medianMs + d.flatMs) : '—';
  const target = c.target ? `< ${fmt(c.target)} ${d.ok && d.medianMs < c.target ? '✓' : '✗'}` : '';
  return `| ${c.name} | ${d.ok ? d.dim : '—'} | ${d.ok ? fmt(d.firstMs) : `failed: ${short(d.error)}`} | ${d.ok ? fmt(d.medianMs) : '—'} | ${target} | ${d.ok ? d.verified.join(', ') : '—'} | ${flat} | ${other} | ${ratio} | ${withFlat} |`;
});
const table = [header, sep, ...lines].join('\n');
console.log(table);

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
const resolve = rows.filter((r) => r.d.ok && r.d.resolveMs > 20).map((r) => `${r.c.group} ${fmt(r.d.resolveMs)}`);
const section = [
  '## Diagram strategy',
  '',
  `\`npm run bench:diagrams\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
  '',
  table,
  '',
  'Each case runs in a fresh process. The group is resolved once beforehand and not counted',
  `(resolving the generators themselves took ${resolve.join(', ') || 'under 20 ms for every group'}). "First call" includes`,
  'recognising the group family (memoised per group) and JIT warm-up; "median" is over repeated',
  'solves in the same process. "verified": `diagram` = the invariant tensors checked exactly against',
  'every generator, `+matrices` = the materialised block checked on every generator too. "Flat basis":',
  'the time to materialise the canonical RREF rows from the diagrams (`flatBasis`), or why it is',
  'refused. The last columns force the materialised strategy on the same problem (timeout 120 s) and',
  'give its time ÷ the diagram median, and ÷ (diagram median + flat basis): the fair comparison when',
  'the matrices are wanted.',
  '',
].join('\n');
const resultsPath = join(here, 'RESULTS.md');
const results = readFileSync(resultsPath, 'utf8');
const start = results.indexOf('## Diagram strategy');
const next = start < 0 ? -1 : results.indexOf('\n## ', start + 1);
const updated = start < 0 ? `${results.trimEnd()}\n\n${section}` : `${results.slice(0, start)}${section}${next < 0 ? '' : results.slice(next + 1)}`;
writeFileSync(resultsPath, updated);
process.stderr.write('bench: wrote the "Diagram strategy" section of bench/RESULTS.md\n');
