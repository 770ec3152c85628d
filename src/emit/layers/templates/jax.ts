/**
 * The fixed helper code every generated JAX file carries (the generated file stays
 * self-contained; this is its one copy in the TypeScript source). It reads the file's `_DATA`
 * literal (see ../header.ts), `COMPLEX` and `_WIDE` (float64, or complex128 for a complex group),
 * and nothing else of the layer: the same text serves real and complex groups, a generator's COO
 * literal carrying its imaginary parts as a fourth list when there are any.
 */
/**
 * The helpers every generated file of this runtime carries, layer or network (see
 * ../../networks/templates/): the gather index of an expansion, basis values, generator matrices.
 */
export const SHARED_HELPERS = String.raw`
def _gather_index(e):
    """W.flat = src[index]: positions into src for every entry of W, built once per block pair."""
    rows, cols, zero = e["rows"], e["cols"], e["srcLength"] - 1
    index = np.full(rows * cols, zero, dtype=np.int32)
    for b in e["blocks"]:
        m, n = b["m"], b["n"]
        out_idx = np.array(b["outIndices"], dtype=np.int64).reshape(-1, 1, m, 1)
        in_idx = np.array(b["inIndices"], dtype=np.int64).reshape(1, -1, 1, n)
        n_out, n_in = out_idx.shape[0], in_idx.shape[1]
        pos = np.array(b["pos"], dtype=np.int64).reshape(1, 1, m, n)
        pair = np.arange(n_out * n_in, dtype=np.int64).reshape(n_out, n_in, 1, 1)
        src = np.where(pos >= 0, b["base"] + pair * b["stride"] + pos, zero)
        dest = np.broadcast_to(out_idx * cols + in_idx, (n_out, n_in, m, n))
        index[dest.reshape(-1)] = np.broadcast_to(src, (n_out, n_in, m, n)).reshape(-1)
    return index


def _values(re, im, dtype):
    """Basis or generator values as a numpy array of dtype; im is None for a real group."""
    v = np.array(re, dtype=np.float64)
    if im is not None:
        v = v + 1j * np.array(im, dtype=np.float64)
    return v.astype(dtype)


def _dense(coo, dim):
    """A generator matrix from its COO literal [rows, cols, re(, im)], in _WIDE."""
    out = np.zeros((dim, dim), dtype=_WIDE)
    out[np.array(coo[0], dtype=np.int64), np.array(coo[1], dtype=np.int64)] = _values(coo[2], coo[3] if len(coo) == 4 else None, _WIDE)
    return out


def _normal(rng, shape):
    """Standard normal samples in _WIDE: complex ones (E|z|^2 = 1) for a complex group."""
    if COMPLEX:
        return (rng.normal(size=shape) + 1j * rng.normal(size=shape)) / np.sqrt(2)
    return rng.normal(size=shape)


def _expm(a):
    """exp(a) in float64 or complex128 by scaling and squaring a Taylor series (small matrices only)."""
    norm = np.abs(a).sum(axis=1).max() if a.size else 0.0
    s = max(0, int(np.ceil(np.log2(norm))) + 1) if norm > 0.5 else 0
    a = a / (2.0 ** s)
    result, term = np.eye(a.shape[0]), np.eye(a.shape[0])
    for k in range(1, 20):
        term = term @ a / k
        result = result + term
    for _ in range(s):
        result = result @ result
    return result
`;

/** The single layer's group action and self-test. */
const LAYER_HELPERS = String.raw`

def random_element(rng, scale=0.2, word=6):
    """A random group element g = exp(sum_k t_k A_k) * h_i1 ... h_iL, t_k ~ N(0, scale^2), as the
    matrices (_WIDE: complex for a complex group) of every summand type of the in and out reps:
    (in_mats, out_mats)."""
    action = _DATA["action"]
    t = rng.normal(0.0, scale, action["lie"])
    letters = rng.integers(0, action["discrete"], rng.integers(1, word + 1)) if action["discrete"] > 0 else []
    result = []
    for side in ("in", "out"):
        mats = []
        for ty in action[side]["types"]:
            g = np.eye(ty["dim"], dtype=_WIDE)
            if action["lie"] > 0:
                g = _expm(sum(t[k] * _dense(a, ty["dim"]) for k, a in enumerate(ty["lie"])))
            for i in letters:
                g = g @ _dense(ty["discrete"][i], ty["dim"])
            mats.append(g)
        result.append(mats)
    return result[0], result[1]


def act(side, mats, x):
    """rho(g) x (numpy, _WIDE) for x of shape [..., dim], summand instance by summand instance."""
    y = np.empty_like(x)
    for inst in _DATA["action"][side]["instances"]:
        idx = np.array(inst["indices"], dtype=np.int64)
        y[..., idx] = x[..., idx] @ mats[inst["type"]].T
    return y


def self_test(params=None, trials=5, tol=1e-5, seed=0):
    """Checks apply(params, rho_in(g) x) = rho_out(g) apply(params, x) on random g; returns the worst
    relative error and raises AssertionError above tol. Without params, random ones are drawn.
    For a complex group, x, g and the params are complex: the full complex action is checked."""
    rng = np.random.default_rng(seed)
    if params is None:
        params = {k: jnp.asarray(_normal(rng, v.shape), v.dtype) for k, v in init(jax.random.PRNGKey(seed)).items()}
    dtype = params["theta"].dtype
    f = jax.jit(apply)
    worst = 0.0
    for _ in range(trials):
        g_in, g_out = random_element(rng)
        x = _normal(rng, (7, _DATA["action"]["in"]["dim"]))
        lhs = np.asarray(f(params, jnp.asarray(act("in", g_in, x), dtype)), dtype=_WIDE)
        rhs = act("out", g_out, np.asarray(f(params, jnp.asarray(x, dtype)), dtype=_WIDE))
        worst = max(worst, float(np.linalg.norm(lhs - rhs) / max(np.linalg.norm(rhs), 1e-30)))
    assert worst <= tol, f"equivariance error {worst:.3g} > {tol:.3g}"
    return worst


def as_flax_module():
    """The same layer as a flax.linen.Module (imports Flax only when called)."""
    import flax.linen as nn

    class EquivariantLinear(nn.Module):
        @nn.compact
        def __call__(self, x):
            ref = init(jax.random.PRNGKey(0))
            params = {k: self.param(k, lambda key, k=k: init(key)[k]) for k in ref}
            return apply(params, x)

    return EquivariantLinear
`;

/** What a generated layer file carries. */
export const HELPERS = SHARED_HELPERS + LAYER_HELPERS;
