#!/usr/bin/env bash
# The browser tests (walk.test.mjs): installs what is missing (Debian's
# Chromium, the npm packages of package-lock.json), starts `backcheck serve`
# on a free loopback port, runs the tests in Chromium and stops the server.
# Fails, never skips, when the browser cannot start.
#   tests/browser/run.sh [BINARY]   (default: the dev build, target/debug/backcheck)
#   SCREENSHOTS=docs/screenshots tests/browser/run.sh   also writes the PNGs
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:-${CARGO_TARGET_DIR:-$root/target}/debug/backcheck}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
    echo "== installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$CHROMIUM" --version

# A relative SCREENSHOTS is from the repository's root, where it was typed.
if [ -n "${SCREENSHOTS:-}" ] && [ "${SCREENSHOTS#/}" = "$SCREENSHOTS" ]; then
    export SCREENSHOTS="$root/$SCREENSHOTS"
fi

cd "$here"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
    echo "== npm ci (tests/browser)"
    npm ci --no-audit --no-fund
fi

# The server says its address on its first line of output; port 0 lets the
# system pick a free one, so nothing else on the machine is in the way.
out="$(mktemp)"
"$binary" serve --bind 127.0.0.1:0 >"$out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do
    grep -q 'http://' "$out" && break
    kill -0 "$server" 2>/dev/null || { cat "$out"; echo "the server did not start" >&2; exit 1; }
    sleep 0.1
done
address="$(grep -o 'http://[0-9.:]*' "$out" | head -n1)"
[ -n "$address" ] || { cat "$out"; echo "the server named no address" >&2; exit 1; }
echo "== browser tests against $address"
BACKCHECK_URL="$address" node --test --test-concurrency=1 walk.test.mjs
