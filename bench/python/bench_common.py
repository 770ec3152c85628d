"""Shared pieces of the Python benchmark runners (emlp_runner.py, numpy_baseline.py).

* parsing of the case list and of our group / rep names (a small subset of solve-basis' grammar),
* the numpy re-implementation of EMLP's generator matrices (read from emlp-1.0.3/emlp/groups.py),
* the driver: one fresh subprocess per case, a per-case timeout, one JSON line per case on stdout.

Protocol (both runners): input is a JSON list of cases, from a file argument or stdin:

    [{"name": "S5 T2->T2", "group": "S(5)", "in": "T(2)", "out": "T(2)", "expect": 15}, ...]

("rep" may replace "in"/"out" when both are equal; "expect" and "timeout" are optional.)
Output: a first line {"env": {...}}, then one line per case, in input order:

    {"name": ..., "ok": true, "dim": 15, "seconds": 1.23, "peak_mb": 400, ...}
    {"name": ..., "ok": false, "error": "timeout after 300 s"}
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable

# ---------------------------------------------------------------------------------------------
# Reps: a tiny parser producing a normal form "sum of multiplicity × tensor product of V / V*"
# ---------------------------------------------------------------------------------------------

SUPERSCRIPTS = {c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}

# A rep in normal form: list of (multiplicity, factors) where factors is a tuple of 'V' / 'V*'.
# The empty tuple is the scalar rep. Summand order follows the input (dimension-wise it does not
# matter for the benchmarks; coordinates of products of sums are not in kron order).
Poly = list


class RepSyntaxError(ValueError):
    pass


_TOKEN_RE = re.compile(r"\s*(?:(\d+)|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|([A-Za-z_][A-Za-z_0-9]*)|(\*\*|[*^⊗⊕+(),]))")


def _tokenize(text: str):
    toks = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise RepSyntaxError(f"bad rep {text!r}: unexpected character at column {pos + 1}")
        num, sup, name, sym = m.groups()
        if num is not None:
            toks.append(("num", int(num)))
        elif sup is not None:
            toks.append(("sup", int("".join(SUPERSCRIPTS[c] for c in sup))))
        elif name is not None:
            toks.append(("name", name))
        else:
            toks.append(("sym", sym))
        pos = m.end()
    toks.append(("end", None))
    return toks


def _prod(a: Poly, b: Poly) -> Poly:
    return [(ma * mb, fa + fb) for ma, fa in a for mb, fb in b]


def _dual(a: Poly) -> Poly:
    flip = {"V": "V*", "V*": "V"}
    return [(m, tuple(flip[f] for f in fs)) for m, fs in a]


def _power(a: Poly, k: int) -> Poly:
    out: Poly = [(1, ())]
    for _ in range(k):
        out = _prod(out, a)
    return out


class _RepParser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0

    def peek(self, k=0):
        return self.toks[self.i + k]

    def take(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, kind, value=None):
        t = self.take()
        if t[0] != kind or (value is not None and t[1] != value):
            got = "end of input" if t[0] == "end" else repr(t[1])
            raise RepSyntaxError(f"bad rep {self.text!r}: expected {value or ('a number' if kind == 'num' else kind)}, got {got}")
        return t

    def parse(self) -> Poly:
        p = self.sum()
        if self.peek()[0] != "end":
            raise RepSyntaxError(f"bad rep {self.text!r}: trailing {self.peek()[1]!r}")
        return p

    def sum(self) -> Poly:
        out = self.term()
        while self.peek() in (("sym", "+"), ("sym", "⊕")):
            self.take()
            out = out + self.term()
        return out

    def term(self) -> Poly:
        mult = 1
        if self.peek()[0] == "num":
            mult = self.take()[1]
            if self.peek() == ("sym", "*"):
                self.take()
        p = self.product()
        if mult == 0:
            return []
        return [(m * mult, fs) for m, fs in p]

    def atom_starts(self, t) -> bool:
        return t[0] == "name" or t == ("sym", "(")

    def product(self) -> Poly:
        out = self.power()
        while True:
            t = self.peek()
            if t == ("sym", "⊗"):
                self.take()
                out = _prod(out, self.power())
            elif t == ("sym", "*") and self.atom_starts(self.peek(1)):
                self.take()
                out = _prod(out, self.power())
            else:
                return out

    def power(self) -> Poly:
        a = self.postfix()
        t = self.peek()
        if t in (("sym", "**"), ("sym", "^")):
            self.take()
            k = self.expect("num")[1]
            a = _power(a, k)
        elif t[0] == "sup":
            a = _power(a, self.take()[1])
        # a dual may follow a power: (V**2)* is written with parentheses; V²* is accepted too
        if self.peek() == ("sym", "*") and not self.atom_starts(self.peek(1)):
            self.take()
            a = _dual(a)
        return a

    def postfix(self) -> Poly:
        a = self.atom()
        while self.peek() == ("sym", "*") and not self.atom_starts(self.peek(1)) \
                and self.peek(1)[0] not in ("sup",) and self.peek(1) not in (("sym", "**"), ("sym", "^")):
            self.take()
            a = _dual(a)
        return a

    def atom(self) -> Poly:
        t = self.take()
        if t == ("sym", "("):
            a = self.sum()
            self.expect("sym", ")")
            return a
        if t[0] != "name":
            raise RepSyntaxError(f"bad rep {self.text!r}: unexpected {t[1]!r}")
        name = t[1]
        if name in ("V", "vector"):
            return [(1, ("V",))]
        if name == "scalar":
            return [(1, ())]
        if name in ("tensor2", "tensor3"):
            return _power([(1, ("V",))], int(name[-1]))
        if name == "T":
            self.expect("sym", "(")
            p = self.expect("num")[1]
            q = 0
            if self.peek() == ("sym", ","):
                self.take()
                q = self.expect("num")[1]
            self.expect("sym", ")")
            return [(1, ("V",) * p + ("V*",) * q)]
        raise RepSyntaxError(f"bad rep {self.text!r}: unknown name {name!r}")


def parse_rep(text: str) -> Poly:
    """Parse a rep like 'T(2)', 'V**3', 'V⊗V*', '100V⁰+100V+20V²', 'scalar' into normal form."""
    return _RepParser(text).parse()


def rep_dim(poly: Poly, d: int) -> int:
    return sum(m * d ** len(fs) for m, fs in poly)


def rep_str(poly: Poly) -> str:
    def f(fs):
        return "⊗".join(fs) if fs else "V⁰"
    return "+".join((f"{m}" if m > 1 else "") + (f"({f(fs)})" if m > 1 and len(fs) > 1 else f(fs))
                    for m, fs in poly) or "0"


# ---------------------------------------------------------------------------------------------
# Groups: our names -> (EMLP constructor name, args)
# ---------------------------------------------------------------------------------------------

@dataclass
class GroupSpec:
    kind: str          # one of the keys of _GROUP_KINDS
    args: tuple        # integer arguments
    text: str          # the string as given

    @property
    def emlp_name(self) -> str:
        return _GROUP_KINDS[self.kind]


# our kind -> EMLP class name (A is not in EMLP 1.0.3: the runner defines it, see emlp_runner.py)
_GROUP_KINDS = {
    "S": "S", "A": "A", "Z": "Z", "C": "C", "D": "D", "SO": "SO", "O": "O", "Sp": "Sp",
    "SU": "SU", "U": "U", "SL": "SL", "GL": "GL", "Trivial": "Trivial",
    "SO13p": "SO13p", "SO13": "SO13", "O13": "O13", "Cube": "Cube", "RubiksCube": "RubiksCube",
}
_NARGS = {"Cube": 0, "RubiksCube": 0, "SO13p": 0, "SO13": 0, "O13": 0}


def parse_group(text: str) -> GroupSpec:
    s = re.sub(r"\s+", "", text)
    lorentz = {"SO+(1,3)": "SO13p", "SO13p": "SO13p", "SO(1,3)": "SO13", "SO13": "SO13",
               "O(1,3)": "O13", "O13": "O13", "Lorentz": "O13"}
    if s in lorentz:
        return GroupSpec(lorentz[s], (), text)
    if s in ("Cube", "RubiksCube"):
        return GroupSpec(s, (), text)
    m = re.fullmatch(r"([A-Za-z]+)\((\d+)\)", s) or re.fullmatch(r"([A-Za-z]+?)(\d+)", s)
    if m and m.group(1) in _GROUP_KINDS and _NARGS.get(m.group(1), 1) == 1:
        return GroupSpec(m.group(1), (int(m.group(2)),), text)
    raise ValueError(f"unknown group {text!r}")


# ---------------------------------------------------------------------------------------------
# EMLP's generator matrices, re-implemented in numpy (emlp-1.0.3/emlp/groups.py)
# ---------------------------------------------------------------------------------------------

def _perm_matrix(perm):
    """EMLP's LazyPerm(perm): (M v)[j] = v[perm[j]], i.e. M[j, perm[j]] = 1."""
    import numpy as np
    n = len(perm)
    M = np.zeros((n, n))
    M[np.arange(n), np.asarray(perm)] = 1.0
    return M


