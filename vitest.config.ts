import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain 'N passed, N failed' closing line.
    // The skip reporter ends the run by saying which tests did not run, and why.
    reporters: ['default', './test/helpers/skip-reporter.ts', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
