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


def broken_caught(mod, name):
    """SU(2) on V+V*: J = [[0, -1], [1, 0]] on both summands commutes with the real parts of the
    generators but not with the group; apply() plus that perturbation must fail self_test."""
    if name != "su2_vvstar":
        return None
    apply = mod.apply
    j = np.array([[0.0, -1.0], [1.0, 0.0]])

    def broken(params, x):
        return apply(params, x) + jnp.concatenate([x[..., 0:2] @ j.T, x[..., 2:4] @ j.T], -1).astype(x.dtype)

    mod.apply = broken
    try:
        mod.self_test(trials=3, tol=1e-5)
    except AssertionError:
        return True
    finally:
        mod.apply = apply
    return False


def check(case):
    mod = load(case["file"], case["name"])
    rng = np.random.default_rng(0)
    # A complex group's layer is complex throughout: its θ, its input, its output.
    dtype = mod.init(jax.random.PRNGKey(0))["theta"].dtype
    cx = jnp.issubdtype(dtype, jnp.complexfloating)

    def draw(shape):
        return jnp.asarray(rng.normal(size=shape) + (1j * rng.normal(size=shape) if cx else 0), dtype)

    params = {k: draw(v.shape) for k, v in mod.init(jax.random.PRNGKey(0)).items()}
    count = sum(int(v.size) for v in jax.tree_util.tree_leaves(params))
    x = draw((4, 3, mod._DATA["action"]["in"]["dim"]))
    y = jax.jit(mod.apply)(params, x)
    grads = jax.jit(jax.grad(lambda p: jnp.sum(jnp.abs(mod.apply(p, x)) ** 2)))(params)
    eq = mod.self_test(params, trials=5, tol=1e-5)
    # Flax wrapper (first case only: Flax's tracing costs ~1 s per layer): same output, same count
    flax_diff, flax_count = None, None
    if case.get("flax"):
        module = mod.as_flax_module()()
        variables = module.init(jax.random.PRNGKey(1), x)
        flax_diff = float(jnp.max(jnp.abs(module.apply({"params": params}, x) - y)))
        flax_count = sum(int(v.size) for v in jax.tree_util.tree_leaves(variables))
    # unit variance E|x|^2 = 1, complex or real
    total, xs = 0.0, draw((256, x.shape[-1])) / (np.sqrt(2) if cx else 1)
    mean_square = jax.jit(lambda key: jnp.mean(jnp.abs(mod.apply(mod.init(key), xs)) ** 2))
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
        "dtype": str(dtype),
        "selfTestComplex": bool(any(np.iscomplexobj(m) and bool((m.imag != 0).any()) for side in mod.random_element(np.random.default_rng(1)) for m in side)),
        "brokenCaught": broken_caught(mod, case["name"]),
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
