# Dates that cannot be (issue 19): each refused when entered, naming both dates, with the
# database left byte-identical; accepted at the edge; and listed by `guazhi check` when stored.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
# In the example roster, every 2006 term runs 2006-08-01..2007-07-31: 14 何俊杰 (up, Party
# member), 20 周敏 (up), 21 胡振华 (up, non-Party), 35 付强, 36 马丽华, 37 汪海 (down).
today=$(date +%F)
tomorrow=$(date -d tomorrow +%F)

describe "filing before the appointment document is refused"
refused assign appoint 14 --doc-date 2006-08-05 --filed 2006-07-01 \
    "assignment #14: --filed 2006-07-01 is before --doc-date 2006-08-05"
cp db before.db
run --db db assign appoint 14 --doc-date 2006-08-05 --filed 2006-07-01
expect_rc 1
checks=$((checks + 1)); cmp -s db before.db || fail "the database file changed"
refused assign appoint 14 --doc-date 2006-08-05 --filed 2006-08-04 "--filed 2006-08-04 is before --doc-date 2006-08-05"
run --db db assign appoint 14 --doc-date 2006-08-05 --filed 2006-08-05
expect_rc 0
expect_eq "$(sql db "SELECT doc_date || ' ' || filed_on FROM appointments WHERE assignment_id = 14")" "2006-08-05 2006-08-05"
# One of the two recorded, the other given later: still compared.
refused assign appoint 14 --filed 2006-08-01 "--filed 2006-08-01 is before --doc-date 2006-08-05"
refused assign appoint 14 --doc-date 2006-08-10 "--filed 2006-08-05 is before --doc-date 2006-08-10"
run --db db assign appoint 14 --filed 2006-08-20
expect_rc 0
run --db db assign appoint 20 --filed 2006-07-01
expect_rc 0 # no document date recorded yet: nothing to compare
refused assign appoint 20 --doc-date 2006-08-05 "--filed 2006-07-01 is before --doc-date 2006-08-05"

describe "the United Front copy before the document is refused"
refused assign appoint 21 --doc-date 2006-08-05 --united-front 2006-08-04 \
    "assignment #21: --united-front 2006-08-04 is before --doc-date 2006-08-05"
run --db db assign appoint 21 --doc-date 2006-08-05 --united-front 2006-08-05
expect_rc 0
refused assign appoint 21 --doc-date 2006-08-06 "--united-front 2006-08-05 is before --doc-date 2006-08-06"
refused assign appoint 21 --united-front 2006-07-30 "--united-front 2006-07-30 is before --doc-date 2006-08-05"
run --db db assign appoint 21 --united-front 2006-08-21 --filed 2006-08-21
expect_rc 0

describe "a township election before the term or after its end is refused"
refused assign appoint 35 --election-date 2006-07-31 --election-result elected \
    "assignment #35: --election-date 2006-07-31 is outside the term 2006-08-01..2007-07-31"
refused assign appoint 35 --election-date 2007-08-01 "--election-date 2007-08-01 is outside the term 2006-08-01..2007-07-31"
run --db db assign appoint 35 --election-date 2006-08-01
expect_rc 0
run --db db assign appoint 35 --election-date 2007-07-31 --election-result elected
expect_rc 0
# The effective end counts: an extension lengthens the term, a recall shortens it.
run --db db assign extend 36 --until 2007-10-31 --home-consent 同意
expect_rc 0
run --db db assign appoint 36 --election-date 2007-09-01
expect_rc 0
run --db db assign recall 37 --date 2007-03-31 --reason promotion
expect_rc 0
refused assign appoint 37 --election-date 2007-04-01 "--election-date 2007-04-01 is outside the term 2006-08-01..2007-03-31"
run --db db assign appoint 37 --election-date 2007-03-31
expect_rc 0

describe "a note more than note_margin_days (30) outside the term is refused"
refused assign note 14 --kind talk --date 2006-07-01 --text 谈话 \
    "assignment #14: --date 2006-07-01 is more than 30 days outside the term 2006-08-01..2007-07-31"
