#!/usr/bin/env bash
# The whole test suite: a warnings-as-errors build with every test (unit, golden, radon
# agreement, command line, hostile submissions and agents, the real agent CLIs), then the
# same tests under AddressSanitizer and UBSan (but the slow ones and the agent CLIs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/install-agents.sh

scripts/build.sh build-test -DSCBENCH_WERROR=ON
(cd build-test && ctest --output-on-failure -j "$(nproc)")

scripts/build.sh build-asan -DSCBENCH_WERROR=ON -DSCBENCH_SANITIZE=ON -DSCBENCH_BENCHMARKS=OFF
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j "$(nproc)" -LE 'slow|agents')
