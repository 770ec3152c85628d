/**
 * Reading a custom group file from disk. Only a regular file of bounded size is read: a device
 * (/dev/zero) or a pipe may never end, and reading one until it does once ran for a minute and
 * died of std::bad_alloc. Both checks come before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { SpecError } from '../errors.js';
import type { Deadline } from '../util/deadline.js';

/**
 * Largest group file read, in bytes (64 MiB). A dense 0/1 generator of dim 4000 takes ~32 MB; a
 * larger file would take minutes to check anyway, and reading one must not exhaust memory.
 */
export const MAX_GROUP_FILE_BYTES = 64 * 1024 ** 2;

const CHUNK = 1024 ** 2;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function refuse(path: string, why: string, details: { expected: string; actual?: string }): never {
  throw new SpecError('E_GROUP_FILE', `cannot read group file ${path}: ${why}`, details);
}

function check(path: string, st: Stats): void {
  if (!st.isFile()) refuse(path, `it is ${kindOf(st)}`, { expected: 'a regular JSON file' });
  if (st.size > MAX_GROUP_FILE_BYTES) tooLarge(path, st.size);
}

function tooLarge(path: string, size: number): never {
  return refuse(path, `it is too large (${(size / 1024 ** 2).toFixed(1)} MiB)`, {
    expected: `at most ${MAX_GROUP_FILE_BYTES / 1024 ** 2} MiB (${MAX_GROUP_FILE_BYTES} bytes)`,
    actual: `${size} bytes`,
  });
}

/**
 * Reads a group file as UTF-8 text, refusing anything but a regular file of at most
 * MAX_GROUP_FILE_BYTES (`E_GROUP_FILE`). File system errors (ENOENT, EACCES, …) are thrown as
 * they come, for the caller to put in words.
 *
 * @example
 * readGroupFile('fixtures/groups/cube-rotations.json').startsWith('{') // true
 * readGroupFile('/dev/zero') // throws E_GROUP_FILE: it is a character device
 */
export function readGroupFile(path: string, deadline?: Deadline): string {
  // stat first, so that a device is never even opened (opening some has side effects); then the
  // descriptor's own fstat, in case the name was swapped in between. O_NONBLOCK: opening a FIFO
  // swapped in there returns at once instead of waiting for a writer.
  check(path, statSync(path));
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    check(path, fstatSync(fd));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      deadline?.check();
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      // The file may grow after the checks: the cap holds for what is read.
      if (total > MAX_GROUP_FILE_BYTES) tooLarge(path, total);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
