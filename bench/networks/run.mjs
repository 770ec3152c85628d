// The network benchmark (issue 10): our generated PyTorch network against EMLP itself on EMLP's three
// synthetic tasks, side by side in one run. `npm run bench:networks -- [options]`:
//
//   --tasks O5Synthetic,Inertia,ParticleInteraction   --sizes 300,1000,3000   --seeds 0,1,2
//   --epochs N          override the protocol's epochs (1000, 900, 300 for 300, 1000, 3000 points)
//   --emlp-epochs N     EMLP's epochs (default: the protocol's); --emlp-sizes 1000; --no-emlp
//   --no-mlp            skip the plain-MLP baseline (same width, depth, data and protocol; runtime "mlp")
//   --compile-sizes 1000   also train under torch.compile at these sizes (first seed);
//   --compile-tasks A,B    … for these tasks only (default: all)
//   --ch 384 --layers 3 --threads 2
//   --section NAME      the markers in bench/RESULTS.md this run's tables replace (default networks)
//   --table-only RUN    run nothing: rebuild the tables from the lines of results.jsonl with that run id
//                       (or several, comma-separated: one table over runs made in parts)
//
// Every run prints one JSON line (bench/networks/results.jsonl keeps them all); the tables go into
// bench/RESULTS.md between the networks markers, with the machine and exactly what was run.
// Needs .venv-torch2 (.ci/setup.d/42-torch2.sh) and, for EMLP, .ci/bench-emlp-train-setup.sh.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitPyTorchNetwork, networkParameters, solveNetwork } from '../../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const TASKS = {
  O5Synthetic: { group: 'O(5)', in: '2V', out: 'scalar' },
  Inertia: { group: 'O(3)', in: '5*scalar+5V', out: 'V⊗V' },
  ParticleInteraction: { group: 'O(1,3)', in: '4V', out: 'scalar' },
};
const PROTOCOL_EPOCHS = { 300: 1000, 1000: 900, 3000: 300 };
const PAPER = {
  O5Synthetic: { emlp: 0.0163, mlp: 0.088 },
  Inertia: { emlp: 0.164, mlp: 3.24 },
  ParticleInteraction: { emlp: 0.0003, mlp: 0.384 },
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const list = (s) => s.split(',').filter(Boolean);
const tasks = list(option('tasks', Object.keys(TASKS).join(',')));
const sizes = list(option('sizes', '300,1000,3000')).map(Number);
const seeds = list(option('seeds', '0,1,2')).map(Number);
const epochsOverride = option('epochs', null);
const emlpEpochs = option('emlp-epochs', null);
const emlpSizes = list(option('emlp-sizes', '1000')).map(Number);
const compileSizes = list(option('compile-sizes', '1000')).map(Number);
const compileTasks = list(option('compile-tasks', Object.keys(TASKS).join(',')));
const ch = Number(option('ch', '384'));
const layers = Number(option('layers', '3'));
const threads = option('threads', '2');
const noEmlp = process.argv.includes('--no-emlp');
const noMlp = process.argv.includes('--no-mlp');
const torchPython = process.env.SOLVE_BASIS_TORCH2_PYTHON ?? join(root, '.venv-torch2', 'bin', 'python');
const emlpPython = join(root, 'bench', 'python', '.venv-emlp-train', 'bin', 'python');
const log = join(here, 'results.jsonl');
const tableOnly = option('table-only', null);
const runId = tableOnly ?? new Date().toISOString();
const startLoad = loadavg();

const genDir = join(here, '.generated');
mkdirSync(genDir, { recursive: true });
const nets = {};
for (const t of tableOnly ? [] : tasks) {
  const net = solveNetwork({ ...TASKS[t], hidden: ch, layers });
  const file = join(genDir, `${t}.py`);
  writeFileSync(file, emitPyTorchNetwork(net));
  nets[t] = { file, params: networkParameters(net) };
}

// OMP_WAIT_POLICY=PASSIVE: on a shared machine, OpenMP threads that spin at barriers while other
// jobs hold the cores made PyTorch's 2-thread training step 3-5× slower (median) than with passive
// waiting; it changes nothing on an idle machine and nothing for XLA (EMLP), which has its own pool.
const env = { ...process.env, OMP_NUM_THREADS: threads, MKL_NUM_THREADS: threads, OPENBLAS_NUM_THREADS: threads, OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE', JAX_PLATFORMS: 'cpu' };
function run(python, script, args, extra = {}) {
  const line = execFileSync(python, [join(here, script), ...args], { encoding: 'utf8', env, maxBuffer: 16 << 20 }).trim().split('\n').pop();
  const r = { ...JSON.parse(line), ...extra, run: runId, load: loadavg()[0] };
  appendFileSync(log, `${JSON.stringify(r)}\n`);
  process.stderr.write(`${r.runtime} ${r.task} n=${r.ntrain} seed=${r.seed} epochs=${r.epochs}: test MSE ${r.test_mse.toPrecision(3)}, ${r.epoch_s.toFixed(3)} s/epoch\n`);
  return r;
}

const results = tableOnly
  ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => list(tableOnly).includes(r.run))
  : [];
// Lines logged before sameAsEmlp was recorded: ours at EMLP's (fewer) epochs.
for (const r of results) {
  const emlpEpochs = results.some((e) => e.runtime === 'emlp' && e.task === r.task && e.epochs === r.epochs);
  const longer = results.some((o) => o.runtime === 'torch' && o.task === r.task && o.epochs > r.epochs);
  if (r.runtime === 'torch' && emlpEpochs && longer) r.sameAsEmlp = true;
}
for (const t of tableOnly ? [] : tasks) {
  for (const n of sizes) {
    const epochs = String(epochsOverride ?? PROTOCOL_EPOCHS[n]);
    for (const [k, seed] of seeds.entries()) {
      const common = ['--task', t, '--ntrain', String(n), '--seed', String(seed)];
      results.push(run(torchPython, 'train_torch.py', ['--net', nets[t].file, ...common, '--epochs', epochs, '--threads', threads]));
      if (!noMlp) results.push(run(torchPython, 'train_torch.py', ['--net', nets[t].file, ...common, '--epochs', epochs, '--threads', threads, '--mlp', '--ch', String(ch), '--layers', String(layers)]));
      if (k === 0 && compileSizes.includes(n) && compileTasks.includes(t)) results.push(run(torchPython, 'train_torch.py', ['--net', nets[t].file, ...common, '--epochs', epochs, '--threads', threads, '--compile']));
      if (!noEmlp && emlpSizes.includes(n) && existsSync(emlpPython)) {
        const e = String(emlpEpochs ?? epochs);
        // The same epochs for ours, when EMLP runs fewer than the protocol: MSE compared at equal training.
        if (e !== epochs) results.push(run(torchPython, 'train_torch.py', ['--net', nets[t].file, ...common, '--epochs', e, '--threads', threads], { sameAsEmlp: true }));
        results.push(run(emlpPython, 'emlp_train.py', [...common, '--epochs', e, '--ch', String(ch), '--layers', String(layers)]));
      }
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => (x >= 0.01 ? x.toFixed(4) : x.toPrecision(2));
const groups = new Map();
for (const r of results) {
  const key = `${r.task}|${r.ntrain}|${r.runtime}${r.sameAsEmlp ? ' (EMLP epochs)' : ''}|${r.epochs}`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}
const rows = [...groups.entries()].map(([key, rs]) => {
  const [task, n, runtime, epochs] = key.split('|');
  const paper = n === '1000' ? ` (paper: EMLP ${PAPER[task].emlp}, MLP ${PAPER[task].mlp})` : '';
  return `| ${task}${paper} | ${n} | ${runtime} | ${epochs} | ${rs.map((r) => r.seed).join(', ')} | ${fmt(median(rs.map((r) => r.test_mse)))} | ${rs[0].equivariance_error === undefined ? '— (not measured)' : median(rs.map((r) => r.equivariance_error)).toPrecision(2)} | ${median(rs.map((r) => r.epoch_s)).toFixed(3)} | ${rs[0].parameters.toLocaleString('en-US')} |`;
});
const speed = tasks
  .map((t) => {
    const pick = (rt) => results.filter((r) => r.task === t && r.ntrain === 1000 && r.runtime === rt);
    const emlp = pick('emlp');
    // Ours from the longest eager run: the first epochs of a PyTorch process are several times
    // slower (allocator warm-up), so a 10-epoch median overstates the steady state.
    const longest = Math.max(...pick('torch').map((r) => r.epochs));
    const eager = pick('torch').filter((r) => r.epochs === longest);
    const comp = pick('torch.compile');
    if (emlp.length === 0 || eager.length === 0) return null;
    const e = median(emlp.map((r) => r.epoch_s));
    const o = median(eager.map((r) => r.epoch_s));
    const c = comp.length ? median(comp.map((r) => r.epoch_s)) : NaN;
    return `| ${t} | ${e.toFixed(2)} | ${o.toFixed(3)} | ${Number.isNaN(c) ? '—' : c.toFixed(3)} | ${(e / o).toFixed(1)}× | ${Number.isNaN(c) ? '—' : `${(e / c).toFixed(1)}×`} | ${median(emlp.map((r) => r.construct_s)).toFixed(0)} s |`;
  })
  .filter(Boolean);
const versions = results.find((r) => r.runtime === 'torch');
const emlpVersions = results.find((r) => r.runtime === 'emlp');
// Threads as each run recorded them (a --table-only rebuild has no --threads of its own).
const usedThreads = [...new Set(results.map((r) => r.threads).filter((t) => t !== undefined))].join(' or ') || threads;
const threadWords = `${usedThreads} thread${usedThreads === '1' || usedThreads === 1 ? '' : 's'} each side`;
const section = [
  `${tableOnly ? 'Tables of' : `\`npm run bench:networks -- ${process.argv.slice(2).join(' ')}\`,`} run${list(runId).length > 1 ? 's' : ''} ${list(runId).join(', ')}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB,`,
  tableOnly
    ? `load average ${results.map((r) => r.load.toFixed(1)).join(', ')} after each run (a shared machine: other jobs slow both sides), ${threadWords}.`
    : `load average ${startLoad[0].toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end (a shared machine: other jobs slow both sides), ${threadWords}.`,
  `Ours: \`solve-basis net\` with --hidden ${ch} --layers ${layers}, PyTorch ${versions?.torch ?? '?'} (PyPI wheel, CPU); ${
    emlpVersions
      ? `EMLP: emlp ${emlpVersions.emlp} (objax ${emlpVersions.objax}, jax ${emlpVersions.jax}), EMLP(ch=${ch}, num_layers=${layers}).`
      : "EMLP: not run (the task column quotes the paper's test MSE)."
  }${results.some((r) => r.runtime === 'mlp') ? ` MLP: the plain baseline of train_torch.py --mlp (Linear + SiLU, ${ch} wide, ${layers} hidden layers, per-coordinate standardisation).` : ''}`,
  'Protocol: Adam lr 3e-3, batch 500, 1000 validation and 1000 test points, test MSE in the units of y at the epoch with the best validation MSE (checked every 10 epochs); medians over the seeds listed.',
  '',
  '| task | train points | runtime | epochs | seeds | test MSE | test equivariance error | s / epoch | parameters |',
  '|---|---:|---|---:|---|---:|---:|---:|---:|',
  ...rows,
  '',
  ...(speed.length
    ? ['Training time per epoch at 1000 points, side by side (median over epochs after the first; ours from its longest eager run):', '', '| task | EMLP s/epoch | ours | ours, torch.compile | EMLP ÷ ours | EMLP ÷ compiled | EMLP model construction |', '|---|---:|---:|---:|---:|---:|---:|', ...speed, '']
    : []),
];
const resultsPath = join(root, 'bench', 'RESULTS.md');
const md = readFileSync(resultsPath, 'utf8');
const sectionName = option('section', 'networks');
const start = `<!-- ${sectionName}:start -->`;
const end = `<!-- ${sectionName}:end -->`;
const body = `${start}\n${section.join('\n')}\n${end}`;
writeFileSync(resultsPath, md.includes(start) ? md.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body) : `${md.trimEnd()}\n\n${body}\n`);
process.stderr.write(`wrote ${resultsPath}\n`);
