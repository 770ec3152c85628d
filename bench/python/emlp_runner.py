#!/usr/bin/env python3
"""Time EMLP's equivariant_basis() on a list of cases, one fresh subprocess per case.

    bench/python/.venv/bin/python bench/python/emlp_runner.py cases.json [--timeout 300] [--no-warm]
    echo '[{"name":"S5","group":"S(5)","in":"T(2)","out":"T(2)"}]' | bench/python/.venv/bin/python bench/python/emlp_runner.py

Output: a first line {"env": {...}} (python/numpy/BLAS/jax/emlp versions, OPENBLAS_* variables),
then per case one JSON line:

    {"name", "ok": true, "dim", "seconds", "peak_mb", "rss_before_mb", "import_seconds",
     "construct_seconds", "lazy", "seconds_warm", "seconds_cached", "emlp_rep", "process_seconds"}
    {"name", "ok": false, "error": "timeout after 300 s" | "<exception one-liner>"}

* "seconds": wall clock of the first `Rep.equivariant_basis()` call in a fresh process (after
  `import emlp` and building the group and rep), including jax tracing / XLA compilation, until the
  result is ready (block_until_ready). This is the headline number.
* "seconds_warm": a second solve in the same process *after clearing EMLP's solution cache*
  (`Rep.solcache`), so XLA kernels are compiled but nothing is reused: the compile-free solve time.
  Only measured when the first call took < --warm-below seconds (default 60).
* "seconds_cached": a third call without clearing the cache: EMLP answers from `Rep.solcache`
  (it caches every solved canonical rep), so this is a dictionary lookup, not a solve.
* "lazy": EMLP returns a lazy LinearOperator (not a dense array) for reps that are direct sums;
  "dim" is its `.shape[-1]`, and its blocks are all solved by the time the call returns.
* "residual", "valid": an untimed check of the answer: max|C·Q·x|/max|Q·x| for random x, with C
  EMLP's own constraint matrix. A basis that fails it (or is NaN) makes the line ok:false with
  error "invalid basis ..." while keeping dim and seconds. (This caught a real failure: with the
  OpenBLAS 0.3.30 bundled in scipy 1.17.1, single-threaded sgesdd on this AMD/SkylakeX-kernel
  machine fails to converge, jax's SVD returns NaN and EMLP silently returns the whole space; hence
  scipy is pinned to 1.15.3, see requirements-emlp.txt.)
* "peak_mb": peak RSS of the case process (includes ~the jax import); "rss_before_mb": peak RSS
  just before the timed call.

EMLP computes in float32 (it casts to float32 throughout and uses an absolute 1e-5 singular-value
cutoff), so jax's default x64-off is kept (JAX_ENABLE_X64=0 is forced in the case processes), and
JAX_PLATFORMS=cpu is set.

Groups: our names mapped to EMLP's classes, see bench_common.parse_group. A(n) is not in EMLP 1.0.3:
it is defined here as an EMLP Group with the 3-cycles (0 1 i), i = 2..n-1, as LazyPerm generators
(the same generators as solve-basis' A(n)). SU(n)/U(n) are complex groups in EMLP; their dim is the
complex dimension.
"""

from __future__ import annotations

import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402


