#!/usr/bin/env python3
"""Plain dense null-space baseline: build the full constraint matrix, take its SVD.

    bench/python/.venv/bin/python bench/python/numpy_baseline.py cases.json [--timeout 300] [--max-unknowns 6000]

Same protocol as emlp_runner.py (see bench_common.py): a first {"env": ...} line, then per case

    {"name", "ok": true, "dim", "seconds", "build_seconds", "svd_seconds", "unknowns",
     "constraint_shape", "peak_mb", "sigma_gap", "process_seconds"}
    {"name", "ok": false, "error": "too large for dense: N unknowns" | "timeout after 300 s" | ...}

For W of shape (m, n) = (dim out, dim in), vec row-major, the constraints are, stacked:

    ρ_out(h) ⊗ I_n − I_m ⊗ ρ_in(h)ᵀ        for each discrete generator h
    dρ_out(A) ⊗ I_n − I_m ⊗ dρ_in(A)ᵀ      for each Lie algebra generator A

with ρ(V) = h, ρ(V*) = h⁻ᵀ, ρ of a tensor product = np.kron, of a direct sum = block diagonal;
dρ(V) = A, dρ(V*) = −Aᵀ, tensor product = Kronecker sum. The generators are EMLP's (numpy ports,
bench_common.numpy_generators). The null space is the right singular vectors of
np.linalg.svd(C) whose singular values are ≤ max(C.shape)·eps·σ_max. "seconds" = build + SVD
(float64, complex128 for SU/U); numpy's import is not timed.
"""

from __future__ import annotations

import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as bc  # noqa: E402


def rho_dense(poly, h, hinvT):
    import numpy as np
    from functools import reduce
    blocks = []
    for mult, factors in poly:
        mats = [h if f == "V" else hinvT for f in factors]
        M = reduce(np.kron, mats) if mats else np.ones((1, 1), dtype=h.dtype)
        blocks.extend([M] * mult)
    return _block_diag(blocks)


def drho_dense(poly, A):
    import numpy as np
    d = A.shape[0]
    blocks = []
    for mult, factors in poly:
        k = len(factors)
        M = np.zeros((d ** k, d ** k), dtype=A.dtype)
        for i, f in enumerate(factors):  # Kronecker sum: I ⊗ … ⊗ dρ_i ⊗ … ⊗ I
            Ai = A if f == "V" else -A.T
            M += np.kron(np.kron(np.eye(d ** i), Ai), np.eye(d ** (k - i - 1)))
        blocks.extend([M] * mult)
    return _block_diag(blocks)


def _block_diag(blocks):
    import numpy as np
    n = sum(b.shape[0] for b in blocks)
    dtype = np.result_type(*[b.dtype for b in blocks])
    out = np.zeros((n, n), dtype=dtype)
    i = 0
    for b in blocks:
        k = b.shape[0]
        out[i:i + k, i:i + k] = b
        i += k
    return out


def child_main(case: dict, args) -> None:
    stage = "setup"
    try:
        import numpy as np
        spec = bc.parse_group(case["group"])
        pin, pout = bc.parse_rep(case["in"]), bc.parse_rep(case["out"])
        d, disc, lie = bc.numpy_generators(spec)
        n, m = bc.rep_dim(pin, d), bc.rep_dim(pout, d)
        N = m * n
        rows = N * (len(disc) + len(lie))
        base = {"unknowns": N, "constraint_shape": [rows, N], "generators": [len(disc), len(lie)]}
        if N > args.max_unknowns:
            bc.emit({"ok": False, "error": f"too large for dense: {N} unknowns (limit {args.max_unknowns})", **base})
            return
        stage = "build"
        t0 = time.perf_counter()
        In, Im = np.eye(n), np.eye(m)
        parts = []
        for h in disc:
            hinvT = np.linalg.inv(h).T
            parts.append(np.kron(rho_dense(pout, h, hinvT), In) - np.kron(Im, rho_dense(pin, h, hinvT).T))
        for A in lie:
            parts.append(np.kron(drho_dense(pout, A), In) - np.kron(Im, drho_dense(pin, A).T))
        if parts:
            C = np.concatenate(parts, axis=0)
        else:
            C = np.zeros((0, N))
        t_build = time.perf_counter() - t0

        stage = "svd"
        t0 = time.perf_counter()
        if C.shape[0] == 0:
            dim, gap = N, None
        else:
            _, s, vh = np.linalg.svd(C, full_matrices=C.shape[0] < C.shape[1])
            tol = max(C.shape) * np.finfo(s.dtype).eps * (s[0] if s.size else 0.0)
            rank = int((s > tol).sum())
            Q = vh[rank:].conj().T  # the basis (N, dim), as EMLP's orthogonal_complement returns it
            dim = int(Q.shape[1])
            gap = None
            if 0 < rank < s.size:
                gap = float(s[rank - 1] / s[rank]) if s[rank] > 0 else float("inf")
        t_svd = time.perf_counter() - t0
        check = {}
        if C.shape[0] and dim:  # untimed: how well the returned basis solves the constraints
            rel = float(np.abs(C @ Q).max() / max(np.abs(C).max(), 1e-300))
            check = {"residual": float(f"{rel:.3g}"), "valid": bool(np.isfinite(rel) and rel < 1e-8)}
        bc.emit({"ok": True, "dim": dim, "seconds": round(t_build + t_svd, 4), "build_seconds": round(t_build, 4),
                 "svd_seconds": round(t_svd, 4), "peak_mb": bc.peak_mb(), "dtype": str(C.dtype),
                 "sigma_gap": (f"{gap:.3g}" if gap is not None else None), **check, **base})
    except BaseException as e:
        bc.emit({"ok": False, "error": bc._one_line(f"{stage}: {type(e).__name__}: {e}")})
        traceback.print_exc(file=sys.stderr)
        sys.exit(1)


def add_args(ap):
    ap.add_argument("--max-unknowns", type=int, default=6000,
                    help="refuse cases with more than this many unknowns m·n (default 6000)")


def child_args(args) -> list:
    return ["--max-unknowns", str(args.max_unknowns)]


def child_env(args) -> dict:
    return dict(os.environ)


if __name__ == "__main__":
    bc.main_driver(os.path.abspath(__file__), "numpy-dense-svd", "Dense SVD null-space baseline per case.",
                   child_main, add_args, child_env, child_args, lambda: {})