def _rubiks_perms():
    """Verbatim port of emlp.groups.RubiksCube.__init__ (pure numpy)."""
    import numpy as np

    def pad(permutation):
        assert len(permutation) == 48
        padded = np.zeros((6, 9)).astype(permutation.dtype)
        padded[:, :4] = permutation.reshape(6, 8)[:, :4]
        padded[:, 5:] = permutation.reshape(6, 8)[:, 4:]
        return padded

    def unpad(padded_perm):
        return np.concatenate([padded_perm[:, :4], padded_perm[:, 5:]], -1).reshape(-1)

    order = np.arange(48)
    order_padded = pad(order)
    order_padded[0, :] = np.rot90(order_padded[0].reshape(3, 3), 1).reshape(9)
    FRBL = np.array([1, 2, 3, 4])
    order_padded[FRBL, :3] = order_padded[np.roll(FRBL, 1), :3]
    Uperm = unpad(order_padded)
    RotFront = pad(np.arange(48))
    URDL = np.array([0, 2, 5, 4])
    RotFront[URDL, :] = RotFront[np.roll(URDL, 1), :]
    RotFront = unpad(RotFront)
    RotBack = np.argsort(RotFront)
    RotLeft = pad(np.arange(48))
    UFDB = np.array([0, 1, 5, 3])
    RotLeft[UFDB, :] = RotLeft[np.roll(UFDB, 1), :]
    RotLeft = unpad(RotLeft)
    RotRight = np.argsort(RotLeft)
    Fperm = RotRight[Uperm[RotLeft]]
    Rperm = RotBack[Uperm[RotFront]]
    Bperm = RotLeft[Uperm[RotRight]]
    Lperm = RotFront[Uperm[RotBack]]
    Dperm = RotRight[RotRight[Uperm[RotLeft[RotLeft]]]]
    return [Uperm, Fperm, Rperm, Bperm, Lperm, Dperm]


