#!/usr/bin/env bash
# Quick start: installs what is missing, builds guazhi, creates a database from the example
# roster (the seed's 2005 and 2006 batches) and prints the 2006 statistics.
# GUAZHI_BIN=path skips the install and build; GUAZHI_DEMO_DB=path moves the database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${GUAZHI_BIN:-}" ]; then
    "$root/.ci/install-deps"
    (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release >&2)
    GUAZHI_BIN=$root/build/release/cli/guazhi
fi
db=${GUAZHI_DEMO_DB:-$root/build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
"$GUAZHI_BIN" --db "$db" init
"$GUAZHI_BIN" --db "$db" assign import "$root/examples/roster-2005-2006.csv"
"$GUAZHI_BIN" --db "$db" stats --year 2006
