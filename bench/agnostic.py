"""Forward + backward of the size-agnostic S(n) T(2)->T(2) layer (batch 8, 16 -> 16 channels)
against the dense gather layer (where it fits) and two hand-written PyTorch implementations of
Maron et al.'s 15 operations. Each (layer, n) runs in its own process, so its peak RSS is its own.

Usage: python3 bench/agnostic.py DIR   (DIR holds the generated files; see bench/agnostic.sh)
Prints the markdown table (with the machine line) on stdout.
"""
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

BATCH, CIN, COUT = 8, 16, 16
SIZES = [10, 50, 200, 1000]
REPS = {10: 200, 20: 20, 30: 5, 50: 50, 100: 20, 200: 10, 1000: 3}
CLOUD_SIZES = [100, 1000]
# Above this estimate of its working memory a layer is not run on this (shared, 24 GiB) machine.
LIMIT_BYTES = 10 * 2**30


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def maron_modules():
    import torch
    from torch import nn

    class MaronReference(nn.Module):
        """As in Maron et al.'s published code (layers/equivariant_linear.py, ops_2_to_2): the 15
        operations as full [B, C, n, n] tensors, stacked, then one einsum with coeffs [C_in, C_out, 15]."""

        def __init__(self, cin, cout):
            super().__init__()
            self.coeffs = nn.Parameter(torch.randn(cin, cout, 15) / (15 * cin) ** 0.5)
            self.diag_bias = nn.Parameter(torch.zeros(1, cout, 1, 1))
            self.all_bias = nn.Parameter(torch.zeros(1, cout, 1, 1))

        def forward(self, x):  # x [B, C, n, n]
            m = x.shape[-1]
            diag = torch.diagonal(x, dim1=2, dim2=3)
            sum_diag = diag.sum(2, keepdim=True)
            rows = x.sum(3)
            cols = x.sum(2)
            total = rows.sum(2)
            ops = [
                torch.diag_embed(diag),
                torch.diag_embed(sum_diag.repeat(1, 1, m)),
                torch.diag_embed(rows),
                torch.diag_embed(cols),
                torch.diag_embed(total.unsqueeze(2).repeat(1, 1, m)),
                cols.unsqueeze(3).repeat(1, 1, 1, m),
                rows.unsqueeze(3).repeat(1, 1, 1, m),
                cols.unsqueeze(2).repeat(1, 1, m, 1),
                rows.unsqueeze(2).repeat(1, 1, m, 1),
                x,
                x.transpose(2, 3),
                diag.unsqueeze(3).repeat(1, 1, 1, m),
                diag.unsqueeze(2).repeat(1, 1, m, 1),
                sum_diag.unsqueeze(3).repeat(1, 1, m, m),
                total.unsqueeze(2).unsqueeze(3).repeat(1, 1, m, m),
            ]
            ops = torch.stack(ops, dim=2)
            out = torch.einsum("dsb,ndbij->nsij", self.coeffs, ops)
            eye = torch.eye(m, dtype=x.dtype, device=x.device).view(1, 1, m, m)
            return out + self.all_bias + eye * self.diag_bias

    class MaronFused(nn.Module):
        """Hand-optimised, channels last: the five reductions (diagonal, row and column sums, and the
        trace and total read off the diagonal and the row sums), channel mixing on the reduced
        tensors with the parameters stored as the mixing matrices themselves (one product per
        shared input: [x, x^T], [diagonal, rows, columns], [trace, total] with the biases), the
        broadcasts added in place into the full product, and the diagonal terms added in place on
        y's diagonal (O(n) work)."""

        def __init__(self, cin, cout):
            super().__init__()
            s = 1 / (15 * cin) ** 0.5
            self.cout = cout
            self.full = nn.Parameter(torch.randn(2 * cin, cout) * s)  # x, x^T -> y
            self.vec = nn.Parameter(torch.randn(3 * cin, 3 * cout) * s)  # (diag, rows, cols) -> on rows, on columns, on the diagonal
            self.sca = nn.Parameter(torch.randn(2 * cin, 2 * cout) * s)  # (trace, total) -> everywhere, on the diagonal
            self.bias = nn.Parameter(torch.zeros(2 * cout))

        def forward(self, x):  # x [B, n, n, C]
            c = self.cout
            diag = torch.diagonal(x, 0, 1, 2).transpose(1, 2)
            rows = x.sum(2)
            v = torch.cat([diag, rows, x.sum(1)], -1) @ self.vec
            s = torch.addmm(self.bias, torch.cat([diag.sum(1), rows.sum(1)], -1), self.sca)
            y = torch.cat([x, x.transpose(1, 2)], -1) @ self.full
            y += s[:, None, None, :c] + v[:, :, None, :c]
            y += v[:, None, :, c:2 * c]
            y.diagonal(0, 1, 2).add_((v[..., 2 * c:] + s[:, None, c:]).transpose(1, 2))
            return y

    return MaronReference, MaronFused


