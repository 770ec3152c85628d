/**
 * The fixed code every generated PyTorch network carries after the runtime's shared helpers
 * (../../layers/templates/torch.ts): generic modules built from the file's `_DATA` literal (see
 * ../header.ts and ../data.ts) — the linear layer, the bilinear layer, the gate, the block, the
 * standardisation and the network — plus the group action and the self-test. Nothing here
 * depends on one network: the same text serves every group and every size. Plain torch only;
 * Python loops run over the literal's fixed structure, so torch.compile and torch.export trace
 * them into a flat graph.
 */
export const NETWORK_HELPERS = String.raw`
_REPS = {r["name"]: r for r in _DATA["reps"]}


def _long(values) -> Tensor:
    return torch.tensor(values, dtype=torch.long)


class _Linear(nn.Module):
    """x -> W x + b with W = sum_k theta_k B_k in Hom_G(in, out) and b invariant, expanded by one
    gather from [theta, -theta, sparse and dense block values, 0] (as in a generated layer)."""

    def __init__(self, spec, dtype: torch.dtype) -> None:
        super().__init__()
        self._spec = spec
        self.init_std = spec["initStd"]
        w, b = spec["weight"], spec["bias"]
        self.theta = nn.Parameter(torch.empty(w["size"], dtype=dtype))
        self.bias_theta = nn.Parameter(torch.zeros(b["size"], dtype=dtype)) if b["size"] > 0 else None
        for name, e in (("w", w), ("b", b)):
            if e["size"] == 0:
                continue
            self.register_buffer(name + "_index", _gather_index(e), persistent=False)
            for t, blk in enumerate(e["blocks"]):
                if blk["form"] == "sparse":
                    self.register_buffer(f"{name}_rows_{t}", _long(blk["cooRows"]), persistent=False)
                    self.register_buffer(f"{name}_cols_{t}", _long(blk["cooCols"]), persistent=False)
                    self.register_buffer(f"{name}_vals_{t}", torch.tensor(blk["cooValues"], dtype=dtype), persistent=False)
                elif blk["form"] == "dense":
                    values = torch.tensor(blk["dense"], dtype=dtype).view(blk["r"], blk["m"] * blk["n"])
                    self.register_buffer(f"{name}_dense_{t}", values, persistent=False)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        with torch.no_grad():
            self.theta.normal_(0.0, self.init_std)
            if self.bias_theta is not None:
                self.bias_theta.zero_()

    def _expand(self, name: str, e, p: Tensor) -> Tensor:
        if e["size"] == 0:
            return p.new_zeros(e["rows"], e["cols"])
        parts = [p, -p] if e["negate"] else [p]
        for t, blk in enumerate(e["blocks"]):
            if blk["form"] == "gather":
                continue
            pairs = len(blk["outIndices"]) * len(blk["inIndices"])
            coef = p[blk["paramOffset"] : blk["paramOffset"] + pairs * blk["r"]].view(pairs, blk["r"])
            if blk["form"] == "sparse":
                rows, cols = getattr(self, f"{name}_rows_{t}"), getattr(self, f"{name}_cols_{t}")
                vals = getattr(self, f"{name}_vals_{t}")
                block = p.new_zeros(pairs, blk["m"] * blk["n"]).index_add(1, cols, coef[:, rows] * vals)
            else:
                block = torch.matmul(coef, getattr(self, f"{name}_dense_{t}"))
            parts.append(block.reshape(-1))
        if e["zeroSlot"]:
            parts.append(p.new_zeros(1))
        src = torch.cat(parts) if len(parts) > 1 else p
        # gather (scatter_add backward) is fastest for small W, index_select (index_add) for large.
        index = getattr(self, name + "_index")
        flat = torch.gather(src, 0, index) if e["rows"] * e["cols"] <= 65536 else torch.index_select(src, 0, index)
        return flat.view(e["rows"], e["cols"])

    @property
    def weight(self) -> Tensor:
        return self._expand("w", self._spec["weight"], self.theta)

    @property
    def bias(self) -> Optional[Tensor]:
        if self.bias_theta is None:
            return None
        return self._expand("b", self._spec["bias"], self.bias_theta).view(-1)

    def forward(self, x: Tensor) -> Tensor:
        return F.linear(x, self.weight, self.bias)


class _Bilinear(nn.Module):
    """z -> scale * W(z) z, W(z) in Hom(R, R) linear in a few source summands of z through exact
    equivariant maps E_k: R_c (x) R_b -> R_a (EMLP's bilinear layer; see the header)."""

    def __init__(self, spec, dtype: torch.dtype) -> None:
        super().__init__()
        self._spec = spec
        self.dim, self.scale, self.init_std, self.step = spec["dim"], spec["scale"], spec["initStd"], spec["step"]
        self.theta = nn.Parameter(torch.empty(spec["size"], dtype=dtype))
        for k, coords in enumerate(spec["sets"]):
            self.register_buffer(f"set_{k}", _long(coords).view(-1), persistent=False)
        for p, part in enumerate(spec["parts"]):
            for t, term in enumerate(part["terms"]):
                if term["mode"] != "sparse":
                    # E as [d_c, (d, k, j)] (theta-x) or [d_c, (j, k, d)] (e-v-x): one matmul contracts a
                    # source copy with every map at once, in the order the next contraction reads.
                    dc, r, da, db = term["dc"], term["r"], part["dim"], term["db"]
                    e = torch.zeros(dc, r * da * db, dtype=dtype)
                    e[_long(term["c"]), _long(term["target"]) * db + _long(term["b"])] = torch.tensor(term["values"], dtype=dtype)
                    e = e.view(dc, r, da, db).permute((0, 3, 1, 2) if term["mode"] == "theta-x" else (0, 2, 1, 3))
                    self.register_buffer(f"e_{p}_{t}", e.reshape(dc, r * da * db).contiguous(), persistent=False)
                else:
                    self.register_buffer(f"c_{p}_{t}", _long(term["c"]), persistent=False)
                    self.register_buffer(f"b_{p}_{t}", _long(term["b"]), persistent=False)
                    self.register_buffer(f"target_{p}_{t}", _long(term["target"]), persistent=False)
                    self.register_buffer(f"vals_{p}_{t}", torch.tensor(term["values"], dtype=dtype), persistent=False)
        self.register_buffer("assemble", _long(spec["assemble"]), persistent=False)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        with torch.no_grad():
            self.theta.normal_(0.0, self.init_std / self.step)

    def forward(self, z: Tensor) -> Tensor:
        lead = z.shape[:-1]
        x = z.reshape(-1, self.dim)
        n = x.shape[0]
        # Every coordinate set once (a type's instances, its source copies), shared by the terms.
        sets = [torch.index_select(x, 1, getattr(self, f"set_{k}")).view(n, len(c), len(c[0])) for k, c in enumerate(self._spec["sets"])]
        outs = []
        for p, part in enumerate(self._spec["parts"]):
            da, count = part["dim"], part["count"]
            # The coefficients are step * theta (theta ~ N(0, 1)): Adam's step relative to their size (see the header).
            coef = self.step * self.theta[part["offset"] : part["offset"] + count * part["columns"]].view(count, part["columns"])
            y, col = None, 0
            for t, term in enumerate(part["terms"]):
                s, nb, r, db = term["s"], term["nb"], term["r"], term["db"]
                w = coef[:, col : col + s * nb * r].view(count, s, nb, r)
                col += s * nb * r
                v, xi = sets[term["source"]], sets[term["input"]]  # [n, s, d_c], [n, nb, d_b]
                if term["mode"] == "theta-x":
                    # y[o, j] = sum theta[o, s, i, k] E_k[j, c, d] v[s, c] x[i, d], contracted as
                    # (theta x) and (E v) first: cheapest when x has many small summands (scalars).
                    # tx[(n, d), o, (s, k)]: one matmul for the whole batch.
                    tx = torch.mm(xi.transpose(1, 2).reshape(n * db, nb), w.permute(2, 0, 1, 3).reshape(nb, count * s * r))
                    ev = torch.matmul(v, getattr(self, f"e_{p}_{t}")).view(n, s, db, r, da)  # [n, s, d, k, j]
                    ev = ev.transpose(1, 2).reshape(n * db, s * r, da)  # [(n, d), (s, k), j]
                    yt = torch.bmm(tx.view(n * db, count, s * r), ev).view(n, db, count * da)
                    yt = yt.sum(1) if db > 1 else yt.view(n, count * da)
                elif term["mode"] == "e-v-x":
                    # ((E v) x) first, then theta: cheapest when the output summands are many.
                    ev = torch.matmul(v, getattr(self, f"e_{p}_{t}")).view(n, s, da, r, db)  # [n, s, j, k, d]
                    u = torch.bmm(ev.transpose(1, 2).reshape(n, da * s * r, db), xi.transpose(1, 2))  # [n, (j, s, k), i]
                    # theta on (s, k, i): one matmul for the whole batch, rows (n, j).
                    yt = torch.mm(u.view(n * da, s * r * nb), w.permute(1, 3, 2, 0).reshape(s * r * nb, count))
                    yt = yt.view(n, da, count).transpose(1, 2).reshape(n, count * da)
                else:
                    # Too large for a dense E: scatter-add over its stored entries, nnz leading so
                    # index_add adds whole contiguous rows, then theta on U[(s, i, k), j].
                    vc = v[:, :, getattr(self, f"c_{p}_{t}")].permute(2, 0, 1)[..., None]  # [nnz, n, s, 1]
                    xb = xi[:, :, getattr(self, f"b_{p}_{t}")].permute(2, 0, 1)[:, :, None, :]  # [nnz, n, 1, nb]
                    prod = vc * xb * getattr(self, f"vals_{p}_{t}")[:, None, None, None]
                    u = x.new_zeros(r * da, n, s, nb).index_add(0, getattr(self, f"target_{p}_{t}"), prod)
                    yt = torch.matmul(w.view(count, s * nb * r), u.permute(1, 2, 3, 0).reshape(n, s * nb * r, da))
                    yt = yt.reshape(n, count * da)
                y = yt if y is None else y + yt
            outs.append(y)
        outs.append(x.new_zeros(n, 1))
        y = torch.index_select(torch.cat(outs, 1), 1, self.assemble)
        return (self.scale * y).reshape(lead + (self.dim,))


class _Gate(nn.Module):
    """z (hidden + gates) -> sigmoid(z[index]) * z[:dim]: SiLU where index[j] = j, else gated."""

    def __init__(self, index) -> None:
        super().__init__()
        self.dim = len(index)
        self.register_buffer("index", _long(index), persistent=False)

    def forward(self, z: Tensor) -> Tensor:
        return torch.sigmoid(torch.index_select(z, -1, self.index)) * z[..., : self.dim]


class EquivariantBlock(nn.Module):
    """linear -> (+ bilinear) -> gated nonlinearity, equivariant from its input rep to its hidden rep."""

    def __init__(self, spec, dtype: torch.dtype) -> None:
        super().__init__()
        self.linear = _Linear(spec["linear"], dtype)
        self.bilinear = _Bilinear(spec["bilinear"], dtype) if spec["bilinear"]["size"] > 0 else None
        self.gate = _Gate(spec["gate"])

    def forward(self, x: Tensor) -> Tensor:
        z = self.linear(x)
        if self.bilinear is not None:
            z = z + self.bilinear(z)
        return self.gate(z)


class Standardize(nn.Module):
    """x -> (x - shift) / scale, equivariant: shift is invariant (the data mean projected onto the
    rep's invariant vectors) and scale is one number per summand instance. Identity until fit()."""

    def __init__(self, side: str, dtype: torch.dtype) -> None:
        super().__init__()
        rep = _REPS[side]
        self.dim = rep["dim"]
        self.register_buffer("shift", torch.zeros(self.dim, dtype=dtype))
        self.register_buffer("scale", torch.ones(self.dim, dtype=dtype))
        inv = _DATA["invariants"][side]
        self.register_buffer("invariants", torch.tensor(inv, dtype=torch.float64).view(len(inv), self.dim), persistent=False)
        owner = [0] * self.dim
        for i, inst in enumerate(rep["instances"]):
            for j in inst["indices"]:
                owner[j] = i
        self.register_buffer("owner", _long(owner), persistent=False)
        self.instances = len(rep["instances"])

    def fit(self, x: Tensor, eps: float = 1e-6) -> "Standardize":
        with torch.no_grad():
            x = x.reshape(-1, self.dim).to(torch.float64)
            c = self.invariants.to(x.device)
            shift = c.T @ torch.linalg.solve(c @ c.T, c @ x.mean(0)) if c.shape[0] > 0 else x.new_zeros(self.dim)
            sq = ((x - shift) ** 2).mean(0)
            per = x.new_zeros(self.instances).index_add(0, self.owner, sq)
            size = x.new_zeros(self.instances).index_add(0, self.owner, torch.ones_like(sq))
            scale = (per / size).sqrt().clamp_min(eps)[self.owner]
            self.shift.copy_(shift.to(self.shift.dtype))
            self.scale.copy_(scale.to(self.scale.dtype))
        return self

    def forward(self, x: Tensor) -> Tensor:
        return (x - self.shift) / self.scale

    def inverse(self, y: Tensor) -> Tensor:
        return y * self.scale + self.shift


class EquivariantNetwork(nn.Module):
    """The whole network, input [..., dim_in] -> [..., dim_out]; builds with no arguments."""

    def __init__(self, device: Optional[torch.device] = None, dtype: Optional[torch.dtype] = None) -> None:
        super().__init__()
        dtype = DTYPE if dtype is None else dtype
        self.input_norm = Standardize("in", dtype)
        self.blocks = nn.ModuleList([EquivariantBlock(b, dtype) for b in _DATA["blocks"]])
        self.head = _Linear(_DATA["head"], dtype)
        self.output_norm = Standardize("out", dtype)
        self.to(device)

    def fit_standardization(self, x: Tensor, y: Tensor) -> "EquivariantNetwork":
        """Fits the input and output standardisation to training data (x [..., dim_in], y [..., dim_out])."""
        self.input_norm.fit(x)
        self.output_norm.fit(y)
        return self

    def forward(self, x: Tensor) -> Tensor:
        h = self.input_norm(x)
        for block in self.blocks:
            h = block(h)
        return self.output_norm.inverse(self.head(h))


def random_element(generator: Optional[torch.Generator] = None, scale: float = 0.2, word: int = 6):
    """A random group element g = exp(sum_k t_k A_k) * h_i1 ... h_iL, t_k ~ N(0, scale^2), as one
    float64 matrix per summand type of _DATA["types"] (every rep of the network is made of them)."""
    t = torch.randn(_DATA["lie"], generator=generator, dtype=torch.float64) * scale
    length = int(torch.randint(1, word + 1, (1,), generator=generator)) if _DATA["discrete"] > 0 else 0
    letters = torch.randint(0, max(_DATA["discrete"], 1), (length,), generator=generator).tolist()
    mats = []
    for ty in _DATA["types"]:
        g = torch.eye(ty["dim"], dtype=_WIDE)
        if _DATA["lie"] > 0:
            g = torch.linalg.matrix_exp(sum(float(t[k]) * _dense(a, ty["dim"]) for k, a in enumerate(ty["lie"])))
        for i in letters:
            g = g @ _dense(ty["discrete"][i], ty["dim"])
        mats.append(g)
    return mats


def act(rep: str, mats, x: Tensor) -> Tensor:
    """rho(g) x for x [..., dim] of the rep named rep ("in", "out", "h1", "g1", ...)."""
    y = torch.empty_like(x)
    for inst in _REPS[rep]["instances"]:
        idx = torch.tensor(inst["indices"], dtype=torch.long, device=x.device)
        y[..., idx] = x[..., idx] @ mats[inst["type"]].to(x.device, x.dtype).T
    return y


def equivariance_error(f, rep_in: str = "in", rep_out: str = "out", trials: int = 5, seed: int = 0, dtype: torch.dtype = _WIDE) -> float:
    """Worst relative error of f(rho_in(g) x) = rho_out(g) f(x) over random g and x (in dtype)."""
    gen = torch.Generator().manual_seed(seed)
    worst = 0.0
    for _ in range(trials):
        mats = random_element(gen)
        x = torch.randn(7, _REPS[rep_in]["dim"], generator=gen, dtype=_WIDE)
        with torch.no_grad():
            lhs = f(act(rep_in, mats, x).to(dtype)).to(_WIDE)
            rhs = act(rep_out, mats, f(x.to(dtype)).to(_WIDE))
        worst = max(worst, float((lhs - rhs).norm() / rhs.norm().clamp_min(1e-30)))
    return worst


def self_test(net: Optional[nn.Module] = None, trials: int = 5, tol: float = 1e-4, seed: int = 0) -> float:
    """Checks net(rho_in(g) x) = rho_out(g) net(x) on random g (float32 by default: tol 1e-4);
    returns the worst relative error and raises AssertionError above tol."""
    if net is None:
        torch.manual_seed(seed)
        net = EquivariantNetwork()
    p0 = next(net.parameters())
    worst = equivariance_error(lambda x: net(x.to(p0.device)).cpu(), "in", "out", trials, seed, p0.dtype)
    assert worst <= tol, f"equivariance error {worst:.3g} > {tol:.3g}"
    return worst
`;
