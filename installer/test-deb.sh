#!/usr/bin/env bash
# Build the .deb, install it into a scratch root (its own dpkg database, no container), and start the INSTALLED
# program under Xvfb on a fresh data directory until its main window is up; then open the map tab (Qt WebEngine),
# take screenshots, and remove the package again.
#
#   installer/test-deb.sh                    # full run: PyInstaller build + .deb + install + start
#   installer/test-deb.sh --deb FILE.deb     # test an existing package
#   installer/test-deb.sh --bundle DIR       # package an existing PyInstaller folder, then test
#   KEEP=1 installer/test-deb.sh             # keep the scratch directory (screenshots, logs) for a look
#
# Needs: what build-deb.sh needs, Xvfb, and xdotool for the map step (skipped with a note without it).
# Runs as root or not (dpkg --force-not-root). Screenshots: build/installer/screen-main.png, screen-guide.png (F1,
# the user guide) and screen-map.png.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEB=""
BUILD_ARGS=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --deb) DEB="$2"; shift 2 ;;
    --bundle) BUILD_ARGS+=(--bundle "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "test-deb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/govdesk-test-deb.XXXXXX")"
ROOT="$WORK/root"
DATA="$WORK/data"
XVFB_PID=""
APP_PID=""
helper=""
SHOTS="$REPO/build/installer"   # screenshots are copied here (git-ignored) before the scratch directory goes
failed=0
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then kill "$XVFB_PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ] || [ "$failed" = 1 ]; then
    echo "scratch directory kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
fail() { failed=1; echo "FAIL: $*" >&2; exit 1; }
problems=()
problem() { failed=1; problems+=("$*"); echo "FAIL (continuing): $*" >&2; }   # checked again at the end
pass() { echo "ok: $*"; }
step() { echo; echo "== $*"; }

VERSION="$(python3 -c 'import sys,re; print(re.search(r"(?m)^version\s*=\s*\"([^\"]+)\"", open(sys.argv[1]).read()).group(1))' "$REPO/pyproject.toml")"

# ---------------------------------------------------------------------------------------------------------------
if [ -z "$DEB" ]; then
  step "build"
  start=$(date +%s)
  DEB="$("$REPO/installer/build-deb.sh" "${BUILD_ARGS[@]}" | tail -1)"
  echo "built in $(( $(date +%s) - start )) s: $DEB"
fi
[ -f "$DEB" ] || fail "no package at $DEB"

step "package"
dpkg-deb --info "$DEB" | sed -n '/Package:/,$p'
dpkg-deb --field "$DEB" Package | grep -qx govdesk || fail "package name is not govdesk"
deb_version="$(dpkg-deb --field "$DEB" Version)"
[ "$deb_version" = "$VERSION" ] || [ "${deb_version//\~/}" = "${VERSION}" ] || echo "note: Debian version $deb_version for $VERSION"
contents="$(dpkg-deb --contents "$DEB")"
for path in ./opt/govdesk/govdesk ./usr/bin/govdesk ./usr/share/applications/govdesk.desktop \
            ./usr/share/icons/hicolor/48x48/apps/govdesk.png ./usr/share/icons/hicolor/256x256/apps/govdesk.png \
            ./usr/share/icons/hicolor/scalable/apps/govdesk.svg ./usr/share/doc/govdesk/copyright \
            ./opt/govdesk/_internal/resources/help/user-guide.md; do
  grep -q " $path\$" <<<"$contents" || fail "$path missing from the package"
done
if grep -q 'qtwebengine_locales/' <<<"$contents"; then
  locales="$(grep -o 'qtwebengine_locales/[^ ]*\.pak' <<<"$contents" | sed 's|.*/||' | sort | tr '\n' ' ')"
  [ "$locales" = "en-US.pak zh-CN.pak " ] || fail "WebEngine locales: $locales"
fi
grep -q '/qml/' <<<"$contents" && fail "QML files in the package"
pass "package contents (program, launcher, desktop entry, icons, user guide, WebEngine locales zh-CN/en-US only, no QML)"

