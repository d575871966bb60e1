#!/usr/bin/env bash
# Who assesses and who writes the 鉴定 (issue 19): the host unit, unless the rule is set aside
# with --override --reason (recorded); --by is the person recording in appraise as everywhere
# and --unit the unit; the 优秀 cap over the year's graded secondees; the 姓名 column of
# appraise import checked against the assignment; flags and details shown as text.
# Usage: appraise_rules.sh GUAZHI_BINARY SOURCE_ROOT
source "$(dirname "$0")/lib.sh" "$1" "$2"

new_db db || exit 1
export USER=测试员
# In the example roster: #16 钟文 东兴区文化局 → 市文化局, #18 蒋涛 威远县经济贸易局 → 市经委,
# #14 何俊杰 史家镇 → 市财政局; all 2006-08-01..2007-07-31.

describe "annual: the home unit (or any unit but the host) assessing is refused, the database unchanged"
refused appraise annual 16 --year 2006 --grade 优秀 --unit 东兴区文化局 "the annual assessment of 2006 is made by the host unit"
expect_err "--unit '东兴区文化局' is not assignment #16's host '市文化局'"
expect_err "give --override --reason"
refused appraise annual 16 --year 2007 --grade 称职 --unit 市委组织部 "is not assignment #16's host '市文化局'"
refused appraise annual 16 --year 2006 --votes 优秀=10,称职=2 --unit 东兴区文化局 "is made by the host unit"
expect_eq "$(sql db "SELECT count(*) FROM annual_assessments")" 0

describe "annual: the host assessing is accepted, named or by default"
run --db db appraise annual 16 --year 2006 --grade 称职 --unit 市文化局
expect_rc 0
expect_eq "$(sql db "SELECT unit, override_reason, recorded_by FROM annual_assessments WHERE assignment_id = 16")" "市文化局||测试员"
run --db db appraise annual 18 --year 2006 --grade 称职
expect_rc 0
expect_eq "$(sql db "SELECT unit FROM annual_assessments WHERE assignment_id = 18")" "市经委"

describe "annual: --override with --reason sets the rule aside, and the reason is recorded and shown"
usage_refused appraise annual 16 --year 2007 --grade 称职 --unit 东兴区文化局 --reason 接收单位撤并 "--reason goes with --override"
refused appraise annual 16 --year 2007 --grade 称职 --unit 东兴区文化局 --override "--override needs --reason"
refused appraise annual 16 --year 2007 --grade 称职 --unit 东兴区文化局 --override --reason "  " "--override needs --reason"
run --db db appraise annual 16 --year 2007 --grade 称职 --unit 东兴区文化局 --override --reason 接收单位撤并，由派出单位考核
expect_rc 0
expect_eq "$(sql db "SELECT unit || '|' || override_reason FROM annual_assessments WHERE assignment_id = 16 AND year = 2007")" "东兴区文化局|接收单位撤并，由派出单位考核"
run --db db appraise show 16 --format json
expect_rc 0
expect_out '"override_reason": "接收单位撤并，由派出单位考核"'
run --lang zh --db db appraise show 16
expect_line "^2007 +称职 +东兴区文化局（另定：接收单位撤并，由派出单位考核）"
expect_eq "$(sql db "SELECT count(*) FROM changes WHERE command LIKE '%--override%'")" 1

describe "annual: --by is the person recording; a unit given there (the old spelling) names --unit"
refused appraise annual 14 --year 2006 --grade 优秀 --by 东兴区文化局 "'东兴区文化局' reads as a unit, but --by names the person recording"
expect_err "given with --unit"
refused appraise annual 14 --year 2006 --grade 优秀 --by 市财政局 "reads as a unit"
refused appraise annual 14 --year 2006 --grade 优秀 --by 越溪镇 "reads as a unit"
refused appraise annual 14 --year 2006 --grade 优秀 --by 市委组织部干部科 "reads as a unit"
refused appraise history 14 --year 2004 --grade 优秀 --by 史家镇 "reads as a unit"
run --db db appraise annual 14 --year 2006 --grade 优秀 --by 王科员
expect_rc 0
expect_eq "$(sql db "SELECT unit || '|' || recorded_by FROM annual_assessments WHERE assignment_id = 14")" "市财政局|王科员"
expect_eq "$(sql db "SELECT by FROM changes ORDER BY id DESC LIMIT 1")" "王科员"
# The old name of the recorder's flag stays accepted.
run --db db appraise annual 14 --year 2006 --home-note 上半年表现良好 --recorded-by 李科员
expect_rc 0
expect_eq "$(sql db "SELECT recorded_by FROM annual_assessments WHERE assignment_id = 14 AND superseded_by IS NULL")" "李科员"
expect_eq "$(sql db "SELECT by FROM changes ORDER BY id DESC LIMIT 1")" "李科员"
# A unit beside it: the clerk knows the new meaning, whatever the name looks like.
run --db db appraise annual 18 --year 2007 --grade 称职 --unit 市经委 --by 王科员
expect_rc 0
run --db db appraise annual --help
expect_out "--unit"
expect_out "年度考核由接收单位负责"

