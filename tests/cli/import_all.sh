# export all --format json and import-all: an identical copy into a new database, a merge
# into one with records (ids renumbered, references followed), conflicts listed with nothing
# written, and documents that are not importable refused.
source "$(dirname "$0")/lib.sh" "$@"


# A database with a record in every table: reports (one replaced, one with an attachment),
# annual assessments (one replaced), a final appraisal, an appointment, an extension, a recall
# and an application.
new_db db
printf '汇报正文\0二进制' >汇报.docx
"$GUAZHI" --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach 汇报.docx --by 王科员 >/dev/null 2>&1
"$GUAZHI" --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-10 --replace >/dev/null 2>&1
"$GUAZHI" --db db appraise annual 14 --year 2006 --grade 称职 >/dev/null 2>&1
"$GUAZHI" --db db appraise annual 14 --year 2006 --grade 优秀 --votes 优秀=18,称职=6 --replace >/dev/null 2>&1
final_appraisal_toml '该同志挂职期间表现\"优秀\"；' >鉴定.toml
"$GUAZHI" --db db appraise final 14 --from 鉴定.toml >/dev/null 2>&1
"$GUAZHI" --db db assign appoint 35 --post-level 副镇长 --doc-number "内组干[2006]12号" --doc-date 2006-08-01 >/dev/null 2>&1
"$GUAZHI" --db db assign extend 20 --until 2007-10-31 --home-consent "威远县建设局函" --reason 项目收尾 >/dev/null 2>&1
"$GUAZHI" --db db assign recall 21 --date 2007-03-31 --reason 提拔使用 >/dev/null 2>&1
"$GUAZHI" --db db assign apply --host 市财政局 --year 2006 --requested 2 >/dev/null 2>&1
for t in reports attachments annual_assessments final_appraisals appointments events applications; do
    describe "fixture: $t has rows"
    checks=$((checks + 1))
    [ "$(sql db "SELECT count(*) FROM $t")" -gt 0 ] || fail "no rows in $t"
done

describe "export all --format json: masked by default, every table, the header first"
run --db db export all --format json -o masked.json
expect_rc 0
expect_err "exported"
expect_eq "$(python3 -c 'import json; d=json.load(open("masked.json")); print(d["format"], d["id_numbers_masked"], len(d["tables"]["cadres"]), d["tables"]["cadres"][0]["id_number"][3:14])')" "guazhi-all True 40 ***********"
expect_eq "$(python3 -c 'import json,sys; d=json.load(open("masked.json")); print(d["schema_version"] == int(sys.argv[1]))' "$(sql db 'PRAGMA user_version')")" "True"
expect_eq "$(python3 -c 'import json; d=json.load(open("masked.json")); print("category_mask" in d["tables"]["cadres"][0])')" "False"
run --db db export all --format json --reveal-id -o all.json
expect_rc 0
expect_err "warning: the export holds complete ID numbers"
expect_eq "$(python3 -c 'import json,base64; d=json.load(open("all.json")); print(base64.b64decode(d["tables"]["attachments"][0]["content"]) == open("汇报.docx","rb").read())')" "True"

describe "import-all into a new database: the same database, byte for byte in its dump"
"$GUAZHI" --db copy init >/dev/null 2>&1
run --db copy import-all all.json
expect_rc 0
expect_err "all.json: "
expect_err "reports: 2 added, 0 already recorded"
expect_eq "$(records copy)" "$(records db)"
expect_eq "$(sql copy "SELECT count(*) || ' ' || (SELECT count(*) FROM changed_rows) FROM changes")" \
    "1 $(python3 -c 'import json; d=json.load(open("all.json")); print(sum(len(r) for r in d["tables"].values()))')"
expect_eq "$(sql copy "SELECT category_mask FROM cadres WHERE id_number = '511028197003141730'")" "$(sql db "SELECT category_mask FROM cadres WHERE id_number = '511028197003141730'")"
run --db copy check
expect_rc 0
run --db copy export all --format json --reveal-id -o again.json
expect_eq "$(cmp -s all.json again.json && echo same)" "same"

describe "import-all of the same document again: everything already recorded, nothing added"
before=$(fingerprint copy)
run --db copy import-all all.json
expect_rc 0
expect_err "0 records added"
expect_eq "$(fingerprint copy)" "$before"

describe "merge: another county's file into a database with records — new ids, references followed"
cat >county.csv <<'CSV'
id_number,name,gender,ethnicity,birth_date,political_status,education,categories,home_unit,home_county,home_level,home_post,direction,host_unit,host_post,start_date,end_date,batch_year
110101199003071233,张新,male,汉族,1990-03-07,cpc_member,本科,,威远县财政局,威远县,county_dept,科员,up,市财政局,科员,2008-08-01,2009-07-31,2008
CSV
"$GUAZHI" --db county init >/dev/null 2>&1
"$GUAZHI" --db county assign import county.csv >/dev/null 2>&1
"$GUAZHI" --db county report add 1 --kind quarterly --period Q1 --submitted 2008-11-05 >/dev/null 2>&1
"$GUAZHI" --db county report add 1 --kind quarterly --period Q1 --submitted 2008-11-06 --replace >/dev/null 2>&1
"$GUAZHI" --db county export all --format json --reveal-id -o county.json >/dev/null 2>&1
cp db merged
run --db merged import-all county.json
expect_rc 0
expect_err "cadres: 1 added, 0 already recorded"
expect_err "units: 1 added, 1 already recorded"
expect_eq "$(sql merged "SELECT count(*) FROM assignments")" "41"
expect_eq "$(sql merged "SELECT h.name || '→' || t.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id JOIN units h ON h.id = a.home_unit_id JOIN units t ON t.id = a.host_unit_id WHERE c.id_number = '110101199003071233'")" "威远县财政局→市财政局"
# The replaced report names its successor by the successor's new id.
expect_eq "$(sql merged "SELECT r.submitted_on || '→' || s.submitted_on FROM reports r JOIN reports s ON s.id = r.superseded_by JOIN assignments a ON a.id = r.assignment_id JOIN cadres c ON c.id = a.cadre_id WHERE c.id_number = '110101199003071233'")" "2008-11-05→2008-11-06"
run --db merged check
expect_rc 0
before=$(fingerprint merged)
run --db merged import-all county.json
expect_rc 0
expect_err "0 records added, 6 already recorded"
expect_eq "$(fingerprint merged)" "$before"

