# cadre show / cadre edit: a cadre's record over time. A dated change (政治面貌 from a day on)
# leaves the figures of the batches before it as they were and counts in the later ones —
# stats, listings, exports, lrmx, the United Front list, and the import's comparison; a
# correction keeps the old value (cadre show --history); both are logged and undone; a refusal
# changes nothing.
source "$(dirname "$0")/lib.sh" "$@"
export USER=测试员
HU=511002196901140336 # 胡振华, 无党派人士, batch 2006 (assignment 21)

new_db db

# A 2009 secondment of 胡振华 as a roster row gives it: a Party member by then.
roster_2009() {
    printf '身份证号,姓名,政治面貌,派出单位,所属县区,原单位层级,原职务,挂职类型,接收单位,挂职职务,开始日期,结束日期,年度\n'
    printf '%s,胡振华,%s,伏龙乡,市中区,乡镇,农业服务中心主任,上挂,市科技局,科长助理,2009-08-01,2010-07-31,2009\n' "$HU" "$1"
}

describe "before any change: the seed's figures for 2006"
run --lang zh --db db stats --year 2006
expect_line "^党外干部 +13 +27 +48\.1%"

describe "cadre show: the profile, by ID number or an assignment id; the ID number masked"
run --lang zh --db db cadre show 21
expect_rc 0
expect_line "^姓名 +胡振华$"
expect_line "^政治面貌 +无党派人士$"
expect_line "^挂职记录 +#21$"
expect_out "511***********0336"
expect_no_out "$HU"
run --db db cadre show "$HU" --reveal-id
expect_rc 0
expect_out "$HU"
run --db db cadre show 999
expect_rc 1
expect_err "no assignment #999"

describe "refused with nothing changed: no --since for a dated field, an unknown value, a day ahead, no reason"
refused cadre edit "$HU" --political-status 中共党员 "political_status changes on a date: give --since DATE"
refused cadre edit "$HU" --political-status 党员吗 --since 2008-07-01 "--political-status: unknown political status '党员吗'"
refused cadre edit "$HU" --political-status 中共党员 --since 2999-01-01 "--since: 2999-01-01 is after today"
refused cadre edit "$HU" --name 胡振化 "correcting name needs --reason"
refused cadre edit "$HU" --name 胡振化 --since 2008-07-01 --reason x "name does not change over time"
usage_refused cadre edit "$HU" --political-status 中共党员 --since 2008-13-01 "--since"
usage_refused cadre edit "$HU" --reason x "nothing to change"
refused cadre edit 511002196901140337 --name x --reason x "neither an assignment id nor an ID number"
expect_eq "$(sql db "SELECT count(*) FROM cadre_values") $(sql db "SELECT count(*) FROM changes")" "0 1"

describe "a dated change: 胡振华 joins the Party on 2008-07-01"
run --lang zh --db db cadre edit "$HU" --political-status 中共党员 --since 2008-07-01 --reason 入党 --by 王科员
expect_rc 0
expect_err "胡振华 政治面貌: 无党派人士 → 中共党员（2008-07-01 起）"
expect_eq "$(sql db "SELECT attribute, since, value, reason, recorded_by FROM cadre_values")" "political_status|2008-07-01|cpc_member|入党|王科员"
expect_eq "$(sql db "SELECT political_status, dated_values FROM cadres WHERE id_number = '$HU'")" "non_partisan|1"
expect_eq "$(sql db "SELECT by FROM changes ORDER BY id DESC LIMIT 1")" "王科员"
run --lang zh --db db cadre edit "$HU" --political-status 中共党员 --since 2008-07-01
expect_rc 0
expect_err "已是如此，未作改动"
expect_eq "$(sql db "SELECT count(*) FROM changes")" "2"
run --db db check
expect_rc 0

describe "the 2006 batch keeps its figures: 13 non-Party, 48.1%, 胡振华 among them"
run --lang zh --db db stats --year 2006
expect_line "^党外干部 +13 +27 +48\.1%"
run --db db stats --year 2006 --by party --format csv
expect_out "non_party,13"
run --db db assign list --year 2006 --non-party --format csv
expect_out "胡振华"
run --lang zh --db db assign show 21
expect_line "^政治面貌 +无党派人士（党外干部）"
run --db db export united-front --year 2006 --format csv
expect_out "胡振华"
run --db db export lrmx 21
expect_out "无党派人士"

