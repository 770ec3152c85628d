/**
 * `-o FILE`. A regular file, or a name not taken yet, is written atomically: a temporary file
 * beside it, flushed, then renamed over it, so an interrupted run never leaves a partial file and
 * an existing file is only ever replaced by a complete one.
 *
 * Renaming over anything else breaks it, so other targets are treated as a shell's `>` would:
 * devices and named pipes are opened and written directly; `/dev/stdout` and other links into
 * /proc/self/fd are opened directly too, appending (with `>>` behind them, truncating would wipe
 * the log); a symlink is followed and its final target is the file replaced atomically, with the
 * temporary file beside the target, so the link stays a link.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { SolveBasisError } from '../errors.js';

/**
 * Where a write is, told to a caller that may have to clean up after a signal (run.ts). `path` is
 * the user's `-o` path. The listener may throw to stop the write: at `temp` nothing has been
 * created yet, at `renaming` the temporary file is removed.
 */
export type WriteStage =
  /** `temp` may exist from now on; it is complete once `renaming` is told. */
  | { readonly stage: 'temp'; readonly temp: string; readonly path: string }
  | { readonly stage: 'renaming' }
  /** Written in place: nothing to clean up, but what reached `path` may be incomplete. */
  | { readonly stage: 'direct'; readonly path: string }
  | { readonly stage: 'done' };

/** Links followed before giving up, as the kernel's ELOOP limit. */
const MAX_LINKS = 40;

const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is exhausted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or directory',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EPIPE: 'the reader closed the pipe',
  ENXIO: 'no reader or device at the other end',
  EIO: 'an input/output error on the device',
  EFBIG: 'the file would be too large for the file system',
  EBUSY: 'the device or file is busy',
  ETXTBSY: 'the file is a running program',
};

/**
 * Why a file system call failed, in words: no errno code, and none of the message Node builds,
 * which names the temporary file rather than the user's.
 *
 * @example
 * describeWriteError(Object.assign(new Error('ENOSPC: …'), { code: 'ENOSPC' })) // 'no space left on the device'
 */
export function describeWriteError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return e instanceof Error ? e.message : String(e);
  return WORDS[code] ?? `system error ${code}`;
}

type Target =
  | { readonly kind: 'atomic'; readonly file: string; readonly existing: Stats | null }
  | { readonly kind: 'direct'; readonly file: string; readonly append: boolean; readonly fd?: number };

class WriteFailure extends Error {}

function fail(why: string): never {
  throw new WriteFailure(why);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOTDIR: a component is a file. Reported by the directory check, which names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}

function whatItIs(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Follows `path`'s links to what a write must open or replace. */
function resolveTarget(path: string): Target {
  let file = path;
  for (let hops = 0; ; hops++) {
    const st = lstatOrNull(file);
    if (st === null) return { kind: 'atomic', file: checkDirectory(path, file), existing: null };
    if (!st.isSymbolicLink()) {
      if (st.isFile()) {
        checkWritable(file);
        return { kind: 'atomic', file, existing: st };
      }
      if (st.isFIFO() || st.isCharacterDevice() || st.isBlockDevice()) return { kind: 'direct', file, append: false };
      return fail(`it is ${whatItIs(st)}`);
    }
    if (hops === MAX_LINKS) return fail(WORDS['ELOOP']!);
    // Relative to the link's real directory: a lexical join goes wrong when that directory is
    // reached through another link and the target starts with `..`.
    const linkDir = realpathSync(dirname(file));
    const to = readlinkSync(file);
    const next = isAbsolute(to) ? to : join(linkDir, to);
    // /proc/self/fd/N names an open descriptor (a pipe, a terminal, the file a shell redirected
    // to), not a path: only the kernel can open it, and replacing the link would lose the output.
    if (/^\/(proc|dev\/fd)(\/|$)/.test(linkDir) || /^\/(proc|dev\/fd)\//.test(next)) {
      // The number is in the link's target (/dev/stdout → /proc/self/fd/1) or, for /dev/fd/1,
      // in the link's own name (its target is pipe:[…]).
      const own = ownDescriptor(next).fd ?? ownDescriptor(join(linkDir, basename(file))).fd;
      return { kind: 'direct', file: path, append: true, ...(own === undefined ? {} : { fd: own }) };
    }
    file = next;
  }
}

/** The descriptor number when `link` names one of this process's own (`/proc/self/fd/1`). */
function ownDescriptor(link: string): { fd?: number } {
  const m = /^\/proc\/(self|\d+)\/fd\/(\d+)$/.exec(link) ?? /^\/dev\/fd\/()(\d+)$/.exec(link);
  return m && (m[1] === 'self' || m[1] === '' || Number(m[1]) === process.pid) ? { fd: Number(m[2]) } : {};
}

/** A name not taken yet can be created only in an existing directory. */
function checkDirectory(path: string, file: string): string {
  const via = file === path ? '' : `it links to ${file}, whose `;
  if (/[\\/]$/.test(file)) fail(`${via || 'the '}name ends with /, which names a directory`);
  const dir = dirname(file);
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`${via}directory ${dir} does not exist`);
    if (code === 'ENOTDIR') fail(`${via}path ${dir} goes through something that is not a directory`);
    throw e;
  }
  if (!st.isDirectory()) fail(`${via}${via ? 'path ' : ''}${dir} is not a directory`);
  return file;
}

