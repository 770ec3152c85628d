import { expect } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { parseRep } from '../../src/rep/parse.js';

/** The SpecError parseRep throws for `src` (the test fails when it parses). */
export function errorOf(src: string): SpecError {
  try {
    parseRep(src, { path: '--rep' });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return e as SpecError;
  }
  throw new Error(`expected '${src}' to be refused`);
}
