#!/usr/bin/env bash
# The main job: set up, build, and measure the bundled sample project.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DSCBENCH_TESTS=OFF
build/src/cli/scbench measure tests/fixtures/python/sample_project
