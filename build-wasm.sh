#!/usr/bin/env bash
# Crossroads build entry point. Installs what is missing (scripts/deps.sh), then:
#   ./build-wasm.sh            build the static site into dist/
#   ./build-wasm.sh serve [P]  build, then serve dist/ at http://127.0.0.1:P (default 8080) until stopped
#   ./build-wasm.sh test       build everything and run every test; non-zero exit on any failure
#   ./build-wasm.sh fuzz [S]   build the libFuzzer targets and fuzz each for S seconds (default 300)
#   ./build-wasm.sh preview FILE [P]  build, then preview the quiz FILE at http://127.0.0.1:P, following each save
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
JOBS="${JOBS:-2}"
# `test` builds the project's own sources (src/) with warnings as errors (CMakeLists.txt); the other commands keep a
# build directory's setting (off in a fresh clone), so a newer compiler's new warning never stops a blog owner's build.
WERROR=()
[ "${1:-}" = test ] && WERROR=(-DCR_WARNINGS_AS_ERRORS=ON)

bash scripts/deps.sh

build_native() {
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${WERROR[@]}" >/dev/null
  cmake --build build/native -j "$JOBS"
}

build_sanitized() {
  cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCR_SANITIZE=ON "${WERROR[@]}" >/dev/null
  cmake --build build/sanitize -j "$JOBS"
}

# libFuzzer targets (tests/fuzz): clang, native only, in their own build directory.
build_fuzz() {
  cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCR_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 "${WERROR[@]}" >/dev/null
  cmake --build build/fuzz -j "$JOBS"
}

# Each target for a bounded number of inputs with a fixed seed (CTest entries; any finding fails),
# or, given SECONDS, each for that long.
run_fuzz() {
  if [ -n "${1:-}" ]; then
    (cd build/fuzz && CR_FUZZ_SECONDS="$1" ctest --output-on-failure --timeout "$(($1 + 300))")
  else
    (cd build/fuzz && ctest --output-on-failure -j "$JOBS")
  fi
}

build_web() {
  # The native measuring tool (src/cli/measure.cpp) gives embed.js the first screen's height at each width; the
  # editor's CLI comes with it, so `serve` and `preview` leave build/native/crossroads ready as the README says.
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${WERROR[@]}" >/dev/null
  cmake --build build/native -j "$JOBS" --target crossroads-measure crossroads
  export NODE_PATH=/usr/share/nodejs
  export EM_CLOSURE_COMPILER="$ROOT/node_modules/.bin/google-closure-compiler"
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel "${WERROR[@]}" >/dev/null
  cmake --build build/wasm -j "$JOBS"
  python3 scripts/assemble.py --build build/wasm --web web --content content --out dist \
    --measure build/native/crossroads-measure --cli build/native/crossroads
}

case "${1:-build}" in
  build)
    build_web
    ;;
  serve)
    build_web
    exec node scripts/serve.mjs --root dist --port "${2:-8080}"
    ;;
  test)
    build_native
    (cd build/native && ctest --output-on-failure -j "$JOBS")
    build_sanitized
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$JOBS")
    build_fuzz
    run_fuzz
    build_web
    node --test --test-concurrency=1 tests/browser/
    ;;
  preview)
    [ -f "${2:-}" ] || { echo "usage: ./build-wasm.sh preview FILE [PORT]" >&2; exit 2; }
    build_web
    exec node scripts/preview.mjs --root dist --quiz "$2" --port "${3:-8080}"
    ;;
  fuzz)
    build_fuzz
    run_fuzz "${2:-300}"
    ;;
  *)
    echo "usage: ./build-wasm.sh [build | serve [PORT] | test | fuzz [SECONDS] | preview FILE [PORT]]" >&2
    exit 2
    ;;
esac