describe "final: the host writes the 鉴定; another unit is refused unless --override --reason"
final_appraisal_toml 表现优秀 >鉴定.toml
refused appraise final 18 --from 鉴定.toml --unit 东兴区文化局 "the final appraisal (鉴定) is written by the host unit: --unit '东兴区文化局' is not assignment #18's host '市经委'"
refused appraise final 18 --from 鉴定.toml --unit 威远县经济贸易局 "is written by the host unit"
refused appraise final 18 --from 鉴定.toml --by 威远县经济贸易局 "reads as a unit"
refused appraise final 18 --from 鉴定.toml --unit 威远县经济贸易局 --override "--override needs --reason"
usage_refused appraise final 18 --from 鉴定.toml --reason 说明 "--reason goes with --early or --override"
expect_eq "$(sql db "SELECT count(*) FROM final_appraisals")" 0
run --db db appraise final 18 --from 鉴定.toml --unit 威远县经济贸易局 --override --reason 市经委机构改革，由派出单位鉴定 --by 王科员
expect_rc 0
expect_eq "$(sql db "SELECT author_unit || '|' || override_reason || '|' || early_reason || '|' || recorded_by FROM final_appraisals")" "威远县经济贸易局|市经委机构改革，由派出单位鉴定||王科员"
run --lang zh --db db appraise show 18
expect_out "非接收单位鉴定原因: 市经委机构改革，由派出单位鉴定"
run --db db appraise final 14 --from 鉴定.toml
expect_rc 0
expect_eq "$(sql db "SELECT author_unit || '|' || override_reason FROM final_appraisals WHERE assignment_id = 14")" "市财政局|"
run --db db appraise final 16 --from 鉴定.toml --unit 市文化局
expect_rc 0

describe "a decision or a 鉴定 dated after today is refused"
tomorrow=$(date -d tomorrow +%F)
refused appraise annual 15 --year 2006 --grade 称职 --date "$tomorrow" "--date: $tomorrow is after today"
refused appraise final 15 --from 鉴定.toml --date "$tomorrow" "--date: $tomorrow is after today"
run --db db appraise annual 15 --year 2007 --grade 称职 --date "$(date +%F)"
expect_rc 0

describe "the 优秀 cap is over the year's graded secondees, not per host"
printf 'excellent_cap_share = 0.2\n' >cap.toml
# 2006 so far: #16 称职, #18 称职, #14 优秀 = 3 graded, cap ⌊0.6⌋ = 0.
run --config cap.toml --db db appraise recommend --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt"))["excellent_cap"]; print(d["graded"], d["excellent"], d["cap"], d["over_cap"])')" "3 1 0 True"
# Votes alone are not a grade, and 不定等次 is not graded.
run --config cap.toml --db db appraise annual 15 --year 2006 --votes 优秀=3,称职=9
expect_rc 0
run --config cap.toml --db db appraise annual 17 --year 2006 --grade 不定等次
expect_rc 0
run --config cap.toml --db db appraise recommend --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt"))["excellent_cap"]; print(d["graded"], d["cap"])')" "3 0"
for id in 19 20; do
    run --config cap.toml --db db appraise annual $id --year 2006 --grade 称职
    expect_rc 0
