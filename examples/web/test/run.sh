#!/usr/bin/env bash
# run.sh prepare NPM_DIR
# run.sh SCENARIO NPM_DIR ZMX_BIN ARTIFACTS_DIR   (browser_test.mjs)
# Exits 77, which ctest counts as skipped, when a program the web tests
# need is not installed (scripts/common.sh lists their packages).
set -euo pipefail
here="$(cd "${BASH_SOURCE[0]%/*}" && pwd)"
for program in node npm chromium; do
  if ! command -v "$program" >/dev/null; then
    echo "SKIP: $program is not installed"
    exit 77
  fi
done
step="$1"
shift
if [[ "$step" == prepare ]]; then
  exec "$here/../prepare.sh" "$1"
fi
CHROMIUM="$(command -v chromium)" exec node "$here/browser_test.mjs" "$step" "$@"
