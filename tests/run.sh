#!/usr/bin/env bash
# Builds guazhi with warnings as errors and runs every test (unit and end-to-end) with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps --tests
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci
