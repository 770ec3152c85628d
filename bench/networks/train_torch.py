"""Trains a generated PyTorch network (solve-basis net --format pytorch) on one EMLP task with EMLP's
protocol (Adam, lr 3e-3, batch 500, MSE in the units of y, model selected by validation MSE) and
prints one JSON line with the test MSE, the test equivariance error and the time per epoch.

    python train_torch.py --net net.py --task O5Synthetic --ntrain 1000 --epochs 900 [--compile]

With --mlp it trains the baseline instead: a plain MLP (Linear + SiLU, --ch wide, --layers hidden layers,
the input and output standardised per coordinate on the training split), same data and protocol; the
generated net file is then used only for the group action of the equivariance measurement.
"""
import argparse
import importlib.util
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tasks  # noqa: E402


def load(path):
    spec = importlib.util.spec_from_file_location("generated_net", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def mse(model, x, y, bs=1000):
    with torch.no_grad():
        return float(sum(((model(x[i : i + bs]) - y[i : i + bs]) ** 2).sum() for i in range(0, len(x), bs)) / y.numel())


class MLP(torch.nn.Module):
    """The baseline: x -> standardise -> (Linear, SiLU) x layers -> Linear -> unstandardise."""

    def __init__(self, din, dout, ch, layers, x, y):
        super().__init__()
        dims = [din] + [ch] * layers
        mods = []
        for a, b in zip(dims, dims[1:]):
            mods += [torch.nn.Linear(a, b), torch.nn.SiLU()]
        self.body = torch.nn.Sequential(*mods, torch.nn.Linear(dims[-1], dout))
        for name, t in (("x", x), ("y", y)):
            self.register_buffer(name + "_mean", t.mean(0))
            self.register_buffer(name + "_std", t.std(0).clamp_min(1e-6))

    def forward(self, x):
        return self.body((x - self.x_mean) / self.x_std) * self.y_std + self.y_mean


def equivariance(mod, model, x, trials=3):
    """Worst relative error of net(rho_in(g) x) vs rho_out(g) net(x) on test inputs (float32 net)."""
    gen = torch.Generator().manual_seed(1)
    worst = 0.0
    for _ in range(trials):
        mats = mod.random_element(gen)
        with torch.no_grad():
            lhs = model(mod.act("in", mats, x.double()).float()).double()
            rhs = mod.act("out", mats, model(x).double())
        worst = max(worst, float((lhs - rhs).norm() / rhs.norm()))
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--net", required=True)
    tasks.protocol_arguments(ap)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--compile", action="store_true")
    ap.add_argument("--mlp", action="store_true", help="train the plain MLP baseline instead")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data = {k: (torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)) for k, (x, y) in tasks.splits(args.task, args.ntrain, args.seed).items()}
    mod = load(args.net)
    if args.mlp:
        xt, yt = data["train"]
        net = MLP(xt.shape[1], yt.shape[1], args.ch, args.layers, xt, yt)
    else:
        net = mod.EquivariantNetwork()
        net.fit_standardization(*data["train"])
    model = torch.compile(net) if args.compile else net
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    xt, yt = data["train"]
    gen = torch.Generator().manual_seed(args.seed)
    times, best = [], {"val": float("inf"), "test": None, "epoch": 0}
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        perm = torch.randperm(len(xt), generator=gen)
        for i in range(0, len(xt), args.bs):
            idx = perm[i : i + args.bs]
            loss = ((model(xt[idx]) - yt[idx]) ** 2).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - start)
        if epoch % args.eval_every == 0 or epoch == args.epochs:
            val = mse(model, *data["val"])
            if val < best["val"]:
                best = {"val": val, "test": mse(model, *data["test"]), "epoch": epoch}
    print(json.dumps({
        "runtime": ("mlp" if args.mlp else "torch") + (".compile" if args.compile else ""),
        "task": args.task, "ntrain": args.ntrain, "epochs": args.epochs, "seed": args.seed,
        "parameters": sum(p.numel() for p in net.parameters()),
        "test_mse_final": mse(model, *data["test"]), "train_mse_final": mse(model, *data["train"]),
        "test_mse": best["test"], "val_mse": best["val"], "best_epoch": best["epoch"],
        "equivariance_error": equivariance(mod, model, data["test"][0]),
        "first_epoch_s": times[0],
        "epoch_s": statistics.median(times[1:]) if len(times) > 1 else times[0],
        "torch": torch.__version__, "threads": torch.get_num_threads(),
    }))


main()