done
run --lang zh --config cap.toml --db db appraise recommend --year 2006
expect_out "已定等次 5 人，优秀 1 人，限额 1 人"
expect_no_out "超出"
checks=$((checks + 1)); ! grep -q "above the cap" err.txt || fail "a warning within the cap"
# A second 优秀 is over: the warning says so when it is recorded, and it is still recorded.
run --config cap.toml --db db appraise annual 19 --year 2006 --grade 优秀 --replace
expect_rc 0
expect_err "warning: 2 secondees now have 优秀 of 5 graded for 2006, above the cap of 1 (excellent_cap_share = 0.2)"
expect_eq "$(sql db "SELECT grade FROM annual_assessments WHERE assignment_id = 19 AND superseded_by IS NULL")" "excellent"

describe "appraise import: a 姓名 that is not the assignment's cadre is refused, naming both"
cat >wrong.csv <<'CSV'
挂职编号,姓名,考核年度,等次
20,胡振华,2007,称职
24,张三,2007,称职
CSV
before=$(fingerprint db)
run --db db appraise import wrong.csv
expect_rc 1
expect_err "wrong.csv:3: 姓名: '张三' is not the name recorded for this assignment, '"
expect_eq "$(fingerprint db)" "$before"
name24=$(sql db "SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 24")
expect_err "'$name24'"
name20=$(sql db "SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 20")
# By ID number, the name must be that number's cadre.
id20=$(sql db "SELECT c.id_number FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 20")
printf '身份证号,姓名,考核年度,等次\n%s,张三,2007,称职\n' "$id20" >wrong_id.csv
refused appraise import wrong_id.csv "wrong_id.csv:2: 姓名: '张三' is not the name recorded for this ID number, '$name20'"
# The right names, also with the spaces that align two-character names, are accepted.
spaced=$(python3 -c "import sys; n=sys.argv[1]; print(n[0] + '　' + n[1:] if len(n) == 2 else n[0] + ' ' + n[1:])" "$name24")
printf '挂职编号,姓名,考核年度,等次\n20,%s,2007,称职\n24,%s,2007,称职\n' "$name20" "$spaced" >right.csv
run --db db appraise import right.csv
expect_rc 0
expect_eq "$(sql db "SELECT count(*) FROM annual_assessments WHERE year = 2007 AND assignment_id IN (20, 24)")" 2

describe "appraise import --dry-run writes nothing; --ignore-unknown-columns skips columns; 序号 is known"
printf '序号,挂职编号,考核年度,等次,备注\n1,22,2007,称职,按时\n2,23,2007,称职,\n' >extra.csv
refused appraise import extra.csv "extra.csv:1:5: unknown column '备注'"
before=$(fingerprint db)
run --db db appraise import extra.csv --ignore-unknown-columns --dry-run
expect_rc 0
expect_err "extra.csv: ignored 1 column: 备注"
expect_err "extra.csv: 2 assessments would be recorded (dry run, nothing written)"
expect_eq "$(fingerprint db)" "$before"
printf '挂职编号,考核年度,等次\n22,2007,称职\n23,2007,很好\n' >dry-bad.csv
run --db db appraise import dry-bad.csv --dry-run
expect_rc 1
expect_err "dry-bad.csv:3: 等次: unknown grade '很好'"
expect_eq "$(fingerprint db)" "$before"
run --db db appraise import extra.csv --ignore-unknown-columns
expect_rc 0
expect_err "extra.csv: 2 assessments recorded"
expect_eq "$(sql db "SELECT count(*) FROM annual_assessments WHERE year = 2007 AND assignment_id IN (22, 23)")" 2

describe "appraise import: the 考核单位 must be the host, unless --override --reason"
home21=$(sql db "SELECT u.name FROM assignments a JOIN units u ON u.id = a.home_unit_id WHERE a.id = 21")
printf '挂职编号,考核年度,等次,考核单位\n21,2006,称职,%s\n' "$home21" >home.csv
refused appraise import home.csv "home.csv:2: 考核单位: the annual assessment of 2006 is made by the host unit"
expect_err "to record it anyway give --override --reason"
refused appraise import home.csv --by "$home21" "reads as a unit"
usage_refused appraise import home.csv --reason x "--reason goes with --override"
run --db db appraise import home.csv --override --reason 接收单位撤并
expect_rc 0
expect_eq "$(sql db "SELECT unit || '|' || override_reason FROM annual_assessments WHERE assignment_id = 21")" "$home21|接收单位撤并"

