/**
 * The text shared by both size-agnostic runtimes: the header (what each input and output tensor
 * is, the diagrams of every parameter) and the forward computation, written once for a small
 * "dialect" (torch vs jax.numpy spellings of cat, einsum, eye, broadcast_to).
 */
import { VERSION } from '../../../version.js';
import { deriveReductions } from './derive.js';
import { mixLayout } from './mix.js';
import type { AgnosticPlan, AgnosticTensor, FormOperand } from './plan.js';

export interface Dialect {
  /** `torch` or `jnp`. */
  readonly np: string;
  readonly cat: string;
  /** How a parameter named `w_0_0` is read. */
  param(name: string): string;
  /** `torch.eye(size, dtype=…, device=…)` from a tensor `ref` of the right dtype. */
  eye(ref: string, size: string): string;
  /** A non-contiguous list of leading indices (torch takes a list, jax.numpy an array). */
  index(list: string): string;
  /** `permute` (torch) or `transpose` (jax.numpy): the method reordering all axes. */
  readonly permuteMethod: string;
  /** Whether placeDiagonal uses `eye` (declared once per forward). */
  readonly needsEye: boolean;
  /** `zeros` of shape `full` like x0. */
  zeros(full: string): string;
  /** y from a sum broadcastable to `full`, as a tensor placeDiagonal may update. */
  materialise(expr: string, full: string): string;
  /** Gathers the flat parameters into `m` (the index: a buffer in torch, a module constant in jax). */
  readonly take: string;
  /** Gathers piece i in its shape from the parameters (an index buffer per piece), if the runtime does so. */
  takePiece?(params: string, piece: number): string;
  /** Cuts a vector into consecutive pieces of these sizes (a tuple of views). */
  split(v: string, sizes: readonly number[]): string;
  /** The view of x with one axis per block of equal axes (blocks in order), if the runtime has one. */
  diagonal?(x: string, blocks: readonly (readonly number[])[]): string;
  /** The constant tensor of a form (`_form("J", n, …)`) at a size, dtype and device of x0. */
  form(form: string, size: string): string;
  /** A one-element zero of the dtype of `ref`. */
  zeroLike(ref: string): string;
  /** The slices of a parameter along its first axis, as a tuple (torch: unbind), if worth it. */
  unbind?(param: string): string;
  /** s @ weight.T (+ bias) for a weight [channels out, channels in] as stored (torch: F.linear). */
  linear(s: string, weight: string, bias: string | null): string;
  /** s @ mat (+ bias); `flat`: s is [batch, channels] (torch: addmm). */
  affine(s: string, mat: string, bias: string | null, flat: boolean): string;
  /** Whether y is built by in-place adds into a fresh part (torch) or as one expression (jax). */
  readonly inPlace: boolean;
  /**
   * Statements adding s (one axis per block, of its size or 1) on the diagonals of y given by
   * partition; `sizes` per block, `eyes` the identity of each further axis of a block, in order.
   */
  placeDiagonal(y: string, partition: readonly (readonly number[])[], s: string, channels: number, sizes: readonly string[], eyes: readonly string[]): string[];
}

export const weightName = (output: number, input: number): string => `w_${output}_${input}`;
export const biasName = (output: number): string => `b_${output}`;

function shape(p: AgnosticPlan, t: AgnosticTensor): string {
  return `[batch, ${t.factors.map((f) => `${p.factors[f]!.size}, `).join('')}${t.channels}]`;
}

/** The Python shape tuple of a tensor in the forward. */
function fullShape(p: AgnosticPlan, t: AgnosticTensor): string {
  return `(batch, ${t.factors.map((f) => `${p.factors[f]!.size}, `).join('')}${t.channels})`;
}

