/**
 * PyTorch code generation for a whole network: a self-contained file (torch only) whose
 * `EquivariantNetwork()` builds with no arguments from the embedded data, with a self-test of the
 * whole network's equivariance. The modules are generic (templates/torch.ts); this file only
 * writes the header, the data and the usage.
 */
import type { NetworkBases } from '../../basis.js';
import { SHARED_HELPERS } from '../layers/templates/torch.js';
import { networkHeaderLines, networkLiteral } from './header.js';
import { checkedNetworkData, type NetworkEmitOptions } from './size.js';
import { NETWORK_HELPERS } from './templates/torch.js';

/**
 * The PyTorch file of a network.
 *
 * @example
 * const text = emitPyTorchNetwork(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 }));
 * text.includes('class EquivariantNetwork(nn.Module)') // true
 */
export function emitPyTorchNetwork(net: NetworkBases, options: NetworkEmitOptions = {}): string {
  const d = checkedNetworkData(net, 'pytorch', options);
  return [
    '"""',
    ...networkHeaderLines(d, 'pytorch'),
    '',
    'Usage:',
    `    net = EquivariantNetwork()               # nn.Module, ${d.parameters} parameters; float32 (dtype=torch.float64 for more)`,
    '    net.fit_standardization(x_train, y_train)  # optional: equivariant input/output standardisation',
    '    y = net(x)                               # x: [..., dim_in] -> y: [..., dim_out]',
    '    net.blocks[0], net.blocks[0].linear, net.head  # the blocks and layers, each an nn.Module',
    '    torch.save(net.state_dict(), path)       # parameters and the fitted standardisation',
    '    self_test(net)                           # raises if not equivariant',
    '"""',
    'from typing import Optional',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import Tensor, nn',
    '',
    'DTYPE = torch.float32',
    '_WIDE = torch.float64',
    `_DATA = ${networkLiteral(d)}`,
    SHARED_HELPERS,
    NETWORK_HELPERS,
    '',
    'if __name__ == "__main__":',
    '    print("max relative equivariance error:", self_test())',
    '',
  ].join('\n');
}
