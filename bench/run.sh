#!/usr/bin/env bash
# Runs every benchmark and prints its numbers: dist/ sizes, native core and frame timings, and time to
# first frame plus idle frames in headless Chromium. Run after ./build-wasm.sh; nothing here asserts.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCR_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench --target bench_core bench_frame
echo "== dist/ sizes (bytes) =="
python3 - <<'PY'
import gzip, pathlib, subprocess
total = [0, 0, 0]
for f in sorted(p for p in pathlib.Path("dist").rglob("*") if p.is_file()):
    d = f.read_bytes(); g = len(gzip.compress(d, 9))
    b = len(subprocess.run(["brotli", "-c", "-q", "11", str(f)], capture_output=True, check=True).stdout)
    print(f"{str(f):<44}{len(d):>10,}{g:>10,}{b:>10,}")
PY
echo "== core =="
build/bench/bench/bench_core content/python-path.json
echo "== ImGui frame (native, no renderer) =="
build/bench/bench/bench_frame content/python-path.json
echo "== browser =="
node bench/first-frame.mjs
