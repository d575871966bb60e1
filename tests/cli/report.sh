# report add/get/list/due/import/compliance on the example roster.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

describe "add records a report with its attachment; get writes it back byte for byte"
head -c 300000 /dev/urandom >汇报.docx
printf '\x00\xff\r\n' >>汇报.docx
run --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach 汇报.docx --by 王科员
expect_rc 0
expect_eq "$(cat out.txt)" 1
expect_eq "$(sql db "SELECT name || ' ' || size || ' ' || sha256 FROM attachments WHERE report_id = 1")" \
    "汇报.docx $(stat -c %s 汇报.docx) $(sha256sum 汇报.docx | cut -d' ' -f1)"
run --db db report get 1 -o back.docx
expect_rc 0
checks=$((checks + 1)); cmp -s 汇报.docx back.docx || fail "attachment differs"
expect_err "SHA-256 $(sha256sum 汇报.docx | cut -d' ' -f1)"
run --db db report get 1 -o -
checks=$((checks + 1)); cmp -s 汇报.docx out.txt || fail "attachment on stdout differs"

describe "periods spelled naturally: Q2, 2007Q1, H1, 2007H1, final"
run --db db report add 14 --kind 季度汇报 --period 2007Q1 --submitted 2007-02-20 --to home
expect_rc 0
expect_eq "$(sql db "SELECT period || ' ' || period_start || ' ' || recipient FROM reports WHERE id = 2")" "Q2 2006-11-01 home"
run --db db report add 14 --kind semiannual --period 2007H1 --submitted 2007-02-10
expect_eq "$(sql db "SELECT period || ' ' || period_end FROM reports WHERE id = 3")" "H1 2007-01-31"
run --db db report add 14 --kind final --period final --submitted 2007-08-20
expect_rc 0

describe "bad input: clear message, non-zero exit, database unchanged"
refused report add 999 --kind quarterly --period Q1 --submitted 2006-11-05 "no assignment #999"
refused report add 14 --kind quarterly --period Q5 --submitted 2007-09-05 "--period: Q5 is outside the term"
refused report add 14 --kind quarterly --period 2008Q1 --submitted 2008-02-05 "no quarterly period of the term ends in 2008Q1"
refused report add 15 --kind quarterly --period Q2 --submitted 2006-10-01 "--submitted: 2006-10-01 is before the period Q2 began (2006-11-01)"
refused report add 14 --kind quarterly --period Q1 --submitted 2006-11-06 "report #1 (quarterly Q1, submitted 2006-11-05) is already recorded; --replace"
refused report add 15 --kind quarterly --period Q1 --submitted 2006-11-06 --attach nope.pdf "--attach nope.pdf: not a readable file"
printf 'max_attachment_mib = 1\n' >small.toml
head -c 1100000 /dev/zero >big.pdf
before=$(fingerprint db)
run --config small.toml --db db report add 15 --kind quarterly --period Q1 --submitted 2006-11-06 --attach big.pdf
expect_rc 1
expect_err "larger than the limit of 1048576 bytes"
expect_eq "$(fingerprint db)" "$before"
run --db db report add 15 --kind monthly --period Q1 --submitted 2006-11-06
expect_rc 2
run --db db report get 2 -o x.bin
expect_rc 1
expect_err "report #2 has no attachment"

describe "--replace keeps the old submission in the history"
run --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-10 --replace
expect_rc 0
expect_eq "$(cat out.txt)" 5
expect_eq "$(sql db 'SELECT superseded_by FROM reports WHERE id = 1')" 5
run --db db report list --kind quarterly --format csv
expect_eq "$(tail -n +2 out.txt | cut -d, -f1 | tr '\n' ' ')" "5 2 "
run --db db report list --kind quarterly --history --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print([(r["id"], r["superseded_by"]) for r in d])')" "[(1, 5), (5, None), (2, None)]"

describe "due: what is owed and not submitted, most overdue first; exit 3 on request"
run --db db report due --as-of 2006-10-31 --year 2006
expect_rc 0
expect_err "0 reports owed on 2006-10-31, 0 overdue"
run --lang zh --db db report due --as-of 2006-11-10 --year 2006 --format csv --fail-if-overdue
expect_rc 0
expect_eq "$(tail -n +2 out.txt | wc -l)" 26
expect_out "15,刘建华,东兴区审计局,市审计局,季度汇报,Q1,派出单位和市委组织部,2006-11-15,-5,5"
# Looking back: on 2006-11-03 何俊杰's Q1 report (handed in on 2006-11-10) was still owed.
run --lang zh --db db report due --as-of 2006-11-03 --year 2006 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 27
expect_out "14,何俊杰,史家镇,市财政局,季度汇报,Q1,派出单位和市委组织部,2006-11-15,-12,12"
run --db db report due --as-of 2006-11-20 --year 2006 --fail-if-overdue --format json
expect_rc 3
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(len(d), d[0]["days_overdue"], d[0]["kind"], 14 in [r["assignment_id"] for r in d])')" "26 5 quarterly False"
"$GUAZHI" --db db assign recall 21 --date 2007-03-31 --reason promotion 2>/dev/null
run --lang zh --db db report due --as-of 2007-05-20 --host 市农业局 --format csv
# The recall ends the term: the final summary and the host's 鉴定 are owed.
expect_eq "$(tail -n +2 out.txt | cut -d, -f5,6 | tr '\n' ' ')" "季度汇报,Q1 季度汇报,Q2 思想和工作汇报,H1 挂职工作总结,final 鉴定,final "

