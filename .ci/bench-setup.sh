#!/usr/bin/env bash
# Create bench/python/.venv with EMLP + numpy for the benchmark's Python runners
# (bench/python/emlp_runner.py, bench/python/numpy_baseline.py). Not part of CI's test run.
# Idempotent: when the venv already holds exactly bench/python/requirements-emlp.txt, it only
# checks that emlp imports and returns (about a few seconds).
#   bash .ci/bench-setup.sh            # PYTHON=python3.11 bash .ci/bench-setup.sh to pick the interpreter
set -euo pipefail
cd "$(dirname "$0")/.."
dir=bench/python
venv=$dir/.venv
req=$dir/requirements-emlp.txt
stamp=$venv/.requirements.sha256
py=${PYTHON:-python3}

want=$(sha256sum "$req" | cut -d' ' -f1)
check() {
  JAX_PLATFORMS=cpu "$venv/bin/python" -c 'import emlp, emlp.groups, emlp.reps, numpy, threadpoolctl' >/dev/null 2>&1
}
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && check; then
  echo "bench-setup: $venv is up to date"
  exit 0
fi

ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
case "$ver" in
  3.11|3.12|3.13) ;;
  *) echo "bench-setup: warning: $py is Python $ver; the pins were verified on 3.11" >&2 ;;
esac
if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$req"
check || { echo "bench-setup: emlp does not import in $venv" >&2; exit 1; }
echo "$want" > "$stamp"
echo "bench-setup: installed $(grep -E '^(emlp|jax|jaxlib|objax|numpy)==' "$req" | tr '\n' ' ')into $venv"