/** One line per factor on how it acts and how far the layer is size-agnostic in it. */
function factorLines(p: AgnosticPlan): string[] {
  return p.factors.map((f) => {
    const axes = p.factors.length === 1 ? 'every axis' : `the axes of size ${f.size}`;
    const what: Record<AgnosticPlan['factors'][number]['kind'], string> = {
      symmetric: `a permutation acts on ${axes}; any ${f.size}`,
      orthogonal: `an orthogonal Q acts on ${axes} (Q^-T = Q on dual axes); any ${f.size}`,
      'special-orthogonal': `a rotation Q (det 1) acts on ${axes}; ${f.size} = ${f.dim} only (ε has ${f.dim} indices)`,
      symplectic: `a symplectic M (M^T J M = J) acts on ${axes}, M^-T on dual axes; any even ${f.size}`,
      lorentz: `a Lorentz transformation Λ (Λ^T η Λ = η) acts on ${axes}, Λ^-T on dual axes; ${f.size} = ${f.dim} only`,
      'special-lorentz': `a Lorentz transformation Λ of det 1 acts on ${axes}, Λ^-T on dual axes; ${f.size} = ${f.dim} only`,
    };
    return `  ${f.group}: ${what[f.kind]}.`;
  });
}

/**
 * The header (docstring lines): the tensors, the parameters with their diagrams, the rules.
 *
 * @example
 * agnosticHeader(plan, 'pytorch')[0] // 'Size-agnostic equivariant linear layer for S(5): …'
 */
export function agnosticHeader(p: AgnosticPlan, format: string): string[] {
  const tensor = (name: string, t: AgnosticTensor, i: number, side: string) =>
    `  ${name}${i}: ${shape(p, t)}, the ${t.channels} ${t.channels === 1 ? 'copy' : 'copies'} of ${side} summand ${t.key}` +
    ` as channels (channel c = its c-th occurrence in the rep); axis j+1 is tensor factor j${t.duals.some((d) => d) ? ` (dual axes: ${t.duals.map((d, j) => (d ? j + 1 : 0)).filter((j) => j > 0).join(', ')})` : ''}`;
  return [
    `Size-agnostic equivariant linear layer for ${p.group}: ${p.inRep} → ${p.outRep}, generated by solve-basis ${VERSION}.`,
    `Regenerate with: solve-basis --group "${p.groupArg}" --in "${p.inRep}" --out "${p.outRep}" --format ${format} --size-agnostic`,
    '',
    `The same parameters work at every size: the layer reads the sizes from its inputs. The group, by factor:`,
    ...factorLines(p),
    `(${p.group} fixes only the sizes of from_flat/to_flat and of the default self-test.)`,
    'Inputs, one tensor per distinct summand of the input rep (channels last):',
    ...p.inputs.map((t, i) => tensor('x', t, i, 'input')),
    'Outputs, one per distinct summand of the output rep:',
    ...p.outputs.map((t, i) => tensor('y', t, i, 'output')),
    '',
    'y_b = sum over input tensors a and diagrams d of block (b, a) of D_d(x_a) @ w_b_a[d].T, plus the',
    'bias diagrams of y_b times b_b[d]. D_d is an equality diagram: D_d[o, i] = 1 where the indices in each',
    'group of the label are equal (no condition across groups), times η, J or ε where the label has them, so D_d x is a diagonal/sum of x (einsum)',
    'placed on a diagonal of y (identity matrices, broadcasting). W is never formed: memory is',
    'O(batch * n^max(k, l) * channels). Parameters (w_b_a: [diagrams, channels out, channels in]):',
    ...p.weights.map((w) => `  ${weightName(w.output, w.input)} [${w.labels.length}, ${p.outputs[w.output]!.channels}, ${p.inputs[w.input]!.channels}]: ${w.labels.join('  ')}`),
    ...p.biases.map((b) => `  ${biasName(b.output)} [${b.labels.length}, ${p.outputs[b.output]!.channels}]: ${b.labels.join('  ')}`),
    ...diagramNote(p),
    '',
    'Initialisation: w_b_a ~ N(0, 1 / fan_b), fan_b = sum over blocks into y_b of diagrams * channels in;',
    'diagrams that sum over input indices grow with n (as in Maron et al.); the bias starts at zero.',
  ];
}