def _versions() -> dict:
    from importlib import metadata
    out = {}
    for pkg in ("emlp", "jax", "jaxlib", "objax", "optax", "plum-dispatch", "scipy"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = None
    out["JAX_PLATFORMS"] = os.environ.get("JAX_PLATFORMS")
    out["JAX_ENABLE_X64"] = os.environ.get("JAX_ENABLE_X64")
    return {"versions": out}


def make_emlp_group(spec: bc.GroupSpec):
    import numpy as np
    import emlp.groups as eg
    from emlp.reps.linear_operators import LazyPerm

    if spec.kind == "A":
        n = spec.args[0]

        class A(eg.Group):
            """Alternating group A(n) on R^n (not in EMLP 1.0.3): 3-cycles 0->1->i->0, i=2..n-1."""

            def __init__(self, n):
                perms = []
                for i in range(2, n):
                    perm = np.arange(n)
                    perm[0], perm[1], perm[i] = 1, i, 0
                    perms.append(perm)
                self.d = n
                self.is_permutation = True
                self.discrete_generators = [LazyPerm(p) for p in perms] if perms else np.zeros((0, n, n))
                super().__init__(n)

        return A(n)
    cls = getattr(eg, spec.emlp_name)
    return cls(*spec.args)


def make_emlp_rep(poly):
    from functools import reduce
    from emlp.reps import V, Scalar
    terms = []
    for mult, factors in poly:
        t = reduce(lambda a, b: a * b, [V if f == "V" else V.T for f in factors]) if factors else Scalar
        terms.append(mult * t if mult != 1 else t)
    if not terms:
        raise ValueError("empty rep")
    return reduce(lambda a, b: a + b, terms)


def _ready(Q):
    import jax
    try:
        jax.block_until_ready(Q)
    except Exception:
        pass
    return Q


def constraint_matrix(hom):
    """EMLP's lazy constraint matrix [ρ(h)−I; dρ(A)] of hom; also for a SumRep (which has no .G)."""
    if getattr(hom, "G", None) is not None:
        return hom.constraint_matrix()
    from emlp.reps.linear_operators import ConcatLazy, I, lazify
    G = next(r.G for r in hom.reps if getattr(r, "G", None) is not None)
    n = hom.size()
    cs = [lazify(hom.rho(h)) - I(n) for h in G.discrete_generators]
    cs += [lazify(hom.drho(A)) for A in G.lie_algebra]
    return ConcatLazy(cs)


def check_basis(hom, Q, dim: int, k: int = 4) -> dict:
    """Residual max|C·Q·x| / max|Q·x| for k random combinations x of the basis, C = EMLP's own
    (lazy) constraint matrix of the rep; 'valid' is False if non-finite or above 1e-2 (float32)."""
    import numpy as np
    import jax.numpy as jnp
    if dim == 0:
        return {"residual": 0.0, "valid": True}
    rng = np.random.default_rng(0)
    X = rng.standard_normal((dim, min(k, dim))).astype(np.float32)
    Qx = Q @ jnp.asarray(X)
    R = constraint_matrix(hom) @ Qx
    num = float(jnp.max(jnp.abs(R)))
    den = float(jnp.max(jnp.abs(Qx)))
    finite = bool(np.isfinite(num) and np.isfinite(den) and den > 0)
    res = num / den if finite else float("nan")
    return {"residual": (float(f"{res:.3g}") if finite else None), "valid": bool(finite and res < 1e-2)}


def child_main(case: dict, args) -> None:
    stage = "import"
    try:
        t0 = time.perf_counter()
        import jax
        jax.config.update("jax_enable_x64", False)  # EMLP is written for float32
        import emlp  # noqa: F401
        from emlp.reps import Rep
        from emlp.reps.linear_operator_base import LinearOperator
        t_import = time.perf_counter() - t0

        stage = "construct"
        t0 = time.perf_counter()
        G = make_emlp_group(bc.parse_group(case["group"]))
        rin = make_emlp_rep(bc.parse_rep(case["in"]))
        rout = make_emlp_rep(bc.parse_rep(case["out"]))
        hom = (rin >> rout)(G)
        size = hom.size()
        t_construct = time.perf_counter() - t0
        base = {"stage": "constructed", "import_seconds": round(t_import, 3),
                "construct_seconds": round(t_construct, 3), "unknowns": int(size), "emlp_rep": str(hom)}
        bc.emit(base)

        stage = "solve"
        rss_before = bc.peak_mb()
        t0 = time.perf_counter()
        Q = _ready(hom.equivariant_basis())
        t_cold = time.perf_counter() - t0
        dim = int(Q.shape[-1])
        res = {"stage": "cold", "ok": True, "dim": dim, "seconds": round(t_cold, 4),
               "peak_mb": bc.peak_mb(), "rss_before_mb": rss_before,
               "lazy": isinstance(Q, LinearOperator), "dtype": str(getattr(Q, "dtype", None))}
        bc.emit(res)

        # Untimed check that the answer really solves the constraints: EMLP reports no failure
        # itself (e.g. a LAPACK SVD returning NaN makes it return the whole space).
        t0 = time.perf_counter()
        try:
            bc.emit({"stage": "check", **check_basis(hom, Q, dim), "check_seconds": round(time.perf_counter() - t0, 3)})
        except Exception as e:
            bc.emit({"check_error": bc._one_line(f"{type(e).__name__}: {e}")})

        if args.warm and t_cold < args.warm_below:
            stage = "warm"
            Rep.solcache.clear()
            t0 = time.perf_counter()
            Q2 = _ready(hom.equivariant_basis())
            t_warm = time.perf_counter() - t0
            t0 = time.perf_counter()
            _ready(hom.equivariant_basis())
            t_cached = time.perf_counter() - t0
            bc.emit({"stage": "warm", "seconds_warm": round(t_warm, 4), "seconds_cached": round(t_cached, 5),
                     "dim_warm": int(Q2.shape[-1]), "peak_mb_end": bc.peak_mb()})
    except BaseException as e:  # report, never hang
        msg = f"{type(e).__name__}: {e}"
        if stage == "warm":  # the cold result stands
            bc.emit({f"{stage}_error": bc._one_line(msg)})
            return
        bc.emit({"ok": False, "error": bc._one_line(f"{stage}: {msg}"), "stage": stage})
        traceback.print_exc(file=sys.stderr)
        sys.exit(1)


def child_env(args) -> dict:
    env = dict(os.environ)
    env["JAX_PLATFORMS"] = "cpu"
    env["JAX_ENABLE_X64"] = "0"
    env.setdefault("TQDM_DISABLE", "1")  # EMLP's Krylov solver draws progress bars otherwise
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def add_args(ap):
    ap.add_argument("--no-warm", dest="warm", action="store_false",
                    help="skip the second (cache-cleared) and third (cached) calls")
    ap.add_argument("--warm-below", type=float, default=60.0,
                    help="measure the warm call only if the first took less than this many seconds")


def child_args(args) -> list:
    out = ["--warm-below", str(args.warm_below)]
    if not args.warm:
        out.append("--no-warm")
    return out


if __name__ == "__main__":
    bc.main_driver(os.path.abspath(__file__), "emlp", "Time EMLP equivariant_basis() per case.",
                   child_main, add_args, child_env, child_args, _versions)
