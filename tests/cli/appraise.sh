# appraise annual/history/final/show/missing/recommend/import, export and stats of appraisals,
# on the example roster (assignment 14: 何俊杰, 2006-08-01..2007-07-31, host 市财政局).
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

describe "annual: votes first, grade later; the share of 优秀 votes is derived"
run --db db appraise annual 14 --year 2006 --votes 优秀=18,称职=6,基本称职=1,不称职=0 --outstanding --home-note 上半年表现良好
expect_rc 0
expect_eq "$(cat out.txt)" 1
run --db db appraise annual 14 --year 2006 --grade 优秀 --date 2007-01-10
expect_rc 0
expect_eq "$(sql db "SELECT grade || ' ' || unit || ' ' || decided_on || ' ' || votes_excellent || '/' || votes_competent || ' ' || outstanding || ' ' || home_note FROM annual_assessments WHERE superseded_by IS NULL")" \
    "excellent 市财政局 2007-01-10 18/6 1 上半年表现良好"
expect_eq "$(sql db "SELECT count(*) FROM annual_assessments")" 2
run --db db appraise annual 14 --year 2006 --grade excellent
expect_rc 0
expect_err "already recorded as given; nothing changed"
expect_eq "$(sql db "SELECT count(*) FROM annual_assessments")" 2

describe "bad input: clear message, non-zero exit, database unchanged"
refused appraise annual 999 --year 2006 --grade 优秀 "no assignment #999"
refused appraise annual 14 --year 2005 --grade 优秀 "--year: 2005 is outside assignment #14 (2006-08-01 to 2007-07-31)"
refused appraise annual 14 --year 2008 --grade 优秀 "--year: 2008 is outside assignment #14"
refused appraise annual 14 --year 2006 --grade 称职 "the 2006 assessment of 何俊杰 already records grade 优秀 (given 称职); --replace"
usage_refused appraise annual 14 --year 2007 --grade 良好 "--grade: unknown grade '良好'"
usage_refused appraise annual 14 --year 2007 --votes 优秀=-2,称职=3 "--votes: 优秀: -2 votes is negative"
usage_refused appraise annual 14 --year 2007 --votes 优秀=many "--votes: 优秀: 'many' is not a whole number of votes"
usage_refused appraise annual 14 --year 2007 --votes 优秀 "--votes: '优秀' is not GRADE=COUNT"
usage_refused appraise annual 14 --year 2007 "give at least one of --grade"
usage_refused appraise annual 14 --year 2007 --outstanding --not-outstanding "excludes"
refused appraise history 99999 --year 2004 --grade 优秀 "no assignment #99999"
refused appraise history 34052419800101001X --year 2004 --grade 优秀 "no cadre with ID number 340***********001X"
refused appraise history 14 --year 2007 --grade 优秀 "--year: 2007 falls in assignment #14; record it with \`appraise annual 14\`"

describe "--replace changes a grade and keeps the earlier record"
run --db db appraise annual 14 --year 2006 --grade 称职 --replace
expect_rc 0
expect_eq "$(sql db "SELECT grade FROM annual_assessments WHERE superseded_by IS NULL")" competent
expect_eq "$(sql db "SELECT group_concat(g, ',') FROM (SELECT coalesce(grade, '-') AS g FROM annual_assessments WHERE superseded_by IS NOT NULL ORDER BY id)")" "-,excellent"
run --db db appraise show 14 --history --format json
expect_eq "$(python3 -c 'import json,sys; d=json.load(open("out.txt")); print(len(d["annual"]), d["annual"][0]["grade"], d["annual"][0]["excellent_share"]["share"])')" "3 competent 0.72"
run --db db appraise annual 14 --year 2006 --grade 优秀 --replace
expect_rc 0

