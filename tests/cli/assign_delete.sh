# assign delete: a secondment recorded by mistake is removed, its cadre staying; refused, with
# nothing changed, while records depend on it (listed), unless --cascade; every row removed is
# in the change log, so undo brings them all back.
source "$(dirname "$0")/lib.sh" "$@"
export USER=测试员

# The records without the change log (which undo itself grows).
records() {
    sqlite3 "$1" "SELECT 'a', * FROM assignments; SELECT 'r', * FROM reports; SELECT 'e', * FROM events;
                  SELECT 'n', * FROM annual_assessments; SELECT 'f', * FROM final_appraisals;
                  SELECT 'p', * FROM appointments; SELECT 'c', * FROM cadres; SELECT 'u', * FROM units;" | sha256sum
}

"$GUAZHI" --db db init >/dev/null 2>&1
"$GUAZHI" --db db assign import "$EXAMPLE" >/dev/null 2>&1
"$GUAZHI" --db db assign note 14 --kind talk --date 2006-10-09 --text 谈心 >/dev/null 2>&1
"$GUAZHI" --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 >/dev/null 2>&1
"$GUAZHI" --db db appraise annual 14 --year 2006 --grade 优秀 >/dev/null 2>&1
"$GUAZHI" --db db assign appoint 14 --mentor 李科长 >/dev/null 2>&1
cadres=$(sql db "SELECT count(*) FROM cadres")

describe "refused while records depend on it: they are listed, nothing changes"
before=$(fingerprint db)
run --db db assign delete 14 --reason 重复录入
expect_rc 1
expect_err "assignment #14: 1 report, 1 annual assessment, 2 events, its appointment record depend on it; nothing was deleted (with --cascade they are deleted too)"
expect_eq "$(fingerprint db)" "$before"

describe "the reason is required; an unknown id is named"
run --db db assign delete 14
expect_rc 2
expect_err "--reason is required"
run --db db assign delete 999 --reason x
expect_rc 1
expect_err "no assignment #999"
expect_eq "$(fingerprint db)" "$before"

describe "--cascade deletes the assignment and what depends on it; the cadre stays"
kept=$(records db)
run --db db assign delete 14 --reason 重复录入 --cascade --by 王科员
expect_rc 0
expect_err "deleted assignment #14: 何俊杰"
expect_err "with it: 1 report(s), 1 annual assessment(s), 0 final appraisal(s), 2 event(s), the appointment record"
expect_eq "$(sql db "SELECT count(*) FROM assignments WHERE id = 14")" "0"
expect_eq "$(sql db "SELECT (SELECT count(*) FROM reports WHERE assignment_id = 14) + (SELECT count(*) FROM events WHERE assignment_id = 14) + (SELECT count(*) FROM annual_assessments WHERE assignment_id = 14) + (SELECT count(*) FROM appointments WHERE assignment_id = 14)")" "0"
expect_eq "$(sql db "SELECT count(*) FROM cadres")" "$cadres"
run --db db check
expect_rc 0

describe "one logged change, with who and why; undo restores every record exactly"
expect_eq "$(sql db "SELECT by FROM changes ORDER BY id DESC LIMIT 1")" "王科员"
expect_eq "$(sql db "SELECT command LIKE '%assign delete 14 --reason 重复录入 --cascade%' FROM changes ORDER BY id DESC LIMIT 1")" "1"
run --db db undo
expect_rc 0
expect_eq "$(records db)" "$kept"
run --db db check
expect_rc 0

describe "an assignment nothing depends on goes without --cascade"
run --db db assign delete 15 --reason 测试
expect_rc 0
expect_err "deleted assignment #15"
expect_eq "$(sql db "SELECT count(*) FROM assignments WHERE id = 15")" "0"

finish
