# export assignments: canonical CSV that round-trips byte for byte, masking, JSON, -o.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

describe "export → import into a fresh database → export is byte-identical"
run --db db export assignments --reveal-id -o first.csv
expect_rc 0
expect_err "exported 40 rows of assignments to first.csv"
expect_err "warning: the export holds complete ID numbers (--reveal-id); keep it safe (the file is readable only by you)"
expect_out_empty
expect_eq "$(head -1 first.csv)" "id_number,name,gender,ethnicity,birth_date,political_status,education,categories,home_unit,home_county,home_level,home_post,direction,host_unit,host_post,start_date,end_date,batch_year,education_fulltime,education_inservice,native_place,started_work,joined_party,rank,phone,remark,programme"
expect_eq "$(wc -l <first.csv)" 41
"$GUAZHI" --db fresh.db init 2>/dev/null
run --db fresh.db assign import first.csv
expect_rc 0
expect_err "40 added"
"$GUAZHI" --db fresh.db export assignments --reveal-id -o second.csv 2>/dev/null
checks=$((checks + 1)); cmp -s first.csv second.csv || fail "second export differs"
run --lang zh --db fresh.db stats --year 2006 --format csv
expect_out "non_party,党外干部,13,27,48.1%"

describe "ID numbers are masked by default, and the message says how to get them"
run --db db export assignments --year 2006
expect_rc 0
expect_err "ID numbers masked; --reveal-id"
# The same summaries in the default language, Chinese (no --lang, no GUAZHI_LANG).
env -u GUAZHI_LANG "$GUAZHI" --db db export assignments --year 2006 >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_err "已导出 assignments 共 27 行（身份证号已隐去中间部分；要导出完整号码，例如供在别处导入，请加 --reveal-id）"
env -u GUAZHI_LANG "$GUAZHI" --db db export assignments --year 2006 --reveal-id -o zh.csv >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_err "已导出 assignments 共 27 行到 zh.csv"
expect_err "警告：导出内容含完整身份证号（--reveal-id），请妥善保管（该文件只有您本人可读）"
env -u GUAZHI_LANG "$GUAZHI" --db db export assignments --year 2006 -o zh.csv >out.txt 2>err.txt
rc=$?
expect_rc 1
expect_err "guazhi: -o zh.csv: 文件已存在；--force 可替换"
run --db db export assignments --year 2006
expect_eq "$(tail -n +2 out.txt | cut -d, -f1 | grep -cvE '^511\*{11}[0-9X]{4}$')" 0
expect_eq "$(wc -l <out.txt)" 28
# The full birth date is the ID's digits 7..14: with a masked ID only the month is shown.
expect_eq "$(tail -n +2 out.txt | cut -d, -f5 | grep -cvE '^[0-9]{4}-[0-9]{2}$')" 0
run --db db export assignments -o db
expect_rc 1
expect_err "-o db: that is the database itself"
expect_eq "$(sql db 'SELECT count(*) FROM assignments')" 40

describe "an export with full ID numbers is created private (0600)"
run --db db export assignments --reveal-id -o private.csv
expect_rc 0
expect_eq "$(stat -c %a private.csv)" 600

describe "filters and JSON"
run --db db export assignments --format json --non-party
expect_rc 0
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(len(d), all(r["non_party"] for r in d), sorted({r["direction"] for r in d}))')" \
    "13 True ['down', 'up']"
run --db db export assignments --format table
expect_rc 2

describe "-o never leaves a half-written file"
echo "old content" >kept.csv
run --db db export assignments -o kept.csv --as-of nonsense
expect_rc 2
expect_eq "$(cat kept.csv)" "old content"
checks=$((checks + 1)); [ -z "$(ls | grep '\.tmp-')" ] || fail "temporary file left behind"
run --db db export assignments -o no/such/dir.csv
expect_rc 1
expect_err "no/such/dir.csv: cannot create the file"

finish
