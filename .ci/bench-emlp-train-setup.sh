#!/usr/bin/env bash
# Create bench/python/.venv-emlp-train with EMLP and an older jax whose objax jit works, for the
# network benchmark's EMLP side (bench/networks/emlp_train.py). Not part of CI's test run.
# Idempotent: when the venv already holds exactly requirements-emlp-train.txt it only checks
# that a jitted objax step runs.   PYTHON=python3.11 bash .ci/bench-emlp-train-setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=bench/python/.venv-emlp-train
req=bench/python/requirements-emlp-train.txt
stamp=$venv/.requirements.sha256
py=${PYTHON:-/usr/bin/python3}
want=$(sha256sum "$req" | cut -d' ' -f1)
check() {
  JAX_PLATFORMS=cpu "$venv/bin/python" - >/dev/null 2>&1 <<'PY'
import jax.numpy as jnp, objax
lin = objax.nn.Linear(2, 1)
gv = objax.GradValues(lambda x: (lin(x) ** 2).mean(), lin.vars())
opt = objax.optimizer.Adam(lin.vars())
step = objax.Jit(lambda x: opt(1e-3, gv(x)[0]), gv.vars() + opt.vars())
step(jnp.ones((3, 2)))
import emlp.nn
PY
}
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && check; then
  echo "bench-emlp-train-setup: $venv is up to date"
  exit 0
fi
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$req"
check || { echo "bench-emlp-train-setup: a jitted objax step does not run in $venv" >&2; exit 1; }
echo "$want" > "$stamp"
echo "bench-emlp-train-setup: installed $(grep -E '^(emlp|jax|jaxlib|objax)==' "$req" | tr '\n' ' ')into $venv"
