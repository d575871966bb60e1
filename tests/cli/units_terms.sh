# Issue 19, units and terms: a host's kind against its name (下派 to 市民政局 is refused), the
# handover of a recalled term, lrmx's XianRenZhiWu from the latest follow-up, the allowance up
# to --as-of, and assign list --ending-within.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
ID=11010519491231002X
add_row() { # add_row DIRECTION HOST [HOME]: assign add of 王芳's 2008 term
    run --db db assign add --id-number $ID --name 王芳 --political-status 中共党员 --home-unit "${3:-资中县财政局}" \
        --direction "$1" --host-unit "$2" --host-post 副职 --start-date 2008-08-01
}
csv_row() { # csv_row FILE DIRECTION HOST: a roster of one row of 王芳's
    printf '身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,挂职职务,开始日期\n%s,王芳,中共党员,资中县财政局,%s,%s,副职,2008-08-01\n' \
        $ID "$2" "$3" >"$1"
}

describe "the bundled example still imports (its 下派 rows go to townships)"
expect_eq "$(sql db "SELECT count(*) FROM assignments")" 40
expect_eq "$(sql db "SELECT group_concat(DISTINCT u.kind) FROM assignments a JOIN units u ON u.id = a.host_unit_id WHERE a.direction = 'down'")" township

describe "a 下派 row to 市民政局 is refused: add and import, naming the flag or the row and column"
refused assign add --id-number $ID --name 王芳 --political-status 中共党员 --home-unit 市财政局 --direction 下派 \
    --host-unit 市民政局 --host-post 副镇长 --start-date 2008-08-01 "--host-unit: '市民政局' is recorded as 市级机关 (city_organ)"
hint="'市气象局' is named like a 市级机关 (city_organ), but a 下派 (down) secondment goes to a 乡镇 (township); if '市气象局' really is a 乡镇, record it first with \`guazhi unit set 市气象局 --kind township\`, else correct the direction or the host unit"
refused assign add --id-number $ID --name 王芳 --political-status 中共党员 --home-unit 市财政局 --direction 下派 \
    --host-unit 市气象局 --host-post 副镇长 --start-date 2008-08-01 "--host-unit: $hint"
expect_err "nothing was recorded"
for dir in 下派 down 下挂; do
    csv_row down.csv "$dir" 市气象局
    refused assign import down.csv "down.csv:2: 接收单位: $hint"
done
csv_row down.csv 下派 市民政局
refused assign import down.csv "down.csv:2: 接收单位: '市民政局' is recorded as 市级机关 (city_organ), the row says 乡镇 (township)"
for host in 市地震局 市委党校 市气象局; do
    add_row 下派 $host
    expect_rc 1
    expect_err "'$host' is named like a 市级机关 (city_organ)"
done
expect_eq "$(sql db "SELECT count(*) FROM units WHERE name = '市气象局'")" 0

describe "an 上挂 row whose host is plainly a township is refused"
for host in 新桥镇 观音乡 东兴街道; do
    before=$(fingerprint db)
    add_row 上挂 $host
    expect_rc 1
    expect_err "--host-unit: '$host' is named like a 乡镇 (township), but a 上挂 (up) secondment goes to a 市级机关 (city_organ); if '$host' really is a 市级机关, record it first with \`guazhi unit set $host --kind city_organ\`"
    expect_eq "$(fingerprint db)" "$before"
done
csv_row up.csv 上挂 新桥镇
refused assign import up.csv "up.csv:2: 接收单位: '新桥镇' is named like a 乡镇 (township)"
# Also within a longer file: the one bad row is named, nothing is written.
{ cat up.csv; printf '511028197003141730,罗鸿灵,中共党员,隆昌县国土资源局,上挂,市国土资源局,科长助理,2008-08-01\n'; } >two.csv
refused assign import two.csv "two.csv:2: 接收单位"

describe "rows whose host's name agrees (or says neither) are recorded as before"
add_row 下派 新场镇 市财政局
expect_rc 0
expect_eq "$(sql db "SELECT kind FROM units WHERE name = '新场镇'")" township
run --db db assign delete "$(cat out.txt)" --reason 测试
expect_rc 0
add_row 上挂 档案馆
expect_rc 0
expect_eq "$(sql db "SELECT kind FROM units WHERE name = '档案馆'")" city_organ
run --db db assign delete "$(cat out.txt)" --reason 测试
expect_rc 0
# No 挂职类型: the direction follows the host's name, so it never contradicts it.
printf '身份证号,姓名,政治面貌,派出单位,接收单位,开始日期\n%s,王芳,中共党员,市财政局,新场镇,2008-08-01\n' $ID >nodir.csv
run --db db assign import nodir.csv --dry-run
expect_rc 0

