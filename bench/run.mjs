#!/usr/bin/env node
// `npm run bench`: every case of bench/cases.json timed for solve-basis (in process, median; and
// as a cold CLI call), EMLP and a plain numpy dense null space, in the same run. Prints a table and
// writes bench/RESULTS.md. The Python side needs `bash .ci/bench-setup.sh` (EMLP in a venv);
// without it those columns say why they are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.slice(2);
const cases = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8')).filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));
const pythonTimeout = Number(process.env.BENCH_TIMEOUT ?? 300);
const venvPython = join(here, 'python', '.venv', 'bin', 'python');

function ours(c) {
  const r = spawnSync(process.execPath, [join(here, 'case.mjs'), JSON.stringify(c)], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { ok: false, error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').pop() };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function coldCli(c) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'solve-basis.js'), '--group', c.group, '--in', c.in, '--out', c.out, ...(c.strategy ? ['--strategy', c.strategy] : []), '--format', 'json', '-o', '/dev/null'], { encoding: 'utf8' });
    if (r.status !== 0) return null;
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[1];
}

// Our solver runs on one thread, and so do the baselines: the same thread count, and on a shared
// machine an idle BLAS or Eigen worker spinning for work made numpy's SVD of S(5) T(2)→T(2) 40×
// slower (10.9 s against 0.25 s quiet).
const ONE_THREAD = {
  OMP_NUM_THREADS: '1',
  OPENBLAS_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  XLA_FLAGS: '--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1',
};

function python(script, c) {
  if (!existsSync(venvPython)) return { ok: false, error: 'no bench venv (run: bash .ci/bench-setup.sh)' };
  const r = spawnSync(venvPython, [join(here, 'python', script), '--timeout', String(pythonTimeout)], {
    input: JSON.stringify([c]),
    encoding: 'utf8',
    timeout: (pythonTimeout + 120) * 1000,
    env: { ...process.env, ...ONE_THREAD, JAX_PLATFORMS: 'cpu' },
  });
  const lines = (r.stdout ?? '').split('\n').filter((l) => l.startsWith('{'));
  const parsed = lines.map((l) => JSON.parse(l)).filter((x) => x.name === c.name);
  if (parsed.length === 0) return { ok: false, error: (r.stderr || `exit ${r.status}`).trim().split('\n').pop() };
  return parsed[parsed.length - 1];
}

function pythonEnv() {
  if (!existsSync(venvPython)) return 'no Python bench venv';
  try {
    return execFileSync(venvPython, ['-c', 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ["emlp","jax","jaxlib","objax","numpy"]))'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Python bench venv present but versions unreadable';
  }
}

const fmt = (ms) => (ms === null || ms === undefined ? '—' : ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const ratio = (other, mine) => (other && mine ? `${(other / mine).toFixed(other / mine < 10 ? 1 : 0)}×` : '—');

const rows = [];
for (const c of cases) {
  process.stderr.write(`bench: ${c.name} … `);
  const o = ours(c);
  const cli = o.ok ? coldCli(c) : null;
  const e = python('emlp_runner.py', c);
  const n = python('numpy_baseline.py', c);
  rows.push({ c, o, cli, e, n });
  process.stderr.write(`${o.ok ? fmt(o.medianMs) : 'failed'}; EMLP ${e.ok ? fmt(e.seconds * 1000) : 'failed'}; numpy ${n.ok ? fmt(n.seconds * 1000) : 'failed'}\n`);
}

const header = '| case | dim | solve-basis (median, in process) | cold CLI | peak RSS | strategy | EMLP | EMLP ÷ ours | numpy dense | numpy ÷ ours |';
const sep = '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|';
const lines = rows.map(({ c, o, cli, e, n }) => {
  const dimNote = o.ok && e.ok && e.dim !== o.dim ? ` (EMLP: ${e.dim})` : '';
  return `| ${c.name} | ${o.ok ? o.dim : '—'}${dimNote} | ${o.ok ? fmt(o.medianMs) : `failed: ${o.error}`} | ${fmt(cli)} | ${o.ok ? `${Math.round(o.peakMb)} MB` : '—'} | ${o.ok ? o.strategies.join(', ') : '—'} | ${e.ok ? fmt(e.seconds * 1000) : `✗ ${e.error}`} | ${e.ok && o.ok ? ratio(e.seconds * 1000, o.medianMs) : '—'} | ${n.ok ? fmt(n.seconds * 1000) : `✗ ${n.error}`} | ${n.ok && o.ok ? ratio(n.seconds * 1000, o.medianMs) : '—'} |`;
});
const table = [header, sep, ...lines].join('\n');
console.log(table);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}; ${pythonEnv()}`;
const section = `## Solver benchmark\n\nRun: ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table}\n\nsolve-basis: median of repeated in-process solves in a fresh process (warm JIT after the first run), peak RSS of that process; cold CLI: median of 3 full \`solve-basis … --format json\` invocations. EMLP: \`(rep_in >> rep_out)(G).equivariant_basis()\` timed on its first call in a fresh process per case (includes JAX compilation; EMLP's own solution cache is empty). numpy: dense constraint matrix and \`np.linalg.svd\`. Every side runs on one thread (ours is single-threaded JavaScript; numpy's BLAS and EMLP's XLA are pinned to one thread).\n`;
const resultsPath = join(here, 'RESULTS.md');
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
const marker = /## Solver benchmark\n[\s\S]*?(?=\n## |$)/;
const next = marker.test(previous) ? previous.replace(marker, section) : `${previous.trimEnd()}\n\n${section}`;
if (only.length === 0) writeFileSync(resultsPath, next);
else if (process.env.BENCH_UPDATE_ROWS === '1' && marker.test(previous)) {
  // Re-run rows replace their namesakes in the recorded table (each row's ours, EMLP and numpy
  // still come from one run), and the section says which rows were re-run and when.
  let updated = previous.match(marker)[0];
  rows.forEach(({ c }, i) => {
    updated = updated.replace(new RegExp(`^\\| ${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|.*$`, 'm'), lines[i]);
  });
  const note = `Rows re-run on ${new Date().toISOString().slice(0, 10)} (${machine}): ${rows.map(({ c }) => c.name).join('; ')}.\n`;
  writeFileSync(resultsPath, previous.replace(marker, `${updated.trimEnd()}\n\n${note}`));
}
