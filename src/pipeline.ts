/**
 * The data flow of DESIGN.md §7, one line per stage:
 *
 *   spec text ─▶ group + rep trees ─▶ summand layouts ─▶ per block: solve (strategy) ─▶ verify
 *             ─▶ Basis
 *
 * Emitting (JSON, code, pictures) is a separate stage applied to the Basis.
 */
import type { AnyGroup, Group } from './group/group.js';
import { toFloatGroup } from './group/convert.js';
import { monomialSubgroup } from './group/monomial-subgroup.js';
import { resolveGroup } from './group/resolve.js';
import { summandLayout, type Layout } from './constraints/blocks.js';
import { checkLayoutMemory, preLayout } from './constraints/prelayout.js';
import { RepMatrixCache } from './rep/matrices.js';
import { parseRep } from './rep/parse.js';
import { printRep, type Rep } from './rep/rep.js';
import { SpecError } from './errors.js';
import { basisDimension, type Basis, type BlockEntry } from './solve/basis.js';
import { checkResources, DEFAULT_MAX_MEMORY_BYTES } from './solve/resources.js';
import { solveBlock } from './solve/strategies.js';
import type { HomProblem, SolveOptions, StrategyName } from './solve/strategy.js';
import { certifyBasis } from './verify/certify.js';
import { verifyBasis, verifyMonomial } from './verify/equivariance.js';
import { deadlineAfter, NO_DEADLINE, type Deadline } from './util/deadline.js';

export interface SolveRequest {
  /** A group name (`S(5)`, `SO(3) x S(4)`), a custom group file path, or a resolved group. */
  readonly group: string | AnyGroup;
  /** The input rep, as text (`V**2`) or a parsed Rep. */
  readonly in: string | Rep;
  /** The output rep; defaults to the input rep. */
  readonly out?: string | Rep;
  /** Force a strategy (`orbit`, `exact`, `float`); by default the fastest applicable runs. */
  readonly strategy?: StrategyName;
  /** Relative rank tolerance of the float path. */
  readonly rtol?: number;
  /** Finite float groups above this many unknowns use the Reynolds projector (default 1500). */
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
   * Called before the first and after each (out type, in type) block is solved, with the number of
   * blocks done and in total. The solve is synchronous: this is how a caller (the CLI's progress
   * line) learns how far it has come.
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
  // Started before the group file is read: --timeout covers reading and checking it too.
  const deadline = request.timeoutSeconds !== undefined ? deadlineAfter(request.timeoutSeconds) : NO_DEADLINE;
  const resolved = typeof request.group === 'string' ? resolveGroup(request.group, { ...readFileOption(request), deadline }) : request.group;
  const group: AnyGroup = request.strategy === 'float' ? toFloatGroup(resolved) : resolved;
  const inName = request.inputNames?.in ?? 'in';
  const inRep = toRep(request.in, group, inName);
  const outRep = request.out === undefined ? inRep : toRep(request.out, group, request.inputNames?.out ?? 'out');
  return solveParsed(group as Group<unknown>, inRep, outRep, request, deadline);
}

function readFileOption(request: SolveRequest): { readFile?: (path: string) => string } {
  return request.readFile ? { readFile: request.readFile } : {};
}

function toRep(spec: string | Rep, group: AnyGroup, path: string): Rep {
  return typeof spec === 'string' ? parseRep(spec, { factors: group.factors.length, path }) : spec;
}

function layoutOf<T>(group: Group<T>, rep: Rep, name: string): Layout {
  const layout = summandLayout(
    rep,
    group.dim,
    group.factors.map((f) => f.dim),
  );
  if (layout.dim === 0) {
    throw new SpecError('E_REP_VALUE', `the rep ${printRep(rep)} has dimension 0 for ${group.name}`, {
      path: name,
      expected: 'a rep of positive dimension',
      actual: '0',
    });
  }
  return layout;
}

function solveParsed<T>(group: Group<T>, inRep: Rep, outRep: Rep, request: SolveRequest, deadline: Deadline): Basis<T> {
  const maxBytes = request.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  // Refuse from the dimensions alone where possible: a layout costs O(dim) to build, and V^19
  // (10⁹ coordinates) must be refused in milliseconds, not after allocating gigabytes.
  const pre = [inRep, outRep].map((r, i) => preLayout(group, r, (i === 0 ? request.inputNames?.in : request.inputNames?.out) ?? (i === 0 ? 'in' : 'out')));
  checkLayoutMemory(pre[0]!.dim + pre[1]!.dim, maxBytes);
  if (pre[0]!.types.length > 0 && pre[1]!.types.length > 0) checkResources(group, pre[0]!, pre[1]!, maxBytes);
  const inLayout = layoutOf(group, inRep, request.inputNames?.in ?? 'in');
  const outLayout = layoutOf(group, outRep, request.inputNames?.out ?? 'out');
  checkResources(group, inLayout, outLayout, maxBytes);
  const matrices = new RepMatrixCache(group);
  const monomials = monomialSubgroup(group);
  const options: SolveOptions = {
    ...(request.strategy ? { strategy: request.strategy } : {}),
    ...(request.rtol !== undefined ? { rtol: request.rtol } : {}),
    ...(request.floatDenseLimit !== undefined ? { floatDenseLimit: request.floatDenseLimit } : {}),
    deadline,
  };
  const blocks: BlockEntry<T>[] = [];
  const total = outLayout.types.length * inLayout.types.length;
  let done = 0;
  request.onProgress?.(0, total);
  outLayout.types.forEach((outType, b) => {
    inLayout.types.forEach((inType, a) => {
      deadline.check();
      const problem: HomProblem<T> = { group, inRep: inType.rep, outRep: outType.rep, m: outType.dim, n: inType.dim, matrices, monomials };
      const solved = solveBlock(problem, options);
      request.onProgress?.(++done, total);
      if (solved.basis.rows === 0) return;
      blocks.push(Object.freeze({ ...solved, inType: a, outType: b, verification: verifyBlock(problem, solved.basis, solved.strategy, deadline) }));
    });
  });
  const basis: Basis<T> = Object.freeze({
    group,
    field: group.field,
    inRep,
    outRep,
    inLayout,
    outLayout,
    shape: Object.freeze([outLayout.dim, inLayout.dim] as const),
    dim: basisDimension(inLayout, outLayout, blocks),
    exact: group.field.kind === 'exact',
    blocks: Object.freeze(blocks),
    warnings: Object.freeze([...(group.warnings ?? [])]),
  });
  return request.certify ? Object.freeze({ ...basis, certificate: certifyBasis(basis, deadline) }) : basis;
}

function verifyBlock<T>(p: HomProblem<T>, rows: BlockEntry<T>['basis'], strategy: StrategyName, deadline: Deadline): BlockEntry<T>['verification'] {
  if (strategy === 'orbit') {
    // Signed-permutation generators: the linear-time exact check (no matrices of rationals).
    return verifyMonomial(p.group.field, rows, p.matrices.signedPerms(p.outRep)!, p.matrices.signedPerms(p.inRep)!, p.m, p.n, deadline);
  }
  return verifyBasis(p.group.field, p.matrices.of(p.outRep), p.matrices.of(p.inRep), rows, p.m, p.n, { deadline });
}
