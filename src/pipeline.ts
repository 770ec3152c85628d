/**
 * The data flow of DESIGN.md §7, one stage per step:
 *
 *   request ─▶ ① group + rep trees ─▶ ② shapes, guarded ─▶ ③ layouts
 *           ─▶ ④ per block: solve (strategy) ─▶ ⑤ verify ─▶ Basis (⑥ certify on request)
 *
 * `solveBasis` answers one Hom_G(in, out); `solveLayer` answers everything a layer needs (weight
 * and bias) under one deadline, one memory limit and one matrix cache. Emitting (JSON, code,
 * pictures) is the next stage, applied to what these return.
 */
import { basisDimension, blockEntry, blockRank, type Basis, type BlockEntry, type LayerBases } from './basis.js';
import { toFloatGroup } from './group/convert.js';
import type { AnyGroup, Group } from './group/group.js';
import { resolveGroup } from './group/resolve.js';
import { layoutOf, repShape, type Layout } from './rep/layout.js';
import { RepMatrixCache } from './rep/matrices.js';
import { parseRep } from './rep/parse.js';
import { SCALAR, type Rep } from './rep/rep.js';
import { GroupFacts } from './solve/facts.js';
import { checkResources } from './solve/resources.js';
import { familyOf, solveBlock } from './solve/select.js';
import type { HomProblem, SolveOptions, StrategyChoice } from './solve/strategy.js';
import { DEFAULT_MAX_MEMORY_BYTES } from './util/bytes.js';
import { deadlineAfter, NO_DEADLINE, type Deadline } from './util/deadline.js';
import { certifyBasis, verifyBlock } from './verify/index.js';