describe "import from a workbook: a title line above the header, a footer below, problems named by sheet!cell"
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3 # python3 may be another install
"$PY" - <<'PY'
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "汇报登记"
ws.append(["2006年挂职干部汇报登记表"])
ws.merge_cells("A1:E1")
ws.append(["挂职编号", "报告类型", "期次", "提交日期", "报送对象"])
ws.append([19, "季度汇报", "Q1", "2006-11-10", "both"])
ws.append([20, "季度汇报", "Q1", "2006-11-11", "both"])
ws.append(["填表人：王科员"])
wb.save("reports.xlsx")
ws["C4"] = "Q9"
wb.save("reports-bad.xlsx")
PY
cp db wb.db # a copy: the suite goes on counting the reports of db
before=$(fingerprint wb.db)
run --db wb.db report import reports-bad.xlsx
expect_rc 1
expect_err "reports-bad.xlsx:汇报登记!C4: 期次: Q9 is outside the term"
expect_eq "$(fingerprint wb.db)" "$before"
run --db wb.db report import reports.xlsx
expect_rc 0
expect_err "reports.xlsx: 2 reports recorded"
expect_eq "$(sql wb.db "SELECT count(*) FROM reports WHERE assignment_id IN (19, 20)")" 2
run --db wb.db report import reports.xlsx --sheet 2
expect_rc 1
expect_err "no sheet"

describe "import: all or nothing, line-precise errors"
printf '挂职编号,报告类型,期次,提交日期,报送对象\n15,季度汇报,Q1,2006-11-08,派出单位\n16,quarterly,2006Q4,2006-11-09,both\n' >ok.csv
run --db db report import ok.csv
expect_rc 0
expect_err "ok.csv: 2 reports recorded"
id17=$(sql db "SELECT c.id_number FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 17")
printf '身份证号,年度,报告类型,期次,提交日期\n%s,2006,季度汇报,Q1,2006-11-08\n%s,2006,季度汇报,Q9,2006-11-08\n18,季度汇报,Q1,2006-11-08\n' "$id17" "$id17" >bad.csv
before=$(fingerprint db)
run --db db report import bad.csv
expect_rc 1
expect_err "bad.csv:3: 期次: Q9 is outside the term"
expect_err "bad.csv:4: 身份证号:"
expect_err "bad.csv: nothing was written"
expect_eq "$(fingerprint db)" "$before"

describe "compliance per kind, overall and per county"
run --lang zh --db db report compliance --year 2006 --as-of 2006-12-31 --format csv
expect_rc 0
# 15's Q1 went to the home unit only (ok.csv): the Organization Department's is missing.
expect_eq "$(head -2 out.txt)" "类型,按时,逾期提交,未交,宽限期内
季度汇报,2,0,25,0"
run --db db report compliance --year 2006 --as-of 2006-12-31 --by county --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(sum(r["on_time"] + r["late"] + r["missing"] + r["pending"] for r in d), sorted({r["group"] for r in d})[:2])')" \
    "27 ['', '东兴区']"

run --lang zh --db db report compliance --year 2006 --as-of 2006-12-31 --by county --format csv
expect_out "市直,季度汇报,0,0,6,0"
run --db db export events --format json
# An event's details are worded for people (render/event_details), in JSON too.
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(sorted({type(e["details"]).__name__ for e in d}))')" "['str']"

describe "stats --reports adds the same summary"
run --lang zh --db db stats --year 2006 --reports --as-of 2006-12-31 --format csv
expect_rc 0
expect_out "non_party,党外干部,13,27,48.1%"
expect_out "reports:quarterly:on_time,季度汇报 on_time,2,,"
expect_out "reports:quarterly:missing,季度汇报 missing,25,,"
run --db db stats --year 2006 --reports --as-of 2006-12-31 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(d["non_party"]["count"], d["reports"])')" \
    "13 [{'kind': 'quarterly', 'on_time': 2, 'late': 0, 'missing': 25, 'pending': 0}]"

finish
