"""torch.compile of generated size-agnostic layers with a dynamic n (PyTorch 2.x).

argv: the layer files. For each: compile the module with dynamic shapes, run forward and backward at
several n, and compare outputs and parameter gradients with eager mode; count the graphs dynamo
built (one per n would mean n was not dynamic).
Batch 2 and sizes 5, 6, 7: no size equals another dimension (dynamo would guard on the equality).
stdout: JSON list of {file, sizes, forward, backward, graphs, error?}.
"""
import importlib.util
import json
import sys
import traceback

import torch
import torch._dynamo


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(layer, xs):
    layer.zero_grad()
    ys = layer(*xs)
    ys = list(ys) if isinstance(ys, tuple) else [ys]
    sum((y * torch.linspace(-1, 1, y.numel()).reshape(y.shape)).sum() for y in ys).backward()
    return ys, [p.grad.clone() for p in layer.parameters()]


def check(path, i, sizes):
    mod = load(path, "agnostic_%d" % i)
    torch.manual_seed(0)
    layer = mod.EquivariantLinear()
    with torch.no_grad():
        for p in layer.parameters():
            p.normal_()
    torch._dynamo.reset()
    torch._dynamo.utils.counters.clear()
    compiled = torch.compile(layer, dynamic=True, backend="inductor")
    fwd = bwd = 0.0
    for n in sizes:
        ns = [((2 * n if kind == "symplectic" else n) if any_size else solved) for kind, solved, any_size in mod.FACTORS]
        xs = [torch.randn((2,) + tuple(ns[f] for f in t[4]) + (t[2],)) for t in mod.INPUTS]
        ys, gs = run(layer, xs)
        yc, gc = run(compiled, xs)
        scale = max(1.0, max(float(y.detach().abs().max()) for y in ys))
        fwd = max(fwd, max(float((a - b).detach().abs().max()) for a, b in zip(ys, yc)) / scale)
        bwd = max(bwd, max(float((a - b).abs().max()) / max(1.0, float(a.abs().max())) for a, b in zip(gs, gc)))
    graphs = int(torch._dynamo.utils.counters["stats"]["unique_graphs"])
    return {"file": path, "sizes": sizes, "forward": fwd, "backward": bwd, "graphs": graphs}


def main():
    out = []
    for i, path in enumerate(sys.argv[1:]):
        try:
            out.append(check(path, i, [5, 6, 7]))
        except Exception:
            out.append({"file": path, "error": traceback.format_exc()})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
