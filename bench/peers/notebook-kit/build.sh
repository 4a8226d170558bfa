#!/bin/sh
# Offline build of the Observable Notebook Kit 2.1.8 peer: npm ci here and in ../framework (whose
# fill-cache.mjs, rollup and Framework's import rewriter make the bundles) when node_modules is
# missing, fill .npm-cache/ from node_modules, then `notebooks build` → dist/. Idempotent.
# Runs the build with no network at all when `unshare -rn` is available.
set -eu
cd "$(dirname "$0")"
if [ ! -f ../framework/node_modules/@observablehq/framework/package.json ]; then
  (cd ../framework && npm ci --no-audit --no-fund)
fi
if [ ! -f node_modules/@observablehq/notebook-kit/package.json ]; then
  npm ci --no-audit --no-fund
fi
node fill-cache.mjs --quiet
NOTEBOOKS="node node_modules/@observablehq/notebook-kit/dist/bin/notebooks.js"
if unshare -rn true 2>/dev/null; then
  exec unshare -rn $NOTEBOOKS build --root . -o dist --empty -- index.html "$@"
else
  exec $NOTEBOOKS build --root . -o dist --empty -- index.html "$@"
fi
