"""Runs generated JAX networks for real: reads [{name, file}] as JSON on stdin, prints one JSON
result per case (everything under jit: eager JAX is several times slower here): float64 equivariance of every block and of the network (x64 enabled), the
float32 self-test, gradients on every parameter, batch shapes, parameter count, standardisation."""
import importlib.util
import json
import sys
import traceback

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check(case):
    mod = load(case["file"], case["name"])
    key = jax.random.PRNGKey(0)
    params = mod.init(key, jnp.float64)
    leaves, tree = jax.tree_util.tree_flatten(params)
    keys = jax.random.split(jax.random.PRNGKey(1), len(leaves))
    params = jax.tree_util.tree_unflatten(tree, [0.5 * jax.random.normal(k, l.shape, jnp.float64) for k, l in zip(keys, leaves)])
    din, dout = mod._REPS["in"]["dim"], mod._REPS["out"]["dim"]
    result = {"name": case["name"], "ok": True, "jax": jax.__version__}
    result["paramCount"] = int(sum(l.size for l in leaves))
    f = jax.jit(mod.apply)
    result["eqNet64"] = mod.equivariance_error(lambda x: f(params, x), "in", "out", dtype=jnp.float64)
    blocks = []
    for i in range(len(params["blocks"])):
        rin = "in" if i == 0 else f"h{i}"
        fb = jax.jit(lambda x, i=i: mod.block(i, params["blocks"][i], x))
        blocks.append(mod.equivariance_error(fb, rin, f"h{i + 1}", dtype=jnp.float64))
    result["eqBlocks64"] = blocks
    rng = np.random.default_rng(0)
    stats = mod.fit_standardization(rng.normal(size=(64, din)) * 3 + 1, rng.normal(size=(64, dout)) * 5 - 2)
    result["eqFitted64"] = mod.equivariance_error(lambda x: f(params, x, stats), "in", "out", dtype=jnp.float64)
    result["selfTest32"] = mod.self_test()
    xb = jnp.asarray(rng.normal(size=(16, din)))
    grads = jax.jit(jax.grad(lambda p: (mod.apply(p, xb) ** 2).sum()))(params)
    flat = jax.tree_util.tree_flatten_with_path(grads)[0]
    result["noGrad"] = sorted(jax.tree_util.keystr(path) for path, g in flat if g.size > 0 and float(jnp.abs(g).max()) == 0.0)
    # Shapes by tracing alone (jax.eval_shape): compiling for two more shapes would only cost time.
    result["shapeBatch"] = list(jax.eval_shape(mod.apply, params, jnp.zeros((2, 3, din))).shape)
    result["shapeSingle"] = list(jax.eval_shape(mod.apply, params, jnp.zeros((din,))).shape)
    return result


def main():
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        try:
            results.append(check(case))
        except Exception:
            results.append({"name": case["name"], "ok": False, "error": traceback.format_exc()})
    print(json.dumps(results))


main()
