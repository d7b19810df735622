#!/usr/bin/env bash
# Unattend Editor set-up on Debian 12:
#   ./run.sh        install dependencies, build, start the editor
#   ./run.sh test   install dependencies, build, run every test suite, and the core and
#                   CLI suites again under AddressSanitizer/UndefinedBehaviorSanitizer
#                   (beside the UI tests)
#   ./run.sh asan   only the sanitizer build and its tests
#   ./run.sh deps   only install dependencies
set -u
cd "$(dirname "$0")"

PACKAGES="build-essential meson ninja-build pkg-config gettext libgtk-3-dev libglib2.0-dev
  libxml2-dev libwim-dev wimtools libgtksourceview-4-dev xvfb xauth dbus dbus-x11 at-spi2-core
  python3-pyatspi python3-dogtail python3-gi gir1.2-gtk-3.0 appstream desktop-file-utils xdotool
  imagemagick clang libclang-rt-14-dev locales man-db"

sudo_cmd() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

deps() {
  local missing=""
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  sudo_cmd apt-get update && sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
}

build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir" || return 1
}

summary() {
  # meson prints no closing line CI can read: count results from its JSON log
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
p = f = s = 0
for log in sys.argv[1:]:
    try:
        lines = open(log).read().splitlines()
    except OSError:
        f += 1
        continue
    for line in lines:
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"): p += 1
        elif r == "SKIP": s += 1
        else: f += 1
print(f"{p} passed, {f} failed, {s} skipped")
sys.exit(1 if f else 0)
PY
}

# the whole core and cli suites (the slow image tests too) built with
# -fsanitize=address,undefined: any report fails the test. The UI tests run in the normal
# build only: GTK under ASan would double CI's time.
# allocator_may_return_null: libwim asks malloc for whatever a damaged image claims and
# handles NULL, as glibc returns it; ASan would abort instead.
asan() {
  build build-asan -Dwerror=true -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false || return 1
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:print_summary=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1 \
    meson test -C build-asan --print-errorlogs --num-processes 2 --suite core --suite cli
}

case "${1:-run}" in
  deps)
    deps ;;
  test)
    deps || exit 1
    status=0
    build build -Dwerror=true || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
    # the UI tests mostly wait for the window: the sanitizer build and its tests run beside
    # them (niced, so the window stays quick), not after them
    meson test -C build --print-errorlogs --num-processes 2 --no-suite gui \
      --logbase testlog-nogui || status=1
    logs="build/meson-logs/testlog-nogui.json"
    if [ -z "${UE_NO_ASAN:-}" ]; then
      # a log of an earlier run must not be counted should this build fail
      rm -f build-asan/meson-logs/testlog.json
      # its own session: an interrupted run takes the whole sanitizer run down with it
      setsid nice -n 10 bash "$0" asan-only > build/asan.log 2>&1 &
      asan_pid=$!
      trap 'kill -- -$asan_pid 2>/dev/null' EXIT
      trap 'exit 130' INT TERM
    fi
    meson test -C build --print-errorlogs --suite gui --logbase testlog-gui || status=1
    logs="$logs build/meson-logs/testlog-gui.json"
    if [ -z "${UE_NO_ASAN:-}" ]; then
      wait $asan_pid || status=1
      trap - EXIT INT TERM
      cat build/asan.log
      logs="$logs build-asan/meson-logs/testlog.json"
    fi
    summary $logs || status=1
    exit $status ;;
  asan-only)
    asan ;;
  asan)
    deps || exit 1
    status=0
    asan || status=1
    summary build-asan/meson-logs/testlog.json || status=1
    exit $status ;;
  run)
    # UE_LOCALEDIR, GSETTINGS_SCHEMA_DIR: the translations and settings schema of the build
    # tree, not yet installed (an installed schema is in the default path)
    deps && build build &&
      UE_LOCALEDIR="$PWD/build/po" \
      GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
      exec ./build/src/gui/unattend-editor "${@:2}" ;;
  *)
    echo "usage: $0 [run|test|asan|deps]" >&2; exit 2 ;;
esac