describe "unit set records a unit not yet recorded with its kind; then the row is taken"
refused unit set 市气象局 --county 市直 "no unit named '市气象局' is recorded (give its kind to record it)"
before=$(records db)
run --lang zh --db db unit set 市气象局 --kind 乡镇
expect_rc 0
expect_err "市气象局: 已记录为乡镇"
run --db db undo # the new unit is one logged change, undone like any other
expect_rc 0
expect_eq "$(records db)" "$before"
run --lang zh --db db unit set 市气象局 --kind 乡镇
expect_rc 0
expect_err "市气象局: 已记录为乡镇"
expect_eq "$(sql db "SELECT kind || '/' || county FROM units WHERE name = '市气象局'")" "township/"
csv_row down.csv 下派 市气象局
run --db db assign import down.csv
expect_rc 0
expect_err "1 added"
run --lang zh --db db unit set 新桥镇 --kind city_organ --county 资中县
expect_rc 0
expect_err "新桥镇: 已记录为市级机关 资中县"
run --db db assign add --id-number 511002198104161811 --name 何俊杰 --political-status 中共党员 --home-unit 史家镇 \
    --direction 上挂 --host-unit 新桥镇 --host-post 副职 --start-date 2008-08-01
expect_rc 0
# Recorded so, it keeps its kind: a 下派 to it is refused as before.
refused assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 --home-unit 市财政局 \
    --direction 下派 --host-unit 新桥镇 --start-date 2008-08-01 "'新桥镇' is recorded as 市级机关 (city_organ), the row says 乡镇 (township)"
run --db db check
expect_rc 0

describe "a recalled term's handover is recorded, on or after the recall, without completing it"
run --db db assign recall 21 --date 2007-03-31 --reason promotion
expect_rc 0
refused assign complete 21 "the assignment was recalled on 2007-03-31; it cannot be completed (record its handover with --handover)"
refused assign complete 21 --unfinished 调研 "cannot be completed (record its handover with --handover)"
refused assign complete 21 --handover 已交接 --date 2007-03-30 \
    "assignment #21: --date 2007-03-30 is before the recall (2007-03-31): the handover of a recalled term is on or after its last day"
run --db db assign complete 21 --handover 已交接 --unfinished "调研报告交科长" --arrangement 回原单位
expect_rc 0
expect_err "assignment #21: handover on 2007-03-31 recorded (the term was recalled)"
expect_eq "$(sql db "SELECT kind || ' ' || date FROM events WHERE assignment_id = 21 ORDER BY id")" "recalled 2007-03-31
handover 2007-03-31"
expect_eq "$(sql db "SELECT json_extract(details, '$.handover') || '/' || json_extract(details, '$.unfinished') FROM events WHERE kind = 'handover'")" "已交接/调研报告交科长"
run --lang zh --db db assign show 21
expect_line "^  2007-03-31  工作交接  工作交接：已交接"
run --db db assign list --status recalled --as-of 2008-01-01 --format csv
expect_out "21,胡振华"
refused assign complete 21 --handover 再交接 --date 2007-04-10 "assignment #21: its handover was already recorded on 2007-03-31"
# A later date is taken; a term not recalled completes as before.
run --db db assign recall 22 --date 2007-01-31 --reason promotion
run --db db assign complete 22 --handover 已交接 --date 2007-02-05
expect_rc 0
expect_err "handover on 2007-02-05 recorded"
run --db db assign complete 14 --handover 已完成
expect_rc 0
expect_err "assignment #14: completion on 2007-07-31 recorded"
expect_eq "$(sql db "SELECT count(*) FROM events WHERE kind = 'completed'") $(sql db "SELECT count(*) FROM events WHERE kind = 'handover'")" "1 2"
run --lang zh --db db export events --format csv
expect_out "工作交接"
run --db db check
expect_rc 0

describe "lrmx XianRenZhiWu: the latest follow-up's post, else the post at home"
run --db db export lrmx 15
expect_out "<XianRenZhiWu>东兴区审计局"
run --db db assign follow-up 15 --post 东兴区审计局副局长 --date 2008-03-01 --promotion
run --db db assign follow-up 15 --post 东兴区审计局局长 --date 2011-05-01
run --db db assign follow-up 15 --post 东兴区审计局调研员 --date 2009-01-01
run --db db export lrmx 15
expect_out "<XianRenZhiWu>东兴区审计局局长</XianRenZhiWu>"
run --db db export lrmx 15 -o 15.lrmx
expect_rc 0
expect_eq "$(grep -c XianRenZhiWu 15.lrmx)" 1
expect_eq "$(grep -o '<XianRenZhiWu>[^<]*' 15.lrmx)" "<XianRenZhiWu>东兴区审计局局长"
# A follow-up dated after today is not yet the post held.
run --db db assign follow-up 15 --post 市审计局副局长 --date "$(date -d '+40 days' +%F)"
run --db db export lrmx 15
expect_out "<XianRenZhiWu>东兴区审计局局长</XianRenZhiWu>"