/** What the diagrams are, per factor kind, and why they span Hom_G at every size. */
function diagramNote(p: AgnosticPlan): string[] {
  const kinds = new Set(p.factors.map((f) => f.kind));
  const lines: string[] = [];
  if (p.factors.length > 1) lines.push('Each diagram is the product of one diagram per factor, on that factor\'s indices.');
  if (kinds.has('symmetric')) lines.push('S(n): all set partitions of the N indices (Bell(N) of them): a basis once n >= N.');
  if (kinds.has('orthogonal')) lines.push('O(n): all Brauer diagrams (delta pairs) of the N indices: a basis once n >= N / 2.');
  if (kinds.has('special-orthogonal')) lines.push('SO(n): the Brauer diagrams and those with one ε (the Levi-Civita symbol eps) independent at that n.');
  if (kinds.has('symplectic')) lines.push('Sp(n): all Brauer diagrams, a pair of equal variance joined by J (the form J below): a basis once 2n >= N.');
  if (kinds.has('lorentz') || kinds.has('special-lorentz')) lines.push('Lorentz: Brauer diagrams with η on pairs of equal variance (and ε for SO(1,3)), independent at n = 4.');
  if (p.reductions.some((r) => r.operands.length > 0) || p.groups.some((g) => g.biasForms)) lines.push('Constant tensors eta, etav, J, eps (_form) are contracted by einsum where a diagram has them.');
  lines.push('At smaller sizes some coincide or are dependent, which is still correct (the span is then all of Hom_G).');
  return lines;
}

/**
 * The statements of the forward pass (unindented), ending with y0, y1, … assigned: the gathered
 * mixing matrices (mix.ts), each reduction from the smallest tensor it can be read off
 * (derive.ts), one product per distinct concatenation of reductions, then per output tensor the
 * groups on plain axes summed by broadcasting into y and the groups on diagonals added there
 * (dialect.placeDiagonal).
 */
