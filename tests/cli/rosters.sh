# assign import on the rosters clerks really keep (issue: real rosters in): every sheet that
# tests/cli/rosters/make_rosters.py writes — CSV in UTF-8, BOM, GB18030, UTF-16 "Unicode 文本",
# TSV, xlsx; titles, 填表单位 lines, two-row headers, combined cells, periods in one cell,
# footers; header aliases, --map, extra 花名册 fields — imported into a fresh database and
# checked record by record against its manifest entry; every refusal names its place and
# leaves the database byte-identical. Then the round trip of our own exports.
HERE=$(cd "$(dirname "$0")/rosters" && pwd)
set -- "$(realpath "$1")" "$(realpath "$2")" "${@:3}" # lib.sh works in a temporary directory
source "$(dirname "$0")/lib.sh" "$@"

source "$HERE/cases.sh"

describe "the corpus is generated"
make_corpus

n=$("$PY" "$CHECK" count "$MANIFEST")
for ((i = 0; i < n; i++)); do
    run_case "$i"
done

describe "a refused import writes nothing even into a database that holds records"
before=$(fingerprint example.db)
for f in footer-bad-id.csv two-row-hidden-bad.xlsx combined-ambiguous.csv bomb.xlsx 花名册.ods; do
    timeout 30 "$GUAZHI" --db example.db assign import "corpus/$f" >out.txt 2>err.txt
    rc=$?
    expect_rc 1
    expect_eq "$(fingerprint example.db)" "$before"
done

describe "--dry-run on an xlsx validates and writes nothing"
"$GUAZHI" --db dry.db init 2>/dev/null
before=$(fingerprint dry.db)
run --db dry.db assign import corpus/two-row.xlsx --dry-run
expect_rc 0
expect_err "20 would be added"
expect_eq "$(fingerprint dry.db)" "$before"

describe "re-importing an xlsx adds nothing"
"$GUAZHI" --db again.db init 2>/dev/null
run --db again.db assign import corpus/sheets.xlsx --sheet 2
expect_rc 0
before=$(fingerprint again.db)
run --db again.db assign import corpus/sheets.xlsx --sheet 花名册
expect_rc 0
expect_err "0 added, 20 already recorded"
expect_eq "$(fingerprint again.db)" "$before"

describe "round trip: export roster (CSV and xlsx) and export assignments, with --reveal-id, import into a fresh database to the same records"
cp example.db rt.db
run --db rt.db assign import corpus/fields.csv
expect_rc 0
run --db rt.db export roster --reveal-id -o rt-roster.csv
expect_rc 0
run --db rt.db export roster --reveal-id --format xlsx -o rt-roster.xlsx
expect_rc 0
run --db rt.db export roster --reveal-id --encoding gbk -o rt-roster-gbk.csv
expect_rc 0
run --db rt.db export assignments --reveal-id -o rt-assignments.csv
expect_rc 0
checks=$((checks + 1))
grep -q 13908320118 rt-roster.csv || fail "export roster --reveal-id lacks the phone number 13908320118 of 张明"
for f in rt-roster.csv rt-roster.xlsx rt-roster-gbk.csv rt-assignments.csv; do
    describe "round trip through $f"
    rm -f back.db
    "$GUAZHI" --db back.db init 2>/dev/null
    run --db back.db assign import "$f"
    expect_rc 0
    expect_err "60 added"
    python_checks same "$GUAZHI" rt.db back.db
done

describe "the xlsx roster export's masked form is refused with the hint to export with --reveal-id"
run --db rt.db export roster --format xlsx -o masked.xlsx
"$GUAZHI" --db masked.db init 2>/dev/null
before=$(fingerprint masked.db)
run --db masked.db assign import masked.xlsx
expect_rc 1
expect_err "--reveal-id"
expect_eq "$(fingerprint masked.db)" "$before"

finish
