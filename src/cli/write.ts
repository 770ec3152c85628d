/**
 * Atomic file output: write a temporary file beside the target, flush it, then rename over the
 * target. An interrupted run never leaves a partial file, and an existing file is replaced only
 * when the new one is complete.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SolveBasisError } from '../errors.js';

const pending = new Set<string>();

/** Removes temporary files of writes still in flight (called on SIGINT/SIGTERM). */
export function cleanupPendingWrites(): void {
  for (const p of pending) rmSync(p, { force: true });
  pending.clear();
}

/**
 * @example
 * writeFileAtomic('basis.json', text)
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new SolveBasisError('E_IO', `cannot write ${path}: ${err.code ?? ''} ${err.message}`.replace(/\s+/g, ' ').trim(), { path });
  } finally {
    pending.delete(tmp);
  }
}
