/**
 * PyTorch code generation: a self-contained `nn.Module` (torch only) holding θ and the bias
 * coefficients as parameters and the basis as buffers, expanding W by one gather from a small
 * source vector (see data.ts), TorchScript-compatible, with a self-test of its equivariance.
 */
import type { LayerBases } from '../../basis.js';
import type { Expansion, LayerData } from './data.js';
import { checkedLayerData, type LayerEmitOptions } from './size.js';
import { list, pythonFile } from './header.js';
import { HELPERS } from './templates/torch.js';

/** The imaginary parts of basis values as a Python literal, `None` for a real group. */
function imag(values: readonly number[] | undefined): string {
  return values === undefined ? 'None' : list(values);
}

/**
 * Buffers holding the basis values of sparse and dense blocks (gather blocks need none). Like the
 * index buffers they are not persistent: this file rebuilds them, so state_dict holds θ only.
 */
function bufferLines(name: string, e: Expansion): string[] {
  const out: string[] = [];
  e.blocks.forEach((b, t) => {
    if (b.form === 'sparse') {
      out.push(`        self.register_buffer("${name}_rows_${t}", torch.tensor(${list(b.cooRows!)}, dtype=torch.long), persistent=False)`);
      out.push(`        self.register_buffer("${name}_cols_${t}", torch.tensor(${list(b.cooCols!)}, dtype=torch.long), persistent=False)`);
      out.push(`        self.register_buffer("${name}_vals_${t}", _values(${list(b.cooValues!)}, ${imag(b.cooValuesIm)}, dtype), persistent=False)`);
    } else if (b.form === 'dense') {
      out.push(`        self.register_buffer("${name}_dense_${t}", _values(${list(b.dense!)}, ${imag(b.denseIm)}, dtype).view(${b.r}, ${b.m * b.n}), persistent=False)`);
    }
  });
  return out;
}

/**
 * The body of `_expand_<name>`: src = cat(θ, −θ, E_t…, 0), then one gather. Each sparse block is a
 * scatter-add over its COO entries for all instance pairs at once ([pairs, nnz] ≤ [pairs, m·n]);
 * each dense block one matmul. Unrolled per block so TorchScript sees only named buffers.
 */
function expandMethod(name: string, param: string, e: Expansion): string[] {
  const parts: string[] = [param];
  if (e.negate) parts.push(`-${param}`);
  e.blocks.forEach((b, t) => {
    if (b.form === 'gather') return;
    const pairs = b.outIndices.length * b.inIndices.length;
    const slice = `${param}[${b.paramOffset}:${b.paramOffset + pairs * b.r}].view(${pairs}, ${b.r})`;
    if (b.form === 'sparse') {
      parts.push(
        `torch.zeros(${pairs}, ${b.m * b.n}, dtype=${param}.dtype, device=${param}.device).index_add(1, self.${name}_cols_${t}, ${slice}[:, self.${name}_rows_${t}] * self.${name}_vals_${t}).view(-1)`,
      );
    } else {
      parts.push(`torch.matmul(${slice}, self.${name}_dense_${t}).view(-1)`);
    }
  });
  if (e.zeroSlot) parts.push(`${param}.new_zeros(1)`);
  const src = parts.length === 1 ? parts[0]! : `torch.cat([\n            ${parts.join(',\n            ')},\n        ])`;
  // Not src[index]: its backward is a sort-based accumulate. Measured on CPU (forward + backward):
  // gather (scatter_add backward) is fastest for small W, index_select (index_add) for large W —
  // both about twice as fast as advanced indexing.
  const op = e.rows * e.cols <= 65536 ? 'torch.gather' : 'torch.index_select';
  const shape = name === 'weight' ? `${e.rows}, ${e.cols}` : `${e.rows}`;
  return [
    `    def _expand_${name}(self) -> Tensor:`,
    `        src = ${src}`,
    `        return ${op}(src, 0, self.${name}_index).view(${shape})`,
  ];
}

