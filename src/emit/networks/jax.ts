/**
 * JAX code generation for a whole network: a self-contained file (jax and numpy only) with a pure
 * init(key) / apply(params, x) pair, equivariant standardisation and a self-test of the whole
 * network. The functions are generic (templates/jax.ts); this file only writes the header, the
 * data and the usage.
 */
import type { NetworkBases } from '../../basis.js';
import { SHARED_HELPERS } from '../layers/templates/jax.js';
import { networkHeaderLines, networkLiteral } from './header.js';
import { checkedNetworkData, type NetworkEmitOptions } from './size.js';
import { NETWORK_HELPERS } from './templates/jax.js';

/**
 * The JAX file of a network.
 *
 * @example
 * const text = emitJaxNetwork(solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 16, layers: 1 }));
 * text.includes('def apply(params, x, stats=None):') // true
 */
export function emitJaxNetwork(net: NetworkBases, options: NetworkEmitOptions = {}): string {
  const d = checkedNetworkData(net, 'jax', options);
  return [
    '"""',
    ...networkHeaderLines(d, 'jax'),
    '',
    'A pure init/apply pair (depends on JAX and numpy only; parameters are a plain pytree, the basis is',
    'module-level constants, not parameters). Usage:',
    `    params = init(jax.random.PRNGKey(0))      # ${d.parameters} parameters, float32`,
    '    stats = fit_standardization(x, y)        # optional: equivariant input/output standardisation',
    '    y = apply(params, x, stats)              # x: [..., dim_in] -> y: [..., dim_out]',
    '    block(0, params["blocks"][0], x)         # one block on its own',
    '    self_test(params)                        # raises if not equivariant',
    '"""',
    'import jax',
    'import jax.numpy as jnp',
    'import numpy as np',
    '',
    'COMPLEX = False',
    'DTYPE = jnp.float32',
    '_WIDE = np.float64',
    `_DATA = ${networkLiteral(d)}`,
    SHARED_HELPERS,
    NETWORK_HELPERS,
    '',
    'if __name__ == "__main__":',
    '    print("max relative equivariance error:", self_test())',
    '',
  ].join('\n');
}
