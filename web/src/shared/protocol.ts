/**
 * The messages between the page (web/src/app.ts) and the solve worker (web/src/worker.ts).
 * Everything that crosses is plain data: the library's objects stay in the worker, the page gets
 * text (summary, SVG, emitted files) and error views.
 */
import type { ErrorView } from './error-view.js';

/** What the page asks the worker to solve: the same inputs as the CLI's options. */
export interface SolveMessage {
  readonly type: 'solve';
  /** Increases per request; replies carry it so stale ones are ignored. */
  readonly id: number;
  readonly group: string;
  readonly in: string;
  /** Absent: the same as `in` (the CLI's `--rep`). */
  readonly out?: string;
  readonly strategy?: string;
  readonly certify: boolean;
  readonly maxMemoryBytes: number;
  /** Custom group files by name, as the group spec refers to them (`cube.json`). */
  readonly files: Readonly<Record<string, string>>;
}

/** Emit one format for the last solved request (layer formats solve the bias basis too). */
export interface EmitMessage {
  readonly type: 'emit';
  readonly id: number;
  readonly format: string;
}

/** The page hands over a lazy chunk's source the worker asked for. */
export interface ChunkMessage {
  readonly type: 'chunk';
  readonly name: string;
  readonly source: string;
}

export type ToWorker = SolveMessage | EmitMessage | ChunkMessage;

/** An emitter as the page lists it (from the library's registry, `EMITTERS`). */
export interface EmitterInfo {
  readonly id: string;
  readonly description: string;
  readonly extension: string;
  readonly input: string;
}

/** Sent once, when the worker has evaluated its bundle. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly emitters: readonly EmitterInfo[];
  readonly strategies: readonly string[];
  readonly version: string;
}

/** The worker needs a lazy chunk (mathjs, ml-matrix) before it can go on. */
export interface NeedMessage {
  readonly type: 'need';
  readonly name: string;
}

export interface ProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  readonly done: number;
  readonly total: number;
}

export interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly dim: number;
  readonly shape: readonly [number, number];
  /** The summary, as `solve-basis` prints it. */
  readonly summary: string;
  /**
   * Symbolic labels of the basis elements (`δ(i1,o1)·δ(i2,o2)`), once diagram bases exist
   * (DESIGN.md §10); null until then. The page shows them when present.
   */
  readonly labels: readonly string[] | null;
  readonly warnings: readonly string[];
  /** Solve time (ms), without loading chunks. */
  readonly solveMs: number;
  /** Lazy chunks loaded for this request, with the time it took (ms). */
  readonly loaded: readonly { readonly name: string; readonly ms: number }[];
}

/**
 * The weight-sharing picture (`--format svg`), or why it could not be drawn; sent after the result
 * because drawing can take longer than solving (S(6) 100V⁰+100V+20V²: 25 ms to solve, ~1 s to draw).
 */
export interface PictureMessage {
  readonly type: 'picture';
  readonly id: number;
  readonly svg: { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: ErrorView };
}

export interface EmittedMessage {
  readonly type: 'emitted';
  readonly id: number;
  readonly format: string;
  readonly text: string;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly id: number;
  /** Which step failed: the solve, or emitting one format (downloads). */
  readonly during: 'solve' | 'emit';
  readonly error: ErrorView;
}

export type FromWorker = ReadyMessage | NeedMessage | ProgressMessage | ResultMessage | PictureMessage | EmittedMessage | ErrorMessage;