export function forwardLines(p: AgnosticPlan, d: Dialect): string[] {
  const out: string[] = [];
  const layout = mixLayout(p);
  out.push(`batch = x0.shape[0]`);
  out.push(...sizeLines(p));
  const eyes = new Map<number, string>();
  if (d.needsEye) {
    for (const g of p.groups) {
      for (const bl of g.partition) {
        const f = p.outputs[g.output]!.factors[bl[0]!]!;
        if (bl.length > 1 && !eyes.has(f)) eyes.set(f, p.factors.length === 1 ? 'eye' : `eye${f + 1}`);
      }
    }
    for (const [f, name] of eyes) out.push(`${name} = ${d.eye('x0', p.factors[f]!.size)}`);
  }
  // The mixing matrices: torch gathers each piece in its shape (torch.take with an index buffer per
  // piece: one op each); jax gathers one vector and splits it (XLA fuses either way).
  const pieceShaped = d.takePiece !== undefined;
  if (layout.params.length > 0) {
    const flat = layout.params.map((q) => `${d.param(q.name)}.reshape(-1)`);
    if (layout.zero) flat.push(d.zeroLike(d.param(layout.params[0]!.name)));
    const all = flat.length === 1 ? (pieceShaped ? d.param(layout.params[0]!.name) : flat[0]!) : `${d.cat}([${flat.join(', ')}])`;
    if (d.takePiece !== undefined) {
      if (flat.length > 1) out.push(`m = ${all}`);
      layout.pieces.forEach((_, i) => out.push(`m${i} = ${d.takePiece!(flat.length > 1 ? 'm' : all, i)}`));
    } else {
      out.push(`m = ${all}${d.take}`);
      if (layout.pieces.length > 1) out.push(`${layout.pieces.map((_, i) => `m${i}`).join(', ')} = ${d.split('m', layout.pieces.map((x) => x.size))}`);
    }
  }
  const piece = (mix: number, bias: boolean) => (layout.pieces.length === 1 && !pieceShaped ? 'm' : `m${layout.pieces.findIndex((x) => x.mix === mix && x.bias === bias)}`);
  const forms = formNames(p);
  for (const [name, f] of forms) out.push(`${name} = ${d.form(f.form, p.factors[f.factor]!.size)}`);
  const formArgs = (ops: readonly FormOperand[]) => ops.map((o) => `${o.letters},`).join('');
  const formRefs = (ops: readonly FormOperand[]) => ops.map((o) => `, ${formName(p, o)}`).join('');
  for (const r of deriveReductions(p.reductions)) {
    const red = p.reductions[r.target]!;
    const x = r.source === null ? `x${red.input}` : `z${r.source}`;
    out.push(`z${r.target} = ${red.operands.length > 0 ? `${d.np}.einsum("${r.lhs},${formArgs(red.operands).slice(0, -1)}->${r.rhs}", ${x}${formRefs(red.operands)})` : reductionExpr(x, r.lhs, r.rhs, d)}`);
  }
  // Parameters read per diagram (direct products): unbound once, one autograd node for all slices
  // (indexing w[d] per use would cost a full-size zero gradient per slice in backward).
  const unbound = (param: string) => (d.unbind === undefined ? d.param(param) : `${param}_d`);
  if (d.unbind !== undefined) {
    for (const param of new Set(layout.mixes.filter((m) => m.direct).map((m) => m.blocks[0]![0]!.param))) out.push(`${unbound(param)} = ${d.unbind(d.param(param))}`);
  }
  // u of each group: an expression with one axis per output block (size 1 where not through).
  const us = new Map<number, { expr: string; fresh: boolean }>();
  layout.mixes.forEach((m, j) => {
    const rows = m.channelsIn.reduce((a, b) => a + b, 0);
    const cols = m.channelsOut.reduce((a, b) => a + b, 0);
    const s = m.reductions.length === 1 ? `z${m.reductions[0]}` : `s${j}`;
    if (m.reductions.length > 1) out.push(`s${j} = ${d.cat}([${m.reductions.map((r) => `z${r}`).join(', ')}], -1)`);
    const bias = m.bias === null ? null : m.biasParam !== null ? `${d.param(m.biasParam)}.reshape(-1)` : piece(j, true);
    const flat = p.reductions[m.reductions[0]!]!.rhs === 'ZY';
    const block = m.blocks[0]![0]!;
    const direct = `${unbound(block.param)}[${block.index}]`;
    const mat = pieceShaped ? piece(j, false) : `${piece(j, false)}.reshape(${rows}, ${cols})`;
    out.push(`v${j} = ${m.direct ? d.linear(s, direct, bias) : d.affine(s, mat, bias, flat)}`);
    let c = 0;
    m.groups.forEach((gi, k) => {
      const w = m.channelsOut[k]!;
      us.set(gi, { expr: shapedU(`v${j}`, p.groups[gi]!.through, m.groups.length === 1 ? ':' : `${c}:${c + w}`), fresh: m.groups.length === 1 });
      c += w;
    });
  });
  for (const b of layout.biasOnly) {
    const g = p.groups[b.group]!;
    const cout = p.outputs[g.output]!.channels;
    const bias = `${d.param(biasName(g.output))}[${b.source.index}]`;
    const f = g.biasForms;
    // A bias with constant tensors (η on a Lorentz T(2)): their product times b, with a batch axis of 1.
    const u = f === undefined ? `${bias}.reshape(1, ${cout})` : `${d.np}.einsum("${formArgs(f.operands)}Y->${f.rhs}Y"${formRefs(f.operands)}, ${bias})[None]`;
    us.set(b.group, { expr: shapedU(u, g.through, ':'), fresh: false });
  }
  p.outputs.forEach((t, b) => {
    const full = fullShape(p, t);
    const places = new Map<string, { partition: readonly (readonly number[])[]; parts: Part[] }>();
    p.groups.forEach((g, gi) => {
      if (g.output !== b) return;
      const key = JSON.stringify(g.partition);
      if (!places.has(key)) places.set(key, { partition: g.partition, parts: [] });
      const u = us.get(gi)!;
      const axes = g.through.flatMap((x, i) => (x ? [i] : []));
      places.get(key)!.parts.push({ expr: u.expr, axes, fresh: u.fresh && axes.length === g.through.length });
    });
    const plain = [...places.values()].find((pl) => pl.partition.every((bl) => bl.length === 1));
    out.push(...plainLines(`y${b}`, plain?.parts ?? [], full, d));
    for (const pl of places.values()) {
      if (pl === plain) continue;
      const factorOf = (bl: readonly number[]) => t.factors[bl[0]!]!;
      const sizes = pl.partition.map((bl) => p.factors[factorOf(bl)]!.size);
      const eyeNames = pl.partition.flatMap((bl) => bl.slice(1).map(() => eyes.get(factorOf(bl)) ?? 'eye'));
      out.push(...d.placeDiagonal(`y${b}`, pl.partition, sum(pl.parts), t.channels, sizes, eyeNames));
    }
  });
  return out;
}

