# Hostile and broken values: quotes, semicolons and SQL fragments are stored verbatim and never
# executed; a 1 MB field is stored whole; a header of 10,000 columns is refused clearly (and
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

describe "a 1 MB field is stored whole"
run --db db assign import big.csv
expect_rc 0
expect_eq "$(sql db "SELECT length(home_post) FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE c.name = '何俊杰'")" "350000"
run --db db export assignments --reveal-id -o back.csv
expect_rc 0
expect_eq "$(python3 -c 'import csv,sys; csv.field_size_limit(sys.maxsize); print(max(len(r[11]) for r in csv.reader(open("back.csv"))))')" "350000"

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

finish