def cloud_modules():
    import torch
    from torch import nn

    class CloudReference(nn.Module):
        """Hand-written SO(3) x S(n) layer on V1⊗V2 (points as [B, 3, n, C]): the identity and the sum
        over points, each with a channel matrix (the two diagrams), as one product of [x, Σx]."""

        def __init__(self, cin, cout):
            super().__init__()
            self.w = nn.Parameter(torch.randn(cin, cout) / (2 * cin) ** 0.5)
            self.s = nn.Parameter(torch.randn(cin, cout) / (2 * cin) ** 0.5)

        def forward(self, x):
            y = x @ self.w
            y += x.sum(2, keepdim=True) @ self.s
            return y

    return CloudReference


def estimate(kind, n):
    """Bytes the layer needs at least (inputs, outputs, their gradients; W and its index for dense)."""
    if kind.startswith("cloud"):
        act = BATCH * 3 * n * CIN * 4
        return (3 * CIN * n) ** 2 * (4 + 4 + 8) + 4 * act if kind == "cloud-dense" else 8 * act
    act = BATCH * n * n * CIN * 4
    if kind == "dense":
        return (CIN * n * n) * (COUT * n * n) * (4 + 4 + 8) + 4 * act
    if kind == "maron-reference":
        return 2 * 15 * act + 4 * act
    if kind == "agnostic3":
        return 8 * act * n
    return 8 * act


THREADS = int(os.environ.get("BENCH_THREADS", "1"))


def make(kind, n, directory):
    """The module and its input for one (layer, n)."""
    import torch
    MaronReference, MaronFused = maron_modules()
    if kind == "agnostic3":
        return load(os.path.join(directory, "agnostic3.py"), "agnostic3").EquivariantLinear(), torch.randn(BATCH, n, n, n, CIN)
    if kind == "agnostic":
        return load(os.path.join(directory, "agnostic.py"), "agnostic").EquivariantLinear(), torch.randn(BATCH, n, n, CIN)
    if kind == "dense":
        return load(os.path.join(directory, "dense_%d.py" % n), "dense").EquivariantLinear(), torch.randn(BATCH, CIN * n * n)
    if kind == "maron-reference":
        return MaronReference(CIN, COUT), torch.randn(BATCH, CIN, n, n)
    if kind == "maron-fused":
        return MaronFused(CIN, COUT), torch.randn(BATCH, n, n, CIN)
    if kind == "cloud":
        return load(os.path.join(directory, "cloud.py"), "cloud").EquivariantLinear(), torch.randn(BATCH, 3, n, CIN)
    if kind == "cloud-reference":
        return cloud_modules()(CIN, COUT), torch.randn(BATCH, 3, n, CIN)
    return load(os.path.join(directory, "cloud_dense_%d.py" % n), "cloud_dense").EquivariantLinear(), torch.randn(BATCH, 3 * n * CIN)


def paired(kinds, n, directory):
    """Times the layers interleaved in one process (a round of each, 2 REPS rounds after a warm-up
    round, in alternating order): their ratio is then measured under the same load. Prints {kind: median ms}."""
    import torch
    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    mods = [(k,) + make(k, n, directory) for k in kinds]
    times = {k: [] for k in kinds}
    for r in range(2 * REPS[n] + 1):
        for k, m, x in mods if r % 2 else mods[::-1]:  # alternate the order: neither always runs first
            t0 = time.perf_counter()
            m(x).sum().backward()
            if r > 0:
                times[k].append(time.perf_counter() - t0)
    print(json.dumps({k: 1000 * statistics.median(v) for k, v in times.items()}))


def one(kind, n, directory):
    """Runs one (layer, n) alone and prints {ms, peak_mb, base_mb}."""
    import torch
    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    m, x = make(kind, n, directory)
    times = []
    for r in range(REPS[n] + 1):
        t0 = time.perf_counter()
        m(x).sum().backward()
        if r > 0:  # the first run is a warm-up
            times.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"ms": 1000 * statistics.median(times), "peak_mb": peak / 1024, "base_mb": base / 1024}))


