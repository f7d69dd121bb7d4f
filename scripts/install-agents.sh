#!/usr/bin/env bash
# Installs the real agent CLIs that the end-to-end tests drive (tests/agents/package.json:
# exact versions, with their lockfile) into tests/agents/node_modules. When the npm
# registry cannot be reached it says so and installs nothing; the tests then skip and say
# why. Any other failure is an error.
#
# `npm install --no-save`, not `npm ci`: these packages list native builds for every
# platform as optional dependencies, and a registry that serves only this platform's
# leaves them out of the lockfile, which `npm ci` then refuses.
set -euo pipefail
cd "$(dirname "$0")/../tests/agents"
if npm install --no-save --no-audit --no-fund --loglevel=error 2>install.log; then
  rm -f install.log unreachable
  exit 0
fi
if ! npm ping >/dev/null 2>&1; then
  echo "the npm registry cannot be reached: agent CLIs not installed" | tee unreachable
  exit 0
fi
cat install.log >&2
exit 1
