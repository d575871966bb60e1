# guazhi backup FILE (SQLite's online backup API), and the copy taken automatically before a
# schema migration changes an existing database.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
printf 'max_per_host_per_batch = 0\n' >guazhi.toml

describe "backup writes a private, self-contained, checked copy"
run --db db backup copy.db
expect_rc 0
expect_err "backed up db to copy.db ("
expect_out_empty
expect_eq "$(stat -c %a copy.db)" 600
expect_eq "$(fingerprint copy.db)" "$(fingerprint db)"
expect_eq "$(sql copy.db 'PRAGMA journal_mode')" delete
checks=$((checks + 1)); [ ! -e copy.db-wal ] && [ -z "$(ls copy.db.tmp-* 2>/dev/null)" ] || fail "files left beside the copy"
run --db copy.db check
expect_rc 0
umask 022
run --db db backup loose.db
expect_eq "$(stat -c %a loose.db)" 600

describe "backup never overwrites without --force, nor the database itself"
echo "yesterday's backup" >old.db
run --db db backup old.db
expect_rc 1
expect_err "old.db: already exists; not overwritten (--force replaces it)"
expect_eq "$(cat old.db)" "yesterday's backup"
run --db db backup old.db --force
expect_rc 0
expect_eq "$(fingerprint old.db)" "$(fingerprint db)"
before=$(sha256sum <db)
run --db db backup db --force
expect_rc 1
expect_err "db: that is the database itself; choose another file"
expect_eq "$(sha256sum <db)" "$before"
run --db db backup
expect_rc 2
run --db nowhere.db backup x.db
expect_rc 1
expect_err "nowhere.db: no database here"
checks=$((checks + 1)); [ ! -e x.db ] && [ ! -e nowhere.db ] || fail "a backup of nothing wrote a file"

describe "backup while another process writes: a consistent snapshot, none or all of an import"
python3 "$ROOT/tests/bench/gen.py" -n 20000 --seed 11 -o big.csv
"$GUAZHI" --db busy.db init 2>/dev/null
base=$(sql busy.db "SELECT count(*) FROM assignments")
"$GUAZHI" --db busy.db assign import big.csv >import.out 2>&1 &
importer=$!
# Back up repeatedly while the import runs: every copy holds the rows before it or all of them.
snapshots=0
while kill -0 "$importer" 2>/dev/null && [ "$snapshots" -lt 20 ]; do
    snapshots=$((snapshots + 1))
    run --db busy.db backup "snap$snapshots.db"
    expect_rc 0
    n=$(sql "snap$snapshots.db" "SELECT count(*) FROM assignments")
    checks=$((checks + 1)); [ "$n" = "$base" ] || [ "$n" = "$((base + 20000))" ] || fail "snapshot $snapshots holds $n assignments"
done
wait "$importer"
expect_eq "$?" 0
expect_eq "$(sql busy.db "SELECT count(*) FROM assignments")" "$((base + 20000))"
checks=$((checks + 1)); [ "$snapshots" -ge 1 ] || fail "no backup ran during the import"
run --db snap1.db check
expect_rc 0
echo "backup: $snapshots snapshots taken during a 20,000-row import, each none-or-all"

describe "a migration first copies the old file to <db>.pre-v<N>.bak (0600)"
# A version 1 file built from the first migration's own SQL (lib/store/schema.cpp).
python3 - "$ROOT/lib/store/schema.cpp" >v1.sql <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(re.findall(r'R"sql\((.*?)\)sql"', text, re.S)[0])
print("PRAGMA application_id = %d;" % 0x475A4849)
print("PRAGMA user_version = 1;")
print("INSERT INTO units (id, name, kind, county) VALUES (1, '隆昌县国土资源局', 'county_dept', '隆昌县'), (2, '市国土资源局', 'city_organ', '');")
print("INSERT INTO cadres (id, id_number, name, gender, birth_date, political_status) VALUES (1, '511028197003141730', '罗鸿灵', 'male', '1970-03-14', 'cpc_member');")
print("INSERT INTO assignments (id, cadre_id, direction, batch_year, home_unit_id, host_unit_id, start_date, end_date) VALUES (7, 1, 'up', 2005, 1, 2, '2005-08-01', '2006-07-31');")
PY
sqlite3 old1.db <v1.sql && chmod 600 old1.db
chmod 0600 old1.db
version=$(sql db 'PRAGMA user_version')
v1=$(fingerprint old1.db)
run --db old1.db assign list --format csv
expect_rc 0
expect_err "old1.db: saved a copy as it was before the upgrade from schema version 1 to $version: old1.db.pre-v$version.bak"
expect_out "罗鸿灵"
expect_eq "$(stat -c %a "old1.db.pre-v$version.bak")" 600
expect_eq "$(sql "old1.db.pre-v$version.bak" 'PRAGMA user_version')" 1
expect_eq "$(fingerprint "old1.db.pre-v$version.bak")" "$v1"
expect_eq "$(sql old1.db 'PRAGMA user_version')" "$version"
run --db old1.db check
expect_rc 0
run --db old1.db assign list
expect_no_out "saved a copy"
checks=$((checks + 1)); [ "$(ls old1.db.pre-v* | wc -l)" -eq 1 ] || fail "a second copy was taken"
# init says it too; a new database has nothing to copy.
sqlite3 old2.db <v1.sql && chmod 600 old2.db # as guazhi made its files
run --db old2.db init
expect_rc 0
expect_err "old2.db: saved a copy as it was before the upgrade"
expect_err "upgraded old2.db from schema version 1 to $version"
run --db new.db init
expect_rc 0
checks=$((checks + 1)); [ -z "$(ls new.db.pre-v* 2>/dev/null)" ] || fail "a new database was copied"
# In the default language (no --lang, no GUAZHI_LANG) both lines are Chinese, the place first.
sqlite3 old4.db <v1.sql && chmod 600 old4.db
env -u GUAZHI_LANG "$GUAZHI" --db old4.db init >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_err "old4.db: 从数据库结构版本 1 升级到 $version 之前的副本已保存为 old4.db.pre-v$version.bak"
expect_err "已将 old4.db 的数据库结构从版本 1 升级到 $version"
# check and backup open read-only: neither upgrades nor copies.
sqlite3 old3.db <v1.sql && chmod 600 old3.db
run --db old3.db backup old3-copy.db
expect_rc 0
expect_eq "$(sql old3.db 'PRAGMA user_version')" 1
expect_eq "$(sql old3-copy.db 'PRAGMA user_version')" 1
checks=$((checks + 1)); [ -z "$(ls old3.db.pre-v* 2>/dev/null)" ] || fail "backup upgraded the file"

finish
