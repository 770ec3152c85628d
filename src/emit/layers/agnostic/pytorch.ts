/**
 * PyTorch code generation for `--format pytorch --size-agnostic`: an `nn.Module` whose forward
 * takes one tensor per input summand, [batch, n, …, n, channels], for any n (see plan.ts).
 */
import type { LayerBases } from '../../../basis.js';
import { agnosticHeader, biasName, forwardLines, initStds, groupConstants, weightName, type Dialect } from './forward.js';
import { mixConstants, mixLayout } from './mix.js';
import { agnosticPlan } from './plan.js';
import { helpers } from './templates.js';

/**
 * When the blocks are singletons but one pair (block k, axes a < b): torch.diagonal takes that
 * diagonal in one view op (moved to the end), where the general helper _diagonal loops in Python.
 */
function onePair(blocks: readonly (readonly number[])[]): { a: number; b: number; k: number } | null {
  const k = blocks.findIndex((b) => b.length > 1);
  if (k < 0 || blocks[k]!.length !== 2 || blocks.some((b, i) => i !== k && b.length > 1)) return null;
  return { a: blocks[k]![0]!, b: blocks[k]![1]!, k };
}

const TORCH: Dialect = {
  np: 'torch',
  cat: 'torch.cat',
  param: (name) => `self.${name}`,
  index: (list) => list,
  permuteMethod: 'permute',
  needsEye: false,
  zeros: (full) => `torch.zeros(${full}, dtype=x0.dtype, device=x0.device)`,
  // contiguous(): a broadcast view (stride 0) cannot be updated in place; a fresh sum is kept as is.
  materialise: (expr, full) => `torch.broadcast_to(${expr}, ${full}).contiguous()`,
  // In place on a strided view of y's diagonal: O(n^blocks) work, where an identity-matrix einsum
  // would write a whole output-sized tensor of mostly zeros (y is a fresh tensor of this forward).
  placeDiagonal: (y, partition, s) => {
    const pair = onePair(partition);
    return [pair === null ? `_diagonal(${y}, ${JSON.stringify(partition).replace(/,/g, ', ')}).add_(${s})` : `${y}.diagonal(0, ${pair.a + 1}, ${pair.b + 1}).add_((${s}).movedim(${pair.k + 1}, -1))`];
  },
  eye: (ref, size) => `torch.eye(${size}, dtype=${ref}.dtype, device=${ref}.device)`,
  take: '.index_select(0, self._take)',
  takePiece: (params, i) => `torch.take(${params}, self._take${i})`,
  split: (v, sizes) => `${v}.split([${sizes.join(', ')}])`,
  diagonal: (x, blocks) => {
    const pair = onePair(blocks);
    return pair === null ? `_diagonal(${x}, ${JSON.stringify(blocks).replace(/,/g, ', ')})` : `${x}.diagonal(0, ${pair.a + 1}, ${pair.b + 1}).movedim(-1, ${pair.k + 1})`;
  },
  form: (form, size) => `_form("${form}", ${size}, x0.dtype, x0.device)`,
  zeroLike: (ref) => `${ref}.new_zeros(1)`,
  unbind: (param) => `${param}.unbind(0)`,
  linear: (s, weight, bias) => `F.linear(${s}, ${weight}${bias === null ? '' : `, ${bias}`})`,
  affine: (s, mat, bias, flat) => (bias === null ? `${s} @ ${mat}` : flat ? `torch.addmm(${bias}, ${s}, ${mat})` : `${s} @ ${mat} + ${bias}`),
  inPlace: true,
};

/** One non-persistent index buffer per gathered piece, in its shape. */
function pieceBuffers(pieces: readonly { readonly size: number; readonly shape: readonly number[] }[]): string[] {
  let at = 0;
  return pieces.map((x, i) => {
    const line = `        self.register_buffer("_take${i}", take[${at}:${at + x.size}].view(${x.shape.join(', ')}${x.shape.length === 1 ? ',' : ''}).clone(), persistent=False)`;
    at += x.size;
    return line;
  });
}

