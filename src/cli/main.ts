/**
 * The command line: options, the solve, the output. Together with run.ts (the process entry, which
 * runs this in a worker thread and owns signals and the exit status) the only code that touches
 * argv, stdout and stderr; all the work is the library's `solveBasis` and emitters.
 */
import { Command, CommanderError, Option } from 'commander';
import { SolveBasisError } from '../errors.js';
import { EMITTERS, emitterFor, formatMs, type EmitOptions } from '../emit/index.js';
import type { Basis } from '../basis.js';
import { solveBasis, solveLayer, type SolveRequest } from '../pipeline.js';
import { STRATEGY_CHOICES } from '../solve/select.js';
import type { StrategyChoice } from '../solve/strategy.js';
import { VERSION } from '../version.js';
import { explainText, groupsText } from './catalogue.js';
import { EXIT_CODES, formatError } from './format.js';
import { parsePositive, parseSize, refuseRepeats, refuseUnused } from './options.js';
import { progressLine } from './progress.js';
import { registerNet } from './net.js';
import { nearestNames } from '../group/library/names.js';
import { writeOutput, type WriteStage } from './write.js';

const SUBCOMMANDS = ['groups', 'explain', 'net'];

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
  /** Clock for the progress line (milliseconds); performance.now by default. */
  readonly now?: () => number;
  /** Follows the `-o` write; run.ts uses it to clean up after a signal (see write.ts). */
  readonly onWriteStage?: (stage: WriteStage) => void;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

interface Options {
  group?: string;
  rep?: string;
  in?: string;
  out?: string;
  format: string;
  output?: string;
  flat?: boolean;
  strategy?: StrategyChoice;
  rtol?: number;
  maxMemory?: number;
  timeout?: number;
  certify?: boolean;
  sizeAgnostic?: boolean;
}

const EXAMPLES = `
Examples:
  solve-basis groups                                       # built-in groups and their generators
  solve-basis explain --rep "V+V**2" --group "SO(3)"       # what a rep expression means
  solve-basis net --group "O(5)" --in 2V --out scalar -o net.py   # a whole equivariant network
  solve-basis --group S5 --rep tensor2                     # the 15-element Maron et al. layer
  solve-basis --group "SO(3)" --in "V**2" --out V            # the cross product (1 element)
  solve-basis --group "O(1,3)" --rep "T(2)" --format json -o lorentz.json
  solve-basis --group cube.json --rep "V+V**2"             # a custom group from a JSON file
  solve-basis --group "S(6)" --rep "100V⁰+100V+20V²"       # channels with multiplicities
  solve-basis --group S5 --rep tensor2 --format svg -o pattern.svg   # the weight-sharing picture

Reps: V, V*, V**k (V^k), R⊗S (R*S), R⊕S (R+S), 3V, T(p,q), Sym^k(R), Alt^k(R),
      scalar, vector, tensor2, tensor3; V1, V2 for the factors of a product group G1 x G2.
Exit status: 0 ok, 2 bad input, 3 too large, 4 solver/verification failure, 5 I/O error, 6 timeout,
             1 internal error, 130 interrupted by Ctrl-C (143 by SIGTERM; no partial output file is left).
`;

function buildProgram(io: CliIO): Command {
  const program = new Command()
    .name('solve-basis')
    .description('Bases of equivariant linear maps Hom_G(in, out) for a group given by generators.')
    .version(VERSION, '-V, --version')
    .option('-g, --group <group>', 'group name (S(5), SO(3), O(1,3), SO(3) x S(4), …) or a custom group JSON file')
    .option('-r, --rep <rep>', 'use the same rep for input and output')
    .option('-i, --in <rep>', 'input rep')
    .option('--out <rep>', 'output rep (default: the input rep)')
    .addOption(
      new Option('-f, --format <format>', `output format: ${EMITTERS.map((e) => `${e.id} (${e.description})`).join(', ')}`)
        .choices(EMITTERS.map((e) => e.id))
        .default('summary'),
    )
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .option('--flat', 'always include the flat basis in JSON (default: when small)')
    .option('--no-flat', 'never include the flat basis in JSON, only blocks')
    .addOption(new Option('--strategy <name>', 'force a solve strategy, or the best of a family (exact: rational or gaussian; float: svd or reynolds)').choices([...STRATEGY_CHOICES]))
    .option('--rtol <x>', 'relative rank tolerance of the float path', parsePositive)
    .option('--max-memory <size>', 'refuse problems estimated above this memory (default 4G)', parseSize)
    .option('--timeout <seconds>', 'stop a solve that takes longer (exit 6, nothing written)', parsePositive)
    .option('--certify', 'also certify the answer: character formula and group order (finite groups), bracket closure and random elements (Lie groups)')
    .option('--size-agnostic', 'with --format pytorch|jax on a diagram basis (S(n), O(n), Sp(n), SO(n), Lorentz, products): a layer that reads its sizes from its inputs [batch, n, …, n, channels]')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    // Options before a subcommand belong to the program, after it to the subcommand: `explain`
    // has its own --group and --rep.
    .enablePositionalOptions();
  const output = {
    writeOut: (s: string) => io.stdout(s),
    writeErr: (s: string) => io.stderr(s),
    outputError: (s: string, write: (s: string) => void) => write(`solve-basis: error E_OPTION: ${s.replace(/^error:\s*/, '').trim()}\n`),
  };
  program.exitOverride().configureOutput(output);
  // Stray words reach the action (instead of commander's "too many arguments") so that a mistyped
  // subcommand gets a suggestion.
  program.allowExcessArguments(true).action(() => {
    const stray = program.args[0];
    if (stray !== undefined) {
      const near = nearestNames(stray, SUBCOMMANDS);
      throw new SolveBasisError('E_OPTION', `unknown command '${stray}'`, {
        expected: SUBCOMMANDS.join(' or ') + ', or options only',
        hint: near.length > 0 ? `did you mean ${near.join(' or ')}?` : 'see solve-basis --help',
      });
    }
    run(program.opts<Options>(), io);
  });
  // Stray arguments reach the actions too, for refuseUnused's message.
  const groups = program
    .command('groups')
    .description('list the built-in groups with their generator conventions')
    .allowExcessArguments(true)
    .exitOverride()
    .configureOutput(output)
    .action(() => {
      refuseUnused(program, groups);
      io.stdout(groupsText());
    });
  const explain = program
    .command('explain')
    .description('print how a rep expression parses: canonical form, dimension, summands')
    .requiredOption('-r, --rep <rep>', 'the rep expression')
    .option('-g, --group <group>', 'the group (for dimensions and coordinates)')
    .allowExcessArguments(true)
    .exitOverride()
    .configureOutput(output)
    .action((o: { rep: string; group?: string }) => {
      refuseUnused(program, explain);
      io.stdout(explainText(o.rep, o.group));
    });
  const net = registerNet(program, io, output, { parseSize, parsePositive });
  for (const cmd of [program, groups, explain, net]) refuseRepeats(cmd);
  return program;
}