/** The Python name of a constant tensor: `J`, `eta`, `eps`, `etav`, with the factor's number in a product. */
function formName(p: AgnosticPlan, o: Pick<FormOperand, 'form' | 'factor'>): string {
  return `${o.form}${p.factors.length > 1 ? o.factor + 1 : ''}`;
}

/** Every constant tensor the forward uses, by name. */
function formNames(p: AgnosticPlan): Map<string, Pick<FormOperand, 'form' | 'factor'>> {
  const all = [...p.reductions.flatMap((r) => r.operands), ...p.groups.flatMap((g) => g.biasForms?.operands ?? [])];
  return new Map(all.map((o) => [formName(p, o), { form: o.form, factor: o.factor }]));
}

/**
 * The size of each factor: read from the first input axis of it; else from the argument n (a size
 * the inputs do not show: only outputs have such axes) or, for SO(n), its n.
 */
function sizeLines(p: AgnosticPlan): string[] {
  return p.factors.map((f, i) => {
    let at: string | null = null;
    p.inputs.forEach((t, x) => {
      const a = t.factors.indexOf(i);
      if (at === null && a >= 0) at = `x${x}.shape[${a + 1}]`;
    });
    if (p.factors.length === 1 && !f.agnostic) return `n = ${at ?? f.dim}`;
    if (p.factors.length === 1) return at !== null ? `n = ${at} if n is None else n` : 'assert n is not None, "no input has an n-axis: pass n"';
    if (at !== null) return `${f.size} = ${at}`;
    return f.agnostic ? `${f.size} = n  # no input has an axis of this factor` : `${f.size} = ${f.dim}`;
  });
}

interface Part {
  readonly expr: string;
  /** The output blocks along which it varies. */
  readonly axes: readonly number[];
  /** A fresh full-size tensor that y may take over and update in place. */
  readonly fresh: boolean;
}

const sum = (parts: readonly Part[]): string => [...parts].sort((a, c) => a.axes.length - c.axes.length).map((x) => x.expr).join(' + ');

/**
 * y from the parts on its plain axes. In place (torch): y takes over a fresh full-size part and
 * each further part is added once, the smaller parts folded into a larger one they broadcast into
 * first; else (jax) one broadcast sum.
 */
function plainLines(y: string, parts: readonly Part[], full: string, d: Dialect): string[] {
  if (parts.length === 0) return [`${y} = ${d.zeros(full)}`];
  const base = d.inPlace ? parts.find((x) => x.fresh) : undefined;
  if (base === undefined) return [`${y} = ${d.materialise(sum(parts), full)}`];
  const clusters: Part[][] = [];
  for (const x of parts.filter((q) => q !== base).sort((a, c) => c.axes.length - a.axes.length)) {
    const home = clusters.find((cl) => x.axes.every((a) => cl[0]!.axes.includes(a)));
    if (home === undefined) clusters.push([x]);
    else home.push(x);
  }
  return [`${y} = ${base.expr}`, ...clusters.map((cl) => `${y} += ${sum(cl)}`)];
}

/** u (axes: batch, one per through block, channels) with None for the other blocks, columns `cols`. */
function shapedU(u: string, through: readonly boolean[], cols: string): string {
  if (through.every((x) => x) && cols === ':') return u;
  return `${u}[:, ${through.map((x) => (x ? ':' : 'None')).join(', ')}${through.length > 0 ? ', ' : ''}${cols}]`;
}

