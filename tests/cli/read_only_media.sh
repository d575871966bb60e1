# A database on read-only media (issue 16, item 8): a read-only mount, or a directory its user
# cannot write. Commands that only read work there (stats, listings, check, export, backup)
# and create nothing beside the database; commands that write are refused, saying why, with
# the file untouched.
source "$(dirname "$0")/lib.sh" "$@"

# The reader: as root (CI) the directory's permissions would not stop anyone, so the suite
# reads as nobody, who owns the database; otherwise as ourselves.
if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null || { echo "read_only_media: setpriv is missing"; exit 1; }
    chmod 711 "$WORK"
    reader() { setpriv --reuid=65534 --regid=65534 --clear-groups "$GUAZHI" "$@"; }
    give() { chown -R 65534:65534 "$@"; }
else
    reader() { "$GUAZHI" "$@"; }
    give() { :; }
fi
run_reader() {
    reader "$@" >out.txt 2>err.txt
    rc=$?
}

new_db db
mkdir -p media out
cp db media/a.db
"$GUAZHI" --db db stats --format json >want-stats.json 2>/dev/null
"$GUAZHI" --db db assign list --format csv >want-list.csv 2>/dev/null
give media out
chmod 555 media
listing() { ls -la --time-style=+ media | sort; }
before_listing=$(listing)
before=$(fingerprint media/a.db)

describe "read commands work in a directory that cannot be written"
run_reader --db media/a.db stats --format json
expect_rc 0
expect_eq "$(cat out.txt)" "$(cat want-stats.json)"
run_reader --db media/a.db assign list --format csv
expect_rc 0
expect_eq "$(cat out.txt)" "$(cat want-list.csv)"
run_reader --db media/a.db check
expect_rc 0
expect_err "no problems found"
run_reader --db media/a.db export roster -o out/roster.csv
expect_rc 0
expect_eq "$(wc -l <out/roster.csv)" 41
run_reader --db media/a.db backup out/copy.db
expect_rc 0
expect_eq "$(fingerprint out/copy.db)" "$before"
run_reader --db media/a.db log
expect_rc 0
expect_eq "$(listing)" "$before_listing"

describe "a write is refused there, saying why, and the file is untouched"
run_reader --db media/a.db unit set 东兴区司法局 --county 东兴区
expect_rc 1
expect_err "the directory cannot be written"
expect_err "copy it to a writable place"
run_reader --db media/a.db assign import "$EXAMPLE"
expect_rc 1
expect_err "the directory cannot be written"
expect_eq "$(fingerprint media/a.db)" "$before"
expect_eq "$(listing)" "$before_listing"

describe "committed changes still in the -wal file are read through its -shm"
chmod 755 media
mkdir -p walcase
cp db walcase/a.db
python3 - walcase/a.db <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("UPDATE cadres SET name = '王五' WHERE id = 1")
c.commit()
os._exit(0)  # no checkpoint on close: the change stays in the -wal
PY
checks=$((checks + 1)); [ -s walcase/a.db-wal ] || fail "the -wal file is empty"
give walcase
chmod 555 walcase
run_reader --db walcase/a.db assign list --format csv
expect_rc 0
expect_out "王五"
chmod 755 walcase
rm walcase/a.db-shm
chmod 555 walcase
run_reader --db walcase/a.db assign list
expect_rc 1
expect_err "has changes in its -wal file but no -shm file"
chmod 755 walcase

describe "a database that needs an upgrade is named as such on read-only media"
mkdir -p old
cp db old/a.db
sqlite3 old/a.db "PRAGMA user_version = 8"
give old
chmod 555 old
run_reader --db old/a.db stats
expect_rc 1
expect_err "needs an upgrade to schema version"
chmod 755 old

describe "a read-only mount, where the permissions would let anyone write"
mkdir -p mnt src
"$GUAZHI" --db src/a.db init 2>/dev/null && "$GUAZHI" --db src/a.db assign import "$EXAMPLE" 2>/dev/null
if [ "$(id -u)" -eq 0 ] && mount --bind -o ro src mnt 2>/dev/null; then
    run --db mnt/a.db stats --format json
    expect_rc 0
    expect_eq "$(cat out.txt)" "$(cat want-stats.json)"
    run --db mnt/a.db check
    expect_rc 0
    run --db mnt/a.db unit set 东兴区司法局 --county 东兴区
    expect_rc 1
    expect_err "the directory cannot be written"
    umount mnt
fi

chmod -R u+w "$WORK" 2>/dev/null
finish
