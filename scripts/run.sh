#!/usr/bin/env bash
# The main job: set up, build, measure the bundled sample, then run the benchmark harness
# over every bundled problem with the replay agent (the reference solutions), which must
# strict-solve every checkpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DSCBENCH_TESTS=OFF
build/src/cli/scbench measure tests/fixtures/python/sample_project
build/src/cli/scbench problems list
rm -rf runs/reference
build/src/cli/scbench run --agent replay --problem all --out runs/reference
