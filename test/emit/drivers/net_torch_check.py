"""Runs generated PyTorch networks for real: reads [{name, file}] as JSON on stdin, prints one JSON
result per case. Under PyTorch 2.x (argv[1] == "torch2") also torch.compile and torch.export of
the whole network. One process for all cases (importing torch dominates the time)."""
import importlib.util
import io
import json
import sys
import traceback

import torch

TORCH2 = len(sys.argv) > 1 and sys.argv[1] == "torch2"


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def randomize(net, gen, std=0.5):
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(torch.randn(p.shape, generator=gen, dtype=p.dtype) * std)


def block_errors(mod, net):
    """float64 equivariance of every part of every block, between the reps the file names."""
    out = []
    for i, b in enumerate(net.blocks):
        rin, g, h = ("in" if i == 0 else f"h{i}"), f"g{i + 1}", f"h{i + 1}"
        out.append({
            "linear": mod.equivariance_error(b.linear, rin, g),
            "bilinear": None if b.bilinear is None else mod.equivariance_error(b.bilinear, g, g),
            "gate": mod.equivariance_error(b.gate, g, h),
            "block": mod.equivariance_error(b, rin, h),
        })
    return out


def check(case):
    mod = load(case["file"], case["name"])
    gen = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    net = mod.EquivariantNetwork(dtype=torch.float64)
    randomize(net, gen)
    din, dout = net.input_norm.dim, net.output_norm.dim
    result = {"name": case["name"], "ok": True, "torch": torch.__version__}
    result["paramCount"] = sum(p.numel() for p in net.parameters())
    result["eqNet64"] = mod.equivariance_error(net, "in", "out")
    result["eqBlocks64"] = block_errors(mod, net)
    # The equivariant standardisation, fitted on data with a mean and uneven scales, keeps it so.
    x = torch.randn(64, din, generator=gen, dtype=torch.float64) * 3 + 1
    y = torch.randn(64, dout, generator=gen, dtype=torch.float64) * 5 - 2
    net.fit_standardization(x, y)
    result["eqFitted64"] = mod.equivariance_error(net, "in", "out")
    result["fittedScale"] = float(net.input_norm.scale.max())
    # float32, as users run it: the file's own self-test.
    net32 = mod.EquivariantNetwork()
    result["selfTest32"] = mod.self_test(net32)
    # Gradients reach every parameter.
    xb = torch.randn(16, din, generator=gen, dtype=torch.float64)
    loss = ((net(xb) - torch.randn(16, dout, generator=gen, dtype=torch.float64)) ** 2).sum()
    loss.backward()
    result["noGrad"] = sorted(n for n, p in net.named_parameters() if p.numel() > 0 and (p.grad is None or float(p.grad.abs().max()) == 0.0))
    # Batch shapes: any leading dims, and a single vector.
    with torch.no_grad():
        result["shapeBatch"] = list(net(torch.randn(2, 3, din, dtype=torch.float64)).shape)
        result["shapeSingle"] = list(net(torch.randn(din, dtype=torch.float64)).shape)
        ref = net(xb)
    # state_dict round trip: parameters and the fitted standardisation, into a fresh network.
    state = net.state_dict()
    buf = io.BytesIO()
    torch.save(state, buf)
    buf.seek(0)
    other = mod.EquivariantNetwork(dtype=torch.float64)
    other.load_state_dict(torch.load(buf), strict=True)
    with torch.no_grad():
        result["stateDictDiff"] = float((other(xb) - ref).abs().max())
    result["stateKeys"] = sorted(state.keys())
    result["paramNames"] = sorted(n for n, _ in net.named_parameters())
    if TORCH2:
        net32.eval()
        x32 = torch.randn(8, din, generator=gen)
        with torch.no_grad():
            eager = net32(x32)
            compiled = torch.compile(net32)
            result["compileDiff"] = float((compiled(x32) - eager).abs().max() / eager.abs().max().clamp_min(1e-30))
            result["compileEq"] = mod.equivariance_error(compiled, "in", "out", dtype=torch.float32)
        exported = torch.export.export(net32, (x32,))
        with torch.no_grad():
            result["exportDiff"] = float((exported.module()(x32) - eager).abs().max() / eager.abs().max().clamp_min(1e-30))
        # Training through the compiled network: one step moves every parameter's gradient.
        opt = torch.optim.Adam(net32.parameters(), lr=1e-3)
        train = torch.compile(net32)
        loss = (train(x32) ** 2).mean()
        loss.backward()
        opt.step()
        result["compileTrainStep"] = bool(torch.isfinite(loss).item())
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
