#!/usr/bin/env bash
# Build the govdesk .deb (UOS, Kylin, Debian, Ubuntu) from the PyInstaller one-folder build.
#
#   installer/build-deb.sh                  # PyInstaller build, then dist/govdesk_<version>_<arch>.deb
#   installer/build-deb.sh --bundle DIR     # package an existing PyInstaller folder (DIR/govdesk is the program)
#   installer/build-deb.sh --out DIR        # where the .deb goes (default: dist/)
#
# Build on the OLDEST system the package must run on, once per CPU architecture (see installer/README.md): the
# bundle carries that system's libraries, and the package's Depends (computed below from the bundle) then ask
# for at least its glibc, so dpkg refuses to install it where it could not start.
# Needs: the project's .venv with `pip install -e .[build]`, dpkg-deb, binutils (readelf, objdump, strip).
# The last line printed is the path of the .deb.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$REPO/.venv/bin/python}"
BUNDLE=""
OUT="$REPO/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "build-deb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in dpkg-deb dpkg readelf objdump; do
  command -v "$tool" >/dev/null || { echo "build-deb.sh: $tool is missing (apt-get install dpkg-dev binutils)" >&2; exit 1; }
done

VERSION="$("$PY" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$REPO/pyproject.toml")"
# PEP 440 pre-releases sort before the release in Debian only with a tilde: 1.2.0rc1 → 1.2.0~rc1.
DEB_VERSION="$(printf '%s' "$VERSION" | sed -E 's/^([0-9.]+)(a|b|rc)([0-9]+)/\1~\2\3/; s/\.dev([0-9]+)/~dev\1/; s/\+/+local./')"
ARCH="$(dpkg --print-architecture)"
WORK="$REPO/build/installer"

if [ -z "$BUNDLE" ]; then
  echo "== PyInstaller build of govdesk $VERSION ($ARCH)" >&2
  "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/pyinstaller" "$REPO/installer/govdesk.spec" >&2
  BUNDLE="$WORK/dist/govdesk"
fi
[ -x "$BUNDLE/govdesk" ] || { echo "build-deb.sh: $BUNDLE/govdesk is not a PyInstaller build" >&2; exit 1; }

STAGE="$WORK/deb-root"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/doc/govdesk"
echo "== staging $STAGE" >&2
cp -a "$BUNDLE" "$STAGE/opt/govdesk"
# QtWebEngine creates an empty resources/locales folder beside its .pak files the first time it runs (when it
# may write there, e.g. as root); owned by the package, dpkg removes it with the rest instead of leaving /opt/govdesk.
while IFS= read -r -d '' pak; do
  mkdir -p "$(dirname "$pak")/locales"
done < <(find "$STAGE/opt/govdesk" -name qtwebengine_resources.pak -print0)

# Launcher. Chromium (the map view) needs unprivileged user namespaces for its sandbox; where the kernel or
# AppArmor forbids them, or for root, QtWebEngine cannot start with it, so it is switched off there. The map
# page only ever shows local files (every other request is blocked).
cat > "$STAGE/usr/bin/govdesk" <<'EOF'
#!/bin/sh
# govdesk: 乡镇综治中心与人民调解工作台 (installed by the govdesk package; the program lives in /opt/govdesk)
if [ -z "${QTWEBENGINE_DISABLE_SANDBOX+x}" ]; then
  if [ "$(id -u)" = 0 ] \
     || [ "$(cat /proc/sys/kernel/unprivileged_userns_clone 2>/dev/null)" = 0 ] \
     || [ "$(cat /proc/sys/user/max_user_namespaces 2>/dev/null)" = 0 ] \
     || [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null)" = 1 ]; then
    export QTWEBENGINE_DISABLE_SANDBOX=1
  fi
fi
here="$(dirname "$(readlink -f "$0")")"
exec "$here/../../opt/govdesk/govdesk" "$@"
EOF
chmod 755 "$STAGE/usr/bin/govdesk"

install -m 644 "$REPO/installer/linux/govdesk.desktop" "$STAGE/usr/share/applications/govdesk.desktop"
for size in 16 22 24 32 48 64 128 256; do
  install -D -m 644 "$REPO/resources/icons/govdesk-$size.png" \
    "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/govdesk.png"
