"""EMLP's own model (emlp 1.0.3 from PyPI, objax, unmodified) on one EMLP task with EMLP's protocol,
the other side of the network benchmark: EMLP(rep_in, rep_out, group, ch, num_layers) wrapped in
emlp.nn.Standardize with the statistics EMLP's datasets use, Adam (objax) at lr 3e-3, batch 500,
a jitted training step (objax.Jit). Prints one JSON line like train_torch.py. Run it with
bench/python/.venv-emlp-train/bin/python (see .ci/bench-emlp-train-setup.sh: jax 0.4.20, whose
objax jit works).

    python emlp_train.py --task O5Synthetic --ntrain 1000 --epochs 900
"""
import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TQDM_DISABLE", "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
import tasks  # noqa: E402


def model_for(task, ch, layers, xtrain, ytrain):
    import emlp.groups as eg
    import emlp.nn as enn
    from emlp.reps import T, Scalar, Vector

    eta = np.diag([1.0, -1.0, -1.0, -1.0])
    n = len(xtrain)
    if task == "O5Synthetic":
        group, rep_in, rep_out = eg.O(5), 2 * Vector, Scalar
        scale = np.sqrt((xtrain.reshape(n, 2, 5) ** 2).mean((0, 2)))
        stats = (0, np.repeat(scale, 5), ytrain.mean(0), ytrain.std(0))
    elif task == "Inertia":
        group, rep_in, rep_out = eg.O(3), 5 * Scalar + 5 * Vector, T(2)
        stats = (0, 1, 0, 1)
    else:
        group, rep_in, rep_out = eg.Lorentz(), 4 * Vector, Scalar
        p = xtrain.reshape(n, 4, 4)
        scale = np.sqrt(np.abs((p @ eta) * p).mean(-1).mean(0))
        stats = (0, np.repeat(scale, 4), ytrain.mean(0), ytrain.std(0))
    # The statistics of EMLP's datasets (emlp/datasets.py), computed on the training split.
    return enn.Standardize(enn.EMLP(rep_in, rep_out, group=group, ch=ch, num_layers=layers), stats)


def main():
    ap = argparse.ArgumentParser()
    tasks.protocol_arguments(ap)
    args = ap.parse_args()
    import jax
    import jax.numpy as jnp
    import objax

    np.random.seed(args.seed)  # EMLP draws its bilinear source copies with np.random
    data = {k: (x.astype(np.float32), y.astype(np.float32)) for k, (x, y) in tasks.splits(args.task, args.ntrain, args.seed).items()}
    xt, yt = data["train"]
    start = time.perf_counter()
    model = model_for(args.task, args.ch, args.layers, xt, yt)
    construct = time.perf_counter() - start
    opt = objax.optimizer.Adam(model.vars())

    def loss(x, y):
        return ((model(x, training=True) - y) ** 2).mean()

    grad_values = objax.GradValues(loss, model.vars())

    def train_op(x, y, lr):
        g, v = grad_values(x, y)
        opt(lr, g)
        return v

    train_op = objax.Jit(train_op, grad_values.vars() + opt.vars())
    predict = objax.Jit(lambda x: model(x, training=False), model.vars())

    def mse(x, y, bs=1000):
        return float(sum(((np.asarray(predict(jnp.asarray(x[i : i + bs]))) - y[i : i + bs]) ** 2).sum() for i in range(0, len(x), bs)) / y.size)

    rng = np.random.default_rng(args.seed)
    times, best = [], {"val": float("inf"), "test": None, "epoch": 0}
    for epoch in range(1, args.epochs + 1):
        t = time.perf_counter()
        perm = rng.permutation(len(xt))
        for i in range(0, len(xt), args.bs):
            idx = perm[i : i + args.bs]
            v = train_op(jnp.asarray(xt[idx]), jnp.asarray(yt[idx]), args.lr)
        jax.block_until_ready(v)
        times.append(time.perf_counter() - t)
        if epoch % args.eval_every == 0 or epoch == args.epochs:
            val = mse(*data["val"])
            if val < best["val"]:
                best = {"val": val, "test": mse(*data["test"]), "epoch": epoch}
    from importlib import metadata

    print(json.dumps({
        "runtime": "emlp", "task": args.task, "ntrain": args.ntrain, "epochs": args.epochs, "seed": args.seed,
        "parameters": int(sum(np.prod(v.value.shape) for v in model.vars().values() if isinstance(v, objax.TrainVar))),
        "test_mse_final": mse(*data["test"]),
        "test_mse": best["test"], "val_mse": best["val"], "best_epoch": best["epoch"],
        "construct_s": construct, "first_epoch_s": times[0],
        "epoch_s": statistics.median(times[1:]) if len(times) > 1 else times[0],
        "emlp": metadata.version("emlp"), "jax": jax.__version__, "objax": metadata.version("objax"),
        "threads": os.cpu_count(),
    }))


main()
