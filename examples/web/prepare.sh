#!/usr/bin/env bash
# prepare.sh OUT_DIR: installs the example's npm packages (esbuild,
# puppeteer-core) into OUT_DIR with `npm ci`, exactly as package-lock.json
# pins them, and bundles the page's script into OUT_DIR/www/app.js.
# OUT_DIR is in the build tree: the source tree gets no node_modules.
# npm ci runs again only when the lock file changed since the last one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$1"
mkdir -p "$out"
if ! cmp -s "$here/package-lock.json" "$out/installed-package-lock.json" || [[ ! -d "$out/node_modules" ]]; then
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  # --ignore-scripts: no install script runs (esbuild's only checks its
  # binary, which its platform package already brought).
  (cd "$out" && npm ci --ignore-scripts --no-audit --no-fund)
  cp "$here/package-lock.json" "$out/installed-package-lock.json"
fi
"$out/node_modules/.bin/esbuild" "$here/src/app.js" --bundle --format=esm --target=es2020 \
  --log-level=warning --outfile="$out/www/app.js"