/** A reduction as the cheapest expression: the tensor itself, a permutation, a sum over axes, else einsum. */
function reductionExpr(x: string, lhs: string, rhs: string, d: Dialect): string {
  if (lhs === rhs) return x;
  const letters = lhs.slice(1, -1);
  const distinct = new Set(letters).size === letters.length;
  if (distinct && rhs.length === lhs.length) return `${x}.${d.permuteMethod}(0, ${[...rhs.slice(1, -1)].map((c) => letters.indexOf(c) + 1).join(', ')}, ${lhs.length - 1})`;
  const kept = rhs.slice(1, -1);
  if (distinct && [...kept].every((c, i) => i === 0 || letters.indexOf(c) > letters.indexOf(kept[i - 1]!))) {
    const dims = [...letters].flatMap((c, i) => (kept.includes(c) ? [] : [i + 1]));
    return `${x}.sum(${dims.length === 1 ? dims[0] : `(${dims.join(', ')})`})`;
  }
  const blocks = [...new Set(letters)].map((c) => [...letters].flatMap((x, i) => (x === c ? [i] : [])));
  if (d.diagonal !== undefined && rhs === `Z${[...new Set(letters)].join('')}Y`) return d.diagonal(x, blocks);
  return `${d.np}.einsum("${lhs}->${rhs}", ${x})`;
}

/**
 * The einsum placing s [batch, n per block, C] on the diagonals of y: each block's first axis
 * takes its letter, every further axis of the block a fresh letter tied to it by an identity.
 *
 * @example
 * diagonalEinsum([[0, 1]]) // 'ZaY,ab->ZabY' (operands: s, eye)
 */
export function diagonalEinsum(partition: readonly (readonly number[])[]): { spec: string; eyes: number } {
  const l = partition.reduce((m, b) => Math.max(m, ...b), -1) + 1;
  const axis = new Array<string>(l).fill('');
  const eyes: string[] = [];
  let u = '';
  let next = 0;
  for (const b of partition) {
    const L = LETTERS[next++]!;
    u += L;
    axis[b[0]!] = L;
    for (const q of b.slice(1)) {
      const F = LETTERS[next++]!;
      axis[q] = F;
      eyes.push(`${L}${F}`);
    }
  }
  return { spec: `${[`Z${u}Y`, ...eyes].join(',')}->Z${axis.join('')}Y`, eyes: eyes.length };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxABCDEFGHIJKLMNOPQRSTUVWX';

/**
 * The module constants describing the group and the tensors (FACTORS, INPUTS, OUTPUTS).
 *
 * @example
 * groupConstants(plan)[1] // 'FACTORS = [("symmetric", 5, True)]'
 */
export function groupConstants(p: AgnosticPlan): string[] {
  return [
    '# Per group factor: (kind, size the basis was solved at, whether the layer works at every size).',
    `FACTORS = [${p.factors.map((f) => `("${f.kind}", ${f.dim}, ${f.agnostic ? 'True' : 'False'})`).join(', ')}]`,
    '# (summand, rank, channels, first coordinate of each copy in the flat rep at the solved sizes, factor of each axis, dual axes)',
    `INPUTS = ${tensorTable(p.inputs)}`,
    `OUTPUTS = ${tensorTable(p.outputs)}`,
  ];
}

/** Per output tensor, the initialisation std 1/sqrt(fan). */
export function initStds(p: AgnosticPlan): number[] {
  return p.outputs.map((_, b) => {
    const fan = p.weights.filter((w) => w.output === b).reduce((s, w) => s + w.labels.length * p.inputs[w.input]!.channels, 0);
    return fan > 0 ? 1 / Math.sqrt(fan) : 0;
  });
}

/** Python literals describing the tensors: (summand, rank, channels, offsets at the solved sizes, factor of each axis, dual axes). */
export function tensorTable(ts: readonly AgnosticTensor[]): string {
  const row = (t: AgnosticTensor) =>
    `(${JSON.stringify(t.key)}, ${t.rank}, ${t.channels}, [${t.offsets.map((o) => (o === null ? 'None' : String(o))).join(', ')}], [${t.factors.join(', ')}], [${t.duals.map((x) => (x ? 'True' : 'False')).join(', ')}])`;
  return `[${ts.map(row).join(', ')}]`;
}
