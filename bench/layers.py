"""Speed of generated PyTorch layers on CPU: forward + backward at batch 256 against a plain
nn.Linear of the same shape. Usage: python3 bench/layers.py DIR  (DIR holds the generated files,
see bench/layers.sh). Writes the "Generated layers" section of bench/RESULTS.md."""
import datetime
import importlib.util
import os
import platform
import re
import sys
import time

import torch
from torch import nn

CASES = [
    ("s10_t2", "S(10) T(2)→T(2)"),
    ("s6_multiplicity", "S(6) 100V⁰+100V+20V² → itself"),
]
BATCH = 256


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def step_times(modules, x, repeats):
    """Median seconds of one forward + backward for each module. The modules take turns within
    each repetition, so background load on a shared machine hits all of them alike."""
    times = [[] for _ in modules]
    for i in range(repeats + 5):
        for j, module in enumerate(modules):
            for p in module.parameters():
                p.grad = None
            t0 = time.perf_counter()
            module(x).sum().backward()
            if i >= 5:  # warm-up
                times[j].append(time.perf_counter() - t0)
    return [sorted(t)[len(t) // 2] for t in times]


def expand_time(layer, repeats):
    """Median seconds of expanding W from theta, forward and backward: the layer's whole overhead
    over nn.Linear, independent of the batch size and of the BLAS."""
    times = []
    for _ in range(repeats):
        layer.theta.grad = None
        t0 = time.perf_counter()
        layer.weight.sum().backward()
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2]


def blas_library():
    """The BLAS shared library this process loaded (Debian's torch uses the system libblas.so.3)."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
        return ", ".join(sorted(libs)) or "none found"
    except OSError:
        return "unknown"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    directory = sys.argv[1]
    torch.manual_seed(0)
    rows = []
    for name, label in CASES:
        mod = load(os.path.join(directory, f"{name}.py"), name)
        layer = mod.EquivariantLinear()
        linear = nn.Linear(layer.in_features, layer.out_features)
        scripted = torch.jit.script(layer)
        x = torch.randn(BATCH, layer.in_features)
        repeats = 300 if layer.in_features * layer.out_features < 100_000 else 60
        t_lin, t_gen, t_scr = step_times([linear, layer, scripted], x, repeats)
        t_exp = expand_time(layer, repeats)
        n_params = sum(p.numel() for p in layer.parameters())
        rows.append(
            f"| {label} | {layer.out_features}×{layer.in_features} | {n_params} | {t_lin * 1e3:.3f} | {t_gen * 1e3:.3f} "
            f"({t_gen / t_lin:.2f}×) | {t_scr * 1e3:.3f} ({t_scr / t_lin:.2f}×) | {t_exp * 1e3:.3f} |"
        )
        print(rows[-1], flush=True)
    section = "\n".join(
        [
            "## Generated layers",
            "",
            f"`npm run bench:layers` on {datetime.date.today().isoformat()}: {os.cpu_count()} CPUs ({cpu_model()}),",
            f"load average {os.getloadavg()[0]:.1f} at the end (the machine is shared: other jobs inflate both columns alike),",
            f"torch {torch.__version__} (threads {torch.get_num_threads()}), BLAS `{blas_library()}`,",
            f"batch {BATCH}, median of forward + backward",
            "(`layer(x).sum().backward()`, the three modules interleaved), milliseconds. Target: generated ≤ 1.3× nn.Linear.",
            "",
            "| layer | W | parameters | nn.Linear | generated | generated, TorchScript | expanding W alone (fwd + bwd) |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
    text = open(path, encoding="utf8").read() if os.path.exists(path) else "# Benchmarks\n\n"
    if "## Generated layers" in text:
        text = re.sub(r"## Generated layers\n.*?(?=\n## |\Z)", lambda _: section.rstrip("\n") + "\n", text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w", encoding="utf8") as f:
        f.write(text)


main()
