/**
 * JAX code generation: a pure `init(key)` / `apply(params, x)` pair (jax and numpy only).
 *
 * Why init/apply rather than a Flax linen module: the file then depends on JAX alone, the
 * parameters are a plain pytree {"theta", "bias"} that optax, Flax, Equinox or hand-written
 * training loops all accept, and the basis stays out of the parameter tree as module-level
 * constants (the JAX analogue of non-trainable buffers; `jit` folds them in). `as_flax_module()`
 * wraps the same functions as a `flax.linen.Module` for Flax users, importing Flax only when called.
 */
import type { LayerBases } from '../../basis.js';
import type { Expansion, LayerData } from './data.js';
import { checkedLayerData, type LayerEmitOptions } from './size.js';
import { list, pythonFile } from './header.js';
import { HELPERS } from './templates/jax.js';

/** The imaginary parts of basis values as a Python literal, `None` for a real group. */
function imag(values: readonly number[] | undefined): string {
  return values === undefined ? 'None' : list(values);
}

function constantLines(name: string, e: Expansion, complex: boolean): string[] {
  const upper = name.toUpperCase();
  const dtype = complex ? 'np.complex64' : 'np.float32';
  const out = [`_${upper}_INDEX = _gather_index(_DATA["${name}"])`];
  e.blocks.forEach((b, t) => {
    if (b.form === 'sparse') {
      out.push(`_${upper}_ROWS_${t} = np.array(${list(b.cooRows!)}, dtype=np.int32)`);
      out.push(`_${upper}_COLS_${t} = np.array(${list(b.cooCols!)}, dtype=np.int32)`);
      out.push(`_${upper}_VALS_${t} = _values(${list(b.cooValues!)}, ${imag(b.cooValuesIm)}, ${dtype})`);
    } else if (b.form === 'dense') {
      out.push(`_${upper}_DENSE_${t} = _values(${list(b.dense!)}, ${imag(b.denseIm)}, ${dtype}).reshape(${b.r}, ${b.m * b.n})`);
    }
  });
  return out;
}

/** `expand_<name>(p)`: src = concat(p, −p, E_t…, 0), then one gather (see data.ts). */
function expandFunction(name: string, e: Expansion): string[] {
  const upper = name.toUpperCase();
  const parts = ['p'];
  if (e.negate) parts.push('-p');
  e.blocks.forEach((b, t) => {
    if (b.form === 'gather') return;
    const pairs = b.outIndices.length * b.inIndices.length;
    const slice = `p[${b.paramOffset}:${b.paramOffset + pairs * b.r}].reshape(${pairs}, ${b.r})`;
    if (b.form === 'sparse') {
      parts.push(
        `jnp.zeros((${pairs}, ${b.m * b.n}), p.dtype).at[:, _${upper}_COLS_${t}].add(${slice}[:, _${upper}_ROWS_${t}] * _${upper}_VALS_${t}.astype(p.dtype)).reshape(-1)`,
      );
    } else {
      parts.push(`(${slice} @ _${upper}_DENSE_${t}.astype(p.dtype)).reshape(-1)`);
    }
  });
  if (e.zeroSlot) parts.push('jnp.zeros((1,), p.dtype)');
  const src = parts.length === 1 ? parts[0]! : `jnp.concatenate([\n        ${parts.join(',\n        ')},\n    ])`;
  return [
    `def expand_${name}(p):`,
    `    """The expanded ${name === 'weight' ? 'W, shape [dim_out, dim_in]' : 'bias, shape [dim_out]'}, from its coefficients."""`,
    `    src = ${src}`,
    name === 'weight' ? `    return src[_WEIGHT_INDEX].reshape(${e.rows}, ${e.cols})` : `    return src[_BIAS_INDEX]`,
  ];
}

function apiCode(d: LayerData): string[] {
  const hasBias = d.bias.size > 0;
  // jax.random.normal draws E|z|^2 = 1 for complex dtypes: the same rule, complex normal.
  const normal = d.complex ? 'CN' : 'N';
  return [
    ...expandFunction('weight', d.weight),
    '',
    '',
    ...(hasBias ? [...expandFunction('bias', d.bias), '', ''] : []),
    'def init(key, dtype=DTYPE):',
    hasBias
      ? `    """Parameters {"theta": ${normal}(0, INIT_STD^2), "bias": 0} (see the header for the rule)."""`
      : `    """Parameters {"theta": ${normal}(0, INIT_STD^2)} (see the header; out has no invariants, so no bias)."""`,
    `    params = {"theta": INIT_STD * jax.random.normal(key, (${d.weight.size},), dtype)}`,
    ...(hasBias ? [`    params["bias"] = jnp.zeros((${d.bias.size},), dtype)`] : []),
    '    return params',
    '',
    '',
    'def apply(params, x):',
    `    """x: [..., ${d.dimIn}] -> [..., ${d.dimOut}]."""`,
    hasBias
      ? '    return x @ expand_weight(params["theta"]).T + expand_bias(params["bias"])'
      : '    return x @ expand_weight(params["theta"]).T',
  ];
}

/**
 * The JAX module file for a basis.
 *
 * @example
 * const text = emitJax(solveLayer({ group: 'SO(3)', in: 'V**2', out: 'V' }));
 * text.includes('def apply(params, x):') // true
 */
export function emitJax(layer: LayerBases, options: LayerEmitOptions = {}): string {
  const d = checkedLayerData(layer, 'jax', options);
  const hasBias = d.bias.size > 0;
  return pythonFile(d, {
    format: 'jax',
    usage: [
      'A pure init/apply pair (depends on JAX only; parameters are a plain pytree, the basis is',
      'module-level constants, not parameters). Usage:',
      '    params = init(jax.random.PRNGKey(0))   # {"theta"' + (hasBias ? ', "bias"}' : '}'),
      '    y = apply(params, x)                   # x: [..., dim_in]',
      '    self_test(params)                      # raises if not equivariant',
    ],
    imports: ['import jax', 'import jax.numpy as jnp', 'import numpy as np'],
    // The parameters' default dtype, and the one the self-test computes the group action in.
    constants: [`COMPLEX = ${d.complex ? 'True' : 'False'}`, ...(d.complex ? ['DTYPE = jnp.complex64', '_WIDE = np.complex128'] : ['DTYPE = jnp.float32', '_WIDE = np.float64'])],
    helpers: HELPERS,
    body: [...constantLines('weight', d.weight, d.complex), ...(hasBias ? constantLines('bias', d.bias, d.complex) : []), '', '', ...apiCode(d)],
  });
}
