#!/usr/bin/env bash
# A current PyTorch 2.x from PyPI for the generated-network tests (torch.compile and torch.export
# on the whole network; users have 2.x, Debian's python3-torch is 1.13). Into the repo's
# .venv-torch2 (gitignored), built on the Debian interpreter. PyPI's torch wheel is the CUDA build
# (~5 GB with its nvidia-* dependencies, ~2 min here); the CPU-only index is not reachable, and the
# CUDA wheel runs on CPU. Pinned so CI is reproducible. Fast when present.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-torch2
want=2.15.0
# torch.compile's CPU backend compiles C++ against Python.h: it needs g++ and python3-dev.
include=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null || echo /nonexistent)
if ! /usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null || ! command -v g++ >/dev/null || ! [ -e "$include/Python.h" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3 python3-venv python3-dev g++
fi
if [ -x $venv/bin/python ] && [ "$($venv/bin/python -c 'import torch; print(torch.__version__.split("+")[0])' 2>/dev/null)" = "$want" ]; then
  echo "torch $want already installed in $venv"
  exit 0
fi
rm -rf $venv
/usr/bin/python3 -m venv $venv
# numpy: torch.export and torch.compile import it when present, and the tests' drivers use it.
$venv/bin/pip install -q --disable-pip-version-check --no-cache-dir "torch==$want" numpy==2.4.6
$venv/bin/python -c 'import torch; print("torch", torch.__version__)'
