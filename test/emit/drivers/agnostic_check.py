"""Checks generated size-agnostic layers in one process (argv[1]: torch or jax).

stdin: JSON list of {name, agnostic, dense, sizes}. For each case: the file's own equivariance
self-test at every n in sizes (random group element and random parameters, biases included), and
agreement at the solved n with the fixed-n (dense) layer on the same parameters mapped through the
change of basis: W and b of the size-agnostic layer are read off it (unit inputs), their
coordinates in the dense layer's basis found by least squares (the residual proves they lie in its
span), set as its theta, and the two layers' outputs compared in float32.
stdout: JSON list of {name, ok, error?, equivariance, residual, agreement, params}.
"""
import importlib.util
import json
import sys
import traceback

import numpy as np


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fit(basis, target):
    """Coefficients c with basis.T c = target (least squares) and the relative residual."""
    if basis.shape[0] == 0:
        return np.zeros(0), float(np.abs(target).max(initial=0.0))
    c, *_ = np.linalg.lstsq(basis.T, target, rcond=None)
    return c, float(np.abs(basis.T @ c - target).max(initial=0.0)) / max(1.0, float(np.abs(target).max(initial=0.0)))


def check_torch(case, ag, dense):
    import torch
    torch.manual_seed(0)
    eq = ag.self_test(sizes=case["sizes"])
    layer = ag.EquivariantLinear().double()
    with torch.no_grad():
        for p in layer.parameters():
            p.normal_()
    d = dense.EquivariantLinear(dtype=torch.float64)
    din, dout = d.in_features, d.out_features
    with torch.no_grad():
        y0 = ag.to_flat(list(_tuple(layer(*ag.from_flat(torch.zeros(1, din, dtype=torch.float64))))))[0]
        y = ag.to_flat(list(_tuple(layer(*ag.from_flat(torch.eye(din, dtype=torch.float64))))))
        w_ag = (y - y0).T.numpy()
        basis = []
        for j in range(d.theta.numel()):
            d.theta.zero_()
            d.theta[j] = 1.0
            basis.append(d.weight.reshape(-1).numpy().copy())
        theta, res_w = fit(np.array(basis).reshape(-1, dout * din), w_ag.reshape(-1))
        d.theta.copy_(torch.from_numpy(theta))
        res_b = 0.0
        if getattr(d, "bias_theta", None) is not None:
            bb = []
            for j in range(d.bias_theta.numel()):
                d.bias_theta.zero_()
                d.bias_theta[j] = 1.0
                bb.append(d.bias.numpy().copy())
            beta, res_b = fit(np.array(bb), y0.numpy())
            d.bias_theta.copy_(torch.from_numpy(beta))
        else:
            res_b = float(y0.abs().max())
        layer, d = layer.float(), d.float()
        x = torch.randn(4, din)
        ya = ag.to_flat(list(_tuple(layer(*ag.from_flat(x)))))
        yd = d(x)
        agree = float((ya - yd).abs().max()) / max(1.0, float(yd.abs().max()))
    params = sum(p.numel() for p in layer.parameters())
    return eq, max(res_w, res_b), agree, params


def _tuple(y):
    return y if isinstance(y, tuple) else (y,)


def check_jax(case, ag, dense):
    import jax
    import jax.numpy as jnp
    eq = ag.self_test(sizes=case["sizes"])
    rng = np.random.default_rng(0)
    params = {k: jnp.asarray(rng.standard_normal(v.shape), jnp.float32) for k, v in ag.init(jax.random.PRNGKey(0)).items()}
    din, dout = dense._DATA["weight"]["cols"], dense._DATA["weight"]["rows"]
    run = lambda x: np.asarray(ag.to_flat(list(_tuple(ag.apply(params, *ag.from_flat(jnp.asarray(x, jnp.float32)))))), np.float64)
    y0 = run(np.zeros((1, din)))[0]
    w_ag = (run(np.eye(din)) - y0).T
    size = dense._DATA["weight"]["size"]
    basis = np.array([np.asarray(dense.expand_weight(jnp.eye(size, dtype=jnp.float32)[j]), np.float64).reshape(-1) for j in range(size)]).reshape(-1, dout * din)
    theta, res_w = fit(basis, w_ag.reshape(-1))
    dp = {"theta": jnp.asarray(theta, jnp.float32)}
    bsize = dense._DATA["bias"]["size"]
    if bsize > 0:
        bb = np.array([np.asarray(dense.expand_bias(jnp.eye(bsize, dtype=jnp.float32)[j]), np.float64) for j in range(bsize)])
        beta, res_b = fit(bb, y0)
        dp["bias"] = jnp.asarray(beta, jnp.float32)
    else:
        res_b = float(np.abs(y0).max())
    x = rng.standard_normal((4, din))
    ya = run(x)
    yd = np.asarray(dense.apply(dp, jnp.asarray(x, jnp.float32)), np.float64)
    agree = float(np.abs(ya - yd).max()) / max(1.0, float(np.abs(yd).max()))
    return eq, max(res_w, res_b), agree, int(sum(v.size for v in params.values()))


def main():
    runtime = sys.argv[1]
    out = []
    for i, case in enumerate(json.load(sys.stdin)):
        try:
            ag = load(case["agnostic"], "agnostic_%d" % i)
            dense = load(case["dense"], "dense_%d" % i)
            eq, res, agree, params = (check_torch if runtime == "torch" else check_jax)(case, ag, dense)
            out.append({"name": case["name"], "ok": True, "equivariance": eq, "residual": res, "agreement": agree, "params": params})
        except Exception:
            out.append({"name": case["name"], "ok": False, "error": traceback.format_exc()})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