done
install -D -m 644 "$REPO/resources/icons/govdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/govdesk.svg"
install -m 644 "$REPO/installer/linux/copyright" "$STAGE/usr/share/doc/govdesk/copyright"
"$PY" - "$REPO/CHANGELOG.md" "$STAGE/usr/share/doc/govdesk/changelog.gz" <<'EOF'
import gzip, sys
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
    gz.write(data)
EOF

# Permissions: directories 755, files 644 unless executable (the program, ELF libraries keep their x bit).
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -type f ! -perm -u+x -exec chmod 644 {} +
find "$STAGE" -type f -perm -u+x -exec chmod 755 {} +

# Depends: the shared libraries the bundle needs but does not carry (the graphics stack, libstdc++, glibc),
# found on this build system with dpkg -S; glibc at least the newest symbol version the bundle uses.
echo "== dependencies" >&2
needed="$(mktemp)"; have="$(mktemp)"; glibc="$(mktemp)"; ldcache="$(mktemp)"
trap 'rm -f "$needed" "$have" "$glibc" "$ldcache"' EXIT
while IFS= read -r -d '' file; do
  [ "$(head -c 4 "$file" | od -An -c | tr -d ' \n')" = '177ELF' ] || continue
  readelf -d "$file" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >> "$needed"
  objdump -T "$file" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' >> "$glibc" || true
done < <(find "$STAGE/opt/govdesk" -type f -print0)
find "$STAGE/opt/govdesk" \( -type f -o -type l \) -printf '%f\n' | sort -u > "$have"
depends=()
glibc_min="$(sed 's/GLIBC_//' "$glibc" | sort -uV | tail -1)"
# The linker cache is read once, into a file: with pipefail, `ldconfig -p | awk '...{exit}'` failed now and then
# with status 141 (ldconfig killed by SIGPIPE when awk stopped reading early), which aborted the build.
/sbin/ldconfig -p > "$ldcache"
for lib in $(sort -u "$needed" | comm -23 - "$have"); do
  # the native copy (not an i386/lib32 one)
  path="$(awk -v lib="$lib" '$1 == lib && $NF !~ /(i386|i686|lib32|libx32)/ && !found {print $NF; found = 1}' "$ldcache")"
  if [ -z "$path" ]; then
    echo "build-deb.sh: $lib is needed by the bundle but not installed on this build system" >&2; exit 1
  fi
  pkg=""
  # merged /usr: dpkg may know the file under /lib or /usr/lib, by its link name or its real name
  real="$(readlink -f "$path")"
  for candidate in "$path" "$real" "/usr$path" "${real#/usr}"; do
    pkg="$(dpkg -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p')" && [ -n "$pkg" ] && break   # no early-closing head
  done
  if [ -z "$pkg" ]; then
    echo "build-deb.sh: no package owns $path ($lib)" >&2; exit 1
  fi
  case "$pkg" in
    libc6) ;;  # versioned below
    *) depends+=("$pkg") ;;
  esac
done
depends_line="libc6 (>= $glibc_min)"
for pkg in $(printf '%s\n' "${depends[@]}" | sort -u); do depends_line="$depends_line, $pkg"; done
echo "Depends: $depends_line" >&2

INSTALLED_KB="$(du -sk --apparent-size "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<EOF
Package: govdesk
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: govdesk <govdesk@localhost>
Installed-Size: $INSTALLED_KB
Depends: $depends_line
Section: misc
Priority: optional
Description: 乡镇综治中心与人民调解工作台
 Desktop workbench for township comprehensive governance centers and their
 people's mediation committees: registration of disputes and requests,
 people's mediation with the Ministry of Justice documents, referrals with
 deadlines, an offline map, statistics and reports. Works fully offline on an
 encrypted local store. User data stays in ~/.local/share/govdesk and is kept
 when the package is removed.
EOF

mkdir -p "$OUT"
DEB="$OUT/govdesk_${DEB_VERSION}_${ARCH}.deb"
echo "== dpkg-deb --build → $DEB" >&2
# xz (not zstd): dpkg before 1.21.18 (UOS 20, Kylin V10) cannot read zstd packages.
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >&2
echo "bundle: $(du -sh --apparent-size "$BUNDLE" | cut -f1), package: $(du -h --apparent-size "$DEB" | cut -f1)" >&2
echo "$DEB"
