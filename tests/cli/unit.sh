# unit list and unit set: correcting a guessed kind or a county.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

describe "list counts what each unit sent and received"
run --lang zh --db db unit list --kind 乡镇 --format csv
expect_rc 0
expect_eq "$(head -1 out.txt)" "单位,层级,所属县区,派出,接收"
expect_out "越溪镇,乡镇,威远县,1,0"
expect_out "白马镇,乡镇,,0,1"
run --db db unit list --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(len(d), sum(u["received"] for u in d), sum(u["sent"] for u in d))')" "$(sql db 'SELECT count(*) FROM units') 40 40"

describe "set corrects a kind or county; a host keeps the kind its secondments need"
"$GUAZHI" --db db assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 \
    --home-unit 档案馆 --direction up --host-unit 市外事办 --start-date 2008-08-01 >/dev/null 2>&1
expect_eq "$(sql db "SELECT kind FROM units WHERE name = '档案馆'")" "county_dept"
run --lang zh --db db unit set 档案馆 --kind 市级机关 --county 市直
expect_rc 0
expect_err "档案馆: 县区部门  → 市级机关 市直"
expect_eq "$(sql db "SELECT kind || '/' || county FROM units WHERE name = '档案馆'")" "city_organ/市直"
before=$(fingerprint db)
run --db db unit set 市外事办 --kind 乡镇
expect_rc 1
expect_err "'市外事办' receives 1 上挂 secondee(s), so it must stay 市级机关 (city_organ); nothing was changed"
run --db db unit set 市无此局 --county 东兴区
expect_rc 1
expect_err "no unit named '市无此局' is recorded"
run --db db unit set 档案馆
expect_rc 1
expect_err "give --kind and/or --county"
run --db db unit set 档案馆 --kind 省级
expect_rc 2
expect_eq "$(fingerprint db)" "$before"

finish