function run(opts: Options, io: CliIO): void {
  if (opts.group === undefined) throw new SolveBasisError('E_OPTION', 'missing --group', { expected: 'a group, e.g. --group S5', hint: 'see solve-basis --help' });
  if (opts.rep !== undefined && (opts.in !== undefined || opts.out !== undefined)) {
    throw new SolveBasisError('E_OPTION', '--rep cannot be combined with --in/--out', { hint: '--rep R means --in R --out R' });
  }
  const inRep = opts.rep ?? opts.in;
  if (inRep === undefined) throw new SolveBasisError('E_OPTION', 'missing --rep (or --in)', { expected: 'a rep, e.g. --rep tensor2' });
  if (opts.output === '') throw new SolveBasisError('E_OPTION', '--output needs a file name', { actual: "''", hint: 'leave out -o to print to stdout' });
  if (opts.flat !== undefined && opts.format !== 'json') {
    throw new SolveBasisError('E_OPTION', `${opts.flat ? '--flat' : '--no-flat'} applies only to --format json, not ${opts.format}`);
  }
  if (opts.sizeAgnostic && opts.format !== 'pytorch' && opts.format !== 'jax') {
    throw new SolveBasisError('E_OPTION', `--size-agnostic applies only to --format pytorch or jax, not ${opts.format}`);
  }
  const now = io.now ?? (() => performance.now());
  const start = now();
  const progress = progressLine(io.stderr, io.stderrIsTTY, now);
  const emitter = emitterFor(opts.format)!;
  const request: SolveRequest = {
    group: opts.group,
    in: inRep,
    ...(opts.out !== undefined ? { out: opts.out } : opts.rep !== undefined ? { out: opts.rep } : {}),
    ...(opts.strategy ? { strategy: opts.strategy } : {}),
    ...(opts.rtol !== undefined ? { rtol: opts.rtol } : {}),
    ...(opts.maxMemory !== undefined ? { maxMemoryBytes: opts.maxMemory } : {}),
    ...(opts.timeout !== undefined ? { timeoutSeconds: opts.timeout } : {}),
    ...(opts.certify ? { certify: true } : {}),
    inputNames: opts.rep !== undefined ? { in: '--rep', out: '--rep' } : { in: '--in', out: '--out' },
    onProgress: progress.onProgress,
  };
  // A layer format needs the bias basis too: the pipeline solves both under one deadline.
  let solved: { readonly basis: Basis<unknown>; readonly emit: (options: EmitOptions) => string };
  try {
    if (emitter.input === 'layer') {
      const layer = solveLayer(request);
      solved = { basis: layer.weight, emit: (options) => emitter.emit(layer, options) };
    } else {
      const basis = solveBasis(request);
      solved = { basis, emit: (options) => emitter.emit(basis, options) };
    }
  } finally {
    // Erase the progress line before anything else is printed (the result or an error).
    progress.finish();
  }
  const { basis } = solved;
  const elapsedMs = now() - start;
  for (const w of basis.warnings) io.stderr(`solve-basis: warning: ${w}\n`);
  if (basis.certificate && !basis.certificate.certified) io.stderr(`solve-basis: warning: ${basis.certificate.summary}\n`);
  const text = solved.emit({
    elapsedMs,
    ...(opts.flat !== undefined ? { flat: opts.flat } : {}),
    ...(opts.maxMemory !== undefined ? { maxMemoryBytes: opts.maxMemory } : {}),
    ...(opts.sizeAgnostic ? { sizeAgnostic: true } : {}),
  });
  if (opts.output !== undefined) {
    writeOutput(opts.output, text, io.onWriteStage);
    io.stderr(`solve-basis: wrote ${opts.output} (${basis.dim} basis elements, ${formatMs(elapsedMs)})\n`);
  } else io.stdout(text);
}

/**
 * Runs the CLI on `argv` (as in process.argv) and returns the exit status; never throws.
 *
 * @example
 * const status = main(['node', 'solve-basis', '--group', 'S5', '--rep', 'tensor2']);
 */
export function main(argv: readonly string[], io: CliIO = defaultIO): number {
  const program = buildProgram(io);
  try {
    program.parse([...argv]);
    return EXIT_CODES.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return e.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.input;
    }
    if (process.env['SOLVE_BASIS_DEBUG'] && e instanceof Error) io.stderr(`${e.stack ?? e.message}\n`);
    const f = formatError(e, io.stderrIsTTY);
    io.stderr(`${f.text}\n`);
    return f.exitCode;
  }
}
