/**
 * The fixed helper code of size-agnostic layer files, once per runtime: the flat-layout bridge
 * (from_flat/to_flat, valid at the solved n only, for comparing with the fixed-n layer), the group
 * action on one tensor (a permutation or an orthogonal matrix on every n-axis) and the self-test.
 * They read the module constants FACTORS, INPUTS, OUTPUTS (and _take_index its arguments) and nothing else.
 */
const TORCH = String.raw`

def _diagonal(y: Tensor, blocks: List[List[int]]) -> Tensor:
    """The view of y [batch, …, C] with one axis per block of group axes (indices equal within a block).
    Built from torch.diagonal and permute, views that autograd and torch.compile can update in place."""
    channels = y.dim() - 1
    dims = list(range(y.dim()))  # the original axis of each current dimension
    for b in blocks:
        for a in b[1:]:
            y = y.diagonal(0, dims.index(b[0] + 1), dims.index(a + 1))
            dims = [d for d in dims if d not in (b[0] + 1, a + 1)] + [b[0] + 1]
    return y.permute([dims.index(d) for d in [0] + [b[0] + 1 for b in blocks] + [channels]])


def _solved(axes: List[int]) -> Tuple[int, ...]:
    """The shape of a tensor's group axes at the sizes the basis was solved at."""
    return tuple(FACTORS[f][1] for f in axes)


def from_flat(x: Tensor, side: str = "in") -> List[Tensor]:
    """x [batch, dim] in the flat layout of the fixed-size layer (sizes of FACTORS) -> one tensor per summand."""
    out = []
    for key, rank, _, offsets, axes in INPUTS if side == "in" else OUTPUTS:
        if any(o is None for o in offsets):
            raise NotImplementedError(key + ": its copies are interleaved in the flat layout")
        shape = _solved(axes)
        size = math.prod(shape)
        out.append(torch.stack([x[:, o:o + size].reshape((x.shape[0],) + shape) for o in offsets], -1))
    return out


def to_flat(ys: List[Tensor], side: str = "out") -> Tensor:
    """The inverse of from_flat: one tensor per summand at the solved sizes -> [batch, dim]."""
    table = INPUTS if side == "in" else OUTPUTS
    dim = sum(len(t[3]) * math.prod(_solved(t[4])) for t in table)
    flat = ys[0].new_zeros(ys[0].shape[0], dim)
    for y, (_, rank, _, offsets, axes) in zip(ys, table):
        size = math.prod(_solved(axes))
        for c, o in enumerate(offsets):
            flat[:, o:o + size] = y[..., c].reshape(y.shape[0], -1)
    return flat


def random_element(sizes: List[int], generator: Optional[torch.Generator] = None) -> List[Tensor]:
    """One random element per factor at these sizes: a permutation (index vector) for S(n), an
    orthogonal matrix (float64) for O(n), of determinant 1 for SO(n)."""
    out = []
    for (kind, _, _), n in zip(FACTORS, sizes):
        if kind == "symmetric":
            out.append(torch.randperm(n, generator=generator))
            continue
        q, r = torch.linalg.qr(torch.randn(n, n, generator=generator, dtype=torch.float64))
        q = q * torch.sign(torch.diagonal(r)).unsqueeze(0)
        if kind == "special-orthogonal" and torch.linalg.det(q) < 0:
            q[:, 0] = -q[:, 0]
        out.append(q)
    return out


def act(g: List[Tensor], t: Tensor, axes: List[int]) -> Tensor:
    """g (one element per factor) applied to every group axis of t [batch, …, channels]; axes: the factor of each."""
    for a, f in enumerate(axes, 1):
        if FACTORS[f][0] == "symmetric":
            t = t.index_select(a, g[f])
        else:
            t = torch.movedim(torch.tensordot(g[f].to(t.dtype), t, dims=([1], [a])), 0, a)
    return t


def self_test(layer: Optional[nn.Module] = None, sizes: Optional[List[int]] = None, tol: float = 1e-6, seed: int = 0) -> float:
    """Max relative error of layer(g x) = g layer(x), random g and random parameters, float64, with every
    size-agnostic factor at each n in sizes (the others at their own size)."""
    layer = EquivariantLinear() if layer is None else layer
    wide = copy.deepcopy(layer).to(torch.float64)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in wide.parameters():
            p.normal_(0.0, 1.0, generator=gen)
    worst = 0.0
    for n in sizes if sizes is not None else sorted({1, 2, 3, max(f[1] for f in FACTORS)}):
        ns = [n if any_size else solved for _, solved, any_size in FACTORS]
        xs = [torch.randn((2,) + tuple(ns[f] for f in t[4]) + (t[2],), generator=gen, dtype=torch.float64) for t in INPUTS]
        g = random_element(ns, gen)
        with torch.no_grad():
            ys = wide(*xs, n=n)
            gys = wide(*[act(g, x, t[4]) for x, t in zip(xs, INPUTS)], n=n)
        ys = list(ys) if isinstance(ys, tuple) else [ys]
        gys = list(gys) if isinstance(gys, tuple) else [gys]
        for y, gy, t in zip(ys, gys, OUTPUTS):
            err = (act(g, y, t[4]) - gy).abs().max().item() / max(1.0, y.abs().max().item())
            worst = max(worst, err)
    if worst > tol:
        raise AssertionError("not equivariant: relative error %g" % worst)
    return worst
`;

