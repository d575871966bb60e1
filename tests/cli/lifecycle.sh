# The life of a secondment: appointment, notes, extension, recall, completion, follow-up,
# and the listings that find what is missing. Refusals leave the database unchanged.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
# In the example roster: 14 何俊杰 (up, Party member, 选调生), 20 周敏 (up), 21 胡振华 (up,
# non-Party), 22 曾庆 (up), 35 付强 (down, non-Party).
name_of() { sql db "SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = $1"; }
expect_eq "$(name_of 14) $(name_of 21) $(name_of 35)" "何俊杰 胡振华 付强"

describe "appointment: election for 下派, the United Front copy for non-Party cadres"
expect_eq "$("$GUAZHI" --db db assign list --pending election --format csv 2>/dev/null | tail -n +2 | wc -l)" 6
run --db db assign appoint 35 --post-level 副镇长 --doc-number "内组干[2006]12号" --doc-date 2006-08-01 \
    --election-date 2006-09-12 --election-result elected --united-front 2006-08-20 --by 王科员
expect_rc 0
expect_err "assignment #35: appointment recorded"
expect_eq "$("$GUAZHI" --db db assign list --pending election --format csv 2>/dev/null | tail -n +2 | wc -l)" 5
expect_eq "$(sql db "SELECT election_result || ' ' || united_front_on || ' ' || doc_number FROM appointments WHERE assignment_id = 35")" "elected 2006-08-20 内组干[2006]12号"
expect_eq "$(sql db "SELECT recorded_by FROM events WHERE assignment_id = 35 AND kind = 'appointment'")" "王科员"
run --db db assign appoint 35 --mentor 李镇长
expect_eq "$(sql db "SELECT mentor || ' ' || election_result FROM appointments WHERE assignment_id = 35")" "李镇长 elected"
refused assign appoint 14 --election-date 2006-09-12 "only down-dispatched (下派) cadres are elected"
refused assign appoint 14 --united-front 2006-08-20 "何俊杰 is not a non-Party cadre"
refused assign appoint 21 --party-transfer 2006-08-10 "胡振华 is not a CPC member"
refused assign appoint 9999 --mentor x "no assignment #9999"
run --db db assign appoint 14
expect_rc 1
expect_err "nothing to record"
run --db db assign list --pending united-front --year 2006 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 12
run --db db assign list --pending party_transfer --year 2006 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 14

describe "notes and the inspection window"
run --db db assign list --no-inspection --as-of 2007-06-15 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 27
run --db db assign note 14 --kind 考察 --date 2007-06-20 --text "县委组织部考察，表现优秀"
expect_rc 0
run --db db assign list --no-inspection --as-of 2007-06-15 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 26
run --db db assign list --no-inspection --as-of 2007-01-01 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 0
run --db db assign note 14 --kind gossip --date 2007-06-20 --text x
expect_rc 2

describe "extension needs the home unit's consent"
refused assign extend 20 --until 2007-10-31 "an extension needs the home unit's consent"
refused assign extend 20 --until 2007-07-01 --home-consent 函 "is not after the current end of the term 2007-07-31"
run --db db assign extend 20 --until 2007-10-31 --home-consent "威远县建设局函 2007-07-20" --reason 项目收尾
expect_rc 0
expect_eq "$(sql db 'SELECT extended_until FROM assignments WHERE id = 20')" "2007-10-31"
# The extended term counts when a new secondment of the same cadre is checked for overlap.
id20=$(sql db "SELECT c.id_number FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 20")
refused assign add --id-number "$id20" --name 周敏 --political-status 中共党员 --home-unit 威远县建设局 \
    --direction up --host-unit 市外事办 --start-date 2007-09-01 "overlaps assignment #20 (2006-08-01..2007-10-31"
run --lang zh --db db assign list --status extended --as-of 2007-09-01 --format csv
expect_out "20,周敏"
expect_out "2006-08-01~2007-10-31,延长"
run --db db assign list --status completed --as-of 2007-09-01 --year 2006 --format csv
expect_no_out "20,周敏"

