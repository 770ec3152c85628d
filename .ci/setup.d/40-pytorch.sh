#!/usr/bin/env bash
# PyTorch for the generated-layer tests: Debian's python3-torch, which installs torch for the
# system interpreter /usr/bin/python3 (the tests call that one explicitly). Fast when present.
set -euo pipefail
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "python3-torch already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3-torch
/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)'
