"""Runs generated JAX layers for real: reads [{name, file}] as JSON on stdin, prints one JSON
result per case. One process for all cases (importing jax dominates the time)."""
import importlib.util
import json
import sys
import traceback

import jax
import jax.numpy as jnp
import numpy as np


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check(case):
    mod = load(case["file"], case["name"])
    rng = np.random.default_rng(0)
    params = {k: jnp.asarray(rng.normal(size=v.shape), jnp.float32) for k, v in mod.init(jax.random.PRNGKey(0)).items()}
    count = sum(int(v.size) for v in jax.tree_util.tree_leaves(params))
    x = jnp.asarray(rng.normal(size=(4, 3, mod._DATA["action"]["in"]["dim"])), jnp.float32)
    y = jax.jit(mod.apply)(params, x)
    grads = jax.jit(jax.grad(lambda p: jnp.sum(mod.apply(p, x) ** 2)))(params)
    eq = mod.self_test(params, trials=5, tol=1e-5)
    # Flax wrapper (first case only: Flax's tracing costs ~1 s per layer): same output, same count
    flax_diff, flax_count = None, None
    if case.get("flax"):
        module = mod.as_flax_module()()
        variables = module.init(jax.random.PRNGKey(1), x)
        flax_diff = float(jnp.max(jnp.abs(module.apply({"params": params}, x) - y)))
        flax_count = sum(int(v.size) for v in jax.tree_util.tree_leaves(variables))
    total, xs = 0.0, jnp.asarray(rng.normal(size=(256, x.shape[-1])), jnp.float32)
    mean_square = jax.jit(lambda key: jnp.mean(mod.apply(mod.init(key), xs) ** 2))
    for i in range(200):
        total += float(mean_square(jax.random.PRNGKey(100 + i)))
    return {
        "name": case["name"],
        "ok": True,
        "paramCount": count,
        "paramKeys": sorted(mod.init(jax.random.PRNGKey(0)).keys()),
        "paramLeaves": len(jax.tree_util.tree_leaves(mod.init(jax.random.PRNGKey(0)))),
        "flaxParamCount": flax_count,
        "shape": list(y.shape),
        "gradNorm": float(jnp.linalg.norm(grads["theta"])),
        "equivarianceError": eq,
        "flaxDiff": flax_diff,
        "outputVariance": total / 200,
    }


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