describe "cadre show: today's profile, and the history of the dated field"
run --lang zh --db db cadre show 21
expect_line "^政治面貌 +中共党员$"
expect_line "首次记录起 +无党派人士"
expect_line "2008-07-01 起 +中共党员（入党）"
run --db db cadre show 21 --format json
expect_out '"current": {'
expect_out '"political_status": "cpc_member"'
expect_out '"first_recorded": {'
expect_out '"political_status": "non_partisan"'
expect_out '"since": "2008-07-01"'
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["dated_values"][0]["value"]=="cpc_member" and d["assignments"]==[21]' <out.txt
expect_eq "$?" "0"

describe "a 2009 secondment of him is a Party member's: the roster row agrees, and the figures count him so"
roster_2009 中共党员 >r2009.csv
run --db db assign import r2009.csv
expect_rc 0
expect_err "1 added"
id2009=$(sql db "SELECT a.id FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE c.id_number = '$HU' AND a.batch_year = 2009")
run --lang zh --db db stats --year 2009
expect_line "^挂职干部总数 +1$"
expect_line "^党外干部 +0 +1 +0\.0%"
run --db db assign list --year 2009 --non-party --format csv
expect_no_out "胡振华"
run --db db assign list --year 2009 --format json
expect_out '"political_status":"cpc_member"'
run --db db export united-front --year 2009 --format csv
expect_no_out "胡振华"
run --db db export lrmx "$id2009"
expect_out "中共党员"
run --db db export lrmx "$HU"
expect_out "中共党员"
run --db db assign list --pending party_transfer --year 2009 --format csv
expect_out "胡振华"
run --db db assign list --pending party_transfer --year 2006 --format csv
expect_no_out "胡振华"

describe "without the dated change the same row is refused as other data"
new_db other
run --db other assign import r2009.csv
expect_rc 1
expect_err "511***********0336 is recorded with other data — 胡振华 政治面貌: 无党派人士 → 中共党员 (to record the file's values give --update"

describe "assign import --update: the difference recorded as a dated change from the row's start, one logged change"
run --db other assign import r2009.csv --update --dry-run
expect_rc 0
expect_err "r2009.csv:2: 胡振华 政治面貌: 无党派人士 → 中共党员（2009-08-01 起）"
expect_err "would change (dry run)"
expect_eq "$(sql other "SELECT count(*) FROM cadre_values")" "0"
changes=$(sql other "SELECT count(*) FROM changes")
run --db other assign import r2009.csv --update
expect_rc 0
expect_err "r2009.csv:2: 胡振华 政治面貌: 无党派人士 → 中共党员（2009-08-01 起）"
expect_err "1 added"
expect_eq "$(sql other "SELECT attribute, since, value FROM cadre_values")" "political_status|2009-08-01|cpc_member"
expect_eq "$(sql other "SELECT count(*) FROM changes")" "$((changes + 1))"
run --lang zh --db other stats --year 2006
expect_line "^党外干部 +13 +27 +48\.1%"
run --lang zh --db other stats --year 2009
expect_line "^党外干部 +0 +1 +0\.0%"
run --db other undo
expect_rc 0
expect_eq "$(sql other "SELECT count(*) FROM cadre_values") $(sql other "SELECT count(*) FROM assignments WHERE batch_year = 2009")" "0 0"
run --db other assign import r2009.csv --update --since 2008-07-01
expect_rc 0
expect_eq "$(sql other "SELECT since FROM cadre_values")" "2008-07-01"
usage_refused assign import r2009.csv --since 2008-07-01 "--since goes with --update"

