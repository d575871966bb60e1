# Hostile and broken values: quotes, semicolons and SQL fragments are stored verbatim and never
# executed; a 1 MB field is refused at its length limit (domain/limits.hpp); a header of 10,000 columns is refused clearly (and
# read with --ignore-unknown-columns); nothing crashes. (Control characters and invalid UTF-8:
# bad_input.sh; random input: the fuzz targets.)
source "$(dirname "$0")/lib.sh" "$@"

"$GUAZHI" --db db init >/dev/null 2>&1
python3 - <<'PY'
import csv
header = ("id_number,name,gender,ethnicity,birth_date,political_status,education,categories,home_unit,home_county,"
          "home_level,home_post,direction,host_unit,host_post,start_date,end_date,batch_year").split(",")
row = ["511028197003141730", "罗\"鸿'灵; DROP TABLE cadres; --", "male", "汉族", "1970-03-14", "cpc_member", "本科", "",
       "隆昌县'); DELETE FROM units; --", "隆昌县", "county_dept", "副局长;\"x\"", "up", "市国土资源局",
       "科长助理' OR 1=1 --", "2005-08-01", "2006-07-31", "2005"]
csv.writer(open("sql.csv", "w", newline="")).writerows([header, row])
big = list(row)
big[0], big[4], big[11], big[15], big[16], big[17] = ("511002198104161811", "1981-04-16", "长" * 350000,
                                                      "2006-09-01", "2007-08-31", "2006")
big[1] = "何俊杰"
csv.writer(open("big.csv", "w", newline="")).writerows([header, big])
wide = list(row)
wide[0], wide[4], wide[1], wide[13] = "511025198003150018", "1980-03-15", "张明", "市财政局"
csv.writer(open("wide.csv", "w", newline="")).writerows(
    [header + ["extra%d" % i for i in range(10000)], wide + ["x"] * 10000])
PY

describe "quotes, semicolons and SQL fragments are data"
run --db db assign import sql.csv
expect_rc 0
expect_eq "$(sql db "SELECT name FROM cadres")" "罗\"鸿'灵; DROP TABLE cadres; --"
expect_eq "$(sql db "SELECT home_post || '|' || host_post FROM assignments")" "副局长;\"x\"|科长助理' OR 1=1 --"
expect_eq "$(sql db "SELECT count(*) FROM units WHERE name = '隆昌县''); DELETE FROM units; --'")" "1"
run --db db assign list --format json
expect_rc 0
expect_eq "$(python3 -c 'import json; print(json.load(open("out.txt"))[0]["name"])')" "罗\"鸿'灵; DROP TABLE cadres; --"
run --db db assign list --name "x' OR '1'='1"
expect_rc 2
run --db db assign list --host "市国土资源局' OR '1'='1"
expect_rc 1
expect_err "no unit named '市国土资源局' OR '1'='1' is recorded"
run --db db check
expect_rc 0

describe "a 1 MB field is refused, naming the row, the column and the limit; nothing is written"
before=$(fingerprint db)
run --db db assign import big.csv
expect_rc 1
expect_err "big.csv:2: home_post: is 350000 characters long; at most 100 are taken"
expect_err "nothing was written"
expect_eq "$(fingerprint db)" "$before"

describe "the length limits, at the limit and one past it, in characters not bytes"
limit_row() { # NAME_CHARS UNIT_CHARS POST_CHARS REMARK_CHARS
    python3 - "$@" <<'PY'
import sys
n, u, p, r = map(int, sys.argv[1:])
print("身份证号,姓名,政治面貌,派出单位,原职务,接收单位,开始日期,备注")
print(f"511025198003150034,{'张' * n},中共党员,{'资' * (u - 3)}财政局,{'科' * p},市外事办,2009-08-01,{'备' * r}")
PY
}
limit_row 50 100 100 2000 >at-limit.csv
run --db db assign import at-limit.csv
expect_rc 0
expect_eq "$(sql db "SELECT length(c.name) || ' ' || length(a.home_post) || ' ' || length(a.remark) FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE c.id_number = '511025198003150034'")" "50 100 2000"
"$GUAZHI" --db db undo >/dev/null 2>&1
for over in "51 100 100 2000:姓名: is 51 characters long; at most 50" "50 101 100 2000:派出单位: is 101 characters long; at most 100" \
            "50 100 101 2000:原职务: is 101 characters long; at most 100" "50 100 100 2001:备注: is 2001 characters long; at most 2000"; do
    limit_row ${over%%:*} >over.csv
    before=$(fingerprint db)
    run --db db assign import over.csv
    expect_rc 1
    expect_err "over.csv:2: ${over#*:}"
    expect_eq "$(fingerprint db)" "$before"
