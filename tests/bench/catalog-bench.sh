#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# catalog-bench.sh — catalog build vs libwim extraction, catalog load vs build
#
# Not a test: builds a 20,000-manifest image (400 with settings) as a WIM (LZX) and an
# ESD (solid LZMS), then times, best of 3 runs each:
#   - `unattend-tool catalog build` against `wimlib-imagex extract` of the manifests folder,
#   - `unattend-tool catalog show CAT COMPONENT` (load + one component) against the build,
#   - and, with build/tests/catalog-timing, build and load inside one process.
# Usage: tests/bench/catalog-bench.sh [BUILD_DIR]   (default: build)
set -eu
cd "$(dirname "$0")/../.."
TOOL=${1:-build}/src/cli/unattend-tool
TIMING=${1:-build}/tests/catalog-timing
DATA=tests/data/manifests
N=${UE_BENCH_MANIFESTS:-20000}
N_SETTINGS=${UE_BENCH_WITH_SETTINGS:-400}
[ -x "$TOOL" ] || { echo "build first: $TOOL is missing" >&2; exit 2; }
command -v wimlib-imagex >/dev/null || { echo "wimlib-imagex (wimtools) is missing" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ue-bench-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "generating $N manifests ($N_SETTINGS with settings) ..." >&2
/usr/bin/python3 - "$TMP/tree" "$DATA" "$N" "$N_SETTINGS" <<'PY'
import os, sys
root, data, n, n_settings = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
man = os.path.join(root, "Windows", "WinSxS", "Manifests")
pkg = os.path.join(root, "Windows", "servicing", "Packages")
os.makedirs(man); os.makedirs(pkg)
shell = open(os.path.join(data, "amd64_microsoft-windows-shell-setup_31bf3856ad364e35_6.0.6001.18000_none_0123456789abcdef.manifest"), "rb").read()
body = "".join('  <file name="f{0}.dll" destinationPath="$(runtime.system32)\\" sourceName="f{0}.dll" importPath="$(build.nttree)\\">\n'
               '    <asmv2:hash xmlns:asmv2="urn:schemas-microsoft-com:asm.v2"><dsig:DigestValue xmlns:dsig="http://www.w3.org/2000/09/xmldsig#">'
               'bWFuaWZlc3QgaGFzaCBwbGFjZWhvbGRlcg==</dsig:DigestValue></asmv2:hash>\n  </file>\n'.format(k) for k in range(12))
for i in range(n):
    name = "amd64_microsoft-windows-bench-%05d_31bf3856ad364e35_6.0.6001.18000_none_%016x.manifest" % (i, i * 2654435761 % 2**64)
    with open(os.path.join(man, name), "wb") as f:
        if i < n_settings:
            f.write(shell.replace(b"Microsoft-Windows-Shell-Setup\"", b"Microsoft-Windows-Bench-%05d\"" % i))
        else:
            f.write(b"\xef\xbb\xbf" + ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'
                    '<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">\n'
                    '  <assemblyIdentity name="Microsoft-Windows-Bench-%05d" version="6.0.6001.18000" processorArchitecture="amd64" '
                    'language="neutral" buildType="release" publicKeyToken="31bf3856ad364e35" versionScope="nonSxS"/>\n' % i
                    + body + '</assembly>\n').replace("\n", "\r\n").encode())
for name in os.listdir(os.path.join(data, "packages")):
    open(os.path.join(pkg, name), "wb").write(open(os.path.join(data, "packages", name), "rb").read())
PY
du -sh "$TMP/tree/Windows/WinSxS/Manifests" >&2
wimlib-imagex capture "$TMP/tree" "$TMP/bench.wim" "Bench" --compress=lzx >/dev/null
wimlib-imagex capture "$TMP/tree" "$TMP/bench.esd" "Bench" --solid >/dev/null
rm -rf "$TMP/tree"

# best of 3 wall-clock seconds of a command
best() {
  local best="" t0 t1 t
  for _ in 1 2 3; do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

printf '\n%-6s %12s %12s %8s %12s %8s\n' image "extract (s)" "build (s)" build/x "load (s)" load/b
for img in bench.wim bench.esd; do
  BEFORE="rm -rf '$TMP/out'" extract=$(best wimlib-imagex extract "$TMP/$img" 1 /Windows/WinSxS/Manifests --dest-dir="$TMP/out" --no-acls)
  build=$(best "$TOOL" catalog build "$TMP/$img" -o "$TMP/$img.catalog")
  load=$(best "$TOOL" catalog show "$TMP/$img.catalog" Microsoft-Windows-Bench-00000)
  printf '%-6s %12s %12s %8.2f %12s %8.3f\n' "${img#bench.}" "$extract" "$build" \
    "$(echo "$build / $extract" | bc -l)" "$load" "$(echo "$load / $build" | bc -l)"
done
if [ -x "$TIMING" ]; then
  # without process start-up, which dominates the CLI's load time
  printf '\n%-6s %12s %12s %8s\n' image "build (s)" "load (s)" load/b
  for img in bench.wim bench.esd; do
    out=$("$TIMING" "$TMP/$img" "$TMP/$img.timing.catalog")
    b=$(echo "$out" | awk '$1 == "build" {print $2}')
    l=$(echo "$out" | awk '$1 == "load" {print $2}')
    printf '%-6s %12s %12s %8.3f  (in process)\n' "${img#bench.}" "$b" "$l" "$(echo "$l / $b" | bc -l)"
  done
fi
"$TOOL" catalog build "$TMP/bench.esd" -o "$TMP/check.catalog" 2>&1 | sed 's/^/  /' >&2
ls -l "$TMP/bench.esd.catalog" | awk '{print "  catalog file: " $5 " bytes"}' >&2
