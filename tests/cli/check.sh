# guazhi check, and databases that are broken: not SQLite, truncated, damaged in the middle,
# or locked by another writer past the busy timeout — a clear message, a non-zero exit, no
# crash and no write.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
ADD=(assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员
     --home-unit 资中县财政局 --direction up --host-unit 市外事办 --start-date 2008-08-01)

# unchanged FILE HASH: the file's bytes are exactly as they were.
unchanged() { expect_eq "$(sha256sum <"$1")" "$2"; }

describe "a clean database: exit 0, nothing on stdout, read-only"
before=$(sha256sum <db)
run --db db check
expect_rc 0
expect_out_empty
expect_err "db: no problems found ("
unchanged db "$before"
run --lang zh --db db check --format csv
expect_rc 0
expect_eq "$(cat out.txt)" "表,行,类别,问题"
run --db db check --format json --lang en
expect_rc 0
expect_eq "$(cat out.txt)" "[]"
cp db ro.db
chmod 0400 ro.db
run --db ro.db check
expect_rc 0
chmod 0600 ro.db

describe "every problem is listed, one line each, naming the table and row; exit 1"
cp db bad.db
# Behind guazhi's back: a second term of 罗鸿灵 (assignment #1, 2005-08-01..2006-07-31) inside
# the first, an extension that does not extend, a category mask that lies.
sqlite3 bad.db "INSERT INTO assignments (id, cadre_id, direction, batch_year, home_unit_id, host_unit_id,
                                         start_date, end_date)
                SELECT 900, cadre_id, direction, 2006, home_unit_id, host_unit_id, '2006-03-01', '2007-02-28'
                  FROM assignments WHERE id = 1;
                UPDATE assignments SET extended_until = end_date WHERE id = 2;
                UPDATE cadres SET category_mask = 15 WHERE id = 3;"
bad_before=$(sha256sum <bad.db)
run --db bad.db check --lang en
expect_rc 1
expect_line "^assignments +900 +overlap +the term 2006-03-01\.\.2007-02-28 overlaps assignment #1 \(2005-08-01\.\.2006-07-31\) of the same cadre \(#1\)$"
expect_line "^assignments +2 +extension +extended until "
expect_line "^cadres +3 +category_mask +category_mask is 15, but its categories "
expect_err "bad.db: 3 problems found ("
unchanged bad.db "$bad_before"
run --db bad.db check --format json
expect_rc 1
expect_eq "$(python3 -c 'import json; print(" ".join("%s:%s:%s" % (p["table"], p["row"], p["code"]) for p in json.load(open("out.txt"))))')" \
    "assignments:2:extension assignments:900:overlap cadres:3:category_mask"
run --db bad.db check --format csv
expect_eq "$(wc -l <out.txt)" 4

describe "ID numbers in existing data: a wrong check digit, a birth date or gender the number contradicts"
cp db ids.db
sqlite3 ids.db "UPDATE cadres SET id_number = substr(id_number, 1, 17) || CASE substr(id_number, 18) WHEN '0' THEN '1' ELSE '0' END WHERE id = 4;
                UPDATE cadres SET birth_date = '1901-01-01' WHERE id = 5;
                UPDATE cadres SET gender = CASE gender WHEN 'male' THEN 'female' ELSE 'male' END WHERE id = 6;"
ids_before=$(sha256sum <ids.db)
run --db ids.db check --lang en
expect_rc 1
expect_line "^cadres +4 +id_number +ID number '[0-9]{3}\*{11}[0-9X]{4}' has a wrong check digit"
expect_line "^cadres +5 +id_number +the birth date 1901-01 is not the one the ID number carries \(born [0-9]{4}-[0-9]{2}\)$"
expect_line "^cadres +6 +id_number +the gender '(male|female)' is not the one the ID number carries"
expect_err "ids.db: 3 problems found ("
checks=$((checks + 1)); ! grep -qE '[0-9]{17}[0-9X]' out.txt err.txt || fail "check shows a full ID number"
unchanged ids.db "$ids_before"

describe "an older schema is not upgraded by check"
cp db old.db
sqlite3 old.db "PRAGMA user_version = 1"
old_before=$(sha256sum <old.db)
run --db old.db check
expect_rc 1
expect_err "old.db: has schema version 1, older than this guazhi's"
expect_err "\`guazhi init\` upgrades it"
unchanged old.db "$old_before"
checks=$((checks + 1)); [ -z "$(ls old.db.pre-v* 2>/dev/null)" ] || fail "check took a pre-migration copy"
run --db nowhere.db check
expect_rc 1
expect_err "nowhere.db: no database here"
checks=$((checks + 1)); [ ! -e nowhere.db ] || fail "check created a database"

describe "a file that is not SQLite"
echo "名单见附件 — this is a text file" >notes.txt
notes_before=$(sha256sum <notes.txt)
for cmd in check "assign list" "${ADD[*]}"; do
    # shellcheck disable=SC2086
    run --db notes.txt $cmd
    expect_rc 1
    expect_err "notes.txt: not a guazhi database: it is not a SQLite file at all; nothing was written"