describe "recommend: every secondee of the year with the rule's outcome and why not"
run --lang zh --db db appraise recommend --year 2006
expect_rc 0
expect_line "^ +14 +何俊杰 +市财政局 +否 +前两年等次须均为优秀：2004年未录入，2005年未录入 +优秀"
expect_err "2006: 已考核 27 人，推荐优秀 0 人"
run --db db appraise history 14 --year 2005 --grade 优秀
expect_rc 0
run --db db appraise history 14 --year 2004 --grade 优秀 --unit 史家镇
expect_rc 0
run --db db --lang en appraise recommend --year 2006 --format csv
expect_out "14,何俊杰,市财政局,yes,,excellent"
expect_out "15,刘建华,市审计局,no,\"both previous years must be excellent: 2004 not recorded, 2005 not recorded; no democratic evaluation recorded; performance not marked outstanding\","
run --db db appraise recommend --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); r=[x for x in d["assignments"] if x["assignment_id"]==14][0]["recommendation"]; print(r["recommended"], r["excellent_votes"], r["votes_total"], r["threshold"])')" "True 18 25 0.6"
printf 'excellent_vote_share = 0.8\nexcellent_cap_share = 0.2\n' >strict.toml
run --lang zh --config strict.toml --db db appraise recommend --year 2006
expect_line "^ +14 +何俊杰 +市财政局 +否 +优秀票比例 18/25 = 72.0%，低于 80.0%"
# The cap is over the year's graded secondees together (one per host would allow none).
expect_out "优秀等次比例限额（excellent_cap_share = 0.2）：已定等次 1 人，优秀 1 人，限额 0 人，超出"
expect_err "警告：2006 年度已定等次 1 人，其中优秀 1 人，超过限额 0 人"
run --config strict.toml --db db appraise recommend --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt"))["excellent_cap"]; print(d["graded"], d["excellent"], d["cap"], d["over_cap"])')" "1 1 0 True"

describe "final: from a TOML or JSON file, flags override; before the end only with --early and a reason"
cat >鉴定.toml <<'TOML'
date = 2007-07-31
conclusion = """该同志挂职期间政治坚定，
工作扎实，作风过硬。"""
[ideology]
rating = "优秀"
comment = "理论学习认真"
[work]
rating = "优秀"
comment = "完成预算编制改革"
[study]
rating = "良好"
[life]
rating = "良好"
[integrity]
rating = "优秀"
comment = "廉洁自律"
TOML
run --db db appraise final 14 --from 鉴定.toml --study 优秀
expect_rc 0
expect_eq "$(sql db "SELECT ideology_rating || study_rating || ' ' || author_unit || ' ' || written_on FROM final_appraisals")" "优秀优秀 市财政局 2007-07-31"
expect_eq "$(sql db "SELECT conclusion FROM final_appraisals")" "$(printf '该同志挂职期间政治坚定，\n工作扎实，作风过硬。')"
refused appraise final 14 --from 鉴定.toml "assignment #14 already has a final appraisal (#1, written 2007-07-31 by 市财政局); --replace"
refused appraise final 15 --from 鉴定.toml --date 2007-07-01 "2007-07-01 is before the end of the term (2007-07-31); an earlier appraisal needs --early and --reason"
refused appraise final 15 --from 鉴定.toml --date 2007-07-01 --early "--early needs --reason"
refused appraise final 15 --from 鉴定.toml --work 很好 "work.rating: '很好' is not on the scale (one of: 优秀, 良好, 一般, 较差)"
refused appraise final 15 --ideology 优秀 --date 2007-08-01 "conclusion: missing"
refused appraise final 999 --from 鉴定.toml "no assignment #999"
printf 'conclusion = "x"\n[work]\nscore = 3\n' >bad.toml
refused appraise final 15 --from bad.toml "bad.toml:3:9: unknown key work.score (known: rating, comment)"
printf '{"conclusion": "x",\n "work": {"rating": "优秀"\n' >bad.json
# nlohmann::json words the syntax error itself, in English ("syntax error while parsing object …").
refused appraise final 15 --from bad.json "bad.json:3:1: parse error"
refused appraise final 15 --from nope.toml "--from nope.toml: cannot read the file"
cat >鉴定.json <<'JSON'
{"date": "2007-07-01", "author_unit": "市审计局", "conclusion": "该同志表现良好",
 "ideology": {"rating": "良好"}, "work": {"rating": "良好", "comment": "审计项目三个"},
 "study": {"rating": "一般"}, "life": {"rating": "良好"}, "integrity": {"rating": "优秀"}}
JSON
run --db db appraise final 15 --from 鉴定.json --early --reason 提拔使用
expect_rc 0
expect_eq "$(sql db "SELECT work_comment || ' ' || early_reason FROM final_appraisals WHERE assignment_id = 15")" "审计项目三个 提拔使用"
printf 'appraisal_scale = ["A", "B", "C"]\n' >scale.toml
run --config scale.toml --db db appraise final 16 --from 鉴定.toml
expect_rc 1
expect_err "ideology.rating: '优秀' is not on the scale (one of: A, B, C)"