/**
 * The size-agnostic PyTorch module file, or E_OPTION when the layer has no size-agnostic form.
 *
 * @example
 * const text = emitPyTorchAgnostic(solveLayer({ group: 'S(5)', in: '16V**2' }));
 * text.includes('class EquivariantLinear(nn.Module)') // true
 */
export function emitPyTorchAgnostic(layer: LayerBases): string {
  const p = agnosticPlan(layer);
  const stds = initStds(p);
  const xs = p.inputs.map((_, i) => `x${i}: Tensor`).join(', ');
  const ys = p.outputs.map((_, i) => `y${i}`);
  return [
    '"""',
    ...agnosticHeader(p, 'pytorch'),
    '',
    'Usage:',
    '    layer = EquivariantLinear()            # nn.Module; parameters as listed above',
    `    ${ys.join(', ')} = layer(${p.inputs.map((_, i) => `x${i}`).join(', ')})   # any n; ${ys.length > 1 ? 'a tuple' : 'one tensor'}`,
    '    xs = from_flat(x_flat, "in")           # the flat layout of the fixed-size layer, at the solved sizes only',
    '    self_test(layer)                       # raises if not equivariant (n = 1, 2, 3 and the solved size)',
    '"""',
    'import copy',
    'import itertools',
    'import math',
    'from typing import List, Optional, Tuple, Union',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import Tensor, nn',
    '',
    'DTYPE = torch.float32',
    ...groupConstants(p),
    ...mixConstants(p),
    helpers('torch'),
    '',
    'class EquivariantLinear(nn.Module):',
    `    """Size-agnostic equivariant linear map ${p.inRep} -> ${p.outRep} for ${p.group} at any n (see the header)."""`,
    '',
    '    def __init__(self, device: Optional[torch.device] = None, dtype: Optional[torch.dtype] = None) -> None:',
    '        super().__init__()',
    '        dtype = DTYPE if dtype is None else dtype',
    ...p.weights.map(
      (w) => `        self.${weightName(w.output, w.input)} = nn.Parameter(torch.empty(${w.labels.length}, ${p.outputs[w.output]!.channels}, ${p.inputs[w.input]!.channels}, device=device, dtype=dtype))`,
    ),
    ...p.biases.map((b) => `        self.${biasName(b.output)} = nn.Parameter(torch.zeros(${b.labels.length}, ${p.outputs[b.output]!.channels}, device=device, dtype=dtype))`),
    '        self.reset_parameters()',
    ...(mixLayout(p).params.length > 0
      ? [
          '        # The gather index of each mixing matrix and bias (MIXES), built once; moves with .to(device).',
          '        take = torch.tensor(_take_index(PARAMS, MIXES), dtype=torch.long, device=device)',
          ...pieceBuffers(mixLayout(p).pieces),
        ]
      : []),
    '',
    '    def reset_parameters(self) -> None:',
    '        with torch.no_grad():',
    ...p.weights.map((w) => `            self.${weightName(w.output, w.input)}.normal_(0.0, ${stds[w.output]})`),
    ...p.biases.map((b) => `            self.${biasName(b.output)}.zero_()`),
    ...(p.weights.length + p.biases.length === 0 ? ['            pass'] : []),
    '',
    `    def forward(self, ${xs}, n: Optional[int] = None) -> ${ys.length > 1 ? 'Tuple[Tensor, ...]' : 'Tensor'}:`,
    ...forwardLines(p, TORCH).map((l) => `        ${l}`),
    `        return ${ys.length > 1 ? `(${ys.join(', ')})` : ys[0]}`,
    '',
    '',
    'if __name__ == "__main__":',
    '    print("max relative equivariance error:", self_test())',
    '',
  ].join('\n');
}
