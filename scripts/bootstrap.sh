# Sourced by scripts/run and scripts/test: create/reuse .venv in the repo and install what is missing.
# Usage: . scripts/bootstrap.sh EXTRAS SYSTEM_PACKAGES...
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"
EXTRAS="$1"; shift

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "安装系统软件包：${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "缺少系统软件包：${missing[*]}" >&2
    echo "请执行：sudo apt-get install ${missing[*]}" >&2
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.installed-${EXTRAS:-app}"
if [ ! -f "$stamp" ] || [ "$REPO/pyproject.toml" -nt "$stamp" ]; then
  target="$REPO"
  if [ -n "$EXTRAS" ]; then target="$REPO[$EXTRAS]"; fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$target"
  touch "$stamp"
fi