# ---------------------------------------------------------------------------------------------------------------
step "install into scratch root $ROOT"
mkdir -p "$ROOT/var/lib/dpkg/info" "$ROOT/var/lib/dpkg/updates" "$ROOT/var/lib/dpkg/triggers"
touch "$ROOT/var/lib/dpkg/status" "$ROOT/var/lib/dpkg/available"
# The scratch root has no libc6 & co. registered: their presence is the build system's (checked by running).
dpkg --root="$ROOT" --force-not-root --force-depends --log="$WORK/dpkg.log" -i "$DEB" 2>&1 | sed 's/^/  /'
dpkg --root="$ROOT" --force-not-root -s govdesk | grep -q '^Status: install ok installed' || fail "not installed"
[ -x "$ROOT/opt/govdesk/govdesk" ] || fail "/opt/govdesk/govdesk missing"
[ -x "$ROOT/usr/bin/govdesk" ] || fail "/usr/bin/govdesk missing"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$ROOT/usr/share/applications/govdesk.desktop" || fail "desktop entry invalid"
fi
grep -qx 'Name\[zh_CN\]=.*' "$ROOT/usr/share/applications/govdesk.desktop" || fail "no Name[zh_CN]"
grep -qx 'Categories=Office;' "$ROOT/usr/share/applications/govdesk.desktop" || fail "not in Office"
# 帮助 → 使用指南 (F1): govdesk.gui.help_dialogs reads <_MEIPASS>/resources/help/user-guide.md.
GUIDE="$ROOT/opt/govdesk/_internal/resources/help/user-guide.md"
[ -f "$GUIDE" ] || fail "the user guide is not installed (${GUIDE#"$ROOT"})"
cmp -s "$GUIDE" "$REPO/docs/user-guide.md" || fail "the installed user guide differs from docs/user-guide.md"
pass "user guide installed: ${GUIDE#"$ROOT"} ($(wc -c <"$GUIDE") bytes, same as docs/user-guide.md)"
pass "installed: $(du -sh "$ROOT/opt/govdesk" | cut -f1) in /opt/govdesk"

GOVDESK="$ROOT/usr/bin/govdesk"   # the launcher, as the menu entry runs it
out="$("$GOVDESK" --version)"
[ "$out" = "govdesk $VERSION" ] || fail "--version says '$out', pyproject says $VERSION"
pass "govdesk --version: $out"

# ---------------------------------------------------------------------------------------------------------------
step "fresh data directory: demo township made by the installed program"
export GOVDESK_USER=zhuren GOVDESK_PASSWORD=demo
unset GOVDESK_DATA_DIR QT_QPA_PLATFORM
start=$(date +%s)
"$GOVDESK" --data-dir "$DATA" demo --cases 300 --residents 2000 >"$WORK/demo.log" 2>&1 \
  || { cat "$WORK/demo.log"; fail "govdesk demo"; }
tail -2 "$WORK/demo.log"
"$GOVDESK" --data-dir "$DATA" check || fail "govdesk check"
number="$("$GOVDESK" --data-dir "$DATA" case list --status archived --kind dispute --limit 1 | cut -f1)"
"$GOVDESK" --data-dir "$DATA" doc "$number" --kind dossier -o "$WORK/dossier.pdf" >/dev/null 2>"$WORK/doc.log" \
  || { cat "$WORK/doc.log"; fail "govdesk doc (reportlab, fonts)"; }
"$GOVDESK" --data-dir "$DATA" report --period "$(date +%Y)" --format pdf -o "$WORK/report.pdf" >/dev/null \
  || fail "govdesk report (matplotlib charts)"
"$GOVDESK" --data-dir "$DATA" map -o "$WORK/map.html" >/dev/null || fail "govdesk map (folium)"
for f in dossier.pdf report.pdf; do head -c 5 "$WORK/$f" | grep -q '%PDF-' || fail "$f is not a PDF"; done
pass "demo, check, doc, report, map from the installed program ($(( $(date +%s) - start )) s)"

# ---------------------------------------------------------------------------------------------------------------
step "start the installed desktop program under Xvfb"
mkdir -p "$WORK/fb"
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -fbdir "$WORK/fb" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=":$(head -1 "$WORK/display")"
echo "Xvfb on $DISPLAY (pid $XVFB_PID)"

# 1. The benchmark hook: write ready.json once the main window shows the first page of the case list, and quit.
start=$(date +%s.%N)
GOVDESK_EXIT_WHEN_READY="$WORK/ready.json" timeout 180 "$GOVDESK" --data-dir "$DATA" >"$WORK/gui-ready.log" 2>&1 \
  || { cat "$WORK/gui-ready.log"; fail "the program did not reach its main window (exit $?)"; }
grep -q '"ready"' "$WORK/ready.json" 2>/dev/null || { cat "$WORK/gui-ready.log"; fail "no ready.json"; }
ready_s="$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["ready"] - float(sys.argv[2]), 1))' "$WORK/ready.json" "$start")"
pass "main window with the case list after ${ready_s} s: $(cat "$WORK/ready.json")"

