"""Loader for solve-basis basis JSON (format solve-basis/basis@1), for people who bring their own
layer. Depends on numpy; torch only when backend="torch".

    from load_basis import load_basis
    b = load_basis("basis.json")               # numpy arrays
    b = load_basis("basis.json", "torch")      # torch tensors
    W = (theta[:, None, None] * b["basis"]).sum(0)   # when the flat basis is present and dense

Returns a dict:
    group:  {"name", "dim", "generators": [k, d, d], "lie_algebra": [k', d, d]}; a permutation
            group too large for dense generators (the file has "permutations") gives
            "permutations": [k, d] int64 image lists (M[i, p[i]] = 1) and "generators": None
    in_rep, out_rep, in_dim, out_dim, shape (out, in), dim, exact, complex
    basis:  [dim, out, in] dense array, or None when the file has no flat basis (large
            multiplicity layers: use blocks); with dense=False a (indices [3, nnz], values) COO pair
            (torch: a torch.sparse_coo_tensor)
    blocks: None for a single summand pair, else {"in": layout, "out": layout, "pairs": [...]} with
            layout = {"types": [{"rep", "dim"}], "instances": [{"type", "indices": int64 array}]}
            and each pair {"in", "out", "shape", "dim", "strategy", "basis": [r, m, n] dense}
Exact values ("-1/2") are converted to float64. Complex groups (U(n), SU(n): the file has
"complex": true and writes non-real entries as [re, im] pairs) give complex128 arrays throughout
(torch: complex128 tensors), and "complex": True in the dict. Algebraic numbers over a
number field ({"coefficients": [...], "float": x}) are read as their written float; `field` is the
file's number-field header (θ, its minimal polynomial) or None.
"""
import json
from fractions import Fraction

import numpy as np

FORMAT = "solve-basis/basis@1"


def _real(v):
    if isinstance(v, str):
        return float(Fraction(v))
    if isinstance(v, dict):
        # An algebraic number over the header's field: its float value is written alongside.
        return float(v["float"])
    return float(v)


def _number(v):
    """One entry: a number, an exact string ("-1/2"), or an [re, im] pair of those (complex groups)."""
    if isinstance(v, list):
        return complex(_real(v[0]), _real(v[1]))
    return _real(v)


def _coo(elements, shape, dtype):
    k, r, c, v = [], [], [], []
    for i, element in enumerate(elements):
        for row, col, value in element["entries"]:
            k.append(i)
            r.append(row)
            c.append(col)
            v.append(_number(value))
    return np.array([k, r, c], dtype=np.int64).reshape(3, -1), np.array(v, dtype=dtype)


def _dense(elements, shape, dtype):
    (k, r, c), v = _coo(elements, shape, dtype)
    out = np.zeros((len(elements),) + tuple(shape), dtype=dtype)
    out[k, r, c] = v
    return out


def _layout(layout):
    types = [{"rep": t["rep"], "dim": t["dim"]} for t in layout["types"]]
    instances = []
    for inst in layout["instances"]:
        if "indices" in inst:
            idx = np.array(inst["indices"], dtype=np.int64)
        else:
            idx = np.arange(inst["offset"], inst["offset"] + types[inst["type"]]["dim"], dtype=np.int64)
        instances.append({"type": inst["type"], "indices": idx})
    return {"types": types, "instances": instances}


def load_basis(path, backend="numpy", dense=True):
    """Reads a basis JSON file into numpy arrays (backend="numpy") or torch tensors ("torch")."""
    with open(path, encoding="utf8") as f:
        data = json.load(f)
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file (format: {data.get('format')!r})")
    shape = tuple(data["shape"])
    g = data["group"]
    d = g["dim"]
    dtype = np.complex128 if data.get("complex") else np.float64
    permutations = np.array(g["permutations"], dtype=np.int64).reshape(-1, d) if "permutations" in g else None
    result = {
        "group": {
            "name": g["name"],
            "dim": d,
            **({"permutations": permutations} if permutations is not None else {}),
            "generators": None if permutations is not None else np.array([[[_number(v) for v in row] for row in m] for m in g["generators"]], dtype=dtype).reshape(-1, d, d),
            "lie_algebra": np.array([[[_number(v) for v in row] for row in m] for m in g["lieAlgebra"]], dtype=dtype).reshape(-1, d, d),
        },
        "in_rep": data["in"]["rep"],
        "out_rep": data["out"]["rep"],
        "in_dim": data["in"]["dim"],
        "out_dim": data["out"]["dim"],
        "shape": shape,
        "dim": data["dim"],
        "exact": data["exact"],
        "complex": bool(data.get("complex", False)),
        "field": data.get("field"),
        "basis": None,
        "blocks": None,
    }
    if "basis" in data:
        result["basis"] = _dense(data["basis"], shape, dtype) if dense else _coo(data["basis"], shape, dtype)
    if "blocks" in data:
        b = data["blocks"]
        result["blocks"] = {
            "in": _layout(b["in"]),
            "out": _layout(b["out"]),
            "pairs": [
                {"in": p["in"], "out": p["out"], "shape": tuple(p["shape"]), "dim": p["dim"], "strategy": p["strategy"], "basis": _dense(p["basis"], p["shape"], dtype)}
                for p in b["pairs"]
            ],
        }
    return _to_torch(result, shape) if backend == "torch" else result


def _to_torch(result, shape):
    import torch

    def convert(v):
        if isinstance(v, np.ndarray):
            return torch.from_numpy(v)
        if isinstance(v, dict):
            return {k: convert(x) for k, x in v.items()}
        if isinstance(v, list):
            return [convert(x) for x in v]
        return v

    basis = result["basis"]
    out = convert({k: v for k, v in result.items() if k != "basis"})
    if isinstance(basis, tuple):
        (k, r, c), v = basis
        idx = torch.from_numpy(np.stack([k, r, c]))
        out["basis"] = torch.sparse_coo_tensor(idx, torch.from_numpy(v), (result["dim"],) + tuple(shape))
    else:
        out["basis"] = convert(basis)
    return out