const JAX = String.raw`

def _solved(axes):
    """The shape of a tensor's group axes at the sizes the basis was solved at."""
    return tuple(FACTORS[f][1] for f in axes)


def from_flat(x, side="in"):
    """x [batch, dim] in the flat layout of the fixed-size layer (sizes of FACTORS) -> one array per summand."""
    out = []
    for key, rank, _, offsets, axes in INPUTS if side == "in" else OUTPUTS:
        if any(o is None for o in offsets):
            raise NotImplementedError(key + ": its copies are interleaved in the flat layout")
        shape = _solved(axes)
        size = int(np.prod(shape))
        out.append(jnp.stack([x[:, o:o + size].reshape((x.shape[0],) + shape) for o in offsets], -1))
    return out


def to_flat(ys, side="out"):
    """The inverse of from_flat: one array per summand at the solved sizes -> [batch, dim]."""
    table = INPUTS if side == "in" else OUTPUTS
    parts = {}
    for y, (_, rank, _, offsets, axes) in zip(ys, table):
        for c, o in enumerate(offsets):
            parts[o] = y[..., c].reshape(y.shape[0], -1)
    return jnp.concatenate([parts[o] for o in sorted(parts)], -1)


def random_element(sizes, rng):
    """One random element per factor (rng: numpy Generator): a permutation (index vector) for S(n), an
    orthogonal matrix for O(n), of determinant 1 for SO(n)."""
    out = []
    for (kind, _, _), n in zip(FACTORS, sizes):
        if kind == "symmetric":
            out.append(rng.permutation(n))
            continue
        q, r = np.linalg.qr(rng.standard_normal((n, n)))
        q = q * np.sign(np.diag(r))[None, :]
        if kind == "special-orthogonal" and np.linalg.det(q) < 0:
            q[:, 0] = -q[:, 0]
        out.append(q)
    return out


def act(g, t, axes):
    """g (one element per factor) applied to every group axis of t [batch, …, channels]; axes: the factor of each."""
    t = np.asarray(t, dtype=np.float64)
    for a, f in enumerate(axes, 1):
        t = np.take(t, g[f], axis=a) if FACTORS[f][0] == "symmetric" else np.moveaxis(np.tensordot(g[f], t, axes=([1], [a])), 0, a)
    return t


def self_test(params=None, sizes=None, tol=1e-4, seed=0):
    """Max relative error of apply(g x) = g apply(x) (float32), random g and random parameters, with every
    size-agnostic factor at each n in sizes (the others at their own size)."""
    rng = np.random.default_rng(seed)
    params = init(jax.random.PRNGKey(seed)) if params is None else params
    params = {k: jnp.asarray(rng.standard_normal(v.shape), v.dtype) for k, v in params.items()}
    worst = 0.0
    for n in sizes if sizes is not None else sorted({1, 2, 3, max(f[1] for f in FACTORS)}):
        ns = [n if any_size else solved for _, solved, any_size in FACTORS]
        xs = [rng.standard_normal((2,) + tuple(ns[f] for f in t[4]) + (t[2],)) for t in INPUTS]
        g = random_element(ns, rng)
        ys = apply(params, *[jnp.asarray(x, DTYPE) for x in xs], n=n)
        gys = apply(params, *[jnp.asarray(act(g, x, t[4]), DTYPE) for x, t in zip(xs, INPUTS)], n=n)
        ys = list(ys) if isinstance(ys, tuple) else [ys]
        gys = list(gys) if isinstance(gys, tuple) else [gys]
        for y, gy, t in zip(ys, gys, OUTPUTS):
            y = np.asarray(y, np.float64)
            err = float(np.abs(act(g, y, t[4]) - np.asarray(gy, np.float64)).max()) / max(1.0, float(np.abs(y).max()))
            worst = max(worst, err)
    if worst > tol:
        raise AssertionError("not equivariant: relative error %g" % worst)
    return worst
`;

/** Plain Python, both runtimes: the gather index of the mixing matrices (see PARAMS, MIXES). */
const TAKE = String.raw`

def _take_index(params, mixes):
    """Entry j of the gathered vector m is entry [j] of the concatenated flattened parameters: per product,
    M row-major ([reduction, channel in] x [group, channel out]; M[(r, c), (g, o)] = w[diagram, o, c]), then its bias."""
    shapes, zero = params
    starts, total = [], 0
    for _, shape in shapes:
        starts.append(total)
        size = 1
        for s in shape:
            size *= s
        total += size
    index = []
    for cins, couts, blocks, bias in mixes:
        for r, cin in enumerate(cins):
            for c in range(cin):
                for g, cout in enumerate(couts):
                    param, d = blocks[r][g]
                    index.extend(starts[param] + (d * cout + o) * cin + c for o in range(cout))
        if bias is not None:
            for g, cout in enumerate(couts):
                index.extend(total if bias[g] is None else starts[bias[g][0]] + bias[g][1] * cout + o for o in range(cout))
    return index
`;

/**
 * The helper text of one runtime.
 *
 * @example
 * helpers('torch').includes('def self_test(') // true
 */
export function helpers(runtime: 'torch' | 'jax'): string {
  return TAKE + (runtime === 'torch' ? TORCH : JAX);
}
