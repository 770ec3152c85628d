"""Short training runs of generated networks (a few hundred Adam steps) for the test suite: proof
that the networks learn, one task per group family. Reads [{name, file, task}] on stdin, prints
one JSON result per case: the test MSE before and after training, the variance of the test
targets, and the equivariance error of the trained network on test inputs."""
import importlib.util
import json
import os
import sys
import traceback

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "bench", "networks"))
import tasks  # noqa: E402


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def data(task, n, seed):
    """EMLP's tasks, and two more: a smooth maximum of a set (S(5)) and the sum of the pairwise
    distances of 4 points in R^3 laid out as V1⊗V2 (SO(3) x S(4)): coordinate a of point i at 4a + i."""
    if task in tasks.TASKS:
        return tasks.make(task, n, seed)
    rng = np.random.default_rng(seed)
    if task == "SetLogSumExp":
        x = rng.standard_normal((n, 5))
        return x, np.log(np.exp(x).sum(1, keepdims=True))
    x = rng.standard_normal((n, 12))
    p = x.reshape(n, 3, 4)
    d = np.linalg.norm(p[:, :, :, None] - p[:, :, None, :], axis=1)
    return x, d.sum((1, 2))[:, None] / 2


def check(case, steps=300, bs=100):
    torch.manual_seed(0)
    mod = load(case["file"], case["name"])
    xs, ys = data(case["task"], 1500, 0)
    x, y = torch.tensor(xs[:1000], dtype=torch.float32), torch.tensor(ys[:1000], dtype=torch.float32)
    xt, yt = torch.tensor(xs[1000:], dtype=torch.float32), torch.tensor(ys[1000:], dtype=torch.float32)
    net = mod.EquivariantNetwork().fit_standardization(x, y)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    with torch.no_grad():
        before = float(((net(xt) - yt) ** 2).mean())
    gen = torch.Generator().manual_seed(0)
    for _ in range(steps):
        idx = torch.randint(0, len(x), (bs,), generator=gen)
        loss = ((net(x[idx]) - y[idx]) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        after = float(((net(xt) - yt) ** 2).mean())
    eq = mod.equivariance_error(net, "in", "out", dtype=torch.float32)
    return {"name": case["name"], "ok": True, "before": before, "after": after, "variance": float(yt.var()), "equivariance": eq}


def main():
    torch.set_num_threads(1)
    results = []
    for case in json.load(sys.stdin):
        try:
            results.append(check(case))
        except Exception:
            results.append({"name": case["name"], "ok": False, "error": traceback.format_exc()})
    print(json.dumps(results))


main()
