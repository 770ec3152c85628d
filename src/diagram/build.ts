/**
 * From a block's reps to its diagram basis: name the index positions, choose each factor's
 * independent diagrams (enumerate.ts), give every pair its form (δ, η or J, by the variance of
 * its two indices), label the elements, and take the product over the group's factors.
 */
import { SolverError } from '../errors.js';
import type { Rep } from '../rep/rep.js';
import { NO_DEADLINE, type Deadline } from '../util/deadline.js';
import { familyDimension } from './dimension.js';
import { brauerDiagrams, setPartitions, type RawBrauer } from './enumerate.js';
import { elementLabel } from './labels.js';
import type { DiagramBlock, DiagramElement, DiagramFamily, DiagramPair, DiagramPosition, DiagramTerm } from './types.js';

/**
 * Above this many indices per block the diagram strategy steps aside: the dimension formulas sum
 * over the partitions of N, and a basis on 25 indices has at least 7.9 million Brauer diagrams
 * (one tensor power of a group with n ≥ 13) anyway.
 */
export const MAX_DIAGRAM_POINTS = 24;

/** Bytes per stored diagram element per index (terms, pairs, blocks) and per element (label, objects). */
const BYTES_PER_ELEMENT_INDEX = 48;
const BYTES_PER_ELEMENT = 200;

/**
 * Whether the diagram strategy applies to Hom(inRep, outRep) for these factor families, and if so
 * how many elements its basis has (from the dimension formulas, before anything is enumerated) and
 * the memory they take.
 *
 * @example
 * diagramPlan(families, parseRep('T(5)'), parseRep('T(5)'), 1) // { positions, count: 603, bytes: … } for O(3)
 */
export function diagramPlan(
  families: readonly DiagramFamily[],
  inRep: Rep,
  outRep: Rep,
): { readonly positions: DiagramPosition[]; readonly count: number; readonly bytes: number } | string {
  const positions = diagramPositions(inRep, outRep, families.length);
  if (typeof positions === 'string') return positions;
  if (positions.length > MAX_DIAGRAM_POINTS) return `${positions.length} indices: more than the ${MAX_DIAGRAM_POINTS} the diagram strategy enumerates`;
  let count = 1;
  for (const f of families) count *= Number(familyDimension(f, positions.filter((p) => p.factor === f.factor).length));
  return { positions, count, bytes: count * (positions.length * BYTES_PER_ELEMENT_INDEX + BYTES_PER_ELEMENT) };
}

/** The atoms of a tensor product of base reps and their duals, or why the rep is not one. */
function atoms(rep: Rep, factors: number): { factor: number; dual: boolean }[] | string {
  const list = rep.kind === 'tensor' ? rep.factors : rep.kind === 'scalar' ? [] : [rep];
  const out: { factor: number; dual: boolean }[] = [];
  for (const a of list) {
    const dual = a.kind === 'dual';
    const base = dual ? a.of : a;
    if (base.kind !== 'base') return `${a.kind === 'sym' || a.kind === 'alt' ? 'Sym/Alt powers' : 'this rep'} has no diagram basis here (tensor powers of V and V* only)`;
    if (base.factor === null && factors > 1) return 'V of a product group is V1 ⊕ V2 ⊕ …: write the reps with V1, V2, …';
    out.push({ factor: base.factor ?? 1, dual });
  }
  return out;
}

/**
 * The index positions of W for Hom(inRep, outRep): the output's tensor factors `o1 …`, then the
 * input's `i1 …`; or why the reps are not tensor products of V's and V*'s.
 *
 * @example
 * (diagramPositions(parseRep('V'), parseRep('V⊗V*'), 1) as DiagramPosition[]).map((p) => p.name) // ['o1', 'o2', 'i1']
 */
export function diagramPositions(inRep: Rep, outRep: Rep, factors: number): DiagramPosition[] | string {
  const outs = atoms(outRep, factors);
  if (typeof outs === 'string') return outs;
  const ins = atoms(inRep, factors);
  if (typeof ins === 'string') return ins;
  const make = (side: 'out' | 'in', list: { factor: number; dual: boolean }[]): DiagramPosition[] =>
    list.map((a, axis) =>
      Object.freeze({
        name: `${side === 'out' ? 'o' : 'i'}${axis + 1}`,
        side,
        axis,
        factor: a.factor,
        dual: a.dual,
        // W lives in R_out ⊗ R_in*: an input index is dualised.
        upper: side === 'out' ? !a.dual : a.dual,
      }),
    );
  return [...make('out', outs), ...make('in', ins)];
}

/** The form of the pair (p, q), p < q, oriented so that the value is form(a_p', a_q'). */
function pairOf(family: DiagramFamily, positions: readonly DiagramPosition[], p: number, q: number): DiagramPair {
  const up = positions[p]!.upper;
  if (up !== positions[q]!.upper) return Object.freeze({ p, q, form: 'delta' });
  if (family.form === 'J' && up) {
    // Two upper indices carry J⁻¹ = Jᵀ (g J⁻¹ gᵀ = J⁻¹): the value J[a_q, a_p].
    return Object.freeze({ p: q, q: p, form: 'J' });
  }
  return Object.freeze({ p, q, form: family.form });
}

