#!/usr/bin/env bash
# Installs everything Crossroads needs on a fresh Debian 12 machine, at pinned versions:
# Debian packages, Dear ImGui sources from Debian's source package, npm packages from the lock file.
# Idempotent: each step checks first, so a second run does no network work.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"
IMGUI_VERSION="1.90.1+ds-1"
IMGUI_SUITE="trixie"

# Pinned where the package is the toolchain itself. Packages that receive Debian security updates
# (fontTools, Chromium, Node.js and npm) are not pinned: a pin would break fresh installs once the mirror moves on.
# Every command the scripts run is named here, even when a usual image already has it: clang-14 with
# libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) builds tests/fuzz; unicode-data gives scripts/font-tables.py
# the Unicode tables (blocks, scripts, invisible code points). Debian packages npm apart from
# nodejs; a Node.js from elsewhere that brings its own npm conflicts with that package, so npm is installed only
# when no npm command exists (NEEDED_COMMANDS).
APT_PACKAGES=(
  "emscripten=3.1.6~dfsg-5"
  "nlohmann-json3-dev=3.11.2-2"
  "doctest-dev=2.4.9~ds-1"
  "clang-14=1:14.0.6-12"
  "libclang-rt-14-dev=1:14.0.6-12"
  "unicode-data=15.0.0-1"
  python3-fonttools chromium fonts-roboto-unhinted fonts-jetbrains-mono fonts-dejavu-core
  brotli ninja-build cmake g++ dpkg-dev python3 nodejs
)
# command -> the Debian package that provides it, installed only when the command is missing.
NEEDED_COMMANDS=("npm:npm")

log() { printf '[deps] %s\n' "$*"; }

need_root_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing() {
  local missing=() spec name want have
  for spec in "${APT_PACKAGES[@]}"; do
    name="${spec%%=*}"; want=""
    [ "$spec" != "$name" ] && want="${spec#*=}"
    have="$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)"
    case "$have" in
      "install ok installed"*) [ -n "$want" ] && [ "${have##* }" != "$want" ] && missing+=("$spec") ;;
      *) missing+=("$spec") ;;
    esac
  done
  for spec in "${NEEDED_COMMANDS[@]}"; do
    command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec#*:}")
  done
  printf '%s\n' "${missing[@]}"
}

install_apt() {
  mapfile -t missing < <(apt_missing | sed '/^$/d')
  if [ "${#missing[@]}" -eq 0 ]; then log "Debian packages: present"; return; fi
  log "Debian packages: installing ${missing[*]}"
  need_root_cmd apt-get update -q
  need_root_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Dear ImGui: Debian's binary package has no imgui.cpp for wasm, so fetch the source package
# with a private apt state that reuses the machine's own mirror (no host name is written here).
install_imgui() {
  local dest="$DEPS/imgui"
  if [ -f "$dest/.version" ] && [ "$(cat "$dest/.version")" = "$IMGUI_VERSION" ]; then
    log "Dear ImGui $IMGUI_VERSION: present"; return
  fi
  log "Dear ImGui $IMGUI_VERSION: fetching Debian source package"
  local work="$DEPS/apt-src"
  rm -rf "$work"; mkdir -p "$work/lists/partial" "$work/parts" "$work/dl"
  : > "$work/empty.list"
  local uris
  uris="$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 | sed 's/^URIs:[[:space:]]*//')"
  if [ -z "$uris" ]; then
    uris="$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print $2}' | head -n1)"
  fi
  [ -n "$uris" ] || { echo "deps: cannot find the machine's Debian mirror in /etc/apt" >&2; exit 1; }
  cat > "$work/parts/imgui-src.sources" <<EOF
Types: deb-src
URIs: $uris
Suites: $IMGUI_SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local opts=(-o "Dir::Etc::SourceList=$work/empty.list" -o "Dir::Etc::SourceParts=$work/parts"
              -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root")
  mkdir -p "$work/cache/archives/partial"
  apt-get "${opts[@]}" update -q
  (cd "$work/dl" && apt-get "${opts[@]}" source --download-only "imgui=$IMGUI_VERSION")
  local tarball
  tarball="$(ls "$work"/dl/imgui_*.orig.tar.* | head -n1)"
  rm -rf "$dest" && mkdir -p "$dest"
  tar -xf "$tarball" -C "$dest" --strip-components=1
  [ -f "$dest/imgui.cpp" ] && [ -f "$dest/backends/imgui_impl_opengl3.cpp" ] || { echo "deps: imgui sources incomplete" >&2; exit 1; }
  echo "$IMGUI_VERSION" > "$dest/.version"
  rm -rf "$work"
}

install_npm() {
  local stamp="$ROOT/node_modules/.crossroads-lock"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then log "npm packages: present"; return; fi
  log "npm packages: installing from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

install_apt
install_imgui
install_npm
