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
    for key, rank, _, offsets, axes, _ in INPUTS if side == "in" else OUTPUTS:
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
    for y, (_, rank, _, offsets, axes, _) in zip(ys, table):
        size = math.prod(_solved(axes))
        for c, o in enumerate(offsets):
            flat[:, o:o + size] = y[..., c].reshape(y.shape[0], -1)
    return flat


def _form(kind: str, n: int, dtype: torch.dtype = torch.float64, device: Optional[torch.device] = None) -> Tensor:
    """The constant tensor of a diagram at size n: eta (the Minkowski metric diag(1, -1, …)), etav (its
    diagonal), J (the symplectic form [[0, I], [-I, 0]], n even) or eps (the Levi-Civita symbol, n indices)."""
    if kind == "etav":
        return torch.tensor([1.0] + [-1.0] * (n - 1), dtype=dtype, device=device)
    if kind == "eta":
        return torch.diag(_form("etav", n, dtype, device))
    if kind == "J":
        e = torch.eye(n // 2, dtype=dtype, device=device)
        return torch.cat([torch.cat([torch.zeros_like(e), e], 1), torch.cat([-e, torch.zeros_like(e)], 1)], 0)
    eps = torch.zeros((n,) * n, dtype=dtype, device=device)
    for p in itertools.permutations(range(n)):
        eps[p] = (-1.0) ** sum(p[i] > p[j] for i in range(n) for j in range(i + 1, n))
    return eps


def random_element(sizes: List[int], generator: Optional[torch.Generator] = None) -> List[Tensor]:
    """One random element per factor at these sizes: a permutation (index vector) for S(n), a matrix
    (float64) for the others: orthogonal (det 1 for SO(n)), exp(eta S) (S antisymmetric, times a
    random diagonal of signs for O(1,3)), exp(J S) (S symmetric) for Sp."""
    out = []
    for (kind, _, _), n in zip(FACTORS, sizes):
        if kind == "symmetric":
            out.append(torch.randperm(n, generator=generator))
            continue
        a = torch.randn(n, n, generator=generator, dtype=torch.float64)
        if kind in ("orthogonal", "special-orthogonal"):
            q, r = torch.linalg.qr(a)
            q = q * torch.sign(torch.diagonal(r)).unsqueeze(0)
            if kind == "special-orthogonal" and torch.linalg.det(q) < 0:
                q[:, 0] = -q[:, 0]
        elif kind in ("lorentz", "special-lorentz"):
            q = torch.linalg.matrix_exp(0.5 * _form("eta", n) @ (a - a.T))
            if kind == "lorentz":
                q = torch.diag(torch.sign(torch.randn(n, generator=generator, dtype=torch.float64))) @ q
        else:
            q = torch.linalg.matrix_exp(0.3 * _form("J", n) @ (a + a.T))
        out.append(q)
    return out


def act(g: List[Tensor], t: Tensor, axes: List[int], duals: Optional[List[bool]] = None) -> Tensor:
    """g (one element per factor) applied to every group axis of t [batch, …, channels]; axes: the factor
    of each; on a dual axis g^-T."""
    for a, f in enumerate(axes, 1):
        if FACTORS[f][0] == "symmetric":
            t = t.index_select(a, g[f])
        else:
            m = torch.linalg.inv(g[f]).T if duals is not None and duals[a - 1] else g[f]
            t = torch.movedim(torch.tensordot(m.to(t.dtype), t, dims=([1], [a])), 0, a)
    return t


def self_test(layer: Optional[nn.Module] = None, sizes: Optional[List[int]] = None, tol: float = 1e-6, seed: int = 0) -> float:
    """Max relative error of layer(g x) = g layer(x), random g and random parameters, float64, with every
    size-agnostic factor at each n in sizes (Sp(n): axes of size 2n; the others at their own size)."""
    layer = EquivariantLinear() if layer is None else layer
    wide = copy.deepcopy(layer).to(torch.float64)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in wide.parameters():
            p.normal_(0.0, 1.0, generator=gen)
    worst = 0.0
    for n in sizes if sizes is not None else sorted({1, 2, 3, max(f[1] for f in FACTORS)}):
        ns = [((2 * n if kind == "symplectic" else n) if any_size else solved) for kind, solved, any_size in FACTORS]
        xs = [torch.randn((2,) + tuple(ns[f] for f in t[4]) + (t[2],), generator=gen, dtype=torch.float64) for t in INPUTS]
        g = random_element(ns, gen)
        with torch.no_grad():
            size = next((x for x, f in zip(ns, FACTORS) if f[2]), n)  # the axis size the argument n stands for
            ys = wide(*xs, n=size)
            gys = wide(*[act(g, x, t[4], t[5]) for x, t in zip(xs, INPUTS)], n=size)
        ys = list(ys) if isinstance(ys, tuple) else [ys]
        gys = list(gys) if isinstance(gys, tuple) else [gys]
        for y, gy, t in zip(ys, gys, OUTPUTS):
            err = (act(g, y, t[4], t[5]) - gy).abs().max().item() / max(1.0, y.abs().max().item())
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
    for key, rank, _, offsets, axes, _ in INPUTS if side == "in" else OUTPUTS:
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
    for y, (_, rank, _, offsets, axes, _) in zip(ys, table):
        for c, o in enumerate(offsets):
            parts[o] = y[..., c].reshape(y.shape[0], -1)
    return jnp.concatenate([parts[o] for o in sorted(parts)], -1)


def _form(kind, n):
    """The constant tensor of a diagram at size n (numpy): eta (the Minkowski metric diag(1, -1, …)), etav
    (its diagonal), J (the symplectic form [[0, I], [-I, 0]], n even) or eps (the Levi-Civita symbol, n indices)."""
    if kind == "etav":
        return np.array([1.0] + [-1.0] * (n - 1))
    if kind == "eta":
        return np.diag(_form("etav", n))
    if kind == "J":
        e = np.eye(n // 2)
        return np.block([[np.zeros_like(e), e], [-e, np.zeros_like(e)]])
    eps = np.zeros((n,) * n)
    for p in itertools.permutations(range(n)):
        eps[p] = (-1.0) ** sum(p[i] > p[j] for i in range(n) for j in range(i + 1, n))
    return eps


def random_element(sizes, rng):
    """One random element per factor (rng: numpy Generator): a permutation (index vector) for S(n), a
    matrix for the others: orthogonal (det 1 for SO(n)), exp(eta S) (S antisymmetric, times a random
    diagonal of signs for O(1,3)), exp(J S) (S symmetric) for Sp."""
    from scipy.linalg import expm
    out = []
    for (kind, _, _), n in zip(FACTORS, sizes):
        if kind == "symmetric":
            out.append(rng.permutation(n))
            continue
        a = rng.standard_normal((n, n))
        if kind in ("orthogonal", "special-orthogonal"):
            q, r = np.linalg.qr(a)
            q = q * np.sign(np.diag(r))[None, :]
            if kind == "special-orthogonal" and np.linalg.det(q) < 0:
                q[:, 0] = -q[:, 0]
        elif kind in ("lorentz", "special-lorentz"):
            q = expm(0.5 * _form("eta", n) @ (a - a.T))
            if kind == "lorentz":
                q = np.diag(np.sign(rng.standard_normal(n))) @ q
        else:
            q = expm(0.3 * _form("J", n) @ (a + a.T))
        out.append(q)
    return out


def act(g, t, axes, duals=None):
    """g (one element per factor) applied to every group axis of t [batch, …, channels]; axes: the factor of
    each; on a dual axis g^-T."""
    t = np.asarray(t, dtype=np.float64)
    for a, f in enumerate(axes, 1):
        if FACTORS[f][0] == "symmetric":
            t = np.take(t, g[f], axis=a)
        else:
            m = np.linalg.inv(g[f]).T if duals is not None and duals[a - 1] else g[f]
            t = np.moveaxis(np.tensordot(m, t, axes=([1], [a])), 0, a)
    return t


def self_test(params=None, sizes=None, tol=1e-4, seed=0):
    """Max relative error of apply(g x) = g apply(x) (float32), random g and random parameters, with every
    size-agnostic factor at each n in sizes (Sp(n): axes of size 2n; the others at their own size)."""
    rng = np.random.default_rng(seed)
    params = init(jax.random.PRNGKey(seed)) if params is None else params
    params = {k: jnp.asarray(rng.standard_normal(v.shape), v.dtype) for k, v in params.items()}
    worst = 0.0
    for n in sizes if sizes is not None else sorted({1, 2, 3, max(f[1] for f in FACTORS)}):
        ns = [((2 * n if kind == "symplectic" else n) if any_size else solved) for kind, solved, any_size in FACTORS]
        xs = [rng.standard_normal((2,) + tuple(ns[f] for f in t[4]) + (t[2],)) for t in INPUTS]
        g = random_element(ns, rng)
        size = next((x for x, f in zip(ns, FACTORS) if f[2]), n)  # the axis size the argument n stands for
        ys = apply(params, *[jnp.asarray(x, DTYPE) for x in xs], n=size)
        gys = apply(params, *[jnp.asarray(act(g, x, t[4], t[5]), DTYPE) for x, t in zip(xs, INPUTS)], n=size)
        ys = list(ys) if isinstance(ys, tuple) else [ys]
        gys = list(gys) if isinstance(gys, tuple) else [gys]
        for y, gy, t in zip(ys, gys, OUTPUTS):
            y = np.asarray(y, np.float64)
            err = float(np.abs(act(g, y, t[4], t[5]) - np.asarray(gy, np.float64)).max()) / max(1.0, float(np.abs(y).max()))
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
