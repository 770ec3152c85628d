#!/usr/bin/env bash
# JAX + Flax (CPU) for the generated-layer tests, from PyPI into the repo's .venv (gitignored),
# built on the Debian interpreter. Versions pinned so CI is reproducible. Fast when present.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -x .venv/bin/python ] && .venv/bin/python -c 'import jax, flax' 2>/dev/null; then
  echo "jax + flax already installed in .venv"
  exit 0
fi
if ! [ -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3 python3-venv
fi
rm -rf .venv
/usr/bin/python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check jax==0.10.2 jaxlib==0.10.2 flax==0.12.8
.venv/bin/python -c 'import jax, flax; print("jax", jax.__version__, "flax", flax.__version__)'