describe "show: everything about a cadre, by assignment id or ID number"
run --lang zh --db db appraise show 14
expect_rc 0
expect_out "何俊杰 (511***********1811, 男)"
expect_line "^2006 +优秀 +市财政局 +2007-01-10 +优秀 18, 称职 6, 基本称职 1, 不称职 0 +72.0% +是 +上半年表现良好 +14$"
expect_line "^2004 +优秀 +史家镇"
expect_out "2006 推荐优秀: 是"
expect_out "工作: 优秀 — 完成预算编制改革"
expect_out "鉴定意见: 该同志挂职期间政治坚定，"
expect_no_out "511002198104161811"
run --db db --lang en appraise show 511002198104161811 --format json
expect_rc 0
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); a=d["assignments"][0]; print(d["cadre"]["id_number"], len(d["annual"]), a["recommendations"][0]["recommended"], a["final_appraisals"][0]["work"]["rating"])')" \
    "511***********1811 3 True 优秀"

describe "missing: ended terms without a final appraisal"
run --db db appraise missing --year 2006 --format csv
expect_rc 0
expect_no_out "14,何俊杰"
expect_no_out "15,刘建华"
expect_out "16,"
expect_err "25 ended assignments without a final appraisal"
run --db db appraise missing --year 2006 --as-of 2007-06-01
expect_eq "$(wc -l <out.txt)" 2 # the header and its rule only
expect_err "0 ended assignments"

describe "import: all or nothing, line-precise; identical rows skipped"
printf '\xef\xbb\xbf身份证号,考核年度,等次,优秀票,称职票,表现突出\r\n511028197003141730,2006,称职,10,12,否\r\n' >ok.csv
before=$(fingerprint db)
printf '挂职编号,考核年度,等次,优秀票\n15,2006,优秀,\n15,2009,优秀,\n16,2006,很好,\n17,2006,称职,-1\n' >bad.csv
run --db db appraise import bad.csv
expect_rc 1
expect_err "bad.csv:3: 考核年度: 2009 is outside assignment #15"
expect_err "bad.csv:4: 等次: unknown grade '很好'"
expect_err "bad.csv:5: 优秀票: -1 votes is negative"
expect_err "bad.csv: nothing was written"
expect_eq "$(fingerprint db)" "$before"

describe "export appraisals (CSV, JSON) round-trips through import; final appraisals export"
run --lang zh --db db export appraisals --year 2006 --reveal-id -o ap.csv
expect_rc 0
expect_eq "$(head -1 ap.csv)" "挂职编号,身份证号,姓名,考核年度,等次,优秀票,称职票,基本称职票,不称职票,优秀票比例,表现突出,考核单位,考核日期,派出单位意见"
expect_eq "$(grep -c . ap.csv)" 4
checks=$((checks + 1)); grep -q '^14,511002198104161811,何俊杰,2006,优秀,18,6,1,0,0.7200,是,市财政局,2007-01-10,上半年表现良好$' ap.csv || fail "export row: $(cat ap.csv)"
run --db db appraise import ap.csv
expect_rc 0
expect_err "0 assessments recorded, 3 already recorded as given"
# The same file saved as a workbook with a title line reads the same.
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3
"$PY" - <<'PY'
import csv, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["2006年度考核结果"])
for row in csv.reader(open("ap.csv", encoding="utf-8-sig")):
    ws.append(row)
wb.save("ap.xlsx")
PY
run --db db appraise import ap.xlsx
expect_rc 0
expect_err "ap.xlsx: 0 assessments recorded, 3 already recorded as given"
run --db db export appraisals --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); print(len(d), d[2]["id_number"], d[2]["votes_excellent"], d[2]["grade"], d[2]["id_number_masked"])')" "3 511***********1811 18 excellent True"
run --db db export final-appraisals --format csv
expect_rc 0
expect_out "14,511***********1811,何俊杰,市财政局,优秀,理论学习认真,优秀,完成预算编制改革"
expect_eq "$(grep -c '^1[45],' out.txt)" 2

describe "stats: the annual grades of the batch by direction"
run --lang zh --db db stats --year 2006
expect_out "年度考核等次（挂职当年）"
expect_line "^优秀 +1 +0 +1$"
run --db db stats --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); print(d["grades"]["up"]["excellent"], d["grades"]["total"]["competent"], d["non_party"]["count"])')" "1 0 13"
run --lang zh --db db stats --year 2005
expect_no_out "年度考核等次（挂职当年）"

finish
