#!/bin/sh
# Offline build of the Observable Framework peer: npm ci (only when node_modules is missing),
# fill Framework's npm cache from node_modules (fill-cache.mjs), then `observable build` → dist/.
# Idempotent. The build runs with no network at all when `unshare -rn` is available (Linux user
# namespaces), which proves it needs neither cdn.jsdelivr.net nor registry.npmjs.org.
set -eu
cd "$(dirname "$0")"
if [ ! -f node_modules/@observablehq/framework/package.json ]; then
  npm ci --no-audit --no-fund
fi
node fill-cache.mjs --quiet
export OBSERVABLE_TELEMETRY_DISABLE=true
OBSERVABLE="node node_modules/@observablehq/framework/dist/bin/observable.js"
if unshare -rn true 2>/dev/null; then
  exec unshare -rn $OBSERVABLE build "$@"
else
  exec $OBSERVABLE build "$@"
fi
