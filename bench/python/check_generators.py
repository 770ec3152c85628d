#!/usr/bin/env python3
"""Check that bench_common.numpy_generators reproduces EMLP's generator matrices exactly.

    bench/python/.venv/bin/python bench/python/check_generators.py     # prints one line per group, exits 1 on a mismatch
"""
import os
import sys

os.environ.setdefault("JAX_PLATFORMS", "cpu")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
import bench_common as bc  # noqa: E402
from emlp_runner import make_emlp_group  # noqa: E402

GROUPS = ["S(5)", "A(6)", "Z(7)", "C(5)", "D(6)", "SO(4)", "O(3)", "Sp(2)", "SU(3)", "U(2)", "SL(3)", "GL(2)",
          "SO+(1,3)", "SO(1,3)", "O(1,3)", "Cube", "RubiksCube", "Trivial(3)"]


def dense(M, d):
    from emlp.reps.linear_operator_base import LinearOperator
    return np.asarray(M.to_dense() if isinstance(M, LinearOperator) else M)


def main():
    bad = 0
    for g in GROUPS:
        spec = bc.parse_group(g)
        d, disc, lie = bc.numpy_generators(spec)
        G = make_emlp_group(spec)
        ed = [np.asarray(dense(h, d)) for h in G.discrete_generators]
        el = [np.asarray(dense(A, d)) for A in G.lie_algebra]
        ok = (G.d == d and len(ed) == len(disc) and len(el) == len(lie)
              and all(np.allclose(a, b, atol=1e-6) for a, b in zip(ed, disc))
              and all(np.allclose(a, b, atol=1e-6) for a, b in zip(el, lie)))
        bad += not ok
        print(f"{g:12s} d={d:3d} discrete={len(disc):3d} lie={len(lie):3d} {'ok' if ok else 'MISMATCH'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
