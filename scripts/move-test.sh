#!/usr/bin/env bash
# Runs the Move unit tests when a working Aptos CLI is installed; says plainly when it skips.
set -euo pipefail
cd "$(dirname "$0")/../move"
if command -v aptos >/dev/null 2>&1 && aptos --version >/dev/null 2>&1; then
  exec aptos move test --dev "$@"
fi
echo "move:test SKIPPED: no working Aptos CLI on this machine (install it from https://aptos.dev/tools/aptos-cli);"
echo "the Move unit tests under move/tests/ were NOT run."
exit 0
