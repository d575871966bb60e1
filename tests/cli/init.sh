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
run --lang zh --db other.db stats --year 2006
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

describe "the common mistakes are worded in Chinese by default (no --lang, no GUAZHI_LANG)"
# zh ARGS...: guazhi as a clerk runs it, without the suites' GUAZHI_LANG (lib.sh exports it).
zh() {
    env -u GUAZHI_LANG "$GUAZHI" "$@" >out.txt 2>err.txt
    rc=$?
}
# expect_err_zh: the message itself (stderr's first line, not the hint below it) is Chinese.
expect_err_zh() { checks=$((checks + 1)); head -1 err.txt | grep -qP '[\x{4e00}-\x{9fff}]' || fail "stderr's first line is not Chinese"; }
mkdir -p empty
(cd empty && env -u GUAZHI_LANG "$GUAZHI" stats) >out.txt 2>err.txt
rc=$?
expect_rc 1
expect_err "guazhi.db: "
expect_err "guazhi init"
expect_err_zh
checks=$((checks + 1)); [ ! -e empty/guazhi.db ] || fail "stats created a database"
run --db zh.db init
before=$(fingerprint zh.db)
zh --db zh.db assign list --format xml
expect_rc 2
expect_err "--format"
expect_err "xml"
expect_err_zh
zh --db zh.db assign list --as-of 2006-13-01
expect_rc 2
expect_err "guazhi: --as-of: "
expect_err "2006-13-01"
expect_err_zh
zh --db zh.db assign list --direction sideways
expect_rc 2
expect_err "--direction"
expect_err "sideways"
expect_err_zh
zh --db zh.db assign list --where 'foo=1'
expect_rc 2
expect_err "guazhi: --where: 未知的筛选条件“foo”"
zh --db zh.db assign list --where 'direction=sideways'
expect_rc 2
expect_err "guazhi: --where: "
expect_err "sideways"
expect_err_zh
zh --db zh.db stats --from 2007 --to 2006
expect_rc 2
expect_err "guazhi: --from 2007 晚于 --to 2006"
zh --db zh.db export report --format html
expect_rc 2
expect_err "export report: 请给出 --year"
zh --db zh.db assign edit 1 --reason x
expect_rc 2
expect_err "没有要修改的内容"
expect_eq "$(fingerprint zh.db)" "$before"
describe "the same mistakes in English with --lang en (and GUAZHI_LANG=en)"
zh --lang en --db zh.db assign list --as-of 2006-13-01
expect_rc 2
expect_err "--as-of: '2006-13-01' is not a real date"
run --db zh.db assign list --where 'foo=1'
expect_rc 2
expect_err "--where: unknown filter 'foo' (year, direction"
run --db zh.db stats --from 2007 --to 2006
expect_rc 2
expect_err "--from 2007 is after --to 2006"
zh --lang en --db zh.db assign list --direction sideways
expect_rc 2
expect_err "unknown direction 'sideways'"
describe "a summary line in Chinese, in English with --lang en"
zh --db zh.db assign list
expect_rc 0
expect_err "共 0 项挂职"
run --db zh.db assign list
expect_err "0 assignments"
expect_eq "$(fingerprint zh.db)" "$before"

finish
