# guazhi init, --version, --help, usage errors, database location.
source "$(dirname "$0")/lib.sh" "$@"

describe "init creates a private database"
run init
expect_rc 0
expect_err "created guazhi.db"
expect_eq "$(stat -c %a guazhi.db)" 600
expect_eq "$(sql guazhi.db 'PRAGMA user_version')" 14
expect_eq "$(sql guazhi.db "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'assignments_%'")" 8

describe "init again changes nothing"
before=$(fingerprint guazhi.db)
run init
expect_rc 0
expect_err "nothing to do"
expect_eq "$(fingerprint guazhi.db)" "$before"

describe "init --sample-config writes a config it can read, and never overwrites"
run --db other.db init --sample-config
expect_rc 0
expect_err "wrote a sample config to guazhi.toml"
checks=$((checks + 1)); grep -q '^term_months = 12' guazhi.toml || fail "sample lacks term_months"
run --db other.db stats --year 2006
expect_rc 0
expect_line "^挂职干部总数 +0$"
expect_line "^党外干部 +0 +0 +—$"
run --db other.db stats
expect_rc 1
expect_err "no assignments are recorded yet"
echo "# mine" >custom.toml
run --db other.db init --sample-config custom.toml
expect_rc 1
expect_err "custom.toml: already exists"
expect_eq "$(cat custom.toml)" "# mine"
rm -f guazhi.toml

describe "commands on a missing database say to run init"
run --db missing.db assign list
expect_rc 1
expect_err "missing.db: no database here; create one with \`guazhi init\`"
checks=$((checks + 1)); [ ! -e missing.db ] || fail "a database was created"

describe "--version and --help"
run --version
expect_rc 0
expect_out "guazhi 0.1.0"
run --help
expect_rc 0
expect_out "Exit codes:"
expect_out "2  usage"
# Only the named subcommand's options are built (cli/main.cpp); the overview still lists all.
for sub in init assign report appraise stats export import-all log undo unit check backup; do
    expect_out "  $sub "
done
for sub in init "report add" "report get" "report list" "report due" "report import" "report compliance" "assign add" "assign list" "assign show" "assign import" "assign appoint" "assign note" "assign extend" "assign recall" "assign complete" "assign follow-up" "assign apply" "assign applications" "assign allowance" stats export import-all log undo check backup "unit list" "unit set"; do
    run $sub --help
    expect_rc 0
    expect_out "Example:"
done

describe "a global option's value is not taken for the subcommand"
run --db stats --lang en init
expect_rc 0
checks=$((checks + 1)); [ -f stats ] || fail "init --db stats created no file 'stats'"
run --lang en --db stats stats
expect_rc 1
expect_err "no assignments are recorded yet"

describe "usage errors exit 2"
run
expect_rc 2
run frobnicate
expect_rc 2
run assign list --format xml
expect_rc 2
expect_err "--format"
run assign list --direction sideways
expect_rc 2
expect_err "unknown direction 'sideways'"
run --lang fr stats
expect_rc 2

finish
