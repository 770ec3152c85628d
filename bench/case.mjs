// One benchmark case in a fresh process: median in-process solve time over repeated runs, and the
// process's peak resident memory. Prints one JSON line. Usage: node bench/case.mjs '<case json>'
import { solveBasis } from '../dist/index.js';

const c = JSON.parse(process.argv[2]);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 2000);
const times = [];
let firstMs = null;
let dim = -1;
let strategies = [];
const start = performance.now();
// Small cases run hundreds of times: V8 optimises a function only after many calls, and a median
// over the first 25 runs was still mostly unoptimised code (D(5) T(4)→scalar: 5.8 ms, then 0.6 ms).
while (times.length < 3 || (times.length < 1000 && performance.now() - start < budgetMs)) {
  const t = performance.now();
  const basis = solveBasis({ group: c.group, in: c.in, out: c.out, ...(c.strategy ? { strategy: c.strategy } : {}) });
  times.push(performance.now() - t);
  firstMs ??= times[0];
  dim = basis.dim;
  strategies = [...new Set(basis.blocks.map((b) => b.strategy))];
}
// The first run (cold JIT, first-touch allocations) is reported as firstMs, not in the median.
const warm = (times.length > 3 ? times.slice(1) : times).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    name: c.name,
    ok: true,
    dim,
    strategies,
    runs: times.length,
    firstMs,
    medianMs: warm[Math.floor(warm.length / 2)],
    peakMb: process.resourceUsage().maxRSS / 1024,
  }),
);
