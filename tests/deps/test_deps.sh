#!/usr/bin/env bash
# scripts/deps.sh's choice of Dear ImGui, with a stand-in apt on PATH (no network, nothing installed): the pinned
# version when the archive has it, else another Debian revision of the same upstream version, else a clear failure that
# says what was offered and what to do; a second run asks apt nothing. Run: bash tests/deps/test_deps.sh REPO
set -uo pipefail
repo="$(cd "${1:?usage: test_deps.sh REPO}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The stand-in apt: apt-cache showsrc lists $OFFERED (space-separated versions); apt-get source writes an upstream
# tarball with the files deps.sh checks for; every call is logged.
mkdir -p "$work/bin" "$work/tarball/imgui/backends"
touch "$work/tarball/imgui/imgui.cpp" "$work/tarball/imgui/backends/imgui_impl_opengl3.cpp"
cat > "$work/bin/apt-cache" <<'EOF'
#!/usr/bin/env bash
echo "apt-cache $*" >> "$APT_LOG"
for v in $OFFERED; do printf 'Package: imgui\nVersion: %s\n\n' "$v"; done
EOF
cat > "$work/bin/apt-get" <<'EOF'
#!/usr/bin/env bash
echo "apt-get $*" >> "$APT_LOG"
case " $* " in *" source "*) tar -cJf imgui_1.90.1+ds.orig.tar.xz -C "$TARBALL" imgui ;; esac
EOF
chmod +x "$work/bin/apt-cache" "$work/bin/apt-get"

# Runs deps.sh's install_imgui in a fresh copy of scripts/deps.sh (run) or again in one (run_in), with apt offering the
# versions given; sets out, err, status and copy (where it ran).
run() {
  local fresh="$work/repo-$RANDOM"
  mkdir -p "$fresh/scripts" && cp "$repo/scripts/deps.sh" "$fresh/scripts/"
  : > "$work/apt.log"
  run_in "$fresh" "$1"
}
run_in() {
  out="$(cd "$1" && PATH="$work/bin:$PATH" OFFERED="$2" APT_LOG="$work/apt.log" TARBALL="$work/tarball" \
         CR_IMGUI_URIS=http://mirror.invalid/debian bash -c 'source scripts/deps.sh && install_imgui' 2>"$work/err")"
  status=$?
  err="$(cat "$work/err")"
  copy="$1"
}
fetched() { grep -o 'source --download-only imgui=[^ ]*' "$work/apt.log" | sed 's/.*imgui=//'; }

# 1. The pinned version is chosen when offered, also beside newer ones.
run "1.92.5+ds-1 1.90.1+ds-1 1.90.1+ds-2"
[ "$status" -eq 0 ] || fail "pinned offered: exit $status: $err"
[ "$(fetched)" = "1.90.1+ds-1" ] || fail "pinned offered: fetched '$(fetched)', want 1.90.1+ds-1"
[ "$(cat "$copy/.deps/imgui/.version" 2>/dev/null)" = "1.90.1+ds-1" ] || fail "pinned offered: .deps/imgui/.version is not 1.90.1+ds-1"
[ -f "$copy/.deps/imgui/imgui.cpp" ] || fail "pinned offered: no .deps/imgui/imgui.cpp"
# ... and a second run asks apt nothing.
: > "$work/apt.log"
run_in "$copy" "1.90.1+ds-1"
[ "$status" -eq 0 ] && [ ! -s "$work/apt.log" ] || fail "second run: exit $status, apt called: $(cat "$work/apt.log")"
[[ "$out" == *"Dear ImGui 1.90.1+ds-1: present"* ]] || fail "second run: says '$out'"

# 2. Pinned gone: the newest Debian revision of the same upstream version, never another upstream version.
run "1.92.5+ds-1 1.90.1+ds-1+deb13u1 1.90.1+ds-2 1.91.0+ds-1"
[ "$status" -eq 0 ] || fail "revision offered: exit $status: $err"
[ "$(fetched)" = "1.90.1+ds-2" ] || fail "revision offered: fetched '$(fetched)', want 1.90.1+ds-2"
[[ "$out" == *"1.90.1+ds-1 is gone"* ]] || fail "revision offered: does not say the pinned version is gone: '$out'"
[ "$(cat "$copy/.deps/imgui/.version" 2>/dev/null)" = "1.90.1+ds-2" ] || fail "revision offered: wrong .version"

# 3. Only untested versions: a failure that names them and says what to do; nothing fetched or left behind.
run "1.92.5+ds-1 1.91.0+ds-1"
[ "$status" -ne 0 ] || fail "untested only: exit 0"
[ -z "$(fetched)" ] || fail "untested only: fetched $(fetched)"
[ ! -e "$copy/.deps/imgui" ] && [ ! -e "$copy/.deps/apt-src" ] || fail "untested only: left files in .deps"
for want in "Dear ImGui 1.90.1+ds" "offers imgui 1.91.0+ds-1 1.92.5+ds-1, which Crossroads is not tested with" \
            "http://mirror.invalid/debian" "CR_IMGUI_URIS=" ".deps/imgui/.version"; do
  [[ "$err" == *"$want"* ]] || fail "untested only: the message lacks '$want':"$'\n'"$err"
done

# 4. Nothing offered at all (the suite is gone from the mirror).
run ""
[ "$status" -ne 0 ] || fail "nothing offered: exit 0"
[[ "$err" == *"apt found no imgui source package there"* && "$err" == *"What to do"* ]] || fail "nothing offered: '$err'"

[ "$failures" -eq 0 ] && echo "deps: all checks passed" || { echo "deps: $failures failed"; exit 1; }
