#!/usr/bin/env bash
# Runs one libFuzzer target over its seed directories with its dictionary. Bounded by default (-runs=N -seed=1
# over a fresh CORPUS-bounded, so a test run never depends on an earlier one); with CR_FUZZ_SECONDS=S it fuzzes
# for S seconds and keeps what it finds in CORPUS for the next long run. Any finding fails (libFuzzer's exit code)
# and leaves the input in findings/ next to CORPUS.
# usage: run.sh FUZZER DICT CORPUS RUNS SEED_DIR...
set -euo pipefail
fuzzer="$1" dict="$2" corpus="$3" runs="$4"
shift 4
artifacts="$(dirname "$corpus")/findings"
mkdir -p "$artifacts"
if [ -n "${CR_FUZZ_SECONDS:-}" ]; then
  limit=(-max_total_time="$CR_FUZZ_SECONDS")
else
  corpus="$corpus-bounded"  # thrown away each time; the long runs' corpus is left alone
  rm -rf "$corpus"
  limit=(-runs="$runs" -seed=1)
fi
mkdir -p "$corpus"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
exec "$fuzzer" "${limit[@]}" -dict="$dict" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts/$(basename "$fuzzer")-" "$corpus" "$@"
