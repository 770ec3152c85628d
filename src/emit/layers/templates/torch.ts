/**
 * The fixed helper code every generated PyTorch file carries (the generated file stays
 * self-contained; this is its one copy in the TypeScript source). It reads the file's `_DATA`
 * literal (see ../header.ts) and the constants `_WIDE` (float64, or complex128 for a complex group)
 * and nothing else of the layer: the same text serves real and complex groups, a generator's COO
 * literal carrying its imaginary parts as a fourth list when there are any.
 */
/**
 * The helpers every generated file of this runtime carries, layer or network (see
 * ../../networks/templates/): the gather index of an expansion, basis values, generator matrices.
 */
export const SHARED_HELPERS = String.raw`
def _gather_index(e) -> Tensor:
    """W.flat = src[index]: positions into src for every entry of W, built once per block pair."""
    rows, cols, zero = e["rows"], e["cols"], e["srcLength"] - 1
    index = torch.full((rows * cols,), zero, dtype=torch.long)
    for b in e["blocks"]:
        m, n = b["m"], b["n"]
        out_idx = torch.tensor(b["outIndices"], dtype=torch.long).view(-1, 1, m, 1)
        in_idx = torch.tensor(b["inIndices"], dtype=torch.long).view(1, -1, 1, n)
        n_out, n_in = out_idx.shape[0], in_idx.shape[1]
        pos = torch.tensor(b["pos"], dtype=torch.long).view(1, 1, m, n)
        pair = torch.arange(n_out * n_in, dtype=torch.long).view(n_out, n_in, 1, 1)
        src = torch.where(pos >= 0, b["base"] + pair * b["stride"] + pos, torch.full_like(pos, zero))
        dest = out_idx * cols + in_idx
        index[dest.expand(n_out, n_in, m, n).reshape(-1)] = src.expand(n_out, n_in, m, n).reshape(-1)
    return index


def _values(re, im, dtype: torch.dtype) -> Tensor:
    """Basis or generator values as a tensor of dtype; im is None for a real group."""
    v = torch.tensor(re, dtype=torch.float64)
    if im is not None:
        v = torch.complex(v, torch.tensor(im, dtype=torch.float64))
    return v.to(dtype)


def _dense(coo, dim: int) -> Tensor:
    """A generator matrix from its COO literal [rows, cols, re(, im)], in _WIDE."""
    out = torch.zeros(dim, dim, dtype=_WIDE)
    vals = _values(coo[2], coo[3] if len(coo) == 4 else None, _WIDE)
    out[torch.tensor(coo[0], dtype=torch.long), torch.tensor(coo[1], dtype=torch.long)] = vals
    return out
`;

/** The single layer's group action and self-test. */
const LAYER_HELPERS = String.raw`

def random_element(generator: Optional[torch.Generator] = None, scale: float = 0.2, word: int = 6):
    """A random group element g = exp(sum_k t_k A_k) * h_i1 ... h_iL, t_k ~ N(0, scale^2), as the
    matrices (_WIDE: complex for a complex group) of every summand type of the in and out reps:
    (in_mats, out_mats)."""
    action = _DATA["action"]
    t = torch.randn(action["lie"], generator=generator, dtype=torch.float64) * scale
    length = int(torch.randint(1, word + 1, (1,), generator=generator)) if action["discrete"] > 0 else 0
    letters = torch.randint(0, max(action["discrete"], 1), (length,), generator=generator).tolist()
    result = []
    for side in ("in", "out"):
        mats = []
        for ty in action[side]["types"]:
            g = torch.eye(ty["dim"], dtype=_WIDE)
            if action["lie"] > 0:
                algebra = sum(float(t[k]) * _dense(a, ty["dim"]) for k, a in enumerate(ty["lie"]))
                g = torch.linalg.matrix_exp(algebra)
            for i in letters:
                g = g @ _dense(ty["discrete"][i], ty["dim"])
            mats.append(g)
        result.append(mats)
    return result[0], result[1]


def act(side: str, mats, x: Tensor) -> Tensor:
    """rho(g) x for x of shape [..., dim], summand instance by summand instance."""
    y = torch.empty_like(x)
    for inst in _DATA["action"][side]["instances"]:
        idx = torch.tensor(inst["indices"], dtype=torch.long, device=x.device)
        y[..., idx] = x[..., idx] @ mats[inst["type"]].to(x.device, x.dtype).T
    return y


def self_test(layer: Optional[nn.Module] = None, trials: int = 5, tol: float = 1e-5, seed: int = 0) -> float:
    """Checks layer(rho_in(g) x) = rho_out(g) layer(x) on random g; returns the worst relative
    error and raises AssertionError above tol. Without a layer, one with a random bias is built.
    For a complex group, x, g and the layer are complex: the full complex action is checked."""
    gen = torch.Generator().manual_seed(seed)
    if layer is None:
        layer = EquivariantLinear()
        with torch.no_grad():
            for p in layer.parameters():
                p.copy_(torch.randn(p.shape, generator=gen, dtype=p.dtype))
    p0 = next(layer.parameters())
    worst = 0.0
    for _ in range(trials):
        g_in, g_out = random_element(gen)
        x = torch.randn(7, _DATA["action"]["in"]["dim"], generator=gen, dtype=_WIDE)
        with torch.no_grad():
            lhs = layer(act("in", g_in, x).to(p0.device, p0.dtype)).to(_WIDE).cpu()
            rhs = act("out", g_out, layer(x.to(p0.device, p0.dtype)).to(_WIDE).cpu())
        err = float((lhs - rhs).norm() / rhs.norm().clamp_min(1e-30))
        worst = max(worst, err)
    assert worst <= tol, f"equivariance error {worst:.3g} > {tol:.3g}"
    return worst
`;

/** What a generated layer file carries. */
export const HELPERS = SHARED_HELPERS + LAYER_HELPERS;