describe "recall: promotion or the education campaign; special work needs the host's consent"
refused assign recall 21 --date 2007-03-31 --reason special "needs the host unit's consent"
refused assign recall 21 --date 2007-08-15 --reason promotion "must fall within the term"
run --db db assign recall 21 --date 2007-03-31 --reason 提拔使用
expect_rc 0
expect_eq "$(sql db "SELECT recalled_on || ' ' || recall_reason FROM assignments WHERE id = 21")" "2007-03-31 promotion"
refused assign recall 21 --date 2007-02-01 --reason promotion "already recalled"
refused assign extend 21 --until 2007-12-31 --home-consent x "was recalled"
run --db db assign list --status recalled --as-of 2007-04-01 --format csv
expect_out "21,胡振华"
run --db db assign list --status active --as-of 2007-04-01 --year 2006 --format csv
expect_no_out "21,胡振华"
expect_eq "$(tail -n +2 out.txt | wc -l)" 26
run --db db assign recall 22 --date 2007-01-31 --reason special --host-consent "市商务局同意 2007-01-20"
expect_rc 0

describe "completion: handover and arrangement, at the end of the term"
refused assign complete 14 --date 2007-06-30 "an early end is a recall"
refused assign complete 21 "cannot be completed"
run --db db assign complete 14 --handover 已完成 --unfinished "预算调研报告交科长" --arrangement "回原单位任预算股股长"
expect_rc 0
expect_err "completion on 2007-07-31 recorded"
refused assign complete 14 "already recorded"
refused assign extend 14 --until 2007-12-31 --home-consent 同意 "its completion was recorded on 2007-07-31; the term is closed"
refused assign recall 14 --date 2007-05-01 --reason promotion "the term is closed"

describe "follow-up after return, and who is not yet promoted"
run --db db assign list --returned --not-promoted --year 2006 --as-of 2008-01-01 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 27
run --db db assign follow-up 14 --post 资中县财政局副局长 --date 2008-03-01 --promotion
expect_rc 0
id37=$(sql db "SELECT c.id_number FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = 37")
run --db db assign follow-up "$id37" --post 市档案局科长 --date 2008-05-01
expect_rc 0
run --db db assign list --returned --not-promoted --year 2006 --as-of 2008-06-01 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 26
expect_no_out "14,何俊杰"
run --db db assign list --returned --year 2006 --as-of 2007-06-01 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 2
refused assign follow-up 14 --post x --date 2006-01-01 "is not after the cadre's first secondment began"
refused assign follow-up 511025198003150018 --post x --date 2008-01-01 "no cadre with ID number 511***********0018"

describe "show prints the appointment and the whole history"
run --lang zh --db db assign show 35
expect_line "^人代会选举 +2006-09-12 当选$"
expect_line "^传帮带 +李镇长$"
expect_line "^履历$"
expect_line "任职 .*王科员  #[0-9]+$"
run --lang zh --db db assign show 21
expect_line "^中途抽回 +2007-03-31 \(提拔使用\)$"
expect_line "^  2007-03-31  中途抽回  \[提拔使用\]"
run --db db --lang en assign show 20 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(d["extended_until"], d["effective_end"], d["status"], [e["kind"] for e in d["events"]], d["events"][0]["details"]["home_consent"])')" \
    "2007-10-31 2007-10-31 completed ['extended'] 威远县建设局函 2007-07-20"
run --db db assign show 14 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print([e["kind"] for e in d["events"]])')" \
    "['inspection', 'completed', 'follow_up']"

describe "the JSON export carries events, and events export on their own"
run --db db export assignments --format json --year 2006
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(sum(len(a["events"]) for a in d), sum(1 for a in d if a["appointment"]["election_result"] == "elected"))')" \
    "$(sql db 'SELECT count(*) FROM events') 1"
run --lang zh --db db export events --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" "$(sql db 'SELECT count(*) FROM events')"
expect_out "21,胡振华,中途抽回,2007-03-31"
run --db db export events --format json
expect_out '"kind": "recalled"'

finish
