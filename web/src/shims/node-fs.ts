/**
 * Browser stand-in for `node:fs`, substituted by the bundler (web/build.ts). The library reads
 * custom group files with `readFileSync` only when no `readFile` is given; the worker always gives
 * one (the files the user pasted or dropped), so this is only reached by mistake — and then it
 * says "no such file" the way Node does, which the library already reports as E_GROUP_FILE.
 */

/**
 * @example
 * readFileSync('cube.json', 'utf8') // throws { code: 'ENOENT' }
 */
export function readFileSync(path: string, _encoding?: string): string {
  throw Object.assign(new Error(`ENOENT: no such file, open '${path}' (the browser has no file system)`), { code: 'ENOENT' });
}
