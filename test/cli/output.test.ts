/**
 * `-o FILE` onto things that are not plain files: devices and pipes are written directly, a
 * symlink's target is replaced (the link stays a link), and failures name the user's path in plain
 * words. Every special file is made in a temporary folder (mkfifo, mknod, ln -s): the machine's own
 * /dev/null, /dev/stdout and /dev/full are never a write target here, since the temp-file-and-rename
 * of a broken writer would replace them.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { describeWriteError } from '../../src/cli/write.js';

const bin = new URL('../../bin/solve-basis.js', import.meta.url).pathname;
const SOLVE = ['--group', 'S5', '--rep', 'V', '--format', 'json'];

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(['node', 'solve-basis', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
  return { status, stdout, stderr };
}

const made: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'solve-basis-out-'));
  made.push(dir);
  return dir;
};
// Device nodes and sockets should not outlive the test.
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const dimOf = (text: string): number => (JSON.parse(text) as { dim: number }).dim;

/** mknod needs CAP_MKNOD (root, outside most containers' restrictions): probe once. */
function makeCharDevice(path: string, major: number, minor: number): boolean {
  return spawnSync('mknod', [path, 'c', String(major), String(minor)]).status === 0;
}
const probe = join(tmp(), 'probe');
const canMknod = makeCharDevice(probe, 1, 3);

