/**
 * The hand-over between the thread that writes and the thread that catches signals: a cancel and
 * the write cannot cross, and the line printed says what was left.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedLine } from '../../src/cli/run.js';
import { writeOutput, type WriteStage } from '../../src/cli/write.js';
import { followWrite, STAGE, WriteState } from '../../src/cli/write-state.js';

function setup(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'solve-basis-state-'));
  const file = join(dir, 'basis.json');
  writeFileSync(file, 'old');
  return { dir, file };
}

describe('WriteState', () => {
  it('a write that is not interrupted ends at done, with the paths recorded', () => {
    const { file } = setup();
    const state = new WriteState();
    writeOutput(file, 'new', followWrite(state));
    expect(state.stage()).toBe(STAGE.done);
    expect(state.paths().path).toBe(file);
    expect(state.cancel()).toBe(STAGE.done);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('cancelled while solving: the write creates nothing', () => {
    const { dir, file } = setup();
    const state = new WriteState();
    expect(state.cancel()).toBe(STAGE.solving);
    expect(() => writeOutput(file, 'new', followWrite(state))).toThrow(/cannot write/);
    expect(readdirSync(dir)).toEqual(['basis.json']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('cancelled once the temporary file exists: no rename, the temporary file is removed', () => {
    const { dir, file } = setup();
    const state = new WriteState();
    const follow = followWrite(state);
    let cancelledAt: number | undefined;
    const listener = (s: WriteStage): void => {
      follow(s);
      if (s.stage === 'temp') cancelledAt = state.cancel();
    };
    expect(() => writeOutput(file, 'new', listener)).toThrow(/cannot write/);
    expect(cancelledAt).toBe(STAGE.temp);
    expect(readdirSync(dir)).toEqual(['basis.json']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('once renaming has begun a cancel has no effect: the file is written', () => {
    const { file } = setup();
    const state = new WriteState();
    const follow = followWrite(state);
    let seen: number | undefined;
    writeOutput(file, 'new', (s) => {
      follow(s);
      if (s.stage === 'renaming') seen = state.cancel();
    });
    expect(seen).toBe(STAGE.renaming);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('shares its state through the buffer (the worker builds its own view)', () => {
    const main = new WriteState();
    const worker = new WriteState(main.buffer);
    worker.setPaths('/d/.b.tmp', 'b.json');
    expect(worker.advance(STAGE.solving, STAGE.temp)).toBe(true);
    expect(main.stage()).toBe(STAGE.temp);
    expect(main.paths()).toEqual({ temp: '/d/.b.tmp', path: 'b.json' });
  });
});

describe('the line printed on a signal', () => {
  it.each([
    [{ kind: 'nothing' }, 'solve-basis: interrupted (SIGINT); no output written'],
    [{ kind: 'stdout' }, 'solve-basis: interrupted (SIGINT); the output on stdout may be incomplete'],
    [{ kind: 'removed', path: 'b.json' }, 'solve-basis: interrupted (SIGINT) while writing b.json; the partial file was removed (b.json is as it was)'],
    [{ kind: 'written', path: 'b.json' }, 'solve-basis: interrupted (SIGINT) after b.json was written'],
    [{ kind: 'direct', path: 'pipe' }, 'solve-basis: interrupted (SIGINT) while writing pipe; what reached it may be incomplete'],
  ] as const)('%j', (what, line) => {
    expect(interruptedLine('SIGINT', what)).toBe(`${line}\n`);
  });
});
