"""Loads basis JSON files with python/load_basis.py (numpy and torch backends) and prints what it
read, as JSON, for the vitest side to compare with the TypeScript basis."""
import json
import sys

sys.path.insert(0, sys.argv[1])
from load_basis import load_basis  # noqa: E402

out = []
for path in json.load(sys.stdin):
    b = load_basis(path)
    t = load_basis(path, "torch")
    coo = load_basis(path, "torch", dense=False)
    entry = {
        "shape": list(b["shape"]),
        "dim": b["dim"],
        "generators": list(b["group"]["generators"].shape),
        "basis": None if b["basis"] is None else b["basis"].tolist(),
        "torchMatches": None if t["basis"] is None else bool((t["basis"].numpy() == b["basis"]).all()),
        "sparseMatches": None if coo["basis"] is None else bool((coo["basis"].to_dense().numpy() == b["basis"]).all()),
        "pairs": None if b["blocks"] is None else [[p["in"], p["out"], list(p["basis"].shape)] for p in b["blocks"]["pairs"]],
        "outInstances": None if b["blocks"] is None else [i["indices"].tolist() for i in b["blocks"]["out"]["instances"]],
    }
    out.append(entry)
print(json.dumps(out))