describe "flags show as 是/否 in Chinese output, yes/no in English and as codes"
run --lang zh --db db export appraisals --year 2006 --format csv
expect_rc 0
expect_line ",否,市文化局,"
checks=$((checks + 1)); ! grep -q ',yes,\|,no,' out.txt || fail "English flags in Chinese output"
run --db db --lang en export appraisals --year 2006 --format csv
expect_line ",no,市文化局,"
run --db db export appraisals --year 2006 --format json
expect_out '"outstanding": "no"'
run --lang zh --db db appraise show 14
expect_line "^2006 +优秀 +市财政局 .* 否 "

describe "event details are text: a note's text alone, other changes as labelled values"
run --db db assign note 14 --kind 考察 --date 2007-06-20 --text 群众评价好
expect_rc 0
run --db db assign extend 20 --until 2007-10-31 --home-consent 派出单位同意函 --reason 项目收尾
expect_rc 0
run --lang zh --db db assign show 14
expect_line "考察  群众评价好"
expect_no_out '{"text"'
run --lang zh --db db assign show 20
expect_out "延长至：2007-10-31"
expect_out "派出单位意见：派出单位同意函"
expect_no_out '{"'
run --db db export events --format csv
expect_rc 0
expect_out "群众评价好"
expect_no_out '{"text"'
expect_no_out '""text""'
run --db db export events --format json
expect_out '"details": "群众评价好"'
# assign show --format json keeps the structure for scripts, with the text beside it.
run --db db assign show 14 --format json
expect_out '"details": {"text":"群众评价好"}'
expect_out '"details_text": "群众评价好"'

run --db db check
expect_rc 0

describe "check reports assessments and 鉴定 by another unit recorded before the rule (an older version's --by)"
sqlite3 db "UPDATE annual_assessments SET unit = '东兴区文化局' WHERE assignment_id = 16 AND year = 2006 AND superseded_by IS NULL;
            UPDATE final_appraisals SET author_unit = '史家镇' WHERE assignment_id = 14 AND superseded_by IS NULL;"
run --db db check
expect_rc 1
expect_line "^annual_assessments +1 +assessor_not_host +the annual assessment of 2006 is made by the host unit \(年度考核由接收单位负责\): [a-z_]* ?'东兴区文化局' is not assignment #16's host '市文化局'"
expect_line "^final_appraisals +[0-9]+ +author_not_host +the final appraisal \(鉴定\) is written by the host unit: [a-z_]* ?'史家镇' is not assignment #14's host '市财政局'"
# Set aside with a reason (as --override records it), they are not problems.
sqlite3 db "UPDATE annual_assessments SET override_reason = '补录' WHERE assignment_id = 16 AND year = 2006 AND superseded_by IS NULL;
            UPDATE final_appraisals SET override_reason = '补录' WHERE assignment_id = 14 AND superseded_by IS NULL;"
run --db db check
expect_rc 0

describe "check lists dates stored that are not real days, and event details that are not JSON, and goes on"
printf 'report' >r.docx
run --db db report add 14 --period Q1 --submitted 2006-11-05 --attach r.docx
expect_rc 0
run --db db assign appoint 14 --doc-number 内组干12号 --doc-date 2006-08-01 --filed 2006-08-05
expect_rc 0
sqlite3 db "UPDATE reports SET submitted_on = '2027-13-45' WHERE id = (SELECT min(id) FROM reports);
            UPDATE appointments SET filed_on = 'not-a-date' WHERE assignment_id = (SELECT min(assignment_id) FROM appointments);
            UPDATE annual_assessments SET decided_on = '' WHERE id = (SELECT min(id) FROM annual_assessments);
            UPDATE events SET details = '{broken' WHERE id = (SELECT min(id) FROM events WHERE kind IN ('talk', 'visit', 'inspection', 'problem', 'other'));"
run --db db check
expect_rc 1
expect_out "submitted_on '2027-13-45' is not a real date"
expect_out "filed_on 'not-a-date' is not a real date"
expect_out "decided_on '' is not a real date"
expect_out "the details are not a JSON object"
expect_no_out "could not finish"

finish
