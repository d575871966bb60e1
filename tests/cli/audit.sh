# The audit log and undo: every command that changes records logs one change (who, the command
# line, each row before and after); undo reverts the latest exactly, is logged itself, steps
# further back when run again, and refuses — changing nothing — when records are no longer as
# the change left them or records added since depend on it.
source "$(dirname "$0")/lib.sh" "$@"
export USER=测试员

changes() { sql "$1" "SELECT count(*) FROM changes"; }

"$GUAZHI" --db db init >/dev/null 2>&1
describe "an import is one change: who (--by), when, the command line, every row"
run --db db assign import "$EXAMPLE" --by 王科员
expect_rc 0
run --db db log --format json
expect_rc 0
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); c=d[0]; print(len(d), c["id"], c["by"], c["rows"], repr(c["state"]), c["command"].endswith("assign import '"$EXAMPLE"' --by 王科员"))')" "1 1 王科员 168 '' True"
run --db db log --change 1 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); a=[r for r in d if r["table"]=="assignments"]; print(len(d), len(a), a[0]["op"], a[0]["before"], a[0]["after"]["start_date"])')" "168 40 insert None 2005-08-01"
run --db db log
expect_line "^ +1 +20[0-9-]+T[0-9:]+Z +王科员 +guazhi --db db assign import .* +168 *$"
run --db db --lang en log --format csv
expect_out "id,at (UTC),by,command,rows,state"
run --lang zh --db db log --format csv
expect_out "编号,时间(UTC),操作人,命令,记录数,状态"

