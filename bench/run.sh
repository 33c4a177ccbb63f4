#!/usr/bin/env bash
# Runs every benchmark and prints its numbers: dist/ sizes, native core and frame timings, validate's growth, and the
# first load of the widget against the same quiz in SurveyJS in headless Chromium (N loads each, default 7).
# Run after ./build-wasm.sh, which built dist/ and build/native/ (read as they are here). Usage: bash bench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-7}"
for built in dist/index.html build/native/crossroads; do
  [ -e "$built" ] || { echo "$built is missing: run ./build-wasm.sh first" >&2; exit 1; }
done
# The native benchmark programs only (build/bench/); dist/ is never rebuilt here.
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCR_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench -j "${JOBS:-2}" --target bench_core bench_frame
echo "== dist/ sizes (bytes) =="
python3 - <<'PY'
import pathlib, subprocess
print(f"{'file':<44}{'raw':>10}{'gzip -9':>10}{'brotli':>10}")
for f in sorted(p for p in pathlib.Path("dist").rglob("*") if p.is_file()):
    g, b = (len(subprocess.run([*tool, "-c", str(f)], capture_output=True, check=True).stdout)
            for tool in (["gzip", "-9", "-n"], ["brotli", "-q", "11"]))
    print(f"{str(f):<44}{f.stat().st_size:>10,}{g:>10,}{b:>10,}")
PY
echo "== core =="
build/bench/bench/bench_core content/python-path.json
echo "== ImGui frame (native, no renderer) =="
build/bench/bench/bench_frame content/python-path.json build/bench/fonts
echo "== validate: growth with the quiz's length =="
python3 bench/validate-speed.py build/native/crossroads
echo "== browser: first load against SurveyJS =="
node bench/first-load.mjs "$N"
