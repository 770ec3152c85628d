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
import { layerData, type Expansion, type LayerData } from './data.js';
import { dataLiteral, headerLines, list } from './header.js';

function constantLines(name: string, e: Expansion): string[] {
  const upper = name.toUpperCase();
  const out = [`_${upper}_INDEX = _gather_index(_DATA["${name}"])`];
  e.blocks.forEach((b, t) => {
    if (b.form === 'sparse') {
      out.push(`_${upper}_ROWS_${t} = np.array(${list(b.cooRows!)}, dtype=np.int32)`);
      out.push(`_${upper}_COLS_${t} = np.array(${list(b.cooCols!)}, dtype=np.int32)`);
      out.push(`_${upper}_VALS_${t} = np.array(${list(b.cooValues!)}, dtype=np.float32)`);
    } else if (b.form === 'dense') {
      out.push(`_${upper}_DENSE_${t} = np.array(${list(b.dense!)}, dtype=np.float32).reshape(${b.r}, ${b.m * b.n})`);
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
  return [
    ...expandFunction('weight', d.weight),
    '',
    '',
    ...(hasBias ? [...expandFunction('bias', d.bias), '', ''] : []),
    'def init(key, dtype=jnp.float32):',
    hasBias
      ? '    """Parameters {"theta": N(0, INIT_STD^2), "bias": 0} (see the header for the rule)."""'
      : '    """Parameters {"theta": N(0, INIT_STD^2)} (see the header; out has no invariants, so no bias)."""',
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

const HELPERS = String.raw`
def _gather_index(e):
    """W.flat = src[index]: positions into src for every entry of W, built once per block pair."""
    rows, cols, zero = e["rows"], e["cols"], e["srcLength"] - 1
    index = np.full(rows * cols, zero, dtype=np.int32)
    for b in e["blocks"]:
        m, n = b["m"], b["n"]
        out_idx = np.array(b["outIndices"], dtype=np.int64).reshape(-1, 1, m, 1)
        in_idx = np.array(b["inIndices"], dtype=np.int64).reshape(1, -1, 1, n)
        n_out, n_in = out_idx.shape[0], in_idx.shape[1]
        pos = np.array(b["pos"], dtype=np.int64).reshape(1, 1, m, n)
        pair = np.arange(n_out * n_in, dtype=np.int64).reshape(n_out, n_in, 1, 1)
        src = np.where(pos >= 0, b["base"] + pair * b["stride"] + pos, zero)
        dest = np.broadcast_to(out_idx * cols + in_idx, (n_out, n_in, m, n))
        index[dest.reshape(-1)] = np.broadcast_to(src, (n_out, n_in, m, n)).reshape(-1)
    return index


def _dense(coo, dim):
    out = np.zeros((dim, dim))
    out[np.array(coo[0], dtype=np.int64), np.array(coo[1], dtype=np.int64)] = coo[2]
    return out


def _expm(a):
    """exp(a) in float64 by scaling and squaring a Taylor series (small matrices only)."""
    norm = np.abs(a).sum(axis=1).max() if a.size else 0.0
    s = max(0, int(np.ceil(np.log2(norm))) + 1) if norm > 0.5 else 0
    a = a / (2.0 ** s)
    result, term = np.eye(a.shape[0]), np.eye(a.shape[0])
    for k in range(1, 20):
        term = term @ a / k
        result = result + term
    for _ in range(s):
        result = result @ result
    return result


def random_element(rng, scale=0.2, word=6):
    """A random group element g = exp(sum_k t_k A_k) * h_i1 ... h_iL, t_k ~ N(0, scale^2), as the
    float64 matrices of every summand type of the in and out reps: (in_mats, out_mats)."""
    action = _DATA["action"]
    t = rng.normal(0.0, scale, action["lie"])
    letters = rng.integers(0, action["discrete"], rng.integers(1, word + 1)) if action["discrete"] > 0 else []
    result = []
    for side in ("in", "out"):
        mats = []
        for ty in action[side]["types"]:
            g = np.eye(ty["dim"])
            if action["lie"] > 0:
                g = _expm(sum(t[k] * _dense(a, ty["dim"]) for k, a in enumerate(ty["lie"])))
            for i in letters:
                g = g @ _dense(ty["discrete"][i], ty["dim"])
            mats.append(g)
        result.append(mats)
    return result[0], result[1]


def act(side, mats, x):
    """rho(g) x (numpy, float64) for x of shape [..., dim], summand instance by summand instance."""
    y = np.empty_like(x)
    for inst in _DATA["action"][side]["instances"]:
        idx = np.array(inst["indices"], dtype=np.int64)
        y[..., idx] = x[..., idx] @ mats[inst["type"]].T
    return y


def self_test(params=None, trials=5, tol=1e-5, seed=0):
    """Checks apply(params, rho_in(g) x) = rho_out(g) apply(params, x) on random g; returns the worst
    relative error and raises AssertionError above tol. Without params, random ones are drawn."""
    rng = np.random.default_rng(seed)
    if params is None:
        params = {k: jnp.asarray(rng.normal(size=v.shape), v.dtype) for k, v in init(jax.random.PRNGKey(seed)).items()}
    dtype = params["theta"].dtype
    f = jax.jit(apply)
    worst = 0.0
    for _ in range(trials):
        g_in, g_out = random_element(rng)
        x = rng.normal(size=(7, _DATA["action"]["in"]["dim"]))
        lhs = np.asarray(f(params, jnp.asarray(act("in", g_in, x), dtype)), dtype=np.float64)
        rhs = act("out", g_out, np.asarray(f(params, jnp.asarray(x, dtype)), dtype=np.float64))
        worst = max(worst, float(np.linalg.norm(lhs - rhs) / max(np.linalg.norm(rhs), 1e-30)))
    assert worst <= tol, f"equivariance error {worst:.3g} > {tol:.3g}"
    return worst


def as_flax_module():
    """The same layer as a flax.linen.Module (imports Flax only when called)."""
    import flax.linen as nn

    class EquivariantLinear(nn.Module):
        @nn.compact
        def __call__(self, x):
            ref = init(jax.random.PRNGKey(0))
            params = {k: self.param(k, lambda key, k=k: init(key)[k]) for k in ref}
            return apply(params, x)

    return EquivariantLinear
`;

/**
 * The JAX module file for a basis.
 *
 * @example
 * const text = emitJax(solveLayer({ group: 'SO(3)', in: 'V**2', out: 'V' }));
 * text.includes('def apply(params, x):') // true
 */
export function emitJax(layer: LayerBases): string {
  const d = layerData(layer);
  const hasBias = d.bias.size > 0;
  return [
    '"""',
    ...headerLines(d, 'jax'),
    '',
    'A pure init/apply pair (depends on JAX only; parameters are a plain pytree, the basis is',
    'module-level constants, not parameters). Usage:',
    '    params = init(jax.random.PRNGKey(0))   # {"theta"' + (hasBias ? ', "bias"}' : '}'),
    '    y = apply(params, x)                   # x: [..., dim_in]',
    '    self_test(params)                      # raises if not equivariant',
    '"""',
    'import jax',
    'import jax.numpy as jnp',
    'import numpy as np',
    '',
    `INIT_STD = ${d.initStd}`,
    `_DATA = ${dataLiteral(d)}`,
    HELPERS,
    ...constantLines('weight', d.weight),
    ...(hasBias ? constantLines('bias', d.bias) : []),
    '',
    '',
    ...apiCode(d),
    '',
    '',
    'if __name__ == "__main__":',
    '    print("max relative equivariance error:", self_test())',
    '',
  ].join('\n');
}