done
run --db db assign add --id-number 511025198003150034 --name "$(printf '张%.0s' $(seq 51))" --political-status 中共党员 \
    --home-unit 资中县财政局 --direction 上挂 --host-unit 市外事办 --start-date 2009-08-01
expect_rc 1
expect_err "is 51 characters long; at most 50 are taken"
id=$(sql db "SELECT min(id) FROM assignments")
before=$(fingerprint db)
run --db db assign note "$id" --kind 考察 --date 2006-06-20 --text "$(printf 'x%.0s' $(seq 2001))"
expect_rc 1
expect_err "--text is 2001 characters long; at most 2000 are taken"
run --db db assign recall "$id" --date 2006-03-01 --reason 提拔使用 --note "$(printf '备%.0s' $(seq 2001))"
expect_rc 1
expect_err "--note is 2001 characters long; at most 2000 are taken"
run --db db unit set 市国土资源局 --county "$(printf '县%.0s' $(seq 101))"
expect_rc 1
expect_err "--county is 101 characters long; at most 100 are taken"
expect_eq "$(fingerprint db)" "$before"

describe "a value past Excel's cell limit, from an older database, fails the xlsx export naming the cell"
sqlite3 db "UPDATE assignments SET home_post = printf('%.*c', 40000, '长') WHERE id = $id"
run --db db export assignments --format xlsx -o long.xlsx
expect_rc 1
expect_err "32,767"
checks=$((checks + 1)); [ ! -e long.xlsx ] || fail "a partial workbook was left"
checks=$((checks + 1)); [ -z "$(ls | grep 'long.xlsx.tmp')" ] || fail "a temporary workbook was left"

describe "invisible characters and non-NFC forms make no second unit, name or post (and check finds old ones)"
"$GUAZHI" --db uni init >/dev/null 2>&1
printf '身份证号,姓名,政治面貌,派出单位,原职务,接收单位,开始日期\n' >uni.csv
printf '511028197003141730,罗鸿灵,中共党员,资中县财政局,股长,市财政局,2006-08-01\n' >>uni.csv
printf '51101119760922324X,苏\u202e莉,中共党员,资中县财政局\u200b,股\u2060长,市司法局\u2066,2006-08-01\n' >>uni.csv
printf '511025198003150034,张\uf9b4,中共党员,\ufeff资中县财政局\u00ad,Rene\u0301,市教育局,2006-08-01\n' >>uni.csv
printf '511002198104161811,何俊杰,中共党员,资中县\uf90a融局,科员,市外事办,2006-08-01\n' >>uni.csv
run --db uni assign import uni.csv
expect_rc 0
expect_eq "$(sql uni "SELECT count(*) FROM units WHERE name = '资中县财政局'")" 1
expect_eq "$(sql uni "SELECT count(*) FROM units")" 6
expect_eq "$(sql uni "SELECT group_concat(name, '|') FROM (SELECT name FROM cadres ORDER BY id)")" "罗鸿灵|苏莉|张領|何俊杰"
expect_eq "$(sql uni "SELECT group_concat(home_post, '|') FROM (SELECT home_post FROM assignments ORDER BY id)")" "股长|股长|René|科员"
expect_eq "$(sql uni "SELECT name FROM units WHERE name LIKE '%融局'")" "资中县金融局"
checks=$((checks + 1)); [ "$(sql uni "SELECT count(*) FROM units WHERE name GLOB '*[^一-龥]*'")" = 0 ] || fail "a unit name holds a character other than CJK"
run --db uni stats --by home_unit --format csv
expect_rc 0
expect_line "^资中县财政局,3"
run --db uni check
expect_rc 0
# A database written before: the same unit with a zero-width space, a bidi override in a name.
sqlite3 uni "INSERT INTO units (name, kind, county) VALUES ('资中县财政局' || char(8203), 'county_dept', '资中县');
             UPDATE cadres SET name = '苏' || char(8238) || '莉' WHERE id = 2"
