# Issue 19, reports: two recipients, the final summary and the 鉴定 in `report due`, `report get`
# without -o, `report import` with 姓名, --dry-run and --ignore-unknown-columns, the order of
# `report list`. On the example roster (assignment 14: 何俊杰, 2006-08-01..2007-07-31).
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

describe "--to defaults to both: one report covers the home unit and the Organization Department"
run --lang zh --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05
expect_rc 0
expect_err "报送派出单位和市委组织部"
expect_eq "$(sql db 'SELECT recipient FROM reports WHERE id = 1')" both
run --db db report due --as-of 2006-11-20 --format csv
expect_no_out "14,何俊杰"

describe "a report to one recipient leaves the other owed, in report due and compliance"
run --db db report add 15 --kind quarterly --period Q1 --submitted 2006-11-05 --to home
expect_rc 0
run --lang zh --db db report due --as-of 2006-11-20 --format csv
expect_out "15,刘建华,东兴区审计局,市审计局,季度汇报,Q1,市委组织部,2006-11-15,5,"
run --db db report due --as-of 2006-11-20 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print([(r["recipient"], r["days_left"]) for r in d if r["assignment_id"] in (15, 16)])')" \
    "[('orgdept', None), ('both', None)]"
run --lang zh --db db report compliance --as-of 2006-11-20 --year 2006 --format csv
expect_out "季度汇报,1,0,26,0"
run --db db report add 15 --kind quarterly --period Q1 --submitted 2006-11-18 --to 组织部
expect_rc 0
run --db db report due --as-of 2006-11-20 --format csv
expect_no_out "15,刘建华"
# Both in, the second after the due date: the quarter counts late.
run --lang zh --db db report compliance --as-of 2006-11-20 --year 2006 --format csv
expect_out "季度汇报,1,1,25,0"
run --lang zh --db db report list --kind quarterly --format csv
expect_eq "$(tail -n +2 out.txt | cut -d, -f2,8 | tr '\n' ' ')" "14,派出单位和市委组织部 15,派出单位 15,市委组织部 "
run --db db check
expect_rc 0

describe "a second report to a recipient already covered is refused, nothing changed"
refused report add 15 --kind quarterly --period Q1 --submitted 2006-11-19 --to home "report #2 (quarterly Q1, submitted 2006-11-05) is already recorded; --replace"
refused report add 15 --kind quarterly --period Q1 --submitted 2006-11-19 "is already recorded; --replace"
refused report add 14 --kind quarterly --period Q1 --submitted 2006-11-19 --to orgdept "report #1 (quarterly Q1, submitted 2006-11-05) is already recorded"
usage_refused report add 15 --kind quarterly --period Q2 --submitted 2007-02-01 --to 县委 "recipient"
# --replace with both replaces the two.
run --db db report add 15 --kind quarterly --period Q1 --submitted 2006-11-10 --replace
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(id || ':' || recipient || ':' || coalesce(superseded_by, '-'), ' ') FROM reports WHERE assignment_id = 15")" \
    "2:home:4 3:orgdept:4 4:both:-"
# undo restores the two (both current again), then the replacement is made again.
run --db db undo
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(id || ':' || recipient || ':' || coalesce(superseded_by, '-'), ' ') FROM reports WHERE assignment_id = 15")" \
    "2:home:- 3:orgdept:-"
run --db db check
expect_rc 0
run --db db report add 15 --kind quarterly --period Q1 --submitted 2006-11-10 --replace
expect_rc 0

describe "report due lists the final summary and the 鉴定 from 30 days before the term's end, with days left"
run --lang zh --db db report due --as-of 2007-06-30 --year 2006 --host 市财政局 --format csv
expect_no_out "挂职工作总结"
expect_no_out "鉴定"
run --lang zh --db db report due --as-of 2007-07-01 --year 2006 --host 市财政局 --format csv
expect_out "14,何俊杰,史家镇,市财政局,挂职工作总结,final,,2007-08-30,-60,60"
expect_out "14,何俊杰,史家镇,市财政局,鉴定,final,,2007-08-30,-60,60"
run --db db report due --as-of 2007-07-01 --year 2006 --host 市财政局 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(sorted((r["kind"], r["days_left"]) for r in d if r["period"] == "final"))')" \
    "[('final', 60), ('final_appraisal', 60)]"
