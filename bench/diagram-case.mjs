// One case of `npm run bench:diagrams` in a fresh process: the group is resolved once (timed
// apart), then the solve is timed — first call (cold: family recognition, JIT) and the median of
// repeated calls — with the strategy given (default: the selector's choice, the diagram strategy
// for these groups). With "flat": true, also the time to materialise the flat basis. Prints one
// JSON line. Usage: node bench/diagram-case.mjs '<case json>'
import { flatBasis, resolveGroup, solveBasis } from '../dist/index.js';

const c = JSON.parse(process.argv[2]);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 2000);
const out = { name: c.name, strategy: c.strategy ?? 'default', ok: false };
try {
  let t = performance.now();
  const group = resolveGroup(c.group);
  out.resolveMs = performance.now() - t;
  const request = { group, in: c.in, out: c.out, timeoutSeconds: c.timeoutSeconds ?? 120, ...(c.strategy ? { strategy: c.strategy } : {}) };
  const times = [];
  let basis;
  const start = performance.now();
  while (times.length < 1 || (times.length < 15 && performance.now() - start < budgetMs)) {
    t = performance.now();
    basis = solveBasis(request);
    times.push(performance.now() - t);
  }
  out.firstMs = times[0];
  const warm = times.length > 1 ? times.slice(1).sort((a, b) => a - b) : times;
  out.medianMs = warm[Math.floor(warm.length / 2)];
  out.runs = times.length;
  out.dim = basis.dim;
  out.strategies = [...new Set(basis.blocks.map((b) => b.strategy))];
  out.verified = [...new Set(basis.blocks.map((b) => (b.verification.diagram ? `diagram${b.verification.diagram.materialised ? '+matrices' : ''}` : b.verification.mode)))];
  if (c.flat) {
    t = performance.now();
    try {
      out.flatRows = flatBasis(basis).rows;
      out.flatMs = performance.now() - t;
    } catch (e) {
      out.flatError = `${e.code ?? 'error'}: ${e.message}`;
    }
  }
  out.ok = true;
} catch (e) {
  out.error = `${e.code ?? 'error'}: ${e.message}`;
}
out.peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(out));
