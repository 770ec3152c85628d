/**
 * What commander does not check: an option given twice (it keeps the last value silently),
 * `--flat` with `--no-flat`, options written before a subcommand that does not read them, and
 * stray arguments. Each is an E_OPTION error naming the option.
 */
import { InvalidArgumentError, type Command, type Option } from 'commander';
import { SolveBasisError } from '../errors.js';

/** `--group`, or `-x` for an option with only a short flag. */
function flagOf(option: Option): string {
  return option.long ?? option.short ?? option.name();
}

function shown(value: string): string {
  return value === '' ? "''" : value;
}

/**
 * Makes `cmd` refuse an option given twice, and the two forms of a negatable option (`--flat`,
 * `--no-flat`) given together. Call after all options are added; per parse, since it keeps state
 * in the command's listeners, not in a global.
 *
 * @example
 * refuseRepeats(program); program.parse(['node', 'x', '--group', 'S5', '--group', 'S4']);
 * // throws E_OPTION: --group given twice (S5, S4)
 */
export function refuseRepeats(cmd: Command): void {
  const seen = new Map<string, { flag: string; value: string | undefined }>();
  for (const option of cmd.options) {
    // Commander emits `option:NAME` for every occurrence, whatever the spelling (-ox, --opt=x).
    cmd.on(`option:${option.name()}`, (value: string | undefined) => {
      const flag = flagOf(option);
      const first = seen.get(option.attributeName());
      if (first === undefined) {
        seen.set(option.attributeName(), { flag, value });
        return;
      }
      if (first.flag !== flag) throw new SolveBasisError('E_OPTION', `${first.flag} and ${flag} both given`);
      const values = first.value === undefined ? '' : ` (${shown(first.value)}, ${shown(value ?? '')})`;
      throw new SolveBasisError('E_OPTION', `${flag} given twice${values}`);
    });
  }
}

/**
 * Makes `sub` refuse stray arguments and any option of `parent` given on the command line before
 * it (with positional options, `solve-basis -o x groups` would otherwise ignore `-o x`).
 *
 * @example
 * program.command('groups').action(() => { refuseUnused(program, groupsCommand); … });
 */
export function refuseUnused(parent: Command, sub: Command): void {
  const stray = sub.args[0];
  if (stray !== undefined) {
    throw new SolveBasisError('E_OPTION', `unexpected argument '${stray}' after ${sub.name()}`, { expected: 'no arguments' });
  }
  for (const option of parent.options) {
    if (parent.getOptionValueSource(option.attributeName()) !== 'cli') continue;
    throw new SolveBasisError('E_OPTION', `${flagOf(option)} before ${sub.name()} is not used by it`, {
      hint: `write the options of ${sub.name()} after it`,
    });
  }
}

/**
 * `--max-memory`: a positive size, `512M`, `8G`, `1.5GiB`; binary units.
 *
 * @example
 * parseSize('8G') // 8589934592
 */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)(i?[bB])?$/.exec(text.trim());
  const scale = m ? { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'] : 0;
  const size = m ? Number(m[1]) * scale : 0;
  // 0 would refuse every problem as too large: an option error says what is wrong instead.
  if (!(size > 0)) throw new InvalidArgumentError(`expected a positive size such as 512M or 8G, got '${text}'`);
  return size;
}

/**
 * `--rtol`, `--timeout`: a finite number above 0.
 *
 * @example
 * parsePositive('2.5') // 2.5
 */
export function parsePositive(text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0) throw new InvalidArgumentError(`expected a positive number, got '${text}'`);
  return v;
}