run --lang en --db db report due --as-of 2007-07-01 --year 2006 --host 市财政局
expect_out "final appraisal"
expect_out "days left"
# Overdue: days overdue, no days left.
run --lang zh --db db report due --as-of 2007-09-01 --year 2006 --host 市财政局 --format csv
expect_out "14,何俊杰,史家镇,市财政局,鉴定,final,,2007-08-30,2,"
# final_due_days_before is configurable.
printf 'final_due_days_before = 10\n' >ten.toml
run --lang zh --config ten.toml --db db report due --as-of 2007-07-20 --year 2006 --host 市财政局 --format csv
expect_no_out "鉴定"
run --lang zh --config ten.toml --db db report due --as-of 2007-07-21 --year 2006 --host 市财政局 --format csv
expect_out "鉴定,final,,2007-08-30,-40,40"
printf 'final_due_days_before = -1\n' >bad.toml
run --config bad.toml --db db report due
expect_rc 1
expect_err "final_due_days_before"
# Written: no longer owed.
final_appraisal_toml "该同志挂职期间表现优秀" >鉴定.toml
run --db db appraise final 14 --from 鉴定.toml
expect_rc 0
run --db db report add 14 --kind final --period final --submitted 2007-07-25
expect_rc 0
run --lang zh --db db report due --as-of 2007-08-01 --year 2006 --host 市财政局 --format csv
expect_no_out "鉴定"
expect_no_out "挂职工作总结"
# Looking back to before they were in, they were owed.
run --lang zh --db db report due --as-of 2007-07-24 --year 2006 --host 市财政局 --format csv
expect_out "挂职工作总结,final,,2007-08-30,-37,37"
expect_out "鉴定,final,,2007-08-30,-37,37"

describe "report list orders Q1, Q2, H1, Q3, Q4, H2, then the final summary"
for p in H2:semiannual:2007-08-01 Q4:quarterly:2007-08-01 H1:semiannual:2007-02-01 Q3:quarterly:2007-05-01 Q2:quarterly:2007-02-01; do
    IFS=: read -r period kind day <<<"$p"
    "$GUAZHI" --db db report add 14 --kind "$kind" --period "$period" --submitted "$day" 2>/dev/null >/dev/null
done
run --db db report list --year 2006 --host 市财政局 --format csv
expect_rc 0
expect_eq "$(tail -n +2 out.txt | cut -d, -f5 | tr '\n' ' ')" "Q1 Q2 H1 Q3 Q4 H2 final "

describe "report get without -o: the attachment's own name in the current directory, 0600, never overwritten without --force"
mkdir -p work && printf '第一季度思想和工作汇报\n' >季度汇报.txt
run --db db report add 16 --kind quarterly --period Q1 --submitted 2006-11-05 --attach 季度汇报.txt
expect_rc 0
rid=$(cat out.txt)
rm 季度汇报.txt
(cd work && "$GUAZHI" --db ../db report get "$rid" >../out.txt 2>../err.txt); rc=$?
expect_rc 0
expect_err "written to 季度汇报.txt"
expect_eq "$(cat work/季度汇报.txt)" "第一季度思想和工作汇报"
expect_eq "$(stat -c %a work/季度汇报.txt)" 600
printf 'mine\n' >work/季度汇报.txt
(cd work && "$GUAZHI" --db ../db report get "$rid" >../out.txt 2>../err.txt); rc=$?
expect_rc 1
expect_err "季度汇报.txt: the file exists; --force replaces it"
expect_eq "$(cat work/季度汇报.txt)" "mine"
(cd work && "$GUAZHI" --db ../db report get "$rid" --force >../out.txt 2>../err.txt); rc=$?
expect_rc 0
expect_eq "$(cat work/季度汇报.txt)" "第一季度思想和工作汇报"
# -o too refuses an existing file without --force.
printf 'keep\n' >kept.txt
run --db db report get "$rid" -o kept.txt
expect_rc 1
expect_err "-o kept.txt: the file exists; --force replaces it"
expect_eq "$(cat kept.txt)" "keep"
run --db db report get "$rid" -o kept.txt --force
expect_rc 0
expect_eq "$(cat kept.txt)" "第一季度思想和工作汇报"

describe "report get: the stored name is untrusted — directories stripped, .. and control characters refused"
cp db names.db
sqlite3 names.db "UPDATE attachments SET name = '/etc/cron.d/汇报.docx' WHERE report_id = $rid"
rm -rf work && mkdir work
(cd work && "$GUAZHI" --db ../names.db report get "$rid" >../out.txt 2>../err.txt); rc=$?
expect_rc 0
expect_eq "$(ls work)" "汇报.docx"
for bad in '../escape.txt' '..' 'a/../../b.txt' '..\\x.txt' "$(printf 'tab\there.txt')" "$(printf 'esc\033[31m.txt')" '' 'dir/' '.'; do
    sqlite3 names.db "UPDATE attachments SET name = '$bad' WHERE report_id = $rid"
    rm -rf work && mkdir work
    (cd work && "$GUAZHI" --db ../names.db report get "$rid" >../out.txt 2>../err.txt); rc=$?
    expect_rc 1
    expect_err "report #$rid: the attachment's stored name"
    expect_err "name the file with --output"
    expect_eq "$(ls -A work)" ""
