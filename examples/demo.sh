#!/usr/bin/env bash
# Quick start: installs what is missing, builds guazhi, creates a database from the example
# roster (the seed's 2005 and 2006 batches) and prints the 2006 statistics.
# GUAZHI_BIN=path skips the install and build; GUAZHI_DEMO_DB=path moves the database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${GUAZHI_BIN:-}" ]; then
    "$root/.ci/install-deps"
    # The binary of the tests' build tree (only the binary, for now): tests/run.sh then
    # builds the tests around the same library instead of compiling it a second time.
    (cd "$root" && cmake --preset ci >/dev/null && cmake --build --preset ci --target guazhi >&2)
    GUAZHI_BIN=$root/build/ci/cli/guazhi
fi
db=${GUAZHI_DEMO_DB:-$root/build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
"$GUAZHI_BIN" --db "$db" init
"$GUAZHI_BIN" --db "$db" assign import "$root/examples/roster-2005-2006.csv"
"$GUAZHI_BIN" --db "$db" stats --year 2006
