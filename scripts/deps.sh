#!/usr/bin/env bash
# Installs everything Crossroads needs on a fresh Debian 12 machine, at pinned versions:
# Debian packages, Dear ImGui sources from Debian's source package, npm packages from the lock file.
# Idempotent: each step checks first, so a second run does no network work.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"
# Dear ImGui: the version the code is tested with, from Debian's source package in suite IMGUI_SUITE. Only its upstream
# tarball is used, which every Debian revision of the same upstream version shares (a stable update such as
# 1.90.1+ds-1+deb13u1, a rebuild such as 1.90.1+ds-2): those are accepted when the pinned one is gone; no other version
# is, as none is tested. CR_IMGUI_URIS (an archive that still has it, e.g. a snapshot of Debian's) and CR_IMGUI_SUITE
# say where else to look.
IMGUI_VERSION="1.90.1+ds-1"
IMGUI_UPSTREAM="${IMGUI_VERSION%-*}"
IMGUI_SUITE="${CR_IMGUI_SUITE:-trixie}"

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
  "poppler-utils=22.12.0-2+deb12u3"  # pdftotext and pdftoppm: the browser tests read and look at the printed results
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

# True when Debian source version $1 may be used: the pinned one or another Debian revision of its upstream version.
imgui_accepted() { [ "$1" = "$IMGUI_VERSION" ] || [[ "$1" == "$IMGUI_UPSTREAM"-* ]]; }

# The version to fetch among those apt offers (one a line on stdin) from the archive at $1: the pinned one when offered,
# else the newest accepted one. Fails, saying what was offered and what to do, when none is accepted.
choose_imgui_version() {
  local offered=() v best=""
  mapfile -t offered < <(sed '/^$/d' | sort -u)
  for v in "${offered[@]}"; do
    if [ "$v" = "$IMGUI_VERSION" ]; then echo "$v"; return; fi
    if imgui_accepted "$v" && { [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; }; then best="$v"; fi
  done
  if [ -n "$best" ]; then echo "$best"; return; fi
  {
    echo "deps: Dear ImGui $IMGUI_UPSTREAM (Debian's source package imgui $IMGUI_VERSION, or another Debian revision of"
    echo "  it) is not in suite $IMGUI_SUITE of the Debian archive at $1."
    if [ "${#offered[@]}" -eq 0 ]; then echo "  apt found no imgui source package there."
    else echo "  That suite offers imgui ${offered[*]}, which Crossroads is not tested with."; fi
    echo "  What to do, either of:"
    echo "  - fetch it from an archive that still has it, such as a snapshot of Debian's archive:"
    echo "      CR_IMGUI_URIS=<that archive's URL> CR_IMGUI_SUITE=<its suite> ./build-wasm.sh"
    echo "  - or put the Dear ImGui $IMGUI_UPSTREAM sources in .deps/imgui yourself (imgui.cpp and backends/ at its top)"
    echo "    and write $IMGUI_VERSION into .deps/imgui/.version."
  } >&2
  return 1
}

# The machine's own Debian mirror, read from /etc/apt (no host name is written here), or CR_IMGUI_URIS.
debian_mirror() {
  local uris="${CR_IMGUI_URIS:-}"
  [ -n "$uris" ] || uris="$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 | sed 's/^URIs:[[:space:]]*//')"
  [ -n "$uris" ] || uris="$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print $2}' | head -n1)"
  [ -n "$uris" ] || { echo "deps: cannot find the machine's Debian mirror in /etc/apt; set CR_IMGUI_URIS to one" >&2; return 1; }
  echo "$uris"
}

# Dear ImGui: Debian's binary package has no imgui.cpp for wasm, so fetch the source package with a private apt state.
install_imgui() {
  local dest="$DEPS/imgui"
  if [ -f "$dest/.version" ] && imgui_accepted "$(cat "$dest/.version")"; then
    log "Dear ImGui $(cat "$dest/.version"): present"; return
  fi
  local work="$DEPS/apt-src" uris version
  uris="$(debian_mirror)" || exit 1
  rm -rf "$work"; mkdir -p "$work/lists/partial" "$work/parts" "$work/dl" "$work/cache/archives/partial"
  : > "$work/empty.list"
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' "$uris" "$IMGUI_SUITE" \
    /usr/share/keyrings/debian-archive-keyring.gpg > "$work/parts/imgui-src.sources"
  local opts=(-o "Dir::Etc::SourceList=$work/empty.list" -o "Dir::Etc::SourceParts=$work/parts"
              -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root")
  apt-get "${opts[@]}" update -q || log "apt could not read suite $IMGUI_SUITE at $uris (see above)"
  version="$(apt-cache "${opts[@]}" showsrc --only-source imgui 2>/dev/null | sed -n 's/^Version: //p' |
             choose_imgui_version "$uris")" || { rm -rf "$work"; exit 1; }
  if [ "$version" = "$IMGUI_VERSION" ]; then log "Dear ImGui $version: fetching Debian source package"
  else log "Dear ImGui $version: fetching Debian source package ($IMGUI_VERSION is gone; this has its upstream sources)"; fi
  (cd "$work/dl" && apt-get "${opts[@]}" source --download-only "imgui=$version")
  local tarball
  tarball="$(ls "$work"/dl/imgui_*.orig.tar.* | head -n1)"
  rm -rf "$dest" && mkdir -p "$dest"
  tar -xf "$tarball" -C "$dest" --strip-components=1
  [ -f "$dest/imgui.cpp" ] && [ -f "$dest/backends/imgui_impl_opengl3.cpp" ] || { echo "deps: imgui sources incomplete" >&2; exit 1; }
  echo "$version" > "$dest/.version"
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

# Run, not sourced (tests/deps/test_deps.sh sources it to try the choice of Dear ImGui with a stand-in apt).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  install_apt
  install_imgui
  install_npm
fi