refused assign note 14 --kind visit --date 2007-08-31 --text 看望 "--date 2007-08-31 is more than 30 days outside"
run --db db assign note 14 --kind talk --date 2006-07-02 --text 谈话
expect_rc 0
run --db db assign note 14 --kind inspection --date 2007-08-30 --text 考察
expect_rc 0
# 36 is extended to 2007-10-31, 37 recalled on 2007-03-31.
run --db db assign note 36 --kind visit --date 2007-11-30 --text 看望
expect_rc 0
refused assign note 37 --kind visit --date 2007-05-01 --text 看望 "outside the term 2006-08-01..2007-03-31"
run --db db assign note 37 --kind visit --date 2007-04-30 --text 看望
expect_rc 0
printf 'note_margin_days = 0\n' >margin0.toml
refused --config margin0.toml assign note 14 --kind talk --date 2006-07-31 --text 谈话 \
    "--date 2006-07-31 is more than 0 days outside the term"
run --db db --config margin0.toml assign note 14 --kind talk --date 2006-08-01 --text 谈话
expect_rc 0

describe "a note with empty text is refused"
refused assign note 14 --kind talk --date 2006-09-01 --text "" "assignment #14: --text: is empty"
refused assign note 14 --kind talk --date 2006-09-01 --text "   " "--text: is empty"
run --db db assign note 14 --kind talk --date 2006-09-01 --text 谈心
expect_rc 0

describe "assign note-edit holds a corrected note to the same rules"
note=$(sql db "SELECT max(id) FROM events WHERE assignment_id = 14 AND kind = 'talk'")
refused assign note-edit "$note" --text "  " --reason 更正 "assignment #14: --text: is empty"
refused assign note-edit "$note" --date 2005-01-01 --reason 更正 \
    "assignment #14: --date 2005-01-01 is more than 30 days outside the term 2006-08-01..2007-07-31"
refused --config margin0.toml assign note-edit "$note" --date 2006-07-31 --reason 更正 "more than 0 days outside"
run --db db assign note-edit "$note" --date 2006-09-02 --text 谈心谈话 --reason 更正
expect_rc 0
expect_eq "$(sql db "SELECT date || ' ' || json_extract(details, '$.text') FROM events WHERE id = $note")" "2006-09-02 谈心谈话"

describe "a report dated in the future is refused"
refused report add 14 --kind quarterly --period Q1 --submitted "$tomorrow" \
    "--submitted $tomorrow is after today ($today)"
refused report add 14 --kind quarterly --period Q2 --submitted 2099-01-01 "--submitted 2099-01-01 is after today ($today)"
# Byte for byte, not only the same records.
cp db before.db
run --db db report add 14 --kind quarterly --period Q1 --submitted "$tomorrow"
expect_rc 1
checks=$((checks + 1)); cmp -s db before.db || fail "the database file changed"
run --db db report add 14 --kind quarterly --period Q1 --submitted "$today"
expect_rc 0
run --db db report add 14 --kind quarterly --period Q2 --submitted 2007-02-05
expect_rc 0
printf '挂职编号,报告类型,期次,提交日期\n15,季度汇报,Q1,2006-11-08\n16,季度汇报,Q1,%s\n' "$tomorrow" >future.csv
refused report import future.csv "future.csv:3: 提交日期: $tomorrow is after today ($today)"
expect_err "future.csv: nothing was written"
printf '挂职编号,报告类型,期次,提交日期\n15,季度汇报,Q1,2006-11-08\n16,季度汇报,Q1,%s\n' "$today" >now.csv
run --db db report import now.csv
expect_rc 0
expect_err "2 reports recorded"

describe "an annual assessment decided before the end of the year it judges is refused"
refused appraise annual 14 --year 2006 --grade 优秀 --date 2006-06-30 \
    "--date 2006-06-30 is before the end of 2006, the year the assessment judges: it is decided at the year's end (年末, from 2006-12-01) or later"
refused appraise annual 14 --year 2006 --grade 优秀 --date 2006-11-30 "--date 2006-11-30 is before the end of 2006"
refused appraise annual 14 --year 2007 --grade 优秀 --date 2007-07-31 "--date 2007-07-31 is before the end of 2007"
run --db db appraise annual 14 --year 2006 --grade 优秀 --date 2006-12-01
expect_rc 0
run --db db appraise annual 20 --year 2006 --grade 称职 --date 2007-01-10
expect_rc 0
# Earlier years (appraise history) too.
refused appraise history 14 --year 2005 --grade 优秀 --date 2005-06-30 "--date 2005-06-30 is before the end of 2005"
printf '挂职编号,考核年度,等次,考核日期\n15,2006,称职,2007-01-10\n16,2006,称职,2006-11-01\n' >early.csv
refused appraise import early.csv "early.csv:3: 考核日期: 2006-11-01 is before the end of 2006"
printf '挂职编号,考核年度,等次,考核日期\n15,2006,称职,2007-01-10\n16,2006,称职,2006-12-31\n' >late.csv
run --db db appraise import late.csv
expect_rc 0

