"""Runs generated PyTorch layers for real: reads [{name, file, dim, biasDim}] as JSON on stdin,
prints one JSON result per case. One process for all cases (importing torch dominates the time)."""
import importlib.util
import io
import json
import sys
import traceback

import torch


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def layout_check(name, layer):
    """The header's layout, taken at its word: V⊗V is a row-major flattened matrix, V+V⊗V a vector
    then such a matrix. Acting by an independent group element on those shapes (not through the
    file's own act()) must commute with the layer. None for cases without a hand-written check."""
    gen = torch.Generator().manual_seed(3)
    with torch.no_grad():
        if name == "s5_tensor2":
            p = torch.eye(5, dtype=torch.float64)[torch.randperm(5, generator=gen)]
            x = torch.randn(5, 5, generator=gen, dtype=torch.float64)
            lhs = layer((p @ x @ p.T).reshape(25).float()).double()
            rhs = (p @ layer(x.reshape(25).float()).double().reshape(5, 5) @ p.T).reshape(25)
        elif name == "so3_vvv_v":
            a = torch.randn(3, 3, generator=gen, dtype=torch.float64)
            r = torch.linalg.matrix_exp(a - a.T)
            v, m = torch.randn(3, generator=gen, dtype=torch.float64), torch.randn(3, 3, generator=gen, dtype=torch.float64)
            lhs = layer(torch.cat([r @ v, (r @ m @ r.T).reshape(9)]).float()).double()
            rhs = r @ layer(torch.cat([v, m.reshape(9)]).float()).double()
        else:
            return None
    return float((lhs - rhs).norm() / rhs.norm())


def broken_caught(mod, name, layer):
    """SU(2) on V+V*: J = [[0, -1], [1, 0]] on both summands commutes with the real parts of the
    group's generators (the rotations of the plane) but not with the group. A layer plus that
    perturbation must fail self_test: the self-test checks the full complex action."""
    if name != "su2_vvstar":
        return None

    class Broken(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = layer

        def forward(self, x):
            j = torch.tensor([[0.0, -1.0], [1.0, 0.0]], dtype=x.dtype)
            return self.inner(x) + torch.cat([x[..., 0:2] @ j.T, x[..., 2:4] @ j.T], -1)

    try:
        mod.self_test(Broken(), trials=3, tol=1e-5)
    except AssertionError:
        return True
    return False


def check(case):
    mod = load(case["file"], case["name"])
    torch.manual_seed(0)
    layer = mod.EquivariantLinear()
    with torch.no_grad():
        for p in layer.parameters():
            p.normal_()
    count = sum(p.numel() for p in layer.parameters())
    # A complex group's layer is complex throughout: its θ, its input, its output.
    dtype = layer.theta.dtype
    wide_dtype = torch.complex128 if dtype.is_complex else torch.float64
    x = torch.randn(4, 3, layer.in_features, dtype=dtype)
    y = layer(x)
    y.abs().square().sum().backward()
    grad = float(layer.theta.grad.norm())
    eq = mod.self_test(layer, trials=5, tol=1e-5)
    # state_dict round trip: only the parameters are saved (the basis is derivable from the file),
    # and they load strictly into a fresh module
    state = layer.state_dict()
    saved = io.BytesIO()
    torch.save(state, saved)
    other = mod.EquivariantLinear()
    other.load_state_dict(state, strict=True)
    with torch.no_grad():
        same = float((other(x) - layer(x)).abs().max())
    scripted = torch.jit.script(layer)
    with torch.no_grad():
        script_diff = float((scripted(x) - layer(x)).abs().max())
    # .to() moves parameters and every buffer (dtype here; the device path is the same call)
    wide = mod.EquivariantLinear().to(wide_dtype)
    wide.load_state_dict({k: v.to(wide_dtype) for k, v in layer.state_dict().items()})
    eq64 = mod.self_test(wide, trials=2, tol=1e-9)
    buffers_ok = all(b.dtype not in (torch.float32, torch.complex64) for b in wide.buffers())
    # output variance at initialisation for unit-variance input; the rule holds in expectation
    # over theta, so average over many initialisations (a layer may have a single theta)
    fresh = mod.EquivariantLinear()
    xs = torch.randn(256, layer.in_features, dtype=dtype)
    total = 0.0
    with torch.no_grad():
        for _ in range(200):
            fresh.reset_parameters()
            total += float(fresh(xs).abs().square().mean())
    var = total / 200
    return {
        "name": case["name"],
        "ok": True,
        "paramCount": count,
        "shape": list(y.shape),
        "gradNorm": grad,
        "equivarianceError": eq,
        "equivarianceError64": eq64,
        "stateDictDiff": same,
        "scriptDiff": script_diff,
        "buffersMoved": buffers_ok,
        "outputVariance": var,
        "layoutError": layout_check(case["name"], layer),
        "dtype": str(dtype),
        "selfTestComplex": bool(any(m.is_complex() and bool((m.imag != 0).any()) for side in mod.random_element(torch.Generator().manual_seed(1)) for m in side)),
        "brokenCaught": broken_caught(mod, case["name"], layer),
        "stateDictKeys": sorted(state.keys()),
        "parameterNames": sorted(name for name, _ in layer.named_parameters()),
        "stateDictBytes": len(saved.getvalue()),
        # nn.Linear's attributes: weight [out, in] and bias [out] (or None) as tensors
        "weightShape": list(layer.weight.shape) if isinstance(layer.weight, torch.Tensor) else None,
        "weightMatches": bool(torch.allclose(y.detach(), x @ layer.weight.detach().T + (0 if layer.bias is None else layer.bias.detach()), atol=1e-5)),
        "biasShape": None if layer.bias is None else list(layer.bias.shape),
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