describe('-o onto devices, pipes and links', () => {
  it.runIf(canMknod)('a character device (a private /dev/null) is written to, not replaced', () => {
    const dir = tmp();
    const dev = join(dir, 'null');
    makeCharDevice(dev, 1, 3);
    const r = run(...SOLVE, '-o', dev);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it.runIf(canMknod)('a full device (a private /dev/full): E_IO "no space left on the device"', () => {
    const dir = tmp();
    const dev = join(dir, 'full');
    makeCharDevice(dev, 1, 7);
    const r = run(...SOLVE, '-o', dev);
    expect(r.status).toBe(5);
    expect(r.stderr).toBe(`solve-basis: error E_IO: cannot write ${dev}: no space left on the device\n`);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });

  it.runIf(canMknod)('stdout on a full device: one E_IO line, exit 5, no stack trace', () => {
    const dir = tmp();
    const dev = join(dir, 'full');
    makeCharDevice(dev, 1, 7);
    const fd = openSync(dev, 'w');
    const w = spawnSync(process.execPath, [bin, ...SOLVE], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(w.stderr).toBe('solve-basis: error E_IO: cannot write to stdout: no space left on the device\n');
    expect(w.status).toBe(5);
  });

  it('a named pipe is written to (the reader gets the JSON) and stays a pipe', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    // A child process: opening a pipe blocks until the reader opens it, and the reader must run.
    const w = spawnSync(process.execPath, [bin, ...SOLVE, '-o', fifo], { encoding: 'utf8', timeout: 20_000 });
    // A writer that replaced the pipe instead leaves the reader waiting for ever.
    const stop = setTimeout(() => reader.kill(), 3000);
    await done;
    clearTimeout(stop);
    expect(w.status, w.stderr).toBe(0);
    expect(dimOf(got)).toBe(2);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it.each([
    ['/proc/self/fd/1', '', 'stdout is a socket (as Node gives its children)', 'pipe'],
    ['/proc/self/fd/1', '', 'stdout is a file opened for appending (>>)', 'append'],
    ['/dev/fd/1', '', 'stdout is a socket', 'pipe'],
    // As -o /dev/fd/1 is read: the last link is /proc's own, its target socket:[…].
    ['/proc/self/fd', '/1', 'through a link to the directory, stdout a socket', 'pipe'],
  ] as const)('a link to %s, -o LINK%s, writes to stdout: %s', (to, suffix, _name, mode) => {
    const dir = tmp();
    const link = join(dir, 'stdout');
    symlinkSync(to, link);
    const out = `${link}${suffix}`;
    if (mode === 'pipe') {
      const w = spawnSync(process.execPath, [bin, ...SOLVE, '-o', out], { encoding: 'utf8' });
      expect(w.status, w.stderr).toBe(0);
      expect(dimOf(w.stdout)).toBe(2);
    } else {
      const log = join(dir, 'log');
      writeFileSync(log, '');
      const fd = openSync(log, 'a');
      writeFileSync(log, 'earlier line\n', { flag: 'a' });
      const w = spawnSync(process.execPath, [bin, ...SOLVE, '-o', out], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
      closeSync(fd);
      expect(w.status, w.stderr).toBe(0);
      const text = readFileSync(log, 'utf8');
      expect(text.startsWith('earlier line\n')).toBe(true);
      expect(dimOf(text.slice('earlier line\n'.length))).toBe(2);
    }
    expect(readlinkSync(link)).toBe(to);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['absolute link', (target: string) => target],
    ['relative link', () => '../real/basis.json'],
  ])('a symlink (%s): the target is replaced, the link stays a link, no temporary file anywhere', (_name, linkText) => {
    const dir = tmp();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'links'));
    const target = join(dir, 'real', 'basis.json');
    const link = join(dir, 'links', 'link.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    symlinkSync(linkText(target), link);
    const r = run(...SOLVE, '-o', link);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(linkText(target));
    expect(dimOf(readFileSync(target, 'utf8'))).toBe(2);
    expect(statSync(target).mode & 0o777, 'the mode of the replaced file is kept').toBe(0o600);
    expect(readdirSync(join(dir, 'real'))).toEqual(['basis.json']);
    expect(readdirSync(join(dir, 'links'))).toEqual(['link.json']);
  });

  it('a chain of links is followed to the file at its end', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file.json'), 'old');
    symlinkSync('file.json', join(dir, 'b'));
    symlinkSync('b', join(dir, 'a'));
    expect(run(...SOLVE, '-o', join(dir, 'a')).status).toBe(0);
    expect(dimOf(readFileSync(join(dir, 'file.json'), 'utf8'))).toBe(2);
    expect(readlinkSync(join(dir, 'a'))).toBe('b');
    expect(readdirSync(dir).sort()).toEqual(['a', 'b', 'file.json']);
  });

  it('a dangling symlink whose directory exists: its target is created', () => {
    const dir = tmp();
    const link = join(dir, 'link.json');
    symlinkSync('made.json', link);
    expect(run(...SOLVE, '-o', link).status).toBe(0);
    expect(readlinkSync(link)).toBe('made.json');
    expect(dimOf(readFileSync(join(dir, 'made.json'), 'utf8'))).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'made.json']);
  });

  it('a dangling symlink into a missing directory: one clear E_IO line, the link untouched', () => {
    const dir = tmp();
    const link = join(dir, 'link.json');
    symlinkSync(join(dir, 'nowhere', 'made.json'), link);
    const r = run(...SOLVE, '-o', link);
    expect(r.status).toBe(5);
    expect(r.stderr).toBe(`solve-basis: error E_IO: cannot write ${link}: it links to ${join(dir, 'nowhere', 'made.json')}, whose directory ${join(dir, 'nowhere')} does not exist\n`);
    expect(readdirSync(dir)).toEqual(['link.json']);
  });

  it('a unix socket is refused', async () => {
    const dir = tmp();
    const sock = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const r = run(...SOLVE, '-o', sock);
      expect(r.status).toBe(5);
      expect(r.stderr).toBe(`solve-basis: error E_IO: cannot write ${sock}: it is a socket\n`);
    } finally {
      server.close();
    }
  });

  it('a file name of 250 characters works (the temporary name must not be longer than the limit)', () => {
    const dir = tmp();
    const out = join(dir, `${'b'.repeat(245)}.json`);
    const r = run(...SOLVE, '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('a read-only file is not replaced (root may write anything, so this runs only as another user)', (ctx) => {
    ctx.skip(process.getuid?.() === 0, 'runs as root, who may write a read-only file');
    const dir = tmp();
    const out = join(dir, 'basis.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o444);
    const r = run(...SOLVE, '-o', out);
    expect(r.status).toBe(5);
    expect(r.stderr).toBe(`solve-basis: error E_IO: cannot write ${out}: permission denied\n`);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });
});

describe('-o failures: plain words, the user\'s path, never the temporary name or a doubled code', () => {
  it.each([
    ['a missing directory', (d: string) => join(d, 'dir', 'target.out'), (d: string) => `cannot write ${join(d, 'dir', 'target.out')}: directory ${join(d, 'dir')} does not exist`],
    ['a directory', (d: string) => d, (d: string) => `cannot write ${d}: it is a directory`],
    ['a name ending in /', (d: string) => `${join(d, 'new')}/`, (d: string) => `cannot write ${join(d, 'new')}/: the name ends with /, which names a directory`],
    ['a file where a directory should be', (d: string) => join(d, 'file', 'x.json'), (d: string) => `cannot write ${join(d, 'file', 'x.json')}: ${join(d, 'file')} is not a directory`],
  ])('%s', (_name, path, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    const before = readdirSync(dir);
    const r = run(...SOLVE, '-o', path(dir));
    expect(r.status).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`solve-basis: error E_IO: ${message(dir)}\n`);
    expect(r.stderr).not.toMatch(/\.tmp|ENOENT|EISDIR|ENOTDIR/);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('relative paths are shown as typed', () => {
    const dir = tmp();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = run(...SOLVE, '-o', 'dir/target.out');
      expect(r.stderr).toBe('solve-basis: error E_IO: cannot write dir/target.out: directory dir does not exist\n');
    } finally {
      process.chdir(cwd);
    }
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'operation not permitted'],
    ['ENOSPC', 'no space left on the device'],
    ['EROFS', 'the file system is read-only'],
    ['EDQUOT', 'the disk quota is exhausted'],
    ['EISDIR', 'it is a directory'],
    ['ENAMETOOLONG', 'the name is too long'],
    ['ELOOP', 'too many levels of symbolic links'],
    ['EPIPE', 'the reader closed the pipe'],
    ['EIO', 'an input/output error on the device'],
    ['EFBIG', 'the file would be too large for the file system'],
    ['EWHATEVER', 'system error EWHATEVER'],
  ])('%s reads as "%s"', (code, words) => {
    const e = Object.assign(new Error(`${code}: something, open '/x/.y.123.tmp'`), { code });
    expect(describeWriteError(e)).toBe(words);
  });
});

describe('-o is an ordinary file: the control', () => {
  it('no temporary file is left and existing content is replaced', () => {
    const dir = tmp();
    const out = join(dir, 'basis.json');
    writeFileSync(out, 'old');
    expect(run(...SOLVE, '-o', out).status).toBe(0);
    expect(dimOf(readFileSync(out, 'utf8'))).toBe(2);
    expect(readdirSync(dir)).toEqual(['basis.json']);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});
