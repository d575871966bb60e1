# Helpers for the end-to-end suites: each suite runs the real binary in a fresh temporary
# directory and checks stdout, stderr, exit codes and database contents.
# Usage: source lib.sh GUAZHI_BINARY SOURCE_ROOT
set -u
GUAZHI=$1
ROOT=$2
EXAMPLE="$ROOT/examples/roster-2005-2006.csv"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/xdg" LANG=C.UTF-8
unset GUAZHI_DB
mkdir -p "$HOME"

checks=0
rc=0
failures=0
current=""

# A named group of checks, printed when one of them fails.
describe() { current=$1; }

fail() {
    failures=$((failures + 1))
    echo "FAIL [$current] $*"
    echo "  rc=$rc"
    echo "  stdout: $(head -c 2000 out.txt)"
    echo "  stderr: $(head -c 2000 err.txt)"
}

# run ARGS...: runs guazhi, keeping stdout in out.txt, stderr in err.txt, exit code in $rc.
run() {
    "$GUAZHI" "$@" >out.txt 2>err.txt
    rc=$?
}
# run_in INPUT ARGS...: the same with INPUT on standard input.
run_in() {
    local input=$1
    shift
    "$GUAZHI" "$@" <"$input" >out.txt 2>err.txt
    rc=$?
}

expect_rc() { checks=$((checks + 1)); [ "$rc" -eq "$1" ] || fail "exit code $rc, expected $1"; }
expect_out() { checks=$((checks + 1)); grep -qF -- "$1" out.txt || fail "stdout lacks: $1"; }
expect_err() { checks=$((checks + 1)); grep -qF -- "$1" err.txt || fail "stderr lacks: $1"; }
expect_no_out() { checks=$((checks + 1)); ! grep -qF -- "$1" out.txt || fail "stdout has: $1"; }
expect_out_empty() { checks=$((checks + 1)); [ ! -s out.txt ] || fail "stdout is not empty"; }
# expect_line REGEX: some stdout line matches the extended regex.
expect_line() { checks=$((checks + 1)); grep -qE -- "$1" out.txt || fail "no stdout line matches: $1"; }
expect_eq() { checks=$((checks + 1)); [ "$1" = "$2" ] || fail "got '$1', expected '$2'"; }

# sql DB QUERY: one value from the database, read with the sqlite3 shell.
sql() { sqlite3 "$1" "$2"; }
# fingerprint DB: a hash of the database's whole content, to prove it did not change.
fingerprint() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }

# records DB: a hash of the records only — not the audit log, which grows with every change
# (and a copy's says it was imported), nor the id sequences, which only ever go up (an undone
# insert's id stays used).
records() {
    sqlite3 "$1" .dump | grep -v '^INSERT INTO \(changes\|changed_rows\|sqlite_sequence\) \|^DELETE FROM sqlite_sequence;' |
        sha256sum | cut -d' ' -f1
}

# new_db NAME: an initialised database with the example roster imported.
new_db() {
    "$GUAZHI" --db "$1" init 2>/dev/null && "$GUAZHI" --db "$1" assign import "$EXAMPLE" 2>/dev/null
}

# refused ARGS... NEEDLE: `guazhi --db db ARGS` fails (exit 1) with NEEDLE on stderr and
# leaves the database "db" exactly as it was. usage_refused: the same for values the command
# line itself rejects (exit 2).
refused_with() {
    local code=$1
    shift
    local needle=${*: -1}
    local before
    before=$(fingerprint db)
    run --db db "${@:1:$#-1}"
    expect_rc "$code"
    expect_err "$needle"
    expect_eq "$(fingerprint db)" "$before"
}
refused() { refused_with 1 "$@"; }
usage_refused() { refused_with 2 "$@"; }

# final_appraisal_toml CONCLUSION: a complete 鉴定 for `appraise final --from`, dated the last
# day of 何俊杰's term (assignment 14 of the example roster), on standard output.
final_appraisal_toml() {
    printf 'date = 2007-07-31\nconclusion = "%s"\n' "$1"
    printf '[%s]\nrating = "%s"\n' ideology 优秀 work 优秀 study 良好 life 良好 integrity 优秀
}

finish() {
    echo "$checks checks, $failures failed"
    [ "$failures" -eq 0 ]
    exit $?
}