def run(kind, n, directory):
    if kind == "dense" and not os.path.exists(os.path.join(directory, "dense_%d.py" % n)):
        return None
    if kind == "cloud-dense" and not os.path.exists(os.path.join(directory, "cloud_dense_%d.py" % n)):
        return None
    if estimate(kind, n) > LIMIT_BYTES:
        return {"skipped": "needs ≥ %.0f GB" % (estimate(kind, n) / 1e9)}
    out = subprocess.run([sys.executable, __file__, "--one", kind, str(n), directory], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_paired(kinds, n, directory):
    kinds = [k for k in kinds if estimate(k, n) <= LIMIT_BYTES]
    out = subprocess.run([sys.executable, __file__, "--paired", ",".join(kinds), str(n), directory], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cell(r, ref=None):
    if r is None:
        return "—"
    if "skipped" in r:
        return "not run (%s)" % r["skipped"]
    text = "%.2f ms, %.0f MB" % (r["ms"], r["peak_mb"] - r["base_mb"])
    return text


def main(directory, sizes):
    import torch
    kinds = ["agnostic", "maron-fused", "maron-reference", "dense"]
    rows = []
    for n in sizes:
        res = {k: run(k, n, directory) for k in kinds}
        # Only the two layers compared: a large layer in the same rounds (Maron et al.'s stacked ops) frees
        # hundreds of MB that the next layer must fault in again, which penalises whichever comes after it.
        pair = run_paired(["agnostic", "maron-fused"], n, directory)
        a = res["agnostic"]
        ratio = lambda k: ("%.2f× (%.2f×)" % (pair["agnostic"] / pair[k], a["ms"] / res[k]["ms"])) if k in pair else ("%.2f×" % (a["ms"] / res[k]["ms"])) if res[k] and "ms" in res[k] else "—"
        mem = "—"
        if res["dense"] and "ms" in res["dense"]:
            mem = "%.0f×" % ((res["dense"]["peak_mb"] - res["dense"]["base_mb"]) / max(1.0, a["peak_mb"] - a["base_mb"]))
        rows.append("| %d | %s | %s | %s | %s | %s | %s | %s |" % (
            n, cell(a), cell(res["maron-fused"]), ratio("maron-fused"), cell(res["maron-reference"]), ratio("maron-reference"), cell(res["dense"]), mem))
        print(rows[-1], file=sys.stderr)
    info = [p for p in torch.__config__.show().replace(",", " ").split() if p.startswith("BLAS_INFO=")]
    blas = "OpenBLAS via LD_LIBRARY_PATH, OPENBLAS_NUM_THREADS=1" if "openblas" in os.environ.get("LD_LIBRARY_PATH", "") else "torch's own (%s)" % (info[0] if info else "BLAS_INFO unknown")
    load_avg = "%.1f" % os.getloadavg()[0]
    print("Run %s on %s, %d CPUs, %s, torch %s (threads %d in every layer), BLAS: %s, load average %s at the end (a shared machine); batch %d, %d → %d channels, float32, median of forward + backward (`layer(x).sum().backward()`), peak RSS above an idle process with torch." % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), platform.processor() or platform.machine(), os.cpu_count(), platform.platform(), torch.__version__, THREADS, blas, load_avg, BATCH, CIN, COUT))
    print()
    print("Each layer alone (its own process: time, peak memory); the ratios from a second process that runs the layers interleaved, a round of each per repetition, so both see the same load (in parentheses: the ratio of the separate runs; against Maron et al.'s code only the separate runs).")
    print()
    print("| n | size-agnostic (generated) | hand-written, fused | agnostic ÷ fused | Maron et al.'s code (15 stacked ops) | agnostic ÷ reference | dense gather layer | dense ÷ agnostic memory |")
    print("|---:|---|---|---:|---|---:|---|---:|")
    print("\n".join(rows))
    r3 = run("agnostic3", 30, directory)
    print()
    print("S(n) T(3)→T(3), 203 diagrams, same batch and channels, n = 30: size-agnostic %s. (No hand-written or dense counterpart: W would have (16·30³)² = 1.9·10¹¹ entries.)" % cell(r3))
    print()
    print("Point cloud: SO(3) x S(n) on 16 V1⊗V2 → 16 V1⊗V2 (x [8, 3, n, 16], 2 diagrams), same measurement:")
    print()
    print("| n | size-agnostic (generated) | hand-written ([x, Σx] products) | agnostic ÷ hand-written | dense gather layer | dense ÷ agnostic time | dense ÷ agnostic memory |")
    print("|---:|---|---|---:|---|---:|---:|")
    for n in CLOUD_SIZES:
        a, h, d = run("cloud", n, directory), run("cloud-reference", n, directory), run("cloud-dense", n, directory)
        ok = lambda r: r is not None and "ms" in r
        pair = run_paired(["cloud", "cloud-reference"], n, directory)
        h = dict(h, ms_pair=pair["cloud-reference"]) if ok(h) else h
        print("| %d | %s | %s | %s | %s | %s | %s |" % (
            n, cell(a), cell(h), ("%.2f× (%.2f×)" % (pair["cloud"] / pair["cloud-reference"], a["ms"] / h["ms"])) if ok(h) else "—", cell(d) if d is not None else "not run (%.0f GB for W and its index)" % (estimate("cloud-dense", n) / 1e9),
            ("%.0f×" % (d["ms"] / a["ms"])) if ok(d) else "—", ("%.0f×" % ((d["peak_mb"] - d["base_mb"]) / max(1.0, a["peak_mb"] - a["base_mb"]))) if ok(d) else "—"))


if __name__ == "__main__":
    if sys.argv[1] == "--one":
        one(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "--paired":
        paired(sys.argv[2].split(","), int(sys.argv[3]), sys.argv[4])
    else:
        main(sys.argv[1], [int(s) for s in sys.argv[2:]] or SIZES)