describe "undo reverts a whole merge, and the merge can be done again"
run --db merged undo
expect_rc 0
expect_err "undid change"
expect_eq "$(records merged)" "$(records db)"
run --db merged import-all county.json
expect_rc 0
expect_err "cadres: 1 added, 0 already recorded"

describe "merge: conflicting records are listed, nothing is written"
sqlite3 county "UPDATE cadres SET name = '张鑫'; UPDATE units SET kind = 'township' WHERE name = '市财政局'"
"$GUAZHI" --db county export all --format json --reveal-id -o conflict.json --force >/dev/null 2>&1
cp db target
before=$(fingerprint target)
run --db target import-all conflict.json
expect_rc 1
expect_err "conflict: units [name='市财政局']: kind is 'city_organ' here, 'township' in the file"
expect_err "1 conflict with the records in target; nothing was written"
expect_eq "$(fingerprint target)" "$before"
# The cadre is new to `target`, so only the unit conflicts there; in `merged` the cadre does too.
run --db merged import-all conflict.json
expect_rc 1
expect_err "conflict: cadres [id_number='110***********1233']: name is '张新' here, '张鑫' in the file"

describe "dry run: reports what would happen, writes nothing"
before=$(fingerprint target)
run --db target import-all county.json --dry-run
expect_rc 0
expect_err "would be added (dry run, nothing written)"
expect_eq "$(fingerprint target)" "$before"

describe "documents that cannot be imported are refused, naming the place"
before=$(fingerprint target)
run --db target import-all masked.json
expect_rc 1
expect_err "masked.json: its ID numbers are masked"
python3 - <<'PY'
import json
d = json.load(open("county.json"))
d["schema_version"] = 99
json.dump(d, open("v99.json", "w"))
d["schema_version"] = json.load(open("county.json"))["schema_version"]
d["tables"]["cadres"][0]["nickname"] = "x"
json.dump(d, open("column.json", "w"))
del d["tables"]["cadres"][0]["nickname"]
d["tables"] = {"assignments": d["tables"]["assignments"], "cadres": d["tables"]["cadres"]}
json.dump(d, open("order.json", "w"))
d["tables"] = {"staff": []}
json.dump(d, open("table.json", "w"))
d["tables"] = {"cadres": d["tables"]["staff"]}
d["tables"]["cadres"] = [{"id": 1}]
json.dump(d, open("missing.json", "w"))
PY
run --db target import-all v99.json
expect_rc 1
expect_err "v99.json: schema version 99"
run --db target import-all column.json
expect_rc 1
expect_err "column.json: tables.cadres[0]: no column 'nickname' in cadres"
run --db target import-all order.json
expect_rc 1
expect_err "order.json: tables.cadres: out of order or repeated"
run --db target import-all table.json
expect_rc 1
expect_err "table.json: tables.staff: no such table"
run --db target import-all missing.json
expect_rc 1
expect_err "missing.json: tables.cadres[0]: column 'id_number' is missing"
printf '{"format": "guazhi-all",\n "schema_version": 6,\n "id_numbers_masked": fals }' >broken.json
run --db target import-all broken.json
expect_rc 1
expect_err "broken.json: not a valid JSON document"
expect_err "line 3"
head -c 300 all.json >cut.json
run --db target import-all cut.json
expect_rc 1
expect_err "cut.json: not a valid JSON document"
printf 'id,name\n' >roster.csv
run --db target import-all roster.csv
expect_rc 1
expect_err "roster.csv: not a valid JSON document"
# A document that refers to a record it does not hold.
python3 -c '
import json
d = json.load(open("county.json"))
d["tables"]["units"] = []
json.dump(d, open("dangling.json", "w"))'
"$GUAZHI" --db fresh init >/dev/null 2>&1
run --db fresh import-all dangling.json
expect_rc 1
expect_err "refers to a record of units that neither the file nor the database holds"
expect_eq "$(sql fresh "SELECT count(*) FROM cadres")" "0"
expect_eq "$(fingerprint target)" "$before"

describe "export all: json and xlsx only; the JSON document is the whole database, unfiltered"
run --db db export all --format json --year 2006
expect_rc 2
expect_err "it takes no filters"
run --db db export all --format csv
expect_rc 2
expect_err "export all: --format xlsx (one sheet per dataset) or json"

finish