/** A shell's `>` refuses a read-only file; renaming over it would not (it needs only the directory). */
function checkWritable(file: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch (e) {
    fail(describeWriteError(e));
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      // A descriptor shared with Node's own stdout is non-blocking: wait for the reader.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

function writeAtomic(path: string, file: string, existing: Stats | null, text: string, onStage?: (s: WriteStage) => void): void {
  // The temporary name keeps a bounded prefix of the target's: a 250-byte name plus a suffix
  // would pass the 255-byte limit for a name that is itself fine.
  const temp = join(dirname(file), `.${basename(file).slice(0, 40)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  onStage?.({ stage: 'temp', temp, path });
  let fd: number | undefined;
  try {
    // 'wx': never follow a link someone planted at the temporary name.
    fd = openSync(temp, 'wx', 0o644);
    if (existing) keepOwnerAndMode(fd, existing);
    writeAll(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    onStage?.({ stage: 'renaming' });
    renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Replacing a file should not change who may read it. */
function keepOwnerAndMode(fd: number, st: Stats): void {
  fchmodSync(fd, st.mode & 0o777);
  if (st.uid === process.getuid?.() && st.gid === process.getgid?.()) return;
  try {
    fchownSync(fd, st.uid, st.gid);
  } catch {
    // Only root may give a file away: for anyone else the new file is theirs, as with any editor.
  }
}

function writeDirect(target: Target & { kind: 'direct' }, text: string): void {
  let fd: number;
  try {
    fd = openSync(target.file, constants.O_WRONLY | (target.append ? constants.O_APPEND : 0));
  } catch (e) {
    // A socket behind /proc/self/fd/N cannot be opened again (Node's child processes get their
    // stdout as one): write to the descriptor itself, as a shell's `>&N` would.
    if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || target.fd === undefined) throw e;
    writeAll(target.fd, text);
    return;
  }
  try {
    writeAll(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` to the user's `-o` path: atomically for regular files, directly for devices,
 * pipes and /dev/stdout, through to the target for symlinks. Failures are one `E_IO` error naming
 * `path` in words.
 *
 * @example
 * writeOutput('basis.json', text)           // a temporary file, then renamed over basis.json
 * writeOutput('/dev/stdout', text)          // written to standard output
 */
export function writeOutput(path: string, text: string, onStage?: (s: WriteStage) => void): void {
  try {
    const target = resolveTarget(path);
    if (target.kind === 'atomic') {
      writeAtomic(path, target.file, target.existing, text, onStage);
    } else {
      onStage?.({ stage: 'direct', path });
      writeDirect(target, text);
    }
    onStage?.({ stage: 'done' });
  } catch (e) {
    const why = e instanceof WriteFailure ? e.message : describeWriteError(e);
    // The path is in the message, not in `path`: formatted, that would print it twice.
    throw new SolveBasisError('E_IO', `cannot write ${path}: ${why}`);
  }
}
