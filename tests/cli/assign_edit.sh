# assign edit: a secondment's fields corrected. Every rule of a new row runs again with the
# assignment itself left out (units' kinds, overlap, the host's quota), and a moved date may
# not leave reports or assessments outside the term; a refusal names the rule and changes
# nothing; each edit is one logged change that undo reverts.
source "$(dirname "$0")/lib.sh" "$@"
export USER=测试员

new_db db

describe "a wrong 挂职职务 is corrected in place: listed as a diff, logged with who and why"
run --lang zh --db db assign edit 14 --host-post 科长助理 --reason 录入错误 --by 王科员
expect_rc 0
expect_err "挂职 #14 何俊杰 挂职职务: 预算科科长助理 → 科长助理"
expect_eq "$(sql db "SELECT host_post FROM assignments WHERE id = 14")" "科长助理"
expect_eq "$(sql db "SELECT by FROM changes ORDER BY id DESC LIMIT 1")" "王科员"
expect_eq "$(sql db "SELECT command LIKE '%--reason 录入错误%' FROM changes ORDER BY id DESC LIMIT 1")" "1"
run --lang zh --db db assign show 14
expect_line "^挂职职务 +科长助理$"
changes=$(sql db "SELECT count(*) FROM changes")
run --db db assign edit 14 --host-post 科长助理 --reason 录入错误
expect_rc 0
expect_err "already so; nothing changed"
expect_eq "$(sql db "SELECT count(*) FROM changes")" "$changes"

describe "undo reverts the edit"
run --db db undo
expect_rc 0
expect_eq "$(sql db "SELECT host_post FROM assignments WHERE id = 14")" "预算科科长助理"

describe "refused with nothing changed: no reason, no field, an unknown id, a value that does not read"
usage_refused assign edit 14 --host-post 科长助理 "--reason is required"
usage_refused assign edit 14 --reason x "nothing to change"
refused assign edit 999 --host-post x --reason x "no assignment #999"
refused assign edit 14 --start-date 2006-02-30 --reason x "--start-date"
refused assign edit 14 --end-date 2006-07-01 --reason x "--end-date: 2006-07-01 is before the start date 2006-08-01"
refused assign edit 14 --direction 横挂 --reason x "--direction"
refused assign edit 14 --batch-year 1900 --reason x "--batch-year: 1900 is outside 1949..2100"

describe "the unit kinds: a host of the wrong kind for the direction is refused"
refused assign edit 14 --host-unit 伏龙乡 --reason x "--host-unit: '伏龙乡' is recorded as 乡镇 (township)"

describe "the host's quota: a second secondee is refused unless overridden; an edit in place is not judged again"
refused assign edit 14 --host-unit 市文化局 --reason x "--host-unit: '市文化局' already receives 1 secondee(s) in batch 2006"
run --db db assign edit 14 --host-unit 市文化局 --override --reason 部务会研究同意
expect_rc 0
expect_err "override recorded"
expect_eq "$(sql db "SELECT kind || ' ' || reason FROM events WHERE assignment_id = 14 AND kind = 'quota_override'")" "quota_override 部务会研究同意"
run --db db assign edit 14 --host-post 文化科科长助理 --reason 录入错误
expect_rc 0
expect_eq "$(sql db "SELECT t.name || ' ' || a.host_post FROM assignments a JOIN units t ON t.id = a.host_unit_id WHERE a.id = 14")" "市文化局 文化科科长助理"
run --db db undo
run --db db undo
expect_eq "$(sql db "SELECT t.name || ' ' || a.host_post FROM assignments a JOIN units t ON t.id = a.host_unit_id WHERE a.id = 14")" "市财政局 预算科科长助理"

describe "overlap: moving a term onto another of the cadre's is refused, naming it"
run --db db assign add --id-number "$(sql db "SELECT c.id_number FROM cadres c JOIN assignments a ON a.cadre_id = c.id WHERE a.id = 14")" \
    --name 何俊杰 --political-status 中共党员 --home-unit 史家镇 --direction 上挂 --host-unit 市审计局 --start-date 2008-08-01
expect_rc 0
second=$(cat out.txt)
refused assign edit "$second" --start-date 2007-03-01 --reason x "overlaps assignment #14"
run --lang zh --db db assign edit "$second" --start-date 2007-09-01 --end-date 2008-08-31 --batch-year 2007 --reason 日期录错
expect_rc 0
expect_err "开始日期: 2008-08-01 → 2007-09-01"
expect_eq "$(sql db "SELECT start_date || ' ' || end_date || ' ' || batch_year FROM assignments WHERE id = $second")" "2007-09-01 2008-08-31 2007"
run --lang zh --db db stats --year 2007
expect_line "^挂职干部总数 +1$"

describe "a moved date may not leave records outside the term"
run --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05
expect_rc 0
run --db db appraise annual 14 --year 2007 --grade 优秀
expect_rc 0
refused assign edit 14 --start-date 2006-12-01 --reason x "--start-date: report #1 (Q1, 2006-08-01..2006-10-31) would fall outside the term"
refused assign edit 14 --end-date 2006-12-31 --reason x "the annual assessment of 2007 would fall outside the term"

describe "a new home unit has its level inferred, not the old one's carried over"
run --db db assign edit 14 --home-unit 隆昌县财政局 --reason 录入错误
expect_rc 0
expect_eq "$(sql db "SELECT h.name || ' ' || h.kind FROM assignments a JOIN units h ON h.id = a.home_unit_id WHERE a.id = 14")" "隆昌县财政局 county_dept"
run --db db check
expect_rc 0

describe "notes: corrected or deleted by their event id, shown in assign show; a term's change is not a note"
run --db db assign note 14 --kind talk --date 2006-10-09 --text 谈心
expect_rc 0
note=$(sql db "SELECT max(id) FROM events WHERE kind = 'talk'")
run --lang zh --db db assign show 14
expect_line "谈心谈话.*#$note$"
run --db db assign note-edit "$note" --text 谈心谈话了解思想 --date 2006-10-10 --reason 补全
expect_rc 0
expect_eq "$(sql db "SELECT date || ' ' || json_extract(details, '$.text') FROM events WHERE id = $note")" "2006-10-10 谈心谈话了解思想"
usage_refused assign note-edit "$note" --reason x "nothing to change"
refused assign note-edit "$note" --kind 开会 --reason x "unknown note kind"
refused assign note-edit 9999 --text x --reason x "no event #9999"
run --db db assign complete 15 --handover 已交接
expect_rc 0
completed=$(sql db "SELECT id FROM events WHERE kind = 'completed' AND assignment_id = 15")
refused assign note-delete "$completed" --reason x "is a completed event, a change of the term, not a note"
run --db db assign note-delete "$note" --reason 重复录入
expect_rc 0
expect_eq "$(sql db "SELECT count(*) FROM events WHERE id = $note")" "0"
run --db db undo
expect_rc 0
expect_eq "$(sql db "SELECT date FROM events WHERE id = $note")" "2006-10-10"

finish
