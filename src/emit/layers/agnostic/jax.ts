/**
 * JAX code generation for `--format jax --size-agnostic`: a pure `init(key)` / `apply(params, *xs)`
 * pair taking one array per input summand, [batch, n, …, n, channels], for any n (see plan.ts).
 * n is read from the shapes, which are static under `jit`: one trace per n.
 */
import type { LayerBases } from '../../../basis.js';
import { agnosticHeader, biasName, diagonalEinsum, forwardLines, initStds, groupConstants, weightName, type Dialect } from './forward.js';
import { mixConstants } from './mix.js';
import { agnosticPlan } from './plan.js';
import { helpers } from './templates.js';

const JNP: Dialect = {
  np: 'jnp',
  cat: 'jnp.concatenate',
  param: (name) => `params["${name}"]`,
  index: (list) => `np.array(${list})`,
  permuteMethod: 'transpose',
  needsEye: true,
  zeros: (full) => `jnp.zeros(${full}, x0.dtype)`,
  materialise: (expr, full) => `jnp.broadcast_to(${expr}, ${full})`,
  // XLA fuses the identity-matrix einsum into a select under jit; no in-place update in JAX.
  placeDiagonal: (y, partition, s, channels, sizes, eyes) => {
    const { spec } = diagonalEinsum(partition);
    const shape = `(batch, ${sizes.map((x) => `${x}, `).join('')}${channels})`;
    return [`${y} = ${y} + jnp.einsum("${spec}", jnp.broadcast_to(${s}, ${shape})${eyes.map((e) => `, ${e}`).join('')})`];
  },
  eye: (ref, size) => `jnp.eye(${size}, dtype=${ref}.dtype)`,
  take: '[TAKE]',
  split: (v, sizes) => `jnp.split(${v}, np.cumsum([${sizes.join(', ')}])[:-1])`,
  form: (form, size) => `jnp.asarray(_form("${form}", ${size}), x0.dtype)`,
  zeroLike: (ref) => `jnp.zeros(1, ${ref}.dtype)`,
  linear: (s, weight, bias) => `${s} @ ${weight}.T${bias === null ? '' : ` + ${bias}`}`,
  affine: (s, mat, bias) => (bias === null ? `${s} @ ${mat}` : `${s} @ ${mat} + ${bias}`),
  inPlace: false,
};

/**
 * The size-agnostic JAX module file, or E_OPTION when the layer has no size-agnostic form.
 *
 * @example
 * const text = emitJaxAgnostic(solveLayer({ group: 'O(3)', in: 'V**2' }));
 * text.includes('def apply(params, x0, n=None):') // true
 */
export function emitJaxAgnostic(layer: LayerBases): string {
  const p = agnosticPlan(layer);
  const stds = initStds(p);
  const xs = p.inputs.map((_, i) => `x${i}`).join(', ');
  const ys = p.outputs.map((_, i) => `y${i}`);
  const names = [...p.weights.map((w) => weightName(w.output, w.input)), ...p.biases.map((b) => biasName(b.output))];
  return [
    '"""',
    ...agnosticHeader(p, 'jax'),
    '',
    'A pure init/apply pair (JAX only; parameters are a plain dict of arrays). Usage:',
    '    params = init(jax.random.PRNGKey(0))',
    `    ${ys.join(', ')} = apply(params, ${xs})   # any n; jit retraces once per n`,
    '    xs = from_flat(x_flat, "in")           # the flat layout of the fixed-size layer, at the solved sizes only',
    '    self_test(params)                      # raises if not equivariant (n = 1, 2, 3 and the solved size)',
    '"""',
    'import itertools',
    '',
    'import jax',
    'import jax.numpy as jnp',
    'import numpy as np',
    '',
    'DTYPE = jnp.float32',
    ...groupConstants(p),
    ...mixConstants(p),
    helpers('jax'),
    'TAKE = np.array(_take_index(PARAMS, MIXES), dtype=np.int32)',
    '',
    'def init(key, dtype=DTYPE):',
    '    """Parameters: w_b_a ~ N(0, 1/fan_b), biases 0 (see the header)."""',
    `    keys = jax.random.split(key, ${Math.max(1, p.weights.length)})`,
    '    params = {}',
    ...p.weights.map(
      (w, i) =>
        `    params["${weightName(w.output, w.input)}"] = ${stds[w.output]} * jax.random.normal(keys[${i}], (${w.labels.length}, ${p.outputs[w.output]!.channels}, ${p.inputs[w.input]!.channels}), dtype)`,
    ),
    ...p.biases.map((b) => `    params["${biasName(b.output)}"] = jnp.zeros((${b.labels.length}, ${p.outputs[b.output]!.channels}), dtype)`),
    '    return params',
    '',
    '',
    `def apply(params, ${xs}, n=None):`,
    `    """${p.inputs.map((_, i) => `x${i}`).join(', ')} -> ${ys.join(', ')} (shapes in the header); keys: ${names.join(', ')}."""`,
    ...forwardLines(p, JNP).map((l) => `    ${l}`),
    `    return ${ys.length > 1 ? `(${ys.join(', ')})` : ys[0]}`,
    '',
    '',
    'if __name__ == "__main__":',
    '    print("max relative equivariance error:", self_test())',
    '',
  ].join('\n');
}
