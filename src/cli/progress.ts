/**
 * A progress line on stderr for long solves. Shown only on a terminal and only once the solve has
 * lasted `delayMs` (1 s): quick runs, pipes and redirected output never see it. The line is
 * rewritten in place (`\r`) and erased when the solve ends, so nothing is left in the scrollback.
 */
export interface ProgressSink {
  /** Called by the pipeline after each solved block. */
  readonly onProgress: (done: number, total: number) => void;
  /** Erases the line if one was drawn. */
  readonly finish: () => void;
}

/**
 * @example
 * const p = progressLine((t) => process.stderr.write(t), process.stderr.isTTY, () => performance.now());
 * solveBasis({ ..., onProgress: p.onProgress }); p.finish();
 */
export function progressLine(write: (text: string) => void, isTTY: boolean, now: () => number, delayMs = 1000): ProgressSink {
  const start = now();
  let drawn = false;
  return {
    onProgress: (done, total) => {
      if (!isTTY) return;
      const elapsed = now() - start;
      if (elapsed < delayMs) return;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      const width = 24;
      const filled = Math.round((width * pct) / 100);
      write(`\rsolve-basis: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (block ${done}/${total}, ${(elapsed / 1000).toFixed(1)} s)\x1b[K`);
      drawn = true;
    },
    finish: () => {
      if (drawn) write('\r\x1b[K');
      drawn = false;
    },
  };
}