describe "--update corrects a field that does not change over time, and refuses two rows of one file that disagree"
printf '身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期\n%s,胡振化,中共党员,伏龙乡,上挂,市水务局,2011-08-01\n' "$HU" >rename.csv
run --db other assign import rename.csv --update
expect_rc 0
expect_err "胡振华 姓名: 胡振华 → 胡振化"
expect_eq "$(sql other "SELECT name FROM cadres WHERE id_number = '$HU'")" "胡振化"
expect_eq "$(sql other "SELECT field, before, after, reason FROM cadre_corrections")" "name|胡振华|胡振化|import"
printf '身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期\n511025198003150018,张明,中共党员,资中县财政局,上挂,市侨办,2012-08-01\n511025198003150018,张敏,中共党员,资中县财政局,上挂,市侨办,2013-08-01\n' >twice.csv
before=$(fingerprint other)
run --db other assign import twice.csv --update
expect_rc 1
expect_err "twice.csv:3: 身份证号: 511***********0018 is recorded with other data — 张明 姓名: 张明 → 张敏"
expect_eq "$(fingerprint other)" "$before"

describe "dated categories: 县级后备干部 from 2009 counts in 2009, not in 2006"
run --lang zh --db db stats --year 2006
expect_line "^县级后备干部 +4 +27"
run --lang zh --db db cadre edit "$HU" --categories 县级后备干部 --since 2009-01-01
expect_rc 0
expect_err "胡振华 干部类别: — → 县级后备干部（2009-01-01 起）"
run --lang zh --db db stats --year 2006
expect_line "^县级后备干部 +4 +27"
run --lang zh --db db stats --year 2009
expect_line "^县级后备干部 +1 +1"
run --db db stats --year 2009 --by category --format csv
expect_out "county_reserve,1"
run --db db assign list --year 2009 --category 县级后备干部 --format csv
expect_out "胡振华"
run --db db assign list --year 2006 --category 县级后备干部 --format csv
expect_no_out "胡振华"
run --db db check
expect_rc 0

describe "a correction: the name, with its reason; the old one in cadre show --history"
before=$(records db)
run --lang zh --db db cadre edit "$HU" --name 胡振化 --reason 录入错误
expect_rc 0
expect_err "胡振华 姓名: 胡振华 → 胡振化"
expect_eq "$(sql db "SELECT name FROM cadres WHERE id_number = '$HU'")" "胡振化"
expect_eq "$(sql db "SELECT field, before, after, reason FROM cadre_corrections")" "name|胡振华|胡振化|录入错误"
run --lang zh --db db cadre show "$HU" --history
expect_line "姓名: 胡振华 → 胡振化 +测试员 原因:录入错误"
run --lang zh --db db cadre show "$HU"
expect_no_out "更正记录"
run --db db assign list --year 2006 --format csv
expect_out "胡振化"

describe "the phone is masked in the history too"
run --db db cadre edit "$HU" --phone 13800001234 --reason 补录
expect_rc 0
run --db db cadre show "$HU" --history --format json
expect_no_out "13800001234"
run --db db cadre edit "$HU" --phone 123 --reason 补录
expect_rc 1
expect_err "--phone: is not a telephone number"

describe "undo reverts a correction, then the dated changes; the figures are the first ones again"
run --db db undo
expect_rc 0
run --db db undo
expect_rc 0
expect_eq "$(records db)" "$before"
expect_eq "$(sql db "SELECT name FROM cadres WHERE id_number = '$HU'")" "胡振华"
for change in categories import political_status; do
    run --db db undo
    expect_rc 0
done
expect_eq "$(sql db "SELECT count(*) FROM cadre_values") $(sql db "SELECT dated_values FROM cadres WHERE id_number = '$HU'")" "0 0"
run --lang zh --db db stats --year 2006
expect_line "^党外干部 +13 +27 +48\.1%"
run --db db check
expect_rc 0

describe "--since first corrects the value recorded first, with a reason"
refused cadre edit "$HU" --political-status 民革会员 --since first "correcting political_status needs --reason"
run --db db cadre edit "$HU" --political-status 民革会员 --since first --reason 录入错误
expect_rc 0
expect_eq "$(sql db "SELECT political_status FROM cadres WHERE id_number = '$HU'")" "rcckmt"
run --lang zh --db db stats --year 2006
expect_line "^党外干部 +13 +27 +48\.1%"

describe "English messages"
run --db db --lang en cadre edit "$HU" --rank 一级主任科员 --since 2010-01-01
expect_rc 0
expect_err "胡振华 rank: — → 一级主任科员 (from 2010-01-01)"

finish
