"""The three synthetic regression tasks of Finzi, Welling & Wilson 2021 (EMLP), written from their
definitions (issue 10), in numpy only so that every runtime (our PyTorch and JAX networks, EMLP in
its own venv) trains on the same arrays.

    x, y = make(task, n, seed)          # float64 arrays [n, dim_in], [n, dim_out]
    splits(task, n_train, seed)         # {"train": (x, y), "val": ..., "test": ...} (1000 val, 1000 test)

Every task also names its group and reps in solve-basis' grammar (TASKS[task]).
"""
import numpy as np

TASKS = {
    "O5Synthetic": {"group": "O(5)", "in": "2V", "out": "scalar"},
    "Inertia": {"group": "O(3)", "in": "5*scalar+5V", "out": "V⊗V"},
    "ParticleInteraction": {"group": "O(1,3)", "in": "4V", "out": "scalar"},
}

ETA = np.diag([1.0, -1.0, -1.0, -1.0])


def _o5(rng, n):
    x = rng.standard_normal((n, 10))
    x1, x2 = x[:, :5], x[:, 5:]
    n1, n2 = np.linalg.norm(x1, axis=1), np.linalg.norm(x2, axis=1)
    y = np.sin(n1) - 0.5 * n2**3 + (x1 * x2).sum(1) / (n1 * n2)
    return x, y[:, None]


def _inertia(rng, n, k=5):
    x = rng.standard_normal((n, 4 * k))
    x[:, :k] = np.logaddexp(0.0, x[:, :k])  # masses m_i = softplus(z_i)
    m, r = x[:, :k], x[:, k:].reshape(n, k, 3)
    r2 = (r**2).sum(-1)[..., None, None]
    y = (m[:, :, None, None] * (r2 * np.eye(3) - r[..., :, None] * r[..., None, :])).sum(1)
    return x, y.reshape(n, 9)


def _particles(rng, n):
    x = rng.standard_normal((n, 16)) / 4
    p1, p2, p3, p4 = x.reshape(n, 4, 4).transpose(1, 0, 2)

    def dot(a, b):
        return ((a @ ETA) * b).sum(-1)

    le = p1[:, :, None] * p3[:, None, :] - (dot(p1, p3) - dot(p1, p1))[:, None, None] * ETA
    lmu = (p2 @ ETA)[:, :, None] * (p4 @ ETA)[:, None, :] - (dot(p2, p4) - dot(p2, p2))[:, None, None] * ETA
    return x, 4 * (le * lmu).sum((1, 2))[:, None]


_MAKERS = {"O5Synthetic": _o5, "Inertia": _inertia, "ParticleInteraction": _particles}


def make(task, n, seed):
    """n i.i.d. samples (x, y) of task from numpy's default_rng(seed)."""
    return _MAKERS[task](np.random.default_rng(seed), n)


def splits(task, n_train, seed, n_val=1000, n_test=1000):
    """EMLP's protocol: one draw of n_train + 1000 + 1000 points, split into train, val, test."""
    x, y = make(task, n_train + n_val + n_test, seed)
    cut = [n_train, n_train + n_val]
    return {
        "train": (x[: cut[0]], y[: cut[0]]),
        "val": (x[cut[0] : cut[1]], y[cut[0] : cut[1]]),
        "test": (x[cut[1] :], y[cut[1] :]),
    }


def protocol_arguments(ap):
    """The options both trainers share, with EMLP's protocol as defaults (one place, so the two
    sides of the benchmark cannot drift apart): task, training size, epochs, seed, batch size,
    learning rate, evaluation interval, width and depth."""
    ap.add_argument("--task", required=True, choices=list(TASKS))
    ap.add_argument("--ntrain", type=int, default=1000)
    ap.add_argument("--epochs", type=int, default=900)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bs", type=int, default=500)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--eval-every", type=int, default=10)
    ap.add_argument("--ch", type=int, default=384)
    ap.add_argument("--layers", type=int, default=3)
    return ap
