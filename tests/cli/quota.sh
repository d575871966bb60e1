# Host quotas and applications (申报), and the living allowance.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
ADD=(--db db assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员
     --home-unit 资中县财政局 --direction 上挂 --host-unit 市财政局 --start-date 2006-08-01)

describe "a host gets at most max_per_host_per_batch secondees; an override is recorded"
before=$(fingerprint db)
run "${ADD[@]}"
expect_rc 1
expect_err "--host-unit: '市财政局' already receives 1 secondee(s) in batch 2006 (max_per_host_per_batch = 1)"
expect_eq "$(fingerprint db)" "$before"
run "${ADD[@]}" --override
expect_rc 1
expect_err "--override needs --reason"
expect_eq "$(fingerprint db)" "$before"
run "${ADD[@]}" --override --reason "部务会研究同意" --by 李处长
expect_rc 0
expect_err "override recorded"
id=$(cat out.txt)
expect_eq "$(sql db "SELECT kind || ' ' || reason || ' ' || recorded_by FROM events WHERE assignment_id = $id")" "quota_override 部务会研究同意 李处长"
printf 'max_per_host_per_batch = 0\n' >free.toml
run --config free.toml --db db assign add --id-number 511028198205120027 --name 李芳 --political-status 群众 \
    --home-unit 隆昌县教育局 --direction up --host-unit 市财政局 --start-date 2006-08-01
expect_rc 0

describe "import applies the quota across the rows of one file"
HEADER="身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期"
printf '%s\n' "$HEADER" "511025198003150018,张明,中共党员,资中县财政局,上挂,市侨办,2008-08-01" \
    "511028198205120027,李芳,群众,隆昌县教育局,上挂,市侨办,2008-08-01" >two.csv
before=$(fingerprint db)
run --db db assign import two.csv
expect_rc 1
expect_err "two.csv:3: 接收单位: '市侨办' already receives 1 secondee(s) in batch 2008"
expect_eq "$(fingerprint db)" "$before"
run --db db assign import two.csv --override --reason 试点
expect_rc 0
expect_err "2 added"
expect_err "1 row beyond max_per_host_per_batch = 1 (override recorded: 试点)"
expect_eq "$(sql db "SELECT count(*) FROM events WHERE kind = 'quota_override' AND reason = '试点'")" 1

describe "applications: requested against assigned"
run --db db assign apply --host 市财政局 --year 2006 --requested 2
expect_rc 0
printf '接收单位,年度,申报人数\n市教育局,2006,2\n市外事办,2006,1\n' >apply.csv
run --db db assign apply --import apply.csv
expect_rc 0
expect_err "apply.csv: 2 applications recorded"
run --lang zh --db db assign applications --year 2006 --format csv
expect_rc 0
expect_out "市财政局,市级机关,2,3,1"
expect_out "市教育局,市级机关,2,1,-1"
expect_out "市外事办,市级机关,1,0,-1"
expect_out "市卫生局,市级机关,,1,"
expect_err "2006 年度批次：接收单位 28 个，申报 5 人，安排 29 人"
printf '接收单位,年度,申报人数\n市教育局,2006,两\n' >bad.csv
before=$(fingerprint db)
run --db db assign apply --import bad.csv
expect_rc 1
expect_err "bad.csv:2: 申报人数: '两' is not a number of people"
expect_eq "$(fingerprint db)" "$before"
run --db db assign apply --host 市教育局
expect_rc 1
expect_err "give --host, --year and --requested"

describe "living allowance from actual dates"
"$GUAZHI" --db db assign recall 21 --date 2007-03-31 --reason promotion 2>/dev/null
"$GUAZHI" --db db assign extend 20 --until 2007-10-31 --home-consent 同意 2>/dev/null
run --lang zh --db db assign allowance --year 2006 --format csv
expect_rc 0
expect_out "21,胡振华,伏龙乡,243,486.00"
expect_out "20,周敏,威远县建设局,457,914.00"
expect_out ",合计,,10555,21110.00"
expect_err "29 人，10555 天，每天 2 元：共 21110.00 元"
run --db db assign allowance --year 2006 --by home-unit --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(len(d), sum(r["people"] for r in d), round(sum(r["amount"] for r in d), 2))')" \
    "$(sql db "SELECT count(DISTINCT home_unit_id) FROM assignments WHERE batch_year = 2006") 29 21110.0"
printf 'allowance_per_day = 2.5\n' >rate.toml
run --lang zh --config rate.toml --db db assign allowance --year 2005 --format csv
expect_out ",合计,,4745,11862.50"

finish
