#!/usr/bin/env bash
# Generates the size-agnostic S(n) T(2)→T(2) layer (16 → 16 channels), the SO(3) x S(n) point-cloud
# layer and the dense layers that fit, then times them against hand-written implementations
# (bench/agnostic.py) and writes the "Size-agnostic layers" section of bench/RESULTS.md. Uses
# $SOLVE_BASIS_PYTHON, else $SOLVE_BASIS_TORCH2_PYTHON (PyTorch 2.x), else /usr/bin/python3 (Debian
# python3-torch 1.13); BENCH_THREADS (default 1) torch threads for every layer. Like bench/layers.sh,
# set LD_LIBRARY_PATH to an extracted OpenBLAS to time Debian's torch with a real BLAS.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bin/solve-basis.js --group "S(10)" --rep "16V**2" --format pytorch --size-agnostic -o "$dir/agnostic.py"
node bin/solve-basis.js --group "S(10)" --rep "16V**3" --format pytorch --size-agnostic -o "$dir/agnostic3.py"
node bin/solve-basis.js --group "S(10)" --rep "16V**2" --format pytorch -o "$dir/dense_10.py"
# The point-cloud layer: SO(3) x S(n) on V1⊗V2, size-agnostic, and dense at n = 100 (W: 4800², 0.37 GB).
node bin/solve-basis.js --group "SO(3) x S(10)" --rep "16V1*V2" --format pytorch --size-agnostic -o "$dir/cloud.py"
node bin/solve-basis.js --group "SO(3) x S(100)" --rep "16V1*V2" --format pytorch -o "$dir/cloud_dense_100.py"
# n = 50 and above the dense layer is not written: at n = 100, W has (16·100²)² = 2.56·10¹⁰ entries
# and the emitter's rule (32 bytes per entry: W and its index buffer) gives 763 GiB. (Asking the CLI
# for it takes minutes and GBs before E_TOO_LARGE: the fixed-n path prepares the layer first.)
export OPENBLAS_NUM_THREADS=1
"${SOLVE_BASIS_PYTHON:-${SOLVE_BASIS_TORCH2_PYTHON:-/usr/bin/python3}}" bench/agnostic.py "$dir" > "$dir/table.md"
node -e '
const fs = require("fs");
const table = fs.readFileSync(process.argv[1], "utf8");
const section = "## Size-agnostic layers\n\n`npm run bench:agnostic`. " + table.trim() +
  "\n\nDense at n = 100: W has (16·100²)² = 2.56·10¹⁰ entries, 763 GiB by the emitter\x27s rule (32 bytes per entry of W: W and its index buffer) — not run.\n\n";
const path = "bench/RESULTS.md";
let text = fs.readFileSync(path, "utf8");
const start = text.indexOf("## Size-agnostic layers\n");
if (start >= 0) {
  const end = text.indexOf("\n## ", start + 1);
  text = text.slice(0, start) + section + (end >= 0 ? text.slice(end + 1) : "");
} else text = text.replace("## Solver benchmark", section + "\n## Solver benchmark");
fs.writeFileSync(path, text);
'  "$dir/table.md"
cat "$dir/table.md"
