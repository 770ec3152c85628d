#!/usr/bin/env bash
# Generates the benchmarked PyTorch layers with the CLI, then times them (bench/layers.py).
# Uses /usr/bin/python3 (Debian python3-torch) unless SOLVE_BASIS_PYTHON says otherwise. Debian torch
# uses the system libblas.so.3; to time with OpenBLAS without installing it system-wide, extract
# libopenblas0-pthread (apt-get download + dpkg -x) and set LD_LIBRARY_PATH to its openblas-pthread dir.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bin/solve-basis.js --group "S(10)" --rep "T(2)" --format pytorch -o "$dir/s10_t2.py"
node bin/solve-basis.js --group "S(6)" --rep "100*scalar+100V+20V**2" --format pytorch -o "$dir/s6_multiplicity.py"
"${SOLVE_BASIS_PYTHON:-/usr/bin/python3}" bench/layers.py "$dir"