describe "an extension beyond max_term_months (24) is refused"
refused assign extend 22 --until 2008-08-01 --home-consent 同意 \
    "assignment #22: --until 2008-08-01 is beyond the longest term of 24 months from 2006-08-01 (max_term_months): the last day may be 2008-07-31 at the latest"
run --db db assign extend 22 --until 2008-07-31 --home-consent 同意
expect_rc 0
printf 'max_term_months = 18\n' >max18.toml
refused --config max18.toml assign extend 23 --until 2008-02-01 --home-consent 同意 \
    "--until 2008-02-01 is beyond the longest term of 18 months from 2006-08-01 (max_term_months): the last day may be 2008-01-31"
run --db db --config max18.toml assign extend 23 --until 2008-01-31 --home-consent 同意
expect_rc 0
# The extended term's end counts: a second extension is measured from the start.
refused assign extend 36 --until 2008-09-30 --home-consent 同意 "may be 2008-07-31 at the latest"

describe "the configuration is validated: a bad value names the key"
for bad in 'max_term_months = 0' 'max_term_months = "x"' 'note_margin_days = -1' 'note_margin_days = 1.5'; do
    printf '%s\n' "$bad" >bad.toml
    refused_with 1 --config bad.toml assign note 14 --kind talk --date 2006-09-02 --text x "bad.toml:1: ${bad%% *}"
done
printf 'term_months = 12\nmax_term_months = 6\n' >short.toml
refused --config short.toml assign note 14 --kind talk --date 2006-09-02 --text x \
    "short.toml:2: max_term_months: 6 is shorter than term_months (12)"
# Not set, the longest term grows with a longer default term.
printf 'term_months = 36\n' >long.toml
cp db long.db
run --db long.db --config long.toml assign extend 24 --until 2009-07-31 --home-consent 同意
expect_rc 0

run --db sample.db init --sample-config sample.toml
expect_rc 0
checks=$((checks + 1)); grep -q '^max_term_months = 24$' sample.toml || fail "sample lacks max_term_months = 24"
checks=$((checks + 1)); grep -q '^note_margin_days = 30$' sample.toml || fail "sample lacks note_margin_days = 30"
refused --config sample.toml assign extend 25 --until 2008-08-01 --home-consent 同意 "2008-07-31 at the latest"

describe "check: a clean database, then each kind stored by hand is listed with its ids and dates"
run --db db check
expect_rc 0
cadre14=$(sql db "SELECT cadre_id FROM assignments WHERE id = 14")
sqlite3 db "
UPDATE appointments SET doc_date = '2006-08-05', filed_on = '2006-07-01', united_front_on = '2006-08-01',
       election_date = '2006-07-15' WHERE assignment_id = 21;
INSERT INTO events (assignment_id, cadre_id, kind, date, recorded_by, reason, details)
     VALUES (14, $cadre14, 'talk', '2005-01-01', 'x', '', '{\"text\":\"\"}');