export interface SolveRequest {
  /** A group name (`S(5)`, `SO(3) x S(4)`), a custom group file path, or a resolved group. */
  readonly group: string | AnyGroup;
  /** The input rep, as text (`V**2`) or a parsed Rep. */
  readonly in: string | Rep;
  /** The output rep; defaults to the input rep. */
  readonly out?: string | Rep;
  /**
   * Force a strategy by name (`orbit`, `rational`, `gaussian`, `svd`, `reynolds`) or by family
   * (`exact`, `float`); by default the fastest applicable one runs. See solve/select.ts.
   */
  readonly strategy?: StrategyChoice;
  /** Relative rank tolerance of the float path. */
  readonly rtol?: number;
  /** Finite float groups above this many unknowns always use the Reynolds projector (default 1500; below it, the cheaper of projection and dense SVD). */
  readonly floatDenseLimit?: number;
  /** Refuse problems whose estimated memory exceeds this many bytes (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Stop with E_TIMEOUT after this many seconds (checked cooperatively inside the solve). */
  readonly timeoutSeconds?: number;
  /** Also certify the answer independently (character formula, Lie closure); see verify/certify.ts. */
  readonly certify?: boolean;
  /** How custom group files are read (default: the file system). */
  readonly readFile?: (path: string) => string;
  /** Names of the inputs in error messages (the CLI passes `--rep` or `--in`/`--out`). */
  readonly inputNames?: { readonly in?: string; readonly out?: string };
  /**
   * Called before the first and after each (out type, in type) block of the weight basis is
   * solved, with the number of blocks done and in total. The solve is synchronous: this is how a
   * caller (the CLI's progress line) learns how far it has come.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Computes the basis of Hom_G(ρ_in, ρ_out), verified, in canonical form.
 *
 * @example
 * const basis = solveBasis({ group: 'S(5)', in: 'V**2', out: 'V**2' });
 * basis.dim // 15
 */
export function solveBasis(request: SolveRequest): Basis<unknown> {
  const s = startSession(request);
  return solveHom(s, s.inRep, s.outRep, { certify: request.certify ?? false, onProgress: request.onProgress });
}

/**
 * Computes what a layer from `in` to `out` needs: the weight basis Hom_G(in, out) and the bias
 * basis Hom_G(scalar, out), under one deadline and memory limit.
 *
 * @example
 * const layer = solveLayer({ group: 'S(5)', in: 'V**2' });
 * [layer.weight.dim, layer.bias.dim] // [15, 2]
 */
export function solveLayer(request: SolveRequest): LayerBases {
  const s = startSession(request);
  const weight = solveHom(s, s.inRep, s.outRep, { certify: request.certify ?? false, onProgress: request.onProgress });
  const bias = solveHom(s, SCALAR, s.outRep, { certify: false, onProgress: undefined });
  return Object.freeze({ weight, bias });
}

/**
 * One request's shared state: the parsed inputs, its limits, and the caches its solves share.
 * network.ts opens one for all the bases of a network.
 */
export interface Session<T> {
  readonly group: Group<T>;
  readonly inRep: Rep;
  readonly outRep: Rep;
  readonly names: { readonly in: string; readonly out: string };
  readonly maxBytes: number;
  readonly deadline: Deadline;
  readonly options: SolveOptions;
  readonly matrices: RepMatrixCache<T>;
  readonly facts: GroupFacts<T>;
}

/** ① The group and the rep trees. The deadline starts first: reading a group file counts. */
export function startSession(request: SolveRequest): Session<unknown> {
  const deadline = request.timeoutSeconds !== undefined ? deadlineAfter(request.timeoutSeconds) : NO_DEADLINE;
  const resolved = typeof request.group === 'string' ? resolveGroup(request.group, { ...(request.readFile ? { readFile: request.readFile } : {}), deadline }) : request.group;
  const group = (request.strategy && familyOf(request.strategy) === 'float' ? toFloatGroup(resolved) : resolved) as Group<unknown>;
  const names = { in: request.inputNames?.in ?? 'in', out: request.inputNames?.out ?? 'out' };
  const toRep = (spec: string | Rep, path: string): Rep => (typeof spec === 'string' ? parseRep(spec, { factors: group.factors.length, path }) : spec);
  const inRep = toRep(request.in, names.in);
  return {
    group,
    inRep,
    outRep: request.out === undefined ? inRep : toRep(request.out, names.out),
    names,
    maxBytes: request.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    deadline,
    options: {
      ...(request.strategy ? { strategy: request.strategy } : {}),
      ...(request.rtol !== undefined ? { rtol: request.rtol } : {}),
      ...(request.floatDenseLimit !== undefined ? { floatDenseLimit: request.floatDenseLimit } : {}),
      deadline,
      maxBytes: request.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    },
    matrices: new RepMatrixCache(group),
    facts: new GroupFacts(group),
  };
}

/** ② to ⑥ for one Hom_G(inRep, outRep) inside a session: its deadline, memory limit and caches. */
export function solveHom<T>(
  s: Session<T>,
  inRep: Rep,
  outRep: Rep,
  extra: { readonly certify: boolean; readonly onProgress: SolveRequest['onProgress'] },
): Basis<T> {
  // ② Refuse from the shapes alone, before anything of size dim is allocated.
  checkResources(s.facts, repShape(s.group, inRep, s.names.in), repShape(s.group, outRep, s.names.out), s.maxBytes, s.options.strategy);
  // ③ The summands of each side; equal summands share a type.
  const inLayout = layoutOf(s.group, inRep, { maxBytes: s.maxBytes, path: s.names.in });
  const outLayout = layoutOf(s.group, outRep, { maxBytes: s.maxBytes, path: s.names.out });
  // ④ ⑤ Each (out type, in type) block: solve, then verify.
  const blocks = solveBlocks(s, inLayout, outLayout, extra.onProgress);
  const basis: Basis<T> = Object.freeze({
    group: s.group,
    field: s.group.field,
    inRep,
    outRep,
    inLayout,
    outLayout,
    shape: Object.freeze([outLayout.dim, inLayout.dim] as const),
    dim: basisDimension(inLayout, outLayout, blocks),
    exact: s.group.field.kind === 'exact',
    blocks,
    warnings: Object.freeze([...(s.group.warnings ?? [])]),
  });
  // ⑥ On request, an independent certificate.
  return extra.certify ? Object.freeze({ ...basis, certificate: certifyBasis(basis, s.deadline) }) : basis;
}

function solveBlocks<T>(s: Session<T>, inLayout: Layout, outLayout: Layout, onProgress: SolveRequest['onProgress']): readonly BlockEntry<T>[] {
  const blocks: BlockEntry<T>[] = [];
  const total = outLayout.types.length * inLayout.types.length;
  let done = 0;
  onProgress?.(0, total);
  outLayout.types.forEach((outType, b) => {
    inLayout.types.forEach((inType, a) => {
      s.deadline.check();
      const problem: HomProblem<T> = { group: s.group, inRep: inType.rep, outRep: outType.rep, m: outType.dim, n: inType.dim, matrices: s.matrices, facts: s.facts };
      const solved = solveBlock(problem, s.options);
      onProgress?.(++done, total);
      if (blockRank(solved) === 0) return;
      const verification = verifyBlock(s.matrices, outType.rep, inType.rep, solved, s.deadline);
      blocks.push(blockEntry(solved, { inType: a, outType: b, verification }));
    });
  });
  return Object.freeze(blocks);
}
