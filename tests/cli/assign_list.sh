# assign list: every filter and every format.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
# count_rows ARGS...: the number of JSON rows `assign list ARGS --format json` returns.
count_rows() {
    "$GUAZHI" --db db assign list "$@" --format json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'
}

describe "filters select exactly what the example roster holds"
expect_eq "$(count_rows)" 40
expect_eq "$(count_rows --year 2006)" 27
expect_eq "$(count_rows --year 2005)" 13
expect_eq "$(count_rows --year 2006 --direction up)" 21
expect_eq "$(count_rows --year 2006 --direction 下派)" 6
expect_eq "$(count_rows --non-party)" 13
expect_eq "$(count_rows --non-party --direction up)" 7
expect_eq "$(count_rows --category 选调生)" 4
expect_eq "$(count_rows --category county_reserve)" 4
expect_eq "$(count_rows --home 越溪镇)" 1
expect_eq "$(count_rows --host 市财政局)" 1
expect_eq "$(count_rows --county 威远县 --year 2005)" "$(sql db "SELECT count(*) FROM assignments a JOIN units h ON h.id = a.home_unit_id WHERE h.county = '威远县' AND a.batch_year = 2005")"
expect_eq "$(count_rows --status active --as-of 2006-09-01)" 27
expect_eq "$(count_rows --status active --as-of 2006-07-31)" 13
expect_eq "$(count_rows --status completed --as-of 2006-09-01)" 13
expect_eq "$(count_rows --status planned --as-of 2006-07-31)" 27
expect_eq "$(count_rows --status active)" 0

describe "table output aligns Chinese text and says how many"
run --lang zh --db db assign list --year 2006 --direction down
expect_rc 0
expect_err "共 6 项挂职"
expect_line "^ID +姓名 +类型 +年度 +派出单位"
# Every line of the table has the same display width up to the last column's start.
checks=$((checks + 1))
python3 - out.txt <<'PY' || fail "columns are not aligned"
import sys, unicodedata
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
starts = None
for l in lines[2:]:
    cells, pos, col = [], 0, 0
    # column starts are where a run of 2+ spaces ends
    import re
    cols = [width(l[:m.end()]) for m in re.finditer(r"  +", l)]
    if starts is None: starts = cols
    elif cols[:len(starts)] != starts[:len(cols)]: sys.exit(1)
PY
run --db db --lang en assign list --year 2006 --direction down
expect_line "^ID +name +direction +batch +home unit"
expect_out "down"

describe "CSV output has a header and one line per assignment"
run --lang zh --db db assign list --year 2006 --format csv
expect_rc 0
expect_eq "$(wc -l <out.txt)" 28
expect_eq "$(head -1 out.txt)" "ID,姓名,类型,年度,派出单位,接收单位,挂职职务,政治面貌,起止时间,状态"

describe "JSON masks ID numbers unless --reveal-id"
run --db db assign list --year 2006 --format json
expect_rc 0
expect_no_out '"id_number": "5110'
expect_line '"id_number":"511\*{11}[0-9X]{4}"'
run --db db assign list --year 2006 --format json --reveal-id
expect_line '"id_number":"511[0-9]{14}[0-9X]"'
run --db db assign list --year 1999 --format json
expect_rc 0
expect_eq "$(cat out.txt)" "[]"

describe "an unknown unit is an error, not an empty list"
run --db db assign list --host 市不存在局
expect_rc 1
expect_err "no unit named '市不存在局' is recorded"
run --db db assign list --as-of 2006-13-01
expect_rc 2
expect_err "--as-of: '2006-13-01' is not a real date"

finish