run --db uni check
expect_rc 1
expect_out "the unit name '资中县财政局\\u200B' holds invisible characters"
expect_out "the name of unit #1"
expect_out "the name '苏\\u202E莉' holds invisible characters"
checks=$((checks + 1)); ! grep -q $'\u202e' out.txt || fail "check echoed a raw bidi override"

describe "10,000 columns: refused, naming the first and counting the rest; or read with --ignore-unknown-columns"
before=$(fingerprint db)
run --db db assign import wide.csv
expect_rc 1
expect_err "wide.csv:1:19: unknown column 'extra0' (use --ignore-unknown-columns to skip it, or --map 'extra0=FIELD' to read it)"
expect_err "wide.csv:1: … and 9980 more problems in the header"
checks=$((checks + 1))
[ "$(wc -l <err.txt)" -le 25 ] || fail "$(wc -l <err.txt) lines of errors for one header"
expect_eq "$(fingerprint db)" "$before"
run --db db assign import wide.csv --ignore-unknown-columns
expect_rc 0
expect_eq "$(sql db "SELECT count(*) FROM cadres WHERE name = '张明'")" "1"

# From here on, the example roster.
rm -f db db-wal db-shm
new_db db || exit 1

describe "control characters (C0, DEL, C1) in a text a command records are refused, nothing stored"
for text in $'a\x1b[31mb' $'a\x07b' $'a\x7fb' $'a\xc2\x9b31mb' $'a\xc2\x85b'; do
    refused assign note 14 --kind 考察 --date 2007-06-20 --text "$text" "--text: contains a control character"
    checks=$((checks + 1)); ! grep -q $'\033\|\x07\|\xc2\x9b' err.txt || fail "a control character reached the terminal"
done
refused assign complete 21 --handover $'交接\x1b]0;x\x07' "--handover: contains a control character"
refused appraise annual 16 --year 2006 --home-note $'好\x1b[2J' "--home-note: contains a control character"
# A line break in a note is text, not a control.
run --db db assign note 14 --kind 考察 --date 2007-06-21 --text $'第一行\n第二行'
expect_rc 0

describe "values CLI11 itself refuses are echoed escaped"
for args in "assign list --status" "assign list --direction" "report add 14 --period Q1 --submitted 2006-11-05 --to"; do
    # shellcheck disable=SC2086
    run --db db $args $'X\x1b[2JY'
    expect_rc 2
    checks=$((checks + 1)); ! grep -q $'\033' err.txt || fail "$args: ESC echoed raw"
    expect_err 'X\x1B[2JY'
done

describe "an ID number typed wrong is masked wherever it is echoed"
for id in 5110251980031500181 511025-198003150018 "511025 198003150018"; do
    run --db db cadre show "$id"
    checks=$((checks + 1)); ! grep -q '198003150018' err.txt out.txt || fail "cadre show '$id' echoed the ID number"
done
run --db db assign add --id-number 5110251980031500181 --name 张明 --political-status 中共党员 --home-unit 资中县财政局 \
    --home-county 资中县 --direction 上挂 --host-unit 市财政局 --host-post 科长助理 --start-date 2008/8/1
checks=$((checks + 1)); [ "$rc" -ne 0 ] || fail "a 19-digit ID number was accepted"
checks=$((checks + 1)); ! grep -q '1980031500181' err.txt out.txt || fail "assign add echoed the ID number"

describe "a text Excel would run as a formula is exported to CSV as text"
run --db db assign note 14 --kind 考察 --date 2007-06-22 --text '=HYPERLINK("http://evil.example","点我")'
expect_rc 0
run --db db export events --format csv
expect_rc 0
expect_out "'=HYPERLINK("
checks=$((checks + 1)); ! grep -q '^=\|,=' out.txt || fail "a formula reached the CSV"

describe "a no-break space (U+00A0) around a cell is trimmed like any space"
python3 -c 'import sys; open("nbsp.csv", "w").write("挂职编号,姓名,考核年度,等次\n18,%s\u00a0,2006\u00a0,称职\u00a0\n" % sys.argv[1])' \
    "$(sql db 'SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 18')"
run --db db appraise import nbsp.csv
expect_rc 0
expect_eq "$(sql db "SELECT grade FROM annual_assessments WHERE assignment_id = 18 AND year = 2006")" "competent"

finish
