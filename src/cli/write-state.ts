/**
 * How far the `-o` write has come, shared between the thread that solves and writes (worker.ts)
 * and the main thread that catches signals (run.ts). Shared memory, not messages: the solving
 * thread runs synchronously and would read a message only when it is done, and the main thread
 * must know at once, at the signal, whether a temporary file may exist or the rename has begun.
 *
 * Both sides move the stage with compare-and-exchange, so a signal and the write cannot cross:
 * once the main thread has cancelled, the worker neither creates the temporary file nor renames it.
 */
import type { WriteStage } from './write.js';

/** Stages, in order. */
export const STAGE = Object.freeze({
  solving: 0,
  /** The temporary file may exist; it is not renamed yet. */
  temp: 1,
  /** Past the point of no return: the rename is under way or done. */
  renaming: 2,
  /** Writing a device, pipe or /dev/stdout in place. */
  direct: 3,
  done: 4,
  cancelled: 5,
});
export type Stage = (typeof STAGE)[keyof typeof STAGE];

/** Room for the two paths as UTF-8 JSON (PATH_MAX is 4096 bytes on Linux). */
const PATH_BYTES = 3 * 4096;

/**
 * @example
 * const state = new WriteState();                 // main thread; pass state.buffer to the worker
 * new WriteState(buffer).advance(STAGE.solving, STAGE.temp) // worker: false once cancelled
 */
export class WriteState {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;
  private readonly bytes: Uint8Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(8 + PATH_BYTES)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer, 0, 2);
    this.bytes = new Uint8Array(buffer, 8, PATH_BYTES);
  }

  stage(): Stage {
    return Atomics.load(this.cells, 0) as Stage;
  }

  /** Moves from `from` to `to`; false when the stage was not `from` (cancelled, say). */
  advance(from: Stage, to: Stage): boolean {
    return Atomics.compareExchange(this.cells, 0, from, to) === from;
  }

  /** Records the temporary file (empty for direct writes) and the user's path, before the stage that needs them. */
  setPaths(temp: string, path: string): void {
    const encoded = new TextEncoder().encode(JSON.stringify([temp, path]));
    const n = Math.min(encoded.length, PATH_BYTES);
    this.bytes.set(encoded.subarray(0, n));
    Atomics.store(this.cells, 1, n);
  }

  paths(): { readonly temp: string; readonly path: string } {
    const n = Atomics.load(this.cells, 1);
    if (n === 0) return { temp: '', path: '' };
    try {
      const [temp, path] = JSON.parse(new TextDecoder().decode(this.bytes.slice(0, n))) as [string, string];
      return { temp, path };
    } catch {
      // Paths longer than the room left truncated JSON: no name to clean up or to show.
      return { temp: '', path: '' };
    }
  }

  /**
   * Main thread, at a signal: stops the write from starting or from renaming, and returns the
   * stage it was in (`solving` or `temp` when the cancel took effect).
   */
  cancel(): Stage {
    for (;;) {
      const s = this.stage();
      if (s !== STAGE.solving && s !== STAGE.temp) return s;
      if (this.advance(s, STAGE.cancelled)) return s;
    }
  }
}

/** Thrown into the write when the main thread has cancelled it; the process is about to end. */
export class WriteCancelled extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * The worker's side: a write.ts stage listener that records each stage in `state`, and stops the
 * write (throws WriteCancelled) when the main thread cancelled it first.
 *
 * @example
 * main(argv, { …, onWriteStage: followWrite(new WriteState(buffer)) })
 */
export function followWrite(state: WriteState): (s: WriteStage) => void {
  const move = (from: Stage, to: Stage): void => {
    if (!state.advance(from, to)) throw new WriteCancelled();
  };
  return (s) => {
    switch (s.stage) {
      case 'temp':
        state.setPaths(s.temp, s.path);
        return move(STAGE.solving, STAGE.temp);
      case 'direct':
        state.setPaths('', s.path);
        return move(STAGE.solving, STAGE.direct);
      case 'renaming':
        return move(STAGE.temp, STAGE.renaming);
      case 'done':
        if (!state.advance(STAGE.renaming, STAGE.done)) move(STAGE.direct, STAGE.done);
    }
  };
}