def _so_algebra(n):
    import numpy as np
    L = np.zeros(((n * (n - 1)) // 2, n, n))
    k = 0
    for i in range(n):
        for j in range(i):
            L[k, i, j] = 1
            L[k, j, i] = -1
            k += 1
    return L


def numpy_generators(g: GroupSpec):
    """(d, discrete generators [list of (d,d)], Lie algebra [list of (d,d)]) with EMLP's conventions."""
    import numpy as np
    k = g.kind
    n = g.args[0] if g.args else None
    disc, lie = [], []
    if k == "Trivial":
        return n, [], []
    if k == "S":
        for i in range(1, n):  # transpositions (0 i)
            perm = np.arange(n)
            perm[0], perm[i] = i, 0
            disc.append(_perm_matrix(perm))
        return n, disc, []
    if k == "A":
        for i in range(2, n):  # 3-cycles 0->1->i->0 (as in solve-basis' A(n))
            perm = np.arange(n)
            perm[0], perm[1], perm[i] = 1, i, 0
            disc.append(_perm_matrix(perm))
        return n, disc, []
    if k == "Z":  # LazyShift(n) = jnp.roll(v, 1): M[i, (i-1) mod n] = 1
        return n, [_perm_matrix((np.arange(n) - 1) % n)], []
    if k in ("C", "D"):
        th = 2 * np.pi / n
        disc.append(np.array([[np.cos(th), np.sin(th)], [-np.sin(th), np.cos(th)]]))
        if k == "D":
            disc.append(np.array([[-1.0, 0.0], [0.0, 1.0]]))
        return 2, disc, []
    if k in ("SO", "O"):
        lie = list(_so_algebra(n))
        if k == "O":
            R = np.eye(n)
            R[0, 0] = -1
            disc.append(R)
        return n, disc, lie
    if k in ("SO13p", "SO13", "O13"):
        L = np.zeros((6, 4, 4))
        L[3:, 1:, 1:] = _so_algebra(3)
        for i in range(3):
            L[i, 1 + i, 0] = L[i, 0, 1 + i] = 1.0
        if k == "SO13":
            disc.append(-np.eye(4))
        elif k == "O13":
            disc.append(-np.eye(4))
            P = np.eye(4)
            P[0, 0] = -1
            disc.append(P)
        return 4, disc, list(L)
    if k == "Sp":
        m = n
        L = np.zeros((m * (2 * m + 1), 2 * m, 2 * m))
        c = 0
        for i in range(m):
            for j in range(m):
                L[c, i, j] = 1
                L[c, m + j, m + i] = -1
                c += 1
        for i in range(m):
            for j in range(i + 1):
                L[c, m + i, j] = 1
                L[c, m + j, i] = 1
                c += 1
                L[c, i, m + j] = 1
                L[c, j, m + i] = 1
                c += 1
        return 2 * m, [], list(L)
    if k == "SL":
        L = np.zeros((n * n - 1, n, n))
        c = 0
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                L[c, i, j] = 1
                c += 1
        for l in range(n - 1):
            L[c, l, l] = 1
            L[c, -1, -1] = -1
            c += 1
        return n, [], list(L)
    if k == "GL":
        L = np.zeros((n * n, n, n))
        c = 0
        for i in range(n):
            for j in range(n):
                L[c, i, j] = 1
                c += 1
        return n, [], list(L)
    if k in ("U", "SU"):
        cnt = n * n if k == "U" else n * n - 1
        re_ = np.zeros((cnt, n, n))
        im = np.zeros((cnt, n, n))
        c = 0
        for i in range(n):
            for j in range(i):
                re_[c, i, j] = 1
                re_[c, j, i] = -1
                c += 1
                im[c, i, j] = 1
                im[c, j, i] = 1
                c += 1
        if k == "U":
            for i in range(n):
                im[c, i, i] = 1
                c += 1
        else:
            for i in range(n - 1):
                im[c, i, i] = 1
                for j in range(n):
                    if i != j:
                        im[c, j, j] = -1 / (n - 1)
                c += 1
        return n, [], list(re_ + 1j * im)
    if k == "Cube":
        return 6, [_perm_matrix(p) for p in ([4, 1, 0, 3, 5, 2], [3, 0, 2, 5, 4, 1])], []
    if k == "RubiksCube":
        return 48, [_perm_matrix(p) for p in _rubiks_perms()], []
    raise ValueError(f"no numpy generators for {g.text!r}")


# ---------------------------------------------------------------------------------------------
# Environment report and the per-case subprocess driver
# ---------------------------------------------------------------------------------------------

BLAS_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def env_info(extra: dict | None = None) -> dict:
    """What this interpreter's numpy uses for BLAS, and whether the OpenBLAS workaround vars are set."""
    import platform
    info = {
        "python": platform.python_version(),
        "executable": sys.executable,
        "cpu_count": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "blas_env": {v: os.environ.get(v) for v in BLAS_VARS},
        "blas_env_set": any(os.environ.get(v) is not None for v in BLAS_VARS),
    }
    try:
        import numpy as np
        info["numpy"] = np.__version__
        try:
            cfg = np.show_config(mode="dicts")
            b = cfg.get("Build Dependencies", {}).get("blas", {})
            info["numpy_blas_build"] = {k: b.get(k) for k in ("name", "version", "openblas configuration") if k in b}
        except Exception as e:  # older numpy
            info["numpy_blas_build"] = f"unavailable: {e}"
        try:
            from threadpoolctl import threadpool_info
            info["blas_runtime"] = [
                {k: p.get(k) for k in ("internal_api", "version", "architecture", "num_threads", "threading_layer")}
                for p in threadpool_info() if p.get("user_api") == "blas"
            ]
        except Exception as e:
            info["blas_runtime"] = f"threadpoolctl unavailable: {e}"
    except Exception as e:
        info["numpy"] = f"unavailable: {e}"
    if extra:
        info.update(extra)
    return info


def peak_mb() -> float:
    import resource
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)  # Linux: KiB


def emit(obj: dict, stream=None):
    stream = stream or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stream.flush()


def load_cases(path: str | None) -> list:
    text = sys.stdin.read() if path in (None, "-") else open(path, encoding="utf-8").read()
    cases = json.loads(text)
    if isinstance(cases, dict):
        cases = [cases]
    for i, c in enumerate(cases):
        if "rep" in c:
            c.setdefault("in", c["rep"])
            c.setdefault("out", c["rep"])
        c.setdefault("name", f"{c.get('group')} {c.get('in')}->{c.get('out')}" if "group" in c else f"case {i}")
    return cases


def _one_line(s: str, limit=400) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[:limit] + "…"


def _last_error_line(stderr: str) -> str:
    lines = [l for l in stderr.strip().splitlines() if l.strip()]
    for l in reversed(lines):  # the exception line of a traceback
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b", l.strip()):
            return l.strip()
    return lines[-1].strip() if lines else ""


def run_case_in_subprocess(script: str, case: dict, timeout: float, child_env: dict, child_args: list) -> dict:
    """Run `python script --child ARGS` with the case on stdin; merge the JSON lines it prints."""
    name = case.get("name")
    load_before = round(os.getloadavg()[0], 2)  # >~0.5 means something else shares the 2 cores
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, script, "--child", *child_args], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env,
                         start_new_session=True)
    timed_out = False
    try:
        out, err = p.communicate(json.dumps(case), timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(p.pid, signal.SIGKILL)  # the child's own session: only what we started
        except ProcessLookupError:
            pass
        out, err = p.communicate()
    wall = time.perf_counter() - t0
    merged: dict = {}
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                merged.update(json.loads(line))
            except json.JSONDecodeError:
                pass
    result = {"name": name}
    if timed_out and not merged.get("ok"):
        result.update({"ok": False, "error": f"timeout after {timeout:g} s"})
        for k in ("stage", "import_seconds", "construct_seconds", "unknowns"):
            if k in merged:
                result[k] = merged[k]
    elif merged.get("ok") is not None:
        result.update(merged)
        if merged.get("ok") and merged.get("valid") is False:
            result["ok"] = False
            result["error"] = f"invalid basis: residual {merged.get('residual')} (the answer does not solve the constraints)"
        if timed_out:
            result["warm_error"] = f"timeout after {timeout:g} s during the warm run"
    else:
        msg = _last_error_line(err) or f"child exited with code {p.returncode} and no result"
        if p.returncode is not None and p.returncode < 0:
            msg = f"killed by signal {-p.returncode} ({_one_line(msg, 200)})"
        result.update({"ok": False, "error": _one_line(msg)})
    result.pop("stage", None)
    result["process_seconds"] = round(wall, 3)
    result["loadavg_before"] = load_before
    if "expect" in case and result.get("ok"):
        result["expect_ok"] = result.get("dim") == case["expect"]
    return result


def main_driver(script: str, runner: str, description: str, child_main: Callable[[dict, argparse.Namespace], None],
                add_args: Callable[[argparse.ArgumentParser], None], child_env_fn: Callable[[argparse.Namespace], dict],
                child_args_fn: Callable[[argparse.Namespace], list], env_extra_fn: Callable[[], dict]):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("cases", nargs="?", help="JSON file with a list of cases (default: stdin)")
    ap.add_argument("--timeout", type=float, default=300.0, help="per-case timeout in seconds (default 300)")
    ap.add_argument("--only", action="append", help="run only cases whose name contains this (repeatable)")
    ap.add_argument("--clean-blas-env", action="store_true",
                    help="unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE in the case subprocesses only "
                         "(default: leave the environment as it is and just report it)")
    ap.add_argument("--threads", type=int, default=None,
                    help="set OPENBLAS_NUM_THREADS/OMP_NUM_THREADS/MKL_NUM_THREADS (and, for 1, XLA's "
                         "single-threaded CPU flags) in the case subprocesses (default: leave as is)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--env-info", action="store_true", help=argparse.SUPPRESS)
    add_args(ap)
    args = ap.parse_args()

    if args.env_info:
        emit({"env": env_info({"runner": runner, **env_extra_fn()})})
        return
    if args.child:
        case = json.loads(sys.stdin.read())
        child_main(case, args)
        return

    cases = load_cases(args.cases)
    if args.only:
        cases = [c for c in cases if any(o in c["name"] for o in args.only)]
    env = child_env_fn(args)
    if args.clean_blas_env:
        for v in BLAS_VARS:
            env.pop(v, None)
    if args.threads:
        for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[v] = str(args.threads)
        if args.threads == 1:
            env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") +
                                " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
    # The env line comes from a subprocess with exactly the children's environment.
    try:
        r = subprocess.run([sys.executable, script, "--env-info"], capture_output=True, text=True, env=env, timeout=120)
        env_line = json.loads(r.stdout.strip().splitlines()[-1])
    except Exception as e:
        env_line = {"env": env_info({"runner": runner, "env_info_error": _one_line(str(e))})}
    env_line["env"].update({"timeout": args.timeout, "clean_blas_env": bool(args.clean_blas_env),
                            "threads": args.threads, "XLA_FLAGS": env.get("XLA_FLAGS"),
                            "parent_blas_env": {v: os.environ.get(v) for v in BLAS_VARS}})
    emit(env_line)
    for case in cases:
        timeout = float(case.get("timeout", args.timeout))
        emit(run_case_in_subprocess(script, case, timeout, env, child_args_fn(args)))
