# assign add and assign show.
source "$(dirname "$0")/lib.sh" "$@"

"$GUAZHI" --db db init 2>/dev/null
ADD=(--db db assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员
     --home-unit 资中县财政局 --home-county 资中县 --direction 上挂 --host-unit 市财政局
     --host-post 科长助理 --start-date 2006/8/1)

describe "add records the cadre, units and assignment; the id goes to stdout"
run --lang zh "${ADD[@]}"
expect_rc 0
expect_eq "$(cat out.txt)" "1"
expect_err "已记录挂职 #1: 张明 上挂 资中县财政局 → 市财政局，2006-08-01 ~ 2007-07-31"
expect_eq "$(sql db "SELECT gender || ' ' || birth_date FROM cadres")" "male 1980-03-15"
expect_eq "$(sql db "SELECT name || ':' || kind || ':' || county FROM units ORDER BY id")" "资中县财政局:county_dept:资中县
市财政局:city_organ:"

describe "the same secondment again is recognised, not duplicated"
run "${ADD[@]}"
expect_rc 0
expect_err "already recorded as assignment #1; nothing added"
expect_eq "$(sql db 'SELECT count(*) FROM assignments')" 1

describe "refusals name the flag and change nothing"
before=$(fingerprint db)
run "${ADD[@]}" --host-unit 市教育局 --start-date 2007-01-01
expect_rc 1
expect_err "--start-date: the term 2007-01-01..2007-12-31 overlaps assignment #1"
run "${ADD[@]}" --name 张敏 --start-date 2009-08-01
expect_rc 1
expect_err "--id-number: 511***********0018 is recorded with other data — 张明 姓名: 张明 → 张敏"
run "${ADD[@]}" --id-number 511025198003150017 --start-date 2009-08-01
expect_rc 1
expect_err "--id-number: ID number '511***********0017' has a wrong check digit (expected 8)"
run "${ADD[@]}" --start-date 2009-08-01 --end-date 2009-07-01
expect_rc 1
expect_err "--end-date: 2009-07-01 is before the start date 2009-08-01"
run "${ADD[@]}" --start-date 2009-08-01 --gender 女
expect_rc 1
expect_err "--gender: '女' does not agree with the ID number (男)"
run "${ADD[@]}" --start-date 2009-08-01 --home-level 乡镇
expect_rc 1
expect_err "--home-unit: '资中县财政局' is recorded as 县区部门 (county_dept), the row says 乡镇 (township)"
run "${ADD[@]}" --start-date 2009-08-01 --direction 下派
expect_rc 1
expect_err "--host-unit: '市财政局' is recorded as 市级机关 (city_organ), the row says 乡镇 (township)"
expect_eq "$(fingerprint db)" "$before"
run --db db assign add --name 张明
expect_rc 2
expect_err "--id-number is required"

describe "show prints the assignment with its cadre, ID masked unless asked"
run --lang zh --db db assign show 1
expect_rc 0
expect_line "^身份证号 +511\*{11}0018$"
expect_line "^派出单位 +资中县财政局 \(县区部门, 资中县\)$"
expect_line "^起止时间 +2006-08-01 ~ 2007-07-31$"
expect_line "^状态 +期满$"
run --db db --lang en assign show 1
expect_line "^status +completed$"
expect_line "^direction +up$"
run --db db assign show 1 --format json --reveal-id
expect_rc 0
expect_eq "$(python3 -c 'import json,sys; d=json.load(open("out.txt")); print(d["id"], d["id_number"], d["direction"], d["end_date"], d["status"], d["non_party"], d["categories"])')" \
    "1 511025198003150018 up 2007-07-31 completed False []"
run --db db assign show 7
expect_rc 1
expect_err "no assignment #7"

finish
