# stats: every figure recomputed independently from the CSV files (tests/cli/stats_check.py)
# on the example data with an empty year and a year of only down-dispatched cadres, and on
# generated data; --by, trends, --where, markdown and charts.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

# Three down-dispatched cadres in 2008 (2007 stays empty); valid GB 11643 check digits.
python3 - <<'PY'
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def idn(body):
    return body + "10X98765432"[sum(int(d) * x for d, x in zip(body, w)) % 11]
rows = [(idn("51102519800301002"), "王一", "女", "共青团员", "双凤镇"), (idn("51102519820402003"), "李二", "男", "中共党员", "归德镇"),
        (idn("51102519790503004"), "张三", "女", "群众", "球溪镇")]
with open("down2008.csv", "w", encoding="utf-8") as f:
    f.write("身份证号,姓名,性别,政治面貌,派出单位,所属县区,挂职类型,接收单位,挂职职务,开始日期,年度\n")
    for i, (n, name, g, p, host) in enumerate(rows):
        f.write(f"{n},{name},{g},{p},市{['财政局','审计局','统计局'][i]},,下派,{host},副镇长,2008-08-01,2008\n")
PY

describe "every figure, recomputed from the files, for 2004..2009 (2007 empty, 2008 only down)"
run --db db assign import down2008.csv
expect_rc 0
python3 "$ROOT/tests/cli/stats_check.py" "$GUAZHI" db 2004 2009 "$EXAMPLE" down2008.csv >check.txt 2>&1
rc=$?
expect_rc 0
checks=$((checks + 1)); grep -q "0 differences" check.txt || fail "$(cat check.txt)"

describe "zero denominators print — and null, never nan"
run --lang zh --db db stats --year 2008
expect_rc 0
expect_line "^上挂干部中来自乡镇 +0 +0 +—$"
expect_no_out "nan"
run --db db stats --year 2007 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); print(d["total"]["count"], d["non_party"]["share"], d["distributions"]["age_band"]["<=30"]["share"])')" "0 None None"
run --lang zh --db db stats --year 2007 --format csv
expect_out "non_party,党外干部,0,0,—"

describe "generated data: 3,000 rows over 26 years"
python3 "$ROOT/tests/bench/gen.py" -n 3000 --seed 7 -o gen.csv
printf 'max_per_host_per_batch = 0\n' >q.toml
"$GUAZHI" --db gen.db init 2>/dev/null
run --config q.toml --db gen.db assign import gen.csv
expect_rc 0
python3 "$ROOT/tests/cli/stats_check.py" "$GUAZHI" gen.db 1999 2026 gen.csv >check.txt 2>&1
rc=$?
expect_rc 0
checks=$((checks + 1)); grep -q "0 differences" check.txt || fail "$(cat check.txt)"

describe "--by: groups with shares; two dimensions; unknown dimension"
run --db db stats --year 2006 --by direction,party --format csv
expect_rc 0
expect_eq "$(head -1 out.txt | cut -d, -f1-5)" "direction,party,total,up,up_share_of_total"
expect_out "up,non_party,7,7,100.0%"
expect_out "down,non_party,6,0,0.0%"
run --db db stats --year 2006 --by category --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); print([(g["category"], g["total"]["count"]) for g in d["groups"]])')" \
    "[('selected_graduate', 4), ('county_reserve', 4), ('none', 19)]"
run --db db stats --year 2006 --by colour
expect_rc 2
expect_err "--by: unknown dimension 'colour'"
run --db db stats --year 2006 --by age_band,status --as-of 2007-01-01 --format csv
expect_out "<=30,active,12,"
run --lang zh --db db stats --year 2006 --by home_county
expect_line "^市直 +6 +0 \(0.0%\) +6 \(100.0%\) +6 \(100.0%\)"
expect_out "占比："

describe "--from/--to: one row per year, empty years included"
run --db db stats --from 2005 --to 2008 --format csv
expect_eq "$(cut -d, -f1,2 out.txt | tr '\n' ' ')" "batch_year,total 2005,13 2006,27 2007,0 2008,3 "
run --db db stats --from 2005 --to 2008 --year 2006
expect_rc 2
expect_err "--year and --from/--to exclude each other"

describe "--where is the assign list filters in one expression"
run --db db stats --year 2006 --where direction=down,non_party --format json
expect_eq "$(python3 -c 'import json; print(json.load(open("out.txt"))["total"]["count"])')" 6
run --db db stats --year 2006 --direction 下派 --non-party --format json
expect_eq "$(python3 -c 'import json; print(json.load(open("out.txt"))["total"]["count"])')" 6
run --db db stats --where county=资中县,year=2006 --format json
expect_eq "$(python3 -c 'import json; print(json.load(open("out.txt"))["total"]["count"])')" 5
run --db db stats --year 2006 --where direction=sideways
expect_rc 2
expect_err "--where: unknown direction 'sideways'"
run --db db stats --year 2006 --direction up --where direction=down
expect_rc 2
expect_err "--where: direction is also given as a flag"

describe "markdown and charts"
run --lang zh --db db stats --year 2006 --by home_county --format markdown
expect_line "^\| 所属县区 \| 挂职干部总数 \| 上挂 \|"
expect_line "^\| 市直 \| 6 \| 0 \(0.0%\) \|"
run --lang zh --db db stats --year 2006 --by home_county --chart --figure non_party
expect_rc 0
expect_line "^市直 +│ █+ 6 \(100.0%\)$"
expect_line "^资中县 +│ █+▍ 2 \(40.0%\)$"
LANG=C run --lang zh --db db stats --year 2006 --by home_county --chart
expect_line "^市直 +\| #+ 6$"
run --lang zh --db db stats --year 2006 --by direction --chart --ascii
expect_line "^上挂 \| #{40} 21$"
run --lang zh --db db stats --from 2005 --to 2006 --by direction --chart
expect_line "^2006 上挂 │ █{40} 21$"
run --db db stats --year 2006 --chart --format csv
expect_rc 2

finish
