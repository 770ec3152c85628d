/**
 * The `net` subcommand: a whole equivariant network (EMLP-style blocks, see src/network.ts) as a
 * PyTorch or JAX file. Registered by main.ts with one call, so the rest of the command line does
 * not change; like main.ts it is the only code here that prints.
 */
import { Command, InvalidArgumentError, Option, type OutputConfiguration } from 'commander';
import { networkParameters } from '../basis.js';
import { SolveBasisError } from '../errors.js';
import { formatMs, NETWORK_EMITTERS, networkEmitterFor } from '../emit/index.js';
import { DEFAULT_HIDDEN, DEFAULT_LAYERS, solveNetwork, type HiddenSpec } from '../network.js';
import { writeOutput, type WriteStage } from './write.js';

/** What `net` needs from main.ts's CliIO. */
export interface NetIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now?: () => number;
  /** Told how far the write of `-o FILE` has come (the signal handling of run.ts reads it). */
  readonly onWriteStage?: (stage: WriteStage) => void;
}

interface NetOptions {
  group: string;
  in: string;
  out: string;
  hidden?: HiddenSpec | HiddenSpec[];
  layers?: number;
  bilinear: boolean;
  format: string;
  output?: string;
  maxMemory?: number;
  timeout?: number;
}

const NET_EXAMPLES = `
Examples:
  solve-basis net --group "O(5)" --in 2V --out scalar -o net.py                # EMLP's O5Synthetic model
  solve-basis net --group "O(3)" --in "5V⁰+5V" --out "T(2)" --hidden "32V⁰+16V+8V²" --format jax
  solve-basis net --group "SO(3) x S(8)" --in "V1⊗V2" --out V1 --hidden 128,128 # a point cloud

--hidden takes a channel count (spread over scalars, vectors and rank-2 tensors, EMLP's ch), a rep,
or one of either per layer, separated by commas.
`;

/** Splits `--hidden` at top-level commas (T(1,1) keeps its comma); whole numbers are channel counts. */
export function parseHidden(text: string): HiddenSpec | HiddenSpec[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  const specs = parts.map((p): HiddenSpec => {
    const t = p.trim();
    if (t === '') throw new InvalidArgumentError(`expected a channel count or a rep for every layer, got '${text}'`);
    return /^\d+$/.test(t) ? Number(t) : t;
  });
  return specs.length === 1 ? specs[0]! : specs;
}

function parseLayers(text: string): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || v < 1) throw new InvalidArgumentError(`expected a positive whole number, got '${text}'`);
  return v;
}

/**
 * Adds `net` to the program. `parseSize` and `parsePositive` are main.ts's option parsers, passed in
 * so `--max-memory` and `--timeout` read the same everywhere.
 *
 * @example
 * registerNet(program, io, output, { parseSize, parsePositive });
 */
export function registerNet(
  program: Command,
  io: NetIO,
  output: OutputConfiguration,
  parsers: { readonly parseSize: (t: string) => number; readonly parsePositive: (t: string) => number },
): Command {
  return program
    .command('net')
    .description('generate a whole equivariant network (EMLP-style blocks) for PyTorch or JAX')
    .requiredOption('-g, --group <group>', 'group name or custom group JSON file')
    .requiredOption('-i, --in <rep>', 'input rep')
    .requiredOption('--out <rep>', 'output rep')
    .option('--hidden <spec>', `hidden width: channels, a rep, or one per layer (default ${DEFAULT_HIDDEN})`, parseHidden)
    .option('--layers <n>', `number of blocks (default ${DEFAULT_LAYERS}, or one per --hidden entry)`, parseLayers)
    .option('--no-bilinear', 'leave out the bilinear layer of each block')
    .addOption(
      new Option('-f, --format <format>', `output format: ${NETWORK_EMITTERS.map((e) => `${e.id} (${e.description})`).join(', ')}`)
        .choices(NETWORK_EMITTERS.map((e) => e.id))
        .default('pytorch'),
    )
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .option('--max-memory <size>', 'refuse networks estimated above this memory (default 4G)', parsers.parseSize)
    .option('--timeout <seconds>', 'stop solving after this long (exit 6, nothing written)', parsers.parsePositive)
    .addHelpText('after', NET_EXAMPLES)
    .exitOverride()
    .configureOutput(output)
    .action((o: NetOptions) => runNet(o, io));
}

function runNet(o: NetOptions, io: NetIO): void {
  const now = io.now ?? (() => performance.now());
  const start = now();
  const net = solveNetwork({
    group: o.group,
    in: o.in,
    out: o.out,
    ...(o.hidden !== undefined ? { hidden: o.hidden } : {}),
    ...(o.layers !== undefined ? { layers: o.layers } : {}),
    bilinear: o.bilinear,
    ...(o.maxMemory !== undefined ? { maxMemoryBytes: o.maxMemory } : {}),
    ...(o.timeout !== undefined ? { timeoutSeconds: o.timeout } : {}),
    inputNames: { in: '--in', out: '--out' },
  });
  const emitter = networkEmitterFor(o.format);
  if (!emitter) throw new SolveBasisError('E_OPTION', `unknown network format '${o.format}'`, { expected: NETWORK_EMITTERS.map((e) => e.id).join(' or ') });
  const text = emitter.emit(net, o.maxMemory !== undefined ? { maxMemoryBytes: o.maxMemory } : {});
  const elapsedMs = now() - start;
  for (const w of net.warnings) io.stderr(`solve-basis: warning: ${w}\n`);
  if (o.output !== undefined) {
    writeOutput(o.output, text, io.onWriteStage);
    const params = networkParameters(net).toLocaleString('en-US');
    io.stderr(`solve-basis: wrote ${o.output} (${net.blocks.length} blocks, ${params} parameters, ${formatMs(elapsedMs)})\n`);
  } else io.stdout(text);
}