# 2. Again, left running: find the window, look at it, open the map tab.
"$GOVDESK" --data-dir "$DATA" >"$WORK/gui.log" 2>&1 &
APP_PID=$!
window=""
for _ in $(seq 120); do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/gui.log"; fail "the program exited"; }
  window="$(xwininfo -root -tree 2>/dev/null | grep -E '"govdesk — [^"]*"' | awk '{print $1}' | head -1 || true)"
  [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || { xwininfo -root -tree | head -40; fail "no main window on the screen"; }
title="$(xwininfo -id "$window" | sed -n 's/^xwininfo: Window id: [^ ]* "\(.*\)"$/\1/p')"
wm_class="$(xprop -id "$window" WM_CLASS 2>/dev/null | sed 's/.*= //')"
pass "window $window \"$title\" (WM_CLASS $wm_class)"
grep -q "StartupWMClass=$(sed 's/.*"\(.*\)"$/\1/' <<<"$wm_class")" "$ROOT/usr/share/applications/govdesk.desktop" \
  || echo "note: StartupWMClass in the desktop entry does not match WM_CLASS $wm_class"
sleep 3
python3 "$REPO/installer/xwd2png.py" "$WORK/fb/Xvfb_screen0" "$WORK/screen-main.png"

if command -v xdotool >/dev/null; then
  # 帮助 → 使用指南 (F1): the dialog must open; the screenshot shows whether it found the guide.
  xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window" || true
  xdotool key --clearmodifiers F1
  guide_window=""
  for _ in $(seq 20); do
    guide_window="$(xwininfo -root -tree 2>/dev/null | grep -E '"(使用指南|User guide)"' | awk '{print $1}' | head -1 || true)"
    [ -n "$guide_window" ] && break
    sleep 0.5
  done
  if [ -n "$guide_window" ]; then
    sleep 2
    python3 "$REPO/installer/xwd2png.py" "$WORK/fb/Xvfb_screen0" "$WORK/screen-guide.png"
    pass "F1 opened the user guide (window $guide_window)"
    xdotool key --clearmodifiers Escape
    for _ in $(seq 20); do
      tree="$(xwininfo -root -tree 2>/dev/null || true)"
      grep -qE '"(使用指南|User guide)"' <<<"$tree" || break
      sleep 0.3
    done
  else
    problem "F1 did not open the 使用指南 window"
  fi

  xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window" || true
  xdotool key --clearmodifiers ctrl+Tab; sleep 0.3; xdotool key --clearmodifiers ctrl+Tab   # 事项 → 人员查询 → 地图
  helper=""
  for _ in $(seq 60); do
    helper="$(pgrep -P "$APP_PID" -f QtWebEngineProcess || true)"
    [ -n "$helper" ] && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  [ -z "$helper" ] || sleep 8  # page, tiles and markers
  python3 "$REPO/installer/xwd2png.py" "$WORK/fb/Xvfb_screen0" "$WORK/screen-map.png"
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    wait "$APP_PID" 2>/dev/null && rc=0 || rc=$?
    APP_PID=""
    tail -3 "$WORK/gui.log" | sed 's/^/  log: /'
    problem "the program died (exit status $rc) after the map tab was opened"
  elif [ -z "$helper" ]; then
    problem "no QtWebEngineProcess after opening the map tab"
  else
    pass "map tab: QtWebEngineProcess running (pid $(tr '\n' ' ' <<<"$helper"))"
  fi
else
  echo "note: xdotool not installed, map tab (Qt WebEngine) not exercised"
fi
grep -iE 'error|traceback|could not|cannot' "$WORK/gui.log" | grep -v '^$' | head -20 | sed 's/^/  log: /' || true
if [ -n "$APP_PID" ]; then
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
fi
for pid in $helper; do kill -KILL "$pid" 2>/dev/null || true; done   # the WebEngine helpers we caused

# ---------------------------------------------------------------------------------------------------------------
step "remove the package"
dpkg --root="$ROOT" --force-not-root --force-depends --log="$WORK/dpkg.log" -r govdesk 2>&1 | sed 's/^/  /'
[ ! -e "$ROOT/opt/govdesk" ] || fail "/opt/govdesk left behind: $(find "$ROOT/opt/govdesk" | head -5)"
[ ! -e "$ROOT/usr/bin/govdesk" ] || fail "/usr/bin/govdesk left behind"
[ -f "$DATA/govdesk.db" ] || fail "the user's data went with the package"
pass "removed; the data directory stays"

step "sizes"
echo "package:   $(du -h --apparent-size "$DEB" | cut -f1)  $DEB"
echo "installed: $(dpkg-deb --field "$DEB" Installed-Size) KiB"
mkdir -p "$SHOTS"
rm -f "$SHOTS/screen-main.png" "$SHOTS/screen-guide.png" "$SHOTS/screen-map.png"   # none left from an earlier run
cp "$WORK"/screen-*.png "$SHOTS/"
echo "screenshots: $(cd "$SHOTS" && ls screen-*.png | sed "s|^|$SHOTS/|" | tr '\n' ' ')"
echo
if [ "${#problems[@]}" -gt 0 ]; then
  echo "FAIL: the installed govdesk $VERSION showed its main window, but:"
  printf '  - %s\n' "${problems[@]}"
  exit 1
fi
echo "PASS: the installed govdesk $VERSION started and showed its main window"