done
checks=$((checks + 1)); [ ! -e escape.txt ] && [ ! -e b.txt ] || fail "a file was written outside the directory"
# Escaped, not echoed raw.
checks=$((checks + 1)); ! grep -q $'\033' err.txt || fail "a control character reached the terminal"
# With -o the stored name is not used.
run --db names.db report get "$rid" -o fine.txt
expect_rc 0
expect_eq "$(cat fine.txt)" "第一季度思想和工作汇报"

describe "report import checks 姓名 against the assignment's cadre"
printf '挂职编号,姓名,报告类型,期次,提交日期\n17,%s,季度汇报,Q1,2006-11-08\n18,%s,季度汇报,Q1,2006-11-08\n' \
    "$(sql db 'SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 17')" \
    "$(sql db 'SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 17')" >names.csv
n18=$(sql db 'SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 18')
n17=$(sql db 'SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 17')
refused report import names.csv "names.csv:3: 姓名: the name '$n17' is not that of assignment #18's cadre, '$n18'"
expect_err "names.csv: nothing was written"
printf '挂职编号,姓名,报告类型,期次,提交日期\n17,%s,季度汇报,Q1,2006-11-08\n18,%s,季度汇报,Q1,2006-11-08\n' "$n17" "$n18" >names-ok.csv
run --db db report import names-ok.csv
expect_rc 0
expect_err "names-ok.csv: 2 reports recorded"

describe "report import --dry-run writes nothing; --ignore-unknown-columns skips columns"
printf '挂职编号,报告类型,期次,提交日期,备注\n19,季度汇报,Q1,2006-11-08,按时\n20,季度汇报,Q1,2006-11-09,\n' >extra.csv
refused report import extra.csv "extra.csv:1:5: unknown column '备注'"
before=$(fingerprint db)
run --db db report import extra.csv --ignore-unknown-columns --dry-run
expect_rc 0
expect_err "extra.csv: ignored 1 column: 备注"
expect_err "extra.csv: 2 reports would be recorded (dry run, nothing written)"
expect_eq "$(fingerprint db)" "$before"
printf '挂职编号,报告类型,期次,提交日期\n19,季度汇报,Q1,2006-11-08\n20,季度汇报,Q9,2006-11-09\n' >dry-bad.csv
run --db db report import dry-bad.csv --dry-run
expect_rc 1
expect_err "dry-bad.csv:3: 期次: Q9 is outside the term"
expect_eq "$(fingerprint db)" "$before"
run --db db report import extra.csv --ignore-unknown-columns
expect_rc 0
expect_err "extra.csv: 2 reports recorded"
expect_eq "$(sql db 'SELECT count(*) FROM reports WHERE assignment_id IN (19, 20)')" 2

describe "report import again with rows added: the rows already recorded as given are skipped"
printf '序号,挂职编号,报告类型,期次,提交日期
1,19,季度汇报,Q1,2006-11-08
2,20,季度汇报,Q1,2006-11-09
3,21,季度汇报,第一季度,2006-11-10
' >again.csv
run --db db report import again.csv
expect_rc 0
expect_err "again.csv: 1 report recorded, 2 already recorded as given (skipped)"
expect_eq "$(sql db 'SELECT count(*) FROM reports WHERE assignment_id IN (19, 20, 21)')" 3
before=$(fingerprint db)
run --db db report import again.csv
expect_rc 0
expect_err "again.csv: 0 reports recorded, 3 already recorded as given (skipped)"
expect_eq "$(fingerprint db)" "$before"
# Without 报告类型 the period says the kind (第二季度, 上半年); one that does not is refused.
printf '挂职编号,期次,提交日期\n22,第二季度,2007-02-10\n23,上半年,2007-02-11\n' >nokind.csv
run --db db report import nokind.csv
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(kind || ':' || period, ' ') FROM reports WHERE assignment_id IN (22, 23) ORDER BY assignment_id")" "quarterly:Q2 semiannual:H1"
printf '挂职编号,报告类型,期次,提交日期\n24,,Q3,2007-05-10\n25,,第二期,2007-05-10\n' >halfkind.csv
refused report import halfkind.csv "halfkind.csv:3: 报告类型: is empty, and 期次 does not say which report it is"
# A row that says other than what is recorded is still refused, naming the report.
printf '挂职编号,报告类型,期次,提交日期
19,季度汇报,Q1,2006-11-20
' >differs.csv
refused report import differs.csv "differs.csv:2: 期次:"

finish
