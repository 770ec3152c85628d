/**
 * The fixed helper code of size-agnostic layer files, once per runtime: the flat-layout bridge
 * (from_flat/to_flat, valid at the solved n only, for comparing with the fixed-n layer), the group
 * action on one tensor (a permutation or an orthogonal matrix on every n-axis) and the self-test.
 * They read the module constants FAMILY, N_SOLVED, INPUTS, OUTPUTS (and _take_index its arguments) and nothing else.
 */
const TORCH = String.raw`

def _diagonal(y: Tensor, blocks: List[List[int]]) -> Tensor:
    """The view of y [batch, n, …, n, C] with one axis per block of n-axes (indices equal within a block)."""
    st = y.stride()
    size = [y.shape[0]] + [y.shape[b[0] + 1] for b in blocks] + [y.shape[-1]]
    stride = [st[0]] + [sum(st[a + 1] for a in b) for b in blocks] + [st[-1]]
    return y.as_strided(size, stride, y.storage_offset())



def from_flat(x: Tensor, side: str = "in") -> List[Tensor]:
    """x [batch, dim] in the flat layout of the fixed-n layer at N_SOLVED -> one tensor per summand."""
    n = N_SOLVED
    out = []
    for key, rank, _, offsets in INPUTS if side == "in" else OUTPUTS:
        if any(o is None for o in offsets):
            raise NotImplementedError(key + ": its copies are interleaved in the flat layout")
        size = n ** rank
        out.append(torch.stack([x[:, o:o + size].reshape((x.shape[0],) + (n,) * rank) for o in offsets], -1))
    return out


def to_flat(ys: List[Tensor], side: str = "out") -> Tensor:
    """The inverse of from_flat: one tensor per summand at N_SOLVED -> [batch, dim]."""
    n = N_SOLVED
    table = INPUTS if side == "in" else OUTPUTS
    dim = sum(len(t[3]) * n ** t[1] for t in table)
    flat = ys[0].new_zeros(ys[0].shape[0], dim)
    for y, (_, rank, _, offsets) in zip(ys, table):
        for c, o in enumerate(offsets):
            flat[:, o:o + n ** rank] = y[..., c].reshape(y.shape[0], -1)
    return flat


def random_element(n: int, generator: Optional[torch.Generator] = None) -> Tensor:
    """A random permutation (S(n): index vector) or orthogonal matrix (O(n), float64)."""
    if FAMILY == "symmetric":
        return torch.randperm(n, generator=generator)
    q, r = torch.linalg.qr(torch.randn(n, n, generator=generator, dtype=torch.float64))
    return q * torch.sign(torch.diagonal(r)).unsqueeze(0)


def act(g: Tensor, t: Tensor, rank: int) -> Tensor:
    """g applied to every n-axis (1 … rank) of t [batch, n, …, n, channels]."""
    for a in range(1, rank + 1):
        if FAMILY == "symmetric":
            t = t.index_select(a, g)
        else:
            t = torch.movedim(torch.tensordot(g.to(t.dtype), t, dims=([1], [a])), 0, a)
    return t


def self_test(layer: Optional[nn.Module] = None, sizes: Optional[List[int]] = None, tol: float = 1e-6, seed: int = 0) -> float:
    """Max relative error of layer(g x) = g layer(x), random g and random parameters, float64, at every n in sizes."""
    layer = EquivariantLinear() if layer is None else layer
    wide = copy.deepcopy(layer).to(torch.float64)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in wide.parameters():
            p.normal_(0.0, 1.0, generator=gen)
    worst = 0.0
    for n in sizes if sizes is not None else sorted({1, 2, 3, N_SOLVED}):
        xs = [torch.randn((2,) + (n,) * t[1] + (t[2],), generator=gen, dtype=torch.float64) for t in INPUTS]
        g = random_element(n, gen)
        with torch.no_grad():
            ys = wide(*xs, n=n)
            gys = wide(*[act(g, x, t[1]) for x, t in zip(xs, INPUTS)], n=n)
        ys = list(ys) if isinstance(ys, tuple) else [ys]
        gys = list(gys) if isinstance(gys, tuple) else [gys]
        for y, gy, t in zip(ys, gys, OUTPUTS):
            err = (act(g, y, t[1]) - gy).abs().max().item() / max(1.0, y.abs().max().item())
            worst = max(worst, err)
    if worst > tol:
        raise AssertionError("not equivariant: relative error %g" % worst)
    return worst
`;

const JAX = String.raw`

def from_flat(x, side="in"):
    """x [batch, dim] in the flat layout of the fixed-n layer at N_SOLVED -> one array per summand."""
    n = N_SOLVED
    out = []
    for key, rank, _, offsets in INPUTS if side == "in" else OUTPUTS:
        if any(o is None for o in offsets):
            raise NotImplementedError(key + ": its copies are interleaved in the flat layout")
        size = n ** rank
        out.append(jnp.stack([x[:, o:o + size].reshape((x.shape[0],) + (n,) * rank) for o in offsets], -1))
    return out


def to_flat(ys, side="out"):
    """The inverse of from_flat: one array per summand at N_SOLVED -> [batch, dim]."""
    n = N_SOLVED
    table = INPUTS if side == "in" else OUTPUTS
    parts = {}
    for y, (_, rank, _, offsets) in zip(ys, table):
        for c, o in enumerate(offsets):
            parts[o] = y[..., c].reshape(y.shape[0], -1)
    return jnp.concatenate([parts[o] for o in sorted(parts)], -1)


def random_element(n, rng):
    """A random permutation (S(n): index vector) or orthogonal matrix (O(n)); rng: numpy Generator."""
    if FAMILY == "symmetric":
        return rng.permutation(n)
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))[None, :]


def act(g, t, rank):
    """g applied to every n-axis (1 … rank) of t [batch, n, …, n, channels]."""
    t = np.asarray(t, dtype=np.float64)
    for a in range(1, rank + 1):
        t = np.take(t, g, axis=a) if FAMILY == "symmetric" else np.moveaxis(np.tensordot(g, t, axes=([1], [a])), 0, a)
    return t


def self_test(params=None, sizes=None, tol=1e-4, seed=0):
    """Max relative error of apply(g x) = g apply(x) (float32), random g and random parameters, at every n in sizes."""
    rng = np.random.default_rng(seed)
    params = init(jax.random.PRNGKey(seed)) if params is None else params
    params = {k: jnp.asarray(rng.standard_normal(v.shape), v.dtype) for k, v in params.items()}
    worst = 0.0
    for n in sizes if sizes is not None else sorted({1, 2, 3, N_SOLVED}):
        xs = [rng.standard_normal((2,) + (n,) * t[1] + (t[2],)) for t in INPUTS]
        g = random_element(n, rng)
        ys = apply(params, *[jnp.asarray(x, DTYPE) for x in xs], n=n)
        gys = apply(params, *[jnp.asarray(act(g, x, t[1]), DTYPE) for x, t in zip(xs, INPUTS)], n=n)
        ys = list(ys) if isinstance(ys, tuple) else [ys]
        gys = list(gys) if isinstance(gys, tuple) else [gys]
        for y, gy, t in zip(ys, gys, OUTPUTS):
            y = np.asarray(y, np.float64)
            err = float(np.abs(act(g, y, t[1]) - np.asarray(gy, np.float64)).max()) / max(1.0, float(np.abs(y).max()))
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
