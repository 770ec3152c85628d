/**
 * The worker thread of run.ts: runs the CLI (main.ts) with its output sent to the main thread,
 * which writes it, and its `-o` write followed in shared memory (write-state.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { main } from './main.js';
import { followWrite, WriteState } from './write-state.js';

const data = workerData as { argv: string[]; stderrIsTTY: boolean; writeState: SharedArrayBuffer };
const port = parentPort!;
const status = main(data.argv, {
  stdout: (text) => port.postMessage({ out: text }),
  stderr: (text) => port.postMessage({ err: text }),
  stderrIsTTY: data.stderrIsTTY,
  onWriteStage: followWrite(new WriteState(data.writeState)),
});
port.postMessage({ status });
