# Another local user (nobody) watches the shared directory guazhi works in with inotify and
# opens every file the moment it appears (issue 16's acceptance): while guazhi initialises,
# imports, exports every dataset in every format with and without --reveal-id, backs up, writes
# an attachment out and logs, not one of those files — the database, its -wal, -shm and
# -journal, temporaries, outputs — may be opened by that user at any moment. Needs root (CI)
# for a second user; elsewhere there is no one to play it.
source "$(dirname "$0")/lib.sh" "$@"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
    echo "other_user: needs root and setpriv to play a second user; skipped"
    finish
fi
chmod 711 "$WORK"
mkdir -p shared && chmod 1777 shared
umask 000 # the clerk's umask does not matter: every file is created private
setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 "$ROOT/tests/cli/other_user/watch.py" shared "$WORK/stop" \
    >watch.txt 2>watch-err.txt &
watcher=$!
sleep 0.3 # the watch is in place

db=shared/guazhi.db
run --db $db init
expect_rc 0
run --db $db assign import "$EXAMPLE"
expect_rc 0
printf 'report\n' >att.txt
run --db $db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach att.txt
expect_rc 0
for dataset in roster assignments events reports appraisals allowance; do
    for fmt in csv json markdown xlsx; do
        for reveal in "" --reveal-id; do
            run --db $db export $dataset --format $fmt $reveal -o "shared/$dataset${reveal:+-full}.$fmt"
            expect_rc 0
        done
    done
done
run --db $db export all --format json --reveal-id -o shared/all.json
expect_rc 0
run --db $db export all --format xlsx --reveal-id -o shared/all.xlsx
expect_rc 0
run --db $db export lrmx 14 --reveal-id -o shared/14.lrmx
expect_rc 0
run --db $db export report --year 2006 --format html -o shared/2006.html
expect_rc 0
run --db $db backup shared/backup.db
expect_rc 0
run --db $db report get 1 -o shared/att-copy.txt
expect_rc 0
run --db $db log --reveal-id
expect_rc 0
run --db $db undo
expect_rc 0
run --db shared/copy.db init
run --db shared/copy.db import-all shared/all.json
expect_rc 0

touch "$WORK/stop"
wait "$watcher"
describe "the other user opened none of the files guazhi made"
checks=$((checks + 1))
! grep -q '^opened:' watch.txt || fail "$(grep '^opened:' watch.txt | head -5 | tr '\n' ' ')"
checks=$((checks + 1))
[ ! -s watch-err.txt ] || fail "the watcher failed: $(cat watch-err.txt)"
# The watcher did see them: at least the outputs, the database and its temporaries.
seen=$(sed -n 's/^seen: //p' watch.txt)
checks=$((checks + 1))
[ "${seen:-0}" -ge 60 ] || fail "the watcher saw only ${seen:-0} files"
describe "and every file there is the clerk's, mode 0600"
checks=$((checks + 1))
odd=$(find shared -mindepth 1 \( ! -user 0 -o ! -perm 600 \) -printf '%p %u %m\n')
[ -z "$odd" ] || fail "$odd"

finish