function moduleCode(d: LayerData): string {
  const hasBias = d.bias.size > 0;
  const lines = [
    'class EquivariantLinear(nn.Module):',
    `    """W x + b with W in Hom_G(${d.inRep}, ${d.outRep}) and b invariant; input [..., ${d.dimIn}] -> [..., ${d.dimOut}]."""`,
    '',
    '    def __init__(self, device: Optional[torch.device] = None, dtype: Optional[torch.dtype] = None) -> None:',
    '        super().__init__()',
    '        dtype = DTYPE if dtype is None else dtype',
    `        self.in_features = ${d.dimIn}`,
    `        self.out_features = ${d.dimOut}`,
    `        self.theta = nn.Parameter(torch.empty(${d.weight.size}, device=device, dtype=dtype))`,
    ...(hasBias
      ? [`        self.bias_theta = nn.Parameter(torch.zeros(${d.bias.size}, device=device, dtype=dtype))`]
      : ['        self.register_parameter("bias", None)  # as nn.Linear(bias=False): out has no invariants']),
    // Derivable from this file: not saved in state_dict (persistent=False).
    '        self.register_buffer("weight_index", _gather_index(_DATA["weight"]), persistent=False)',
    ...(hasBias ? ['        self.register_buffer("bias_index", _gather_index(_DATA["bias"]), persistent=False)'] : []),
    ...bufferLines('weight', d.weight),
    ...(hasBias ? bufferLines('bias', d.bias) : []),
    '        self.to(device)',
    '        self.reset_parameters()',
    '',
    '    def reset_parameters(self) -> None:',
    `        """theta ~ ${d.complex ? 'CN' : 'N'}(0, INIT_STD^2) (see the header for the rule); bias = 0."""`,
    '        with torch.no_grad():',
    '            self.theta.normal_(0.0, INIT_STD)',
    ...(hasBias ? ['            self.bias_theta.zero_()'] : []),
    '',
    ...expandMethod('weight', 'self.theta', d.weight),
    '',
    ...(hasBias ? [...expandMethod('bias', 'self.bias_theta', d.bias), ''] : []),
    // Properties, as nn.Linear's attributes: code that reads layer.weight / layer.bias keeps working.
    '    @property',
    '    def weight(self) -> Tensor:',
    '        """W = sum_k theta_k B_k, shape [out_features, in_features] (differentiable in theta)."""',
    '        return self._expand_weight()',
    '',
    ...(hasBias
      ? [
          '    @property',
          '    def bias(self) -> Tensor:',
          '        """b = sum_k bias_theta_k C_k, shape [out_features], invariant under the group."""',
          '        return self._expand_bias()',
          '',
        ]
      : []),
    '    def forward(self, x: Tensor) -> Tensor:',
    hasBias
      ? '        return F.linear(x, self._expand_weight(), self._expand_bias())'
      : '        return F.linear(x, self._expand_weight())',
  ];
  return lines.join('\n');
}

/**
 * The PyTorch module file for a basis.
 *
 * @example
 * const text = emitPyTorch(solveLayer({ group: 'S(5)', in: 'V**2' }));
 * text.includes('class EquivariantLinear(nn.Module)') // true
 */
export function emitPyTorch(layer: LayerBases, options: LayerEmitOptions = {}): string {
  const d = checkedLayerData(layer, 'pytorch', options);
  return pythonFile(d, {
    format: 'pytorch',
    usage: [
      'Usage:',
      `    layer = EquivariantLinear()            # nn.Module; parameters: theta [${d.weight.size}]${d.bias.size > 0 ? `, bias_theta [${d.bias.size}]` : ' (out has no invariants: bias is None)'}`,
      '    y = layer(x)                           # x: [..., in_features]; y = x @ layer.weight.T + layer.bias',
      `    layer.weight, layer.bias               # the expanded W [${d.dimOut}, ${d.dimIn}] and b ${d.bias.size > 0 ? `[${d.dimOut}]` : '(None)'}, as in nn.Linear`,
      `    torch.save(layer.state_dict(), path)   # keys: ${d.bias.size > 0 ? 'theta, bias_theta' : 'theta'} (the basis is in this file, not saved)`,
      '    self_test(layer)                       # raises if not equivariant',
    ],
    imports: ['from typing import Optional', '', 'import torch', 'import torch.nn.functional as F', 'from torch import Tensor, nn'],
    // The layer's default dtype, and the one its self-test computes the group action in.
    constants: d.complex ? ['DTYPE = torch.complex64', '_WIDE = torch.complex128'] : ['DTYPE = torch.float32', '_WIDE = torch.float64'],
    helpers: HELPERS,
    body: ['', moduleCode(d)],
  });
}