function brauerTerm(family: DiagramFamily, positions: readonly DiagramPosition[], raw: RawBrauer): DiagramTerm {
  return Object.freeze({
    kind: 'brauer',
    factor: family.factor,
    pairs: Object.freeze(raw.pairs.map(([p, q]) => pairOf(family, positions, p, q))),
    epsilon: raw.epsilon,
    // A Lorentz ε is invariant with all indices upper; lower ones are lowered by η. (For SO(n) the
    // metric is δ and lowering changes nothing.)
    lowered: Object.freeze(family.form === 'eta' ? raw.epsilon.filter((e) => !positions[e]!.upper) : []),
  });
}

/** One factor's independent diagrams on its positions, and the one-line reason they are a basis. */
function factorTerms(family: DiagramFamily, positions: readonly DiagramPosition[], deadline: Deadline): { terms: DiagramTerm[]; why: string } {
  const points = positions.flatMap((pos, i) => (pos.factor === family.factor ? [i] : []));
  const N = points.length;
  const n = family.dim;
  let terms: DiagramTerm[];
  let why: string;
  if (family.diagrams === 'partition') {
    terms = setPartitions(points, n, deadline).map((blocks) => Object.freeze({ kind: 'partition', factor: family.factor, blocks: Object.freeze(blocks.map((b) => Object.freeze(b))) }) as DiagramTerm);
    why = `set partitions of ${N} indices into at most ${n} blocks (orbit basis: disjoint supports)`;
  } else {
    const symplectic = family.kind === 'symplectic';
    const limit = symplectic ? n / 2 : n;
    const raw = brauerDiagrams(points, symplectic ? 'non-nested' : 'nested', limit, 0, deadline);
    const pairings = raw.length;
    if (family.epsilon && N >= n) raw.push(...brauerDiagrams(points, 'nested', n, n, deadline));
    terms = raw.map((r) => brauerTerm(family, positions, r));
    const all = doubleFactorial(N - 1);
    const eps = terms.length - pairings;
    const parts: string[] = [];
    if (N % 2 === 0) {
      parts.push(
        symplectic
          ? `${pairings.toLocaleString('en-US')} of the ${all.toLocaleString('en-US')} Brauer diagrams (J): those with no ${limit + 1} pairwise nested pairs`
          : `${pairings.toLocaleString('en-US')} of the ${all.toLocaleString('en-US')} Brauer diagrams (${family.form === 'eta' ? 'η' : 'δ'}): those whose pairs form at most ${n} nested chains`,
      );
    }
    if (eps > 0) parts.push(`${eps.toLocaleString('en-US')} diagram${eps === 1 ? '' : 's'} with one ε, whose pairs and ε form ${n} nested chains`);
    why = parts.join('; ') || `no diagrams: ${N} indices`;
  }
  const expected = familyDimension(family, N);
  if (BigInt(terms.length) !== expected) {
    throw new SolverError('E_VERIFY', `verification failed: ${family.group} on ${N} indices: ${terms.length} diagrams selected, but the dimension is ${expected}`, {
      expected: String(expected),
      actual: String(terms.length),
    });
  }
  return { terms, why: `${family.group}: ${why}` };
}

function doubleFactorial(k: number): number {
  let p = 1;
  for (let i = k; i > 1; i -= 2) p *= i;
  return p;
}

/**
 * The diagram basis of one block: the product over the factors of each factor's independent
 * diagrams. For S(n) (and products of S(n)'s) the elements come in the order of their first index
 * tuple, so they are exactly the canonical RREF rows.
 *
 * @example
 * buildDiagramBlock(families, positions).elements.map((e) => e.label) // ['δ(o1,i1)'] for O(3) V → V
 */
export function buildDiagramBlock(families: readonly DiagramFamily[], positions: readonly DiagramPosition[], deadline: Deadline = NO_DEADLINE): DiagramBlock {
  const used = families.filter((f) => positions.some((p) => p.factor === f.factor));
  const perFactor = used.map((f) => factorTerms(f, positions, deadline));
  let products: DiagramTerm[][] = [[]];
  for (const { terms } of perFactor) {
    const next: DiagramTerm[][] = [];
    for (const head of products) for (const t of terms) next.push([...head, t]);
    products = next;
    deadline.check();
  }
  const canonical = used.every((f) => f.diagrams === 'partition');
  if (canonical && used.length > 1) {
    const keys = new Map(products.map((p) => [p, pivotTuple(p, positions.length)]));
    products.sort((a, b) => compareTuples(keys.get(a)!, keys.get(b)!));
  }
  const elements: DiagramElement[] = products.map((terms) =>
    Object.freeze({ terms: Object.freeze(terms), label: elementLabel(terms, positions) }),
  );
  return Object.freeze({
    positions: Object.freeze([...positions]),
    families: Object.freeze([...used]),
    elements: Object.freeze(elements),
    canonical,
    why: perFactor.length === 0 ? 'no indices: the scalar 1' : perFactor.map((p) => p.why).join('; '),
  });
}

/** The first index tuple of an orbit-basis element: block b of each factor takes the value b. */
function pivotTuple(terms: readonly DiagramTerm[], size: number): Int32Array {
  const t = new Int32Array(size);
  for (const term of terms) if (term.kind === 'partition') term.blocks.forEach((b, v) => b.forEach((p) => (t[p] = v)));
  return t;
}

function compareTuples(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
