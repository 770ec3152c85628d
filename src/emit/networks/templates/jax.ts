/**
 * The fixed code every generated JAX network carries after the runtime's shared helpers
 * (../../layers/templates/jax.ts): a pure init(key) / apply(params, x) pair built from the file's
 * `_DATA` literal (see ../header.ts and ../data.ts), the standardisation, the group action and the
 * self-test. JAX and numpy only; the basis is module-level numpy constants (jit folds them in),
 * the parameters a plain pytree usable from optax, Flax or Equinox.
 */
export const NETWORK_HELPERS = String.raw`
_REPS = {r["name"]: r for r in _DATA["reps"]}


def _linear_consts(spec):
    """The constants of one linear layer: gather indices and sparse/dense block values."""
    out = {}
    for name in ("weight", "bias"):
        e = spec[name]
        blocks = []
        for blk in e["blocks"]:
            if blk["form"] == "sparse":
                blocks.append((np.array(blk["cooRows"], np.int32), np.array(blk["cooCols"], np.int32), np.array(blk["cooValues"], np.float64)))
            elif blk["form"] == "dense":
                blocks.append(np.array(blk["dense"], np.float64).reshape(blk["r"], blk["m"] * blk["n"]))
            else:
                blocks.append(None)
        out[name] = {"index": _gather_index(e) if e["size"] > 0 else None, "blocks": blocks}
    return out


def _expand(e, c, p):
    """W (or b) from its coefficients: one gather from [p, -p, sparse and dense block values, 0]."""
    if e["size"] == 0:
        return jnp.zeros((e["rows"], e["cols"]), p.dtype)
    parts = [p, -p] if e["negate"] else [p]
    for blk, const in zip(e["blocks"], c["blocks"]):
        if blk["form"] == "gather":
            continue
        pairs = len(blk["outIndices"]) * len(blk["inIndices"])
        coef = p[blk["paramOffset"] : blk["paramOffset"] + pairs * blk["r"]].reshape(pairs, blk["r"])
        if blk["form"] == "sparse":
            rows, cols, vals = const
            block = jnp.zeros((pairs, blk["m"] * blk["n"]), p.dtype).at[:, cols].add(coef[:, rows] * vals.astype(p.dtype))
        else:
            block = coef @ const.astype(p.dtype)
        parts.append(block.reshape(-1))
    if e["zeroSlot"]:
        parts.append(jnp.zeros((1,), p.dtype))
    src = jnp.concatenate(parts) if len(parts) > 1 else p
    return src[c["index"]].reshape(e["rows"], e["cols"])


def _linear(spec, c, params, x):
    y = x @ _expand(spec["weight"], c["weight"], params["theta"]).T
    if spec["bias"]["size"] > 0:
        y = y + _expand(spec["bias"], c["bias"], params["bias"]).reshape(-1)
    return y


def _bilinear_consts(spec):
    """Per term: source and input coordinates, and E dense [d_c, r*d_a*d_b] or as COO."""
    parts = []
    for part in spec["parts"]:
        terms = []
        for term in part["terms"]:
            t = {}
            dc, db = term["dc"], term["db"]
            target, c, b = (np.array(term[k], np.int64) for k in ("target", "c", "b"))
            vals = np.array(term["values"], np.float64)
            if term["mode"] == "sparse":
                t.update(c=c, b=b, target=target, vals=vals)
            else:
                e = np.zeros((dc, term["r"] * part["dim"] * db))
                e[c, target * db + b] = vals
                t["e"] = e
            terms.append(t)
        parts.append(terms)
    sets = [np.array(c, np.int32) for c in spec["sets"]]
    return {"parts": parts, "sets": sets, "assemble": np.array(spec["assemble"], np.int32)}


def _bilinear(spec, c, theta, z):
    """scale * W(z) z (see the header); the contraction order per term is chosen in _DATA."""
    lead = z.shape[:-1]
    x = z.reshape(-1, spec["dim"])
    n = x.shape[0]
    sets = [x[:, idx] for idx in c["sets"]]
    outs = []
    for part, consts in zip(spec["parts"], c["parts"]):
        da, count = part["dim"], part["count"]
        coef = spec["step"] * theta[part["offset"] : part["offset"] + count * part["columns"]].reshape(count, part["columns"])
        y, col = None, 0
        for term, k in zip(part["terms"], consts):
            s, nb, r = term["s"], term["nb"], term["r"]
            w = coef[:, col : col + s * nb * r]
            col += s * nb * r
            v, xi = sets[term["source"]], sets[term["input"]]
            if term["mode"] == "theta-x":
                db = term["db"]
                tx = jnp.matmul(w.reshape(count, s, nb, r).transpose(0, 1, 3, 2).reshape(count * s * r, nb), xi)
                ev = jnp.matmul(v, k["e"].astype(x.dtype)).reshape(n, s, r, da, db)
                yt = jnp.matmul(tx.reshape(n, count, s * r * db), ev.transpose(0, 1, 2, 4, 3).reshape(n, s * r * db, da))
            elif term["mode"] == "e-v-x":
                ev = jnp.matmul(v, k["e"].astype(x.dtype)).reshape(n, s, r * da, -1)
                u = jnp.matmul(xi[:, None], jnp.swapaxes(ev, -1, -2))
                yt = jnp.matmul(w, u.reshape(n, s * nb * r, da))
            else:
                prod = v[:, :, k["c"]][:, :, None, :] * xi[:, :, k["b"]][:, None, :, :] * k["vals"].astype(x.dtype)
                u = jnp.zeros((n, s, nb, r * da), x.dtype).at[..., k["target"]].add(prod)
                yt = jnp.matmul(w, u.reshape(n, s * nb * r, da))
            y = yt if y is None else y + yt
        outs.append(y.reshape(n, count * da))
    outs.append(jnp.zeros((n, 1), x.dtype))
    y = jnp.concatenate(outs, 1)[:, c["assemble"]]
    return (spec["scale"] * y).reshape(lead + (spec["dim"],))


def _gate(index, z):
    """sigmoid(z[index]) * z[:dim]: SiLU where index[j] = j, the summand's gate scalar elsewhere."""
    return jax.nn.sigmoid(z[..., index]) * z[..., : len(index)]


_BLOCKS = [
    {
        "linear": _linear_consts(b["linear"]),
        "bilinear": _bilinear_consts(b["bilinear"]) if b["bilinear"]["size"] > 0 else None,
        "gate": np.array(b["gate"], np.int32),
    }
    for b in _DATA["blocks"]
]
_HEAD = _linear_consts(_DATA["head"])


def _linear_init(key, spec, dtype):
    params = {"theta": spec["initStd"] * jax.random.normal(key, (spec["weight"]["size"],), dtype)}
    if spec["bias"]["size"] > 0:
        params["bias"] = jnp.zeros((spec["bias"]["size"],), dtype)
    return params


def init(key, dtype=DTYPE):
    """Parameters: {"blocks": [{"linear": {"theta", "bias"}, "bilinear": {"theta"}}, ...], "head": {...}}."""
    keys = jax.random.split(key, 2 * len(_DATA["blocks"]) + 1)
    blocks = []
    for i, b in enumerate(_DATA["blocks"]):
        p = {"linear": _linear_init(keys[2 * i], b["linear"], dtype)}
        if b["bilinear"]["size"] > 0:
            p["bilinear"] = {"theta": b["bilinear"]["initStd"] / b["bilinear"]["step"] * jax.random.normal(keys[2 * i + 1], (b["bilinear"]["size"],), dtype)}
        blocks.append(p)
    return {"blocks": blocks, "head": _linear_init(keys[-1], _DATA["head"], dtype)}


def block(i, params, h):
    """Block i (0-based): linear, + bilinear, gated nonlinearity; params is params["blocks"][i]."""
    spec, c = _DATA["blocks"][i], _BLOCKS[i]
    z = _linear(spec["linear"], c["linear"], params["linear"], h)
    if c["bilinear"] is not None:
        z = z + _bilinear(spec["bilinear"], c["bilinear"], params["bilinear"]["theta"], z)
    return _gate(c["gate"], z)


def _fit_side(side, x, eps=1e-6):
    rep = _REPS[side]
    x = np.asarray(x, np.float64).reshape(-1, rep["dim"])
    inv = np.array(_DATA["invariants"][side], np.float64).reshape(-1, rep["dim"])
    shift = inv.T @ np.linalg.solve(inv @ inv.T, inv @ x.mean(0)) if len(inv) else np.zeros(rep["dim"])
    scale = np.ones(rep["dim"])
    for inst in rep["instances"]:
        idx = np.array(inst["indices"])
        scale[idx] = max(float(np.sqrt(((x[:, idx] - shift[idx]) ** 2).mean())), eps)
    return {"shift": shift, "scale": scale}


def fit_standardization(x, y):
    """Equivariant standardisation stats for apply(..., stats): the mean projected onto the invariant
    vectors of each rep (the only shift that commutes with the group), and one scale per summand."""
    return {"in": _fit_side("in", x), "out": _fit_side("out", y)}


def apply(params, x, stats=None):
    """x: [..., dim_in] -> [..., dim_out]; stats from fit_standardization (None: no standardisation)."""
    h = x if stats is None else (x - stats["in"]["shift"].astype(x.dtype)) / stats["in"]["scale"].astype(x.dtype)
    for i in range(len(_DATA["blocks"])):
        h = block(i, params["blocks"][i], h)
    y = _linear(_DATA["head"], _HEAD, params["head"], h)
    return y if stats is None else y * stats["out"]["scale"].astype(y.dtype) + stats["out"]["shift"].astype(y.dtype)


def random_element(rng, scale=0.2, word=6):
    """A random group element g = exp(sum_k t_k A_k) * h_i1 ... h_iL, t_k ~ N(0, scale^2), as one
    float64 matrix per summand type of _DATA["types"] (every rep of the network is made of them)."""
    t = rng.normal(0.0, scale, _DATA["lie"])
    letters = rng.integers(0, _DATA["discrete"], rng.integers(1, word + 1)) if _DATA["discrete"] > 0 else []
    mats = []
    for ty in _DATA["types"]:
        g = np.eye(ty["dim"])
        if _DATA["lie"] > 0:
            g = _expm(sum(t[k] * _dense(a, ty["dim"]) for k, a in enumerate(ty["lie"])))
        for i in letters:
            g = g @ _dense(ty["discrete"][i], ty["dim"])
        mats.append(g)
    return mats


def act(rep, mats, x):
    """rho(g) x (numpy, float64) for x [..., dim] of the rep named rep ("in", "out", "h1", ...)."""
    y = np.empty_like(x)
    for inst in _REPS[rep]["instances"]:
        idx = np.array(inst["indices"], dtype=np.int64)
        y[..., idx] = x[..., idx] @ mats[inst["type"]].T
    return y


def equivariance_error(f, rep_in="in", rep_out="out", trials=5, seed=0, dtype=jnp.float32):
    """Worst relative error of f(rho_in(g) x) = rho_out(g) f(x) over random g and x (in dtype)."""
    rng = np.random.default_rng(seed)
    worst = 0.0
    for _ in range(trials):
        mats = random_element(rng)
        x = rng.normal(size=(7, _REPS[rep_in]["dim"]))
        lhs = np.asarray(f(jnp.asarray(act(rep_in, mats, x), dtype)), np.float64)
        rhs = act(rep_out, mats, np.asarray(f(jnp.asarray(x, dtype)), np.float64))
        worst = max(worst, float(np.linalg.norm(lhs - rhs) / max(np.linalg.norm(rhs), 1e-30)))
    return worst


def self_test(params=None, trials=5, tol=1e-4, seed=0):
    """Checks apply(params, rho_in(g) x) = rho_out(g) apply(params, x) on random g (float32 by
    default: tol 1e-4); returns the worst relative error and raises AssertionError above tol."""
    if params is None:
        params = init(jax.random.PRNGKey(seed))
    dtype = params["head"]["theta"].dtype
    f = jax.jit(apply)
    worst = equivariance_error(lambda x: f(params, x), "in", "out", trials, seed, dtype)
    assert worst <= tol, f"equivariance error {worst:.3g} > {tol:.3g}"
    return worst


def as_flax_module():
    """The same network as a flax.linen.Module (imports Flax only when called)."""
    import flax.linen as nn

    class EquivariantNetwork(nn.Module):
        @nn.compact
        def __call__(self, x):
            params = self.param("net", lambda key: init(key))
            return apply(params, x)

    return EquivariantNetwork
`;