describe "every command that changes records logs exactly one change, and undo restores the records exactly"
final_appraisal_toml 表现优秀 >鉴定.toml
printf 'report' >r.docx
# USER|COMMAND: who the change is logged as (--by names the clerk everywhere, appraise too,
# whose unit is --unit; without --by it is $USER; unit set names none).
commands=(
    "李科员|assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 --home-unit 资中县财政局 --home-county 资中县 --direction 上挂 --host-unit 市财政局 --host-post 科长助理 --start-date 2008/8/1 --by 李科员"
    "李科员|assign extend 20 --until 2007-10-31 --home-consent 函 --reason 项目收尾 --by 李科员"
    "李科员|assign recall 21 --date 2007-03-31 --reason 提拔使用 --by 李科员"
    "李科员|assign appoint 35 --post-level 副镇长 --doc-number 内组干12号 --doc-date 2006-08-01 --by 李科员"
    "李科员|assign note 14 --kind 考察 --date 2007-06-20 --text 表现优秀 --by 李科员"
    "李科员|assign apply --host 市财政局 --year 2006 --requested 2 --by 李科员"
    "李科员|report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach r.docx --by 李科员"
    "王科员|appraise annual 14 --year 2006 --grade 优秀 --votes 优秀=18,称职=6 --unit 市财政局 --by 王科员"
    "测试员|appraise final 14 --from 鉴定.toml"
    "测试员|unit set 市财政局 --county 市直"
)
for entry in "${commands[@]}"; do
    who=${entry%%|*}
    c=${entry#*|}
    describe "logged and undone: $c"
    before=$(records db)
    n=$(changes db)
    # shellcheck disable=SC2086
    run --db db $c
    expect_rc 0
    expect_eq "$(changes db)" "$((n + 1))"
    expect_eq "$(sql db "SELECT by FROM changes ORDER BY id DESC LIMIT 1")" "$who"
    checks=$((checks + 1))
    [ "$(records db)" != "$before" ] || fail "the command changed no record"
    run --db db undo
    expect_rc 0
    expect_err "undid change #$((n + 1))"
    expect_eq "$(records db)" "$before"
    expect_eq "$(sql db "SELECT undone_by FROM changes WHERE id = $((n + 1))")" "$((n + 2))"
    # Keep the change for the next command to build on.
    # shellcheck disable=SC2086
    "$GUAZHI" --db db $c >/dev/null 2>&1
done
run --db db check
expect_rc 0

describe "a refused command logs nothing"
n=$(changes db)
run --db db assign extend 20 --until 2001-01-01 --home-consent 函 --reason x
expect_rc 1
expect_eq "$(changes db)" "$n"

describe "undo steps back one change at a time; dry run changes nothing"
n=$(changes db)
before=$(fingerprint db)
run --db db undo --dry-run
expect_rc 0
expect_err "would undo change #$n"
expect_err "(dry run, nothing written)"
expect_eq "$(fingerprint db)" "$before"
run --db db undo
expect_err "undid change #$n (" # unit set, run again after its undo (n - 1) of n - 2
run --db db undo
expect_err "undid change #$((n - 3)) (" # appraise final, run again
run --db db log --since 2000-01-01 --by 测试员
expect_rc 0
expect_out "guazhi --db db undo"

describe "undo refuses, changing nothing, when a record was changed outside guazhi"
sqlite3 db "UPDATE assignments SET host_post = '改过' WHERE id = (SELECT max(id) FROM assignments)"
"$GUAZHI" --db db assign add --id-number 511025198106150010 --name 李华 --political-status 群众 --home-unit 资中县财政局 --home-county 资中县 --direction 上挂 --host-unit 市财政局 --host-post 科员 --start-date 2009/8/1 >/dev/null 2>&1
sqlite3 db "UPDATE assignments SET host_post = '手改' WHERE id = (SELECT max(id) FROM assignments)"
before=$(fingerprint db)
run --db db undo
expect_rc 1
expect_err "is no longer as it left it"
expect_err "Nothing was undone."
expect_eq "$(fingerprint db)" "$before"

describe "undo refuses when records added since depend on what the change added"
sqlite3 db "UPDATE assignments SET host_post = '科员' WHERE id = (SELECT max(id) FROM assignments)"
sqlite3 db "INSERT INTO reports (assignment_id, kind, period, period_start, period_end, submitted_on, recipient, recorded_by) SELECT max(id), 'quarterly', 'Q1', '2009-08-01', '2009-10-31', '2009-11-01', 'home', 'x' FROM assignments"
before=$(fingerprint db)
run --db db undo
expect_rc 1
expect_err "records added since depend on"
expect_eq "$(fingerprint db)" "$before"

describe "an id freed by undo is never handed out again (ids are written on paper)"
"$GUAZHI" --db ids init >/dev/null 2>&1
"$GUAZHI" --db ids assign import "$EXAMPLE" >/dev/null 2>&1
add_cadre() {
    run --db ids assign add --id-number "$1" --name 张明 --political-status 中共党员 --home-unit 资中县财政局 \
        --direction 上挂 --host-unit 市外事办 --start-date 2009-08-01
}
add_cadre 511025198003150018
expect_rc 0
expect_eq "$(cat out.txt)" 41
"$GUAZHI" --db ids undo >/dev/null 2>&1
add_cadre 511025198003150034
expect_rc 0
expect_eq "$(cat out.txt)" 42
expect_eq "$(sql ids 'SELECT group_concat(id) FROM (SELECT id FROM assignments WHERE id > 40 ORDER BY id)')" 42
printf 'report\n' >ids-report.txt
"$GUAZHI" --db ids report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach ids-report.txt >/dev/null 2>&1
first_report=$(sql ids "SELECT max(id) FROM reports")
"$GUAZHI" --db ids undo >/dev/null 2>&1
"$GUAZHI" --db ids report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 >/dev/null 2>&1
expect_eq "$(sql ids "SELECT max(id) FROM reports")" $((first_report + 1))
# Also across a refused import: the refusal leaves the file as it was, counter included.
before=$(fingerprint ids)
printf '身份证号,姓名\n511025198003150050,李四\n' >ids-bad.csv
run --db ids assign import ids-bad.csv
expect_rc 1
expect_eq "$(fingerprint ids)" "$before"

describe "nothing left to undo"
"$GUAZHI" --db empty init >/dev/null 2>&1
run --db empty undo
expect_rc 1
expect_err "nothing to undo"

describe "undo --change N reverts a change that is not the latest, unless a later one touched its records"
"$GUAZHI" --db mid init >/dev/null 2>&1
"$GUAZHI" --db mid assign import "$EXAMPLE" >/dev/null 2>&1                          # 1
"$GUAZHI" --db mid unit set 市交通局 --county 东兴区 >/dev/null 2>&1                  # 2
"$GUAZHI" --db mid assign note 14 --kind talk --date 2006-10-09 --text 谈心 >/dev/null 2>&1 # 3
"$GUAZHI" --db mid unit set 市交通局 --county 市中区 >/dev/null 2>&1                  # 4
before=$(fingerprint mid)
run --db mid undo --change 2
expect_rc 1
expect_err "cannot undo change #2 (guazhi --db mid unit set 市交通局 --county 东兴区): later change #4 changed the same records; undo it first"
expect_err "Nothing was undone."
expect_eq "$(fingerprint mid)" "$before"
run --db mid undo --change 1
expect_rc 1
expect_err "later changes #2, #4 changed the same records; undo them first"
expect_eq "$(fingerprint mid)" "$before"
run --db mid undo --change 3 --dry-run
expect_rc 0
expect_err "would undo change #3"
expect_eq "$(fingerprint mid)" "$before"
run --db mid undo --change 3
expect_rc 0
expect_err "undid change #3 ("
expect_eq "$(sql mid "SELECT count(*) FROM events WHERE kind = 'talk'")" "0"
expect_eq "$(sql mid "SELECT county FROM units WHERE name = '市交通局'")" "市中区" # the later change stays
run --db mid undo --change 4
expect_rc 0
run --db mid undo --change 2
expect_rc 0
expect_eq "$(sql mid "SELECT county FROM units WHERE name = '市交通局'")" ""
run --lang zh --db mid log --format csv
expect_line "^2,.*,已由 #7 撤销$"
expect_line "^7,.*undo --change 2,1,撤销 #2$"
run --db mid undo --change 4
expect_rc 1
expect_err "change #4 was undone already, by change #6"
run --db mid undo --change 5
expect_rc 1
expect_err "change #5 is itself the undo of change #3"
run --db mid undo --change 99
expect_rc 1
expect_err "no change #99 in the log"
run --db mid undo --change 0
expect_rc 2
# The import itself comes out once nothing later is in the way — its notes aside: the talk is
# gone, so only the records it added remain, and they go.
run --db mid undo --change 1
expect_rc 0
expect_eq "$(sql mid "SELECT count(*) FROM assignments")" "0"

describe "log: bad --since, unknown change"
run --db db log --since yesterday
expect_rc 2
expect_err "--since yesterday: not a date"
run --db db log --change 999
expect_rc 1
expect_err "no change #999 in the log"

finish
