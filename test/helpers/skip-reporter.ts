/**
 * A closing word on what did not run: after vitest's own summary, one line per reason for which
 * tests were skipped (a missing runtime says which, and the command that installs it), so a run
 * on a bare machine cannot look complete when it is not.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const reasons = new Map<string, number>();
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const r = t.result();
        if (r.state !== 'skipped') continue;
        skipped++;
        const why = r.note ?? 'skipped without a reason (a suite whose setup failed reports its tests this way too)';
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
    }
    if (skipped === 0) return;
    const lines = [...reasons].sort((a, b) => b[1] - a[1]).map(([why, n]) => `  ${n} × ${why}`);
    process.stdout.write(`\n${skipped} test(s) did not run:\n${lines.join('\n')}\n`);
  }
}
