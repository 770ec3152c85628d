"""Loads basis JSON files of complex groups with python/load_basis.py and checks, in numpy, that
every loaded basis element is equivariant under the loaded Lie algebra (complex generators):
dρ_out(A) B = B dρ_in(A). Reads [{file, in, out}] on stdin, where in/out name the rep of each side
("V", "V*", "V+V*" or "V⊗V"); prints one JSON result per file."""
import json
import sys

import numpy as np

sys.path.insert(0, sys.argv[1])
from load_basis import load_basis  # noqa: E402


def d_rho(rep, a):
    eye = np.eye(a.shape[0])
    if rep == "V+V*":
        zero = np.zeros_like(a)
        return np.block([[a, zero], [zero, -a.T]])
    return {"V": a, "V*": -a.T, "V⊗V": np.kron(a, eye) + np.kron(eye, a)}[rep]


out = []
for case in json.load(sys.stdin):
    b = load_basis(case["file"])
    t = load_basis(case["file"], "torch")
    lie = b["group"]["lie_algebra"]
    worst = 0.0
    checked = 0
    if b["basis"] is not None:
        for element in b["basis"]:
            for a in lie:
                worst = max(worst, float(np.abs(d_rho(case["out"], a) @ element - element @ d_rho(case["in"], a)).max()))
                checked += 1
    if b["blocks"] is not None:
        types_in, types_out = b["blocks"]["in"]["types"], b["blocks"]["out"]["types"]
        for pair in b["blocks"]["pairs"]:
            rep_in, rep_out = types_in[pair["in"]]["rep"], types_out[pair["out"]]["rep"]
            for element in pair["basis"]:
                for a in lie:
                    worst = max(worst, float(np.abs(d_rho(rep_out, a) @ element - element @ d_rho(rep_in, a)).max()))
                    checked += 1
    out.append({
        "file": case["file"],
        "lieDtype": str(lie.dtype),
        "lieImaginary": bool(np.abs(lie.imag).max() > 0),
        "basisDtype": None if b["basis"] is None else str(b["basis"].dtype),
        "torchDtype": None if t["basis"] is None else str(t["basis"].dtype),
        "checked": checked,
        "residual": worst,
    })
print(json.dumps(out))