describe "assign allowance --as-of: days and amount to that date beside the full term"
run --lang zh --db db assign allowance --year 2006 --as-of 2007-01-31 --format csv
expect_rc 0
expect_eq "$(head -1 out.txt)" "ID,姓名,派出单位,天数,金额（元）,截至2007-01-31天数,截至2007-01-31金额（元）"
expect_out "14,何俊杰,史家镇,365,730.00,184,368.00"
expect_out "22,曾庆,资中县环境保护局,184,368.00,184,368.00" # recalled on 2007-01-31
expect_out "21,胡振华,伏龙乡,243,486.00,184,368.00"         # recalled on 2007-03-31
expect_err "截至 2007-01-31："
run --db db --lang en assign allowance --year 2006 --as-of 2006-12-31
expect_line "days to 2006-12-31 +amount to 2006-12-31 \(yuan\)"
expect_line "^14 +何俊杰 +史家镇 +365 +730.00 +153 +306.00$"
run --db db assign allowance --year 2006 --as-of 2007-01-31 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); r = d[0]; print(r["id"], r["days"], r["amount"], r["days_to_date"], r["amount_to_date"], len(d))')" "14 365 730.0 184 368.0 27"
run --lang zh --db db assign allowance --year 2006 --as-of 2007-01-31 --by home-unit --format csv
expect_eq "$(head -1 out.txt)" "派出单位,人数,天数,金额（元）,截至2007-01-31天数,截至2007-01-31金额（元）"
expect_eq "$(tail -1 out.txt | cut -d, -f1,2)" "合计,27"
# Before the term and after it: none, and all of it.
run --db db assign allowance --year 2006 --as-of 2006-07-31 --format json
expect_eq "$(python3 -c 'import json; print(sum(r["days_to_date"] for r in json.load(open("out.txt"))))')" 0
run --db db assign allowance --year 2006 --as-of 2009-01-01 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(all(r["days_to_date"] == r["days"] for r in d))')" True
# Without --as-of the columns are those of before.
run --lang zh --db db assign allowance --year 2006 --format csv
expect_eq "$(head -1 out.txt)" "ID,姓名,派出单位,天数,金额（元）"
usage_refused assign allowance --as-of 2007-13-01 "--as-of"

describe "assign list --ending-within: terms whose last day served falls within the period of --as-of"
# The 2006 batch (27) ends 2007-07-31, but 21 and 22 were recalled earlier; extend 20 past it: 24.
run --db db assign extend 20 --until 2007-10-31 --home-consent 同意
for period in 30d 30 30天 ３０天 三十天 1个月 一个月 2个月 两个月 60天 2m 1m 4w 1y; do
    run --db db assign list --ending-within "$period" --as-of 2007-07-15 --format csv
    expect_rc 0
    expect_out "14,何俊杰"
    expect_no_out "21,胡振华"
    expect_no_out "22,曾庆"
done
run --db db assign list --ending-within 30d --as-of 2007-07-15 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l | tr -d ' ')" 24
expect_no_out "20,周敏"
expect_err "24 assignments"
run --db db assign list --ending-within 2w --as-of 2007-07-15 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l | tr -d ' ')" 0
run --db db assign list --ending-within 16d --as-of 2007-07-15 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l | tr -d ' ')" 24
run --db db assign list --ending-within 4个月 --as-of 2007-07-15 --format json
expect_eq "$(python3 -c 'import json; print(sorted({a["id"] for a in json.load(open("out.txt"))}) == list(range(14, 21)) + list(range(23, 41)))')" True
# The last day itself is still ending; the day after it is over.
run --db db assign list --ending-within 1d --as-of 2007-07-31 --year 2006 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l | tr -d ' ')" 24
run --db db assign list --ending-within 1d --as-of 2007-08-01 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l | tr -d ' ')" 0
run --db db assign list --ending-within 3个月 --as-of 2007-08-01 --format csv
expect_out "20,周敏"
# With other filters and from today (nothing of the example ends soon).
run --db db assign list --ending-within 30d --as-of 2007-07-15 --direction 下派 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l | tr -d ' ')" 6
run --db db assign list --ending-within 30d
expect_rc 0
expect_err "0 assignments"
# A recall ends the term early: within the window of its last day.
run --db db assign list --ending-within 10d --as-of 2007-03-25 --format csv
expect_eq "$(tail -n +2 out.txt | cut -d, -f1)" 21
for bad in x 0 0d -3 30x 2mm 3.5m 半年 3661 121个月 ""; do
    usage_refused assign list --ending-within "$bad" "--ending-within: '"
    expect_err "is not a period: give days, weeks or months, e.g. 30, 30d, 60天, 4w, 2m, 2个月 or 两个月"
    expect_out_empty
done

finish
