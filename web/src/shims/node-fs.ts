/**
 * Browser stand-in for `node:fs`, substituted by the bundler (web/build.ts). The library reads
 * custom group files from disk (src/group/read-file.ts) only when no `readFile` is given; the
 * worker always gives one (the files the user pasted or dropped), so these are only reached by
 * mistake — and then they say "no such file" the way Node does, which the library already reports
 * as E_GROUP_FILE. Every name read-file.ts imports must exist here, or the bundle does not build.
 */

function noFileSystem(path: unknown): never {
  throw Object.assign(new Error(`ENOENT: no such file, open '${String(path)}' (the browser has no file system)`), { code: 'ENOENT' });
}

/**
 * @example
 * readFileSync('cube.json', 'utf8') // throws { code: 'ENOENT' }
 */
export function readFileSync(path: string, _encoding?: string): string {
  return noFileSystem(path);
}

/** @example statSync('cube.json') // throws { code: 'ENOENT' } */
export function statSync(path: string): never {
  return noFileSystem(path);
}

/** @example openSync('cube.json', 0) // throws { code: 'ENOENT' } */
export function openSync(path: string, _flags?: number): never {
  return noFileSystem(path);
}

/** Unreachable without a descriptor from openSync. */
export function fstatSync(fd: number): never {
  return noFileSystem(`fd ${fd}`);
}

/** Unreachable without a descriptor from openSync. */
export function readSync(fd: number, ..._rest: unknown[]): never {
  return noFileSystem(`fd ${fd}`);
}

/** Unreachable without a descriptor from openSync. */
export function closeSync(_fd: number): void {}

/** The open flags read-file.ts names (Linux values; never passed to a real system call here). */
export const constants = Object.freeze({ O_RDONLY: 0, O_NONBLOCK: 0o4000 });