UPDATE reports SET submitted_on = '2099-01-01' WHERE assignment_id = 14 AND period = 'Q2';
UPDATE annual_assessments SET decided_on = '2006-06-30' WHERE assignment_id = 14;
UPDATE assignments SET extended_until = '2009-01-31' WHERE id = 20;"
note=$(sql db "SELECT max(id) FROM events")
report=$(sql db "SELECT id FROM reports WHERE assignment_id = 14 AND period = 'Q2'")
annual=$(sql db "SELECT id FROM annual_assessments WHERE assignment_id = 14 AND superseded_by IS NULL")
before=$(fingerprint db)
run --db db check --format csv
expect_rc 1
expect_out "appointments,21,filed_before_document,assignment #21: filed 2006-07-01 is before doc_date 2006-08-05"
expect_out "appointments,21,united_front_before_document,assignment #21: united_front 2006-08-01 is before doc_date 2006-08-05"
expect_out "appointments,21,election_outside_term,assignment #21: election_date 2006-07-15 is outside the term 2006-08-01..2007-07-31"
expect_out "events,$note,note_empty,note #$note: assignment #14: text: is empty"
expect_out "events,$note,note_outside_term,note #$note: assignment #14: date 2005-01-01 is more than 30 days outside the term 2006-08-01..2007-07-31"
expect_out "reports,$report,report_future,report #$report: assignment #14: submitted_on 2099-01-01 is after today ($today)"
expect_out "annual_assessments,$annual,decided_early,\"the 2006 assessment of cadre #$cadre14: assignment #14: date 2006-06-30 is before the end of 2006, the year the assessment judges"
expect_out "assignments,20,term_too_long,assignment #20: until 2009-01-31 is beyond the longest term of 24 months from 2006-08-01"
expect_eq "$(grep -c 'filed_before_document\|united_front_before\|election_outside\|note_empty\|note_outside\|report_future\|decided_early\|term_too_long' out.txt)" 8
expect_err "8 problems found"
expect_eq "$(fingerprint db)" "$before"
# The configuration is the one check judges by.
printf 'note_margin_days = 600\nmax_term_months = 36\n' >wide.toml
run --db db --config wide.toml check --format csv
expect_rc 1
expect_no_out note_outside_term
expect_no_out term_too_long
expect_err "6 problems found"
run --db db check --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(sorted(p["code"] for p in d if p["table"] == "appointments"))')" \
    "['election_outside_term', 'filed_before_document', 'united_front_before_document']"
# Repaired, the database is clean again.
sqlite3 db "
UPDATE appointments SET filed_on = '2006-08-21', united_front_on = '2006-08-21', election_date = NULL WHERE assignment_id = 21;
UPDATE events SET date = '2006-09-01', details = '{\"text\":\"谈话\"}' WHERE id = $note;
UPDATE reports SET submitted_on = '2007-02-05' WHERE id = $report;
UPDATE annual_assessments SET decided_on = '2007-01-10' WHERE id = $annual;
UPDATE assignments SET extended_until = '2008-07-31' WHERE id = 20;"
run --db db check
expect_rc 0

describe "a date and an ID number that are wrong are refused in Chinese by default (issue 20)"
before=$(fingerprint db)
zh_add="assign add --name 张三 --political-status 群众 --direction up --home-unit 白马镇 --host-unit 市档案局 --end-date 2007-07-31"
# No --lang, no $GUAZHI_LANG, a C locale: Chinese.
unset GUAZHI_LANG
# shellcheck disable=SC2086
LC_ALL=C run --db db $zh_add --id-number 34052419800101001X --start-date 2006-13-01
expect_rc 1
expect_err "--start-date: 日历上没有“2006-13-01”这一天"
# shellcheck disable=SC2086
run --lang zh --db db $zh_add --id-number 34052419800101001X --start-date 明年八月
expect_rc 1
expect_err "--start-date: “明年八月”不是日期（可写作 2006-08-01、2006/8/1、2006年8月1日，或年月如 2006.08、2006年8月，或 Excel 日期序号）"
# shellcheck disable=SC2086
run --lang zh --db db $zh_add --id-number 34052419800101001X --start-date 2006-08-01 --birth-date 1980.13
expect_rc 1
expect_err "--birth-date: “1980.13”中的月份 13 不存在"
# shellcheck disable=SC2086
LC_ALL=C run --db db $zh_add --id-number 340524198001010010 --start-date 2006-08-01
expect_rc 1
expect_err "--id-number: 身份证号“340***********0010”校验位错误（应为 X）"
export GUAZHI_LANG=en
# shellcheck disable=SC2086
run --lang zh --db db $zh_add --id-number 5.10322E+17 --start-date 2006-08-01
expect_rc 1
expect_err "--id-number: 身份证号“5.10322E+17”：Excel 已把它变成了数字；请把该列设为文本格式后重新录入"
# The same refusals in English, as before.
# shellcheck disable=SC2086
run --db db $zh_add --id-number 340524198001010010 --start-date 2006-13-01
expect_rc 1
expect_err "'2006-13-01' is not a real date"
expect_eq "$(fingerprint db)" "$before"
# And accepted when both are right.
# shellcheck disable=SC2086
run --lang zh --db db $zh_add --id-number 34052419800101001X --start-date 2006-08-01
expect_rc 0

finish