done
unchanged notes.txt "$notes_before"

describe "a truncated file (a copy cut short)"
head -c $(( $(stat -c %s db) / 2 )) db >half.db
head -c 50 db >stub.db
half_before=$(sha256sum <half.db)
for cmd in check "assign list" "${ADD[*]}" "stats --year 2006"; do
    # shellcheck disable=SC2086
    run --db half.db $cmd
    expect_rc 1
    expect_err "half.db: the database file is truncated: its header says"
    expect_err "Restore the latest backup"
done
unchanged half.db "$half_before"
run --db stub.db assign list
expect_rc 1
expect_err "stub.db: the database file is truncated (50 bytes, shorter than its own header)"

describe "a file damaged in the middle: the assignments table's root page overwritten"
cp db damaged.db
page=$(sqlite3 db "PRAGMA page_size")
root=$(sqlite3 db "SELECT rootpage FROM sqlite_master WHERE name = 'assignments'")
# Deterministic garbage (not /dev/urandom): the same damage on every run.
python3 -c "import sys, random; r = random.Random(8); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range($page)))" |
    dd of=damaged.db bs="$page" seek=$((root - 1)) count=1 conv=notrunc status=none
damaged_before=$(sha256sum <damaged.db)
run --db damaged.db check
expect_rc 1
expect_line "^ +(integrity|unfinished) "
expect_err "damaged.db: "
expect_err "problem"
for cmd in "assign list" "${ADD[*]}" "export assignments -o out.csv"; do
    # shellcheck disable=SC2086
    run --db damaged.db $cmd
    expect_rc 1
    expect_err "damaged.db: the database file is damaged; nothing was written. \`guazhi check\` lists what is wrong"
done
checks=$((checks + 1)); [ ! -e out.csv ] || fail "an export of a damaged database left out.csv"
unchanged damaged.db "$damaged_before"
checks=$((checks + 1)); [ ! -s damaged.db-wal ] || fail "a write reached the WAL of the damaged database"
# Damage in a few bytes of an index leaves every read working; check still finds it.
cp db idx.db
idx_root=$(sqlite3 db "SELECT rootpage FROM sqlite_master WHERE name = 'cadres_political_status'")
printf 'XXXXXXXXXXXXXXXX' | dd of=idx.db bs=1 seek=$(( (idx_root - 1) * page + page - 64 )) conv=notrunc status=none
run --db idx.db check
expect_rc 1
expect_line "^ +integrity "

describe "a writer holding the lock past busy_timeout_ms: refused clearly, readers go on"
cp db locked.db
printf 'busy_timeout_ms = 300\n' >short.toml
mkfifo lock.fifo
sqlite3 locked.db <lock.fifo >lock.out 2>&1 &
holder=$!
exec 3>lock.fifo
echo "BEGIN IMMEDIATE; INSERT INTO units (name, kind) VALUES ('市锁表办', 'city_organ');" >&3
# Held once another writer cannot begin (the sqlite3 shell does not wait: busy timeout 0).
held=no
for _ in $(seq 200); do
    sqlite3 locked.db "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null || { held=yes; break; }
    sleep 0.05
done
expect_eq "$held" yes
locked_count=$(sqlite3 locked.db "SELECT count(*) FROM assignments")
started=$(date +%s%N)
run --db locked.db --config short.toml "${ADD[@]}"
waited=$(( ($(date +%s%N) - started) / 1000000 ))
expect_rc 1
expect_err "locked.db: the database is locked: another process has been writing to it for longer than the busy timeout (300 ms, \`busy_timeout_ms\` in the config); nothing was written"
checks=$((checks + 1)); [ "$waited" -ge 300 ] && [ "$waited" -lt 4000 ] || fail "waited ${waited} ms, expected 300..4000"
run --db locked.db --config short.toml assign import "$EXAMPLE"
expect_rc 1
expect_err "the database is locked"
# WAL: reading needs no lock, so listing and checking work while the writer holds it.
run --db locked.db --config short.toml assign list --format csv
expect_rc 0
expect_eq "$(($(wc -l <out.txt) - 1))" "$locked_count"
run --db locked.db --config short.toml check
expect_rc 0
echo "ROLLBACK;" >&3
exec 3>&-
wait "$holder"
run --db locked.db "${ADD[@]}"
expect_rc 0
expect_eq "$(sqlite3 locked.db "SELECT count(*) FROM assignments")" "$((locked_count + 1))"
expect_eq "$(sqlite3 locked.db "SELECT count(*) FROM units WHERE name = '市锁表办'")" 0

describe "busy_timeout_ms is checked like every key"
printf 'busy_timeout_ms = -1\n' >neg.toml
run --db db --config neg.toml assign list
expect_rc 1
expect_err "neg.toml:1: busy_timeout_ms: -1 is outside 0..600000"

finish
