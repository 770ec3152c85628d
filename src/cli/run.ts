/**
 * The process behind bin/solve-basis.js. The CLI itself (main.ts) runs in a worker thread; this,
 * the main thread, relays its output and handles SIGINT and SIGTERM.
 *
 * Why a thread: the solve is synchronous. A signal handler on the thread that solves would run
 * only once the solve is over, so Ctrl-C would wait for it; without a handler the process dies at
 * once but cannot say so, nor remove a temporary file. Here the main thread is idle, so its
 * handler runs at once: it cancels the write (write-state.ts), stops the worker, removes a
 * temporary file if one was left, prints one line and ends the process by the same signal (exit
 * status 130 for SIGINT, 143 for SIGTERM, as a shell expects from an interrupted command).
 *
 * This module loads no solver code, so the main thread starts quickly.
 */
import { rmSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { EXIT_CODES } from './format.js';
import { describeWriteError } from './write.js';
import { STAGE, WriteState, type Stage } from './write-state.js';

/** What was left behind when the signal came. */
export type Interruption =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'stdout' }
  | { readonly kind: 'removed'; readonly path: string }
  | { readonly kind: 'written'; readonly path: string }
  | { readonly kind: 'direct'; readonly path: string };

/**
 * The one line printed on a signal.
 *
 * @example
 * interruptedLine('SIGINT', { kind: 'nothing' }) // 'solve-basis: interrupted (SIGINT); no output written\n'
 */
export function interruptedLine(signal: string, what: Interruption): string {
  const tail = {
    nothing: () => '; no output written',
    stdout: () => '; the output on stdout may be incomplete',
    removed: (p: string) => ` while writing ${p}; the partial file was removed (${p} is as it was)`,
    written: (p: string) => ` after ${p} was written`,
    direct: (p: string) => ` while writing ${p}; what reached it may be incomplete`,
  }[what.kind]('path' in what ? what.path : '');
  return `solve-basis: interrupted (${signal})${tail}\n`;
}

/** How long to wait for the worker to stop inside a write before cleaning up anyway. */
const STOP_WAIT_MS = 2000;

/** A message from worker.ts. */
type FromWorker = { readonly out: string } | { readonly err: string } | { readonly status: number };

/**
 * Entry point of bin/solve-basis.js: starts the CLI in a worker thread on `process.argv`, relays
 * its output, sets the exit status and handles SIGINT/SIGTERM.
 *
 * @example
 * import { runMain } from '../dist/cli/run.js';
 * runMain();
 */
export function runMain(): void {
  const state = new WriteState();
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: { argv: process.argv, stderrIsTTY: Boolean(process.stderr.isTTY), writeState: state.buffer },
  });
  let signalled = false;
  let wroteStdout = false;
  let status: number | undefined;

  worker.on('message', (m: FromWorker) => {
    if (signalled) return;
    if ('out' in m) {
      wroteStdout = true;
      process.stdout.write(m.out);
    } else if ('err' in m) process.stderr.write(m.err);
    else status = m.status;
  });
  worker.on('error', (e: Error & { code?: string }) => {
    if (signalled) return;
    process.stderr.write(`${workerFailure(e)}\n`);
    status = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? EXIT_CODES.tooLarge : EXIT_CODES.internal;
  });
  worker.on('exit', () => {
    if (!signalled) process.exitCode = status ?? EXIT_CODES.internal;
  });
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `solve-basis groups | head` closes the pipe early: that is the reader's choice, not an error.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    writeStderr(`solve-basis: error E_IO: cannot write to stdout: ${describeWriteError(e)}\n`);
    process.exit(EXIT_CODES.io);
  });

  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal while the first waits for the worker: stop waiting.
    if (signalled) return reraise(signal, onSignal);
    signalled = true;
    void interrupt(state, worker, wroteStdout).then((what) => {
      writeStderr(interruptedLine(signal, what));
      reraise(signal, onSignal);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Cancels or lets finish the write, cleans up, and says what was left. */
async function interrupt(state: WriteState, worker: Worker, wroteStdout: boolean): Promise<Interruption> {
  const was: Stage = state.cancel();
  const { temp, path } = state.paths();
  if (was === STAGE.solving) return { kind: wroteStdout ? 'stdout' : 'nothing' };
  // A device or pipe may block the worker for ever (a FIFO nobody reads): do not wait for it.
  if (was === STAGE.direct) return { kind: 'direct', path };
  if (was === STAGE.done) return { kind: 'written', path };
  // `temp` (cancelled: it will not be renamed) or `renaming`: stop the worker before looking, so
  // that nothing is created or renamed after the look.
  await Promise.race([worker.terminate(), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
  try {
    rmSync(temp);
    return { kind: 'removed', path };
  } catch {
    // No temporary file: at `temp` it was never created; at `renaming` it became the file.
    return was === STAGE.renaming ? { kind: 'written', path } : { kind: 'nothing' };
  }
}

function workerFailure(e: Error & { code?: string }): string {
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return 'solve-basis: error E_TOO_LARGE: ran out of memory (the JavaScript heap is full; try a smaller problem, or raise the heap with NODE_OPTIONS=--max-old-space-size=MB)';
  }
  return `solve-basis: internal error: ${e.message.split('\n')[0]} (please report this)`;
}

function writeStderr(text: string): void {
  try {
    writeSync(2, text);
  } catch {
    // stderr is gone (a closed terminal): there is nobody to tell.
  }
}

/** Ends the process by `signal` itself, so its parent sees how it ended. */
function reraise(signal: NodeJS.Signals, handler: (s: NodeJS.Signals) => void): void {
  process.off(signal, handler);
  process.kill(process.pid, signal);
}
