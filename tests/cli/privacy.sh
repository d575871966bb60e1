# Personal data around the database (issue 16): every file guazhi creates is 0600 whatever the
# umask; a workbook is never assembled in $TMPDIR; an interrupted export or backup leaves no
# temporary file; a symlink at the output is replaced, never written through.
source "$(dirname "$0")/lib.sh" "$@"

umask 000
new_db db
mkdir -p out tmp
chmod 700 tmp
export TMPDIR=$WORK/tmp

mode() { stat -c %a "$1"; }

describe "under umask 000 every file guazhi creates is 0600"
rm -f fresh.db
run --db fresh.db init --sample-config sample.toml
expect_rc 0
expect_eq "$(mode fresh.db)" 600
expect_eq "$(mode sample.toml)" 600
for fmt in csv json markdown xlsx; do
    for reveal in "" --reveal-id; do
        f=out/roster-$fmt${reveal:+-revealed}.$fmt
        run --db db export roster --format "$fmt" $reveal -o "$f"
        expect_rc 0
        expect_eq "$(mode "$f")" 600
    done
done
run --db db export all --format json -o out/all.json
expect_rc 0
expect_eq "$(mode out/all.json)" 600
run --db db export lrmx 14 -o out/14.lrmx
expect_rc 0
expect_eq "$(mode out/14.lrmx)" 600
run --db db export report --year 2006 --format html -o out/2006.html
expect_rc 0
expect_eq "$(mode out/2006.html)" 600
run --db db backup out/copy.db
expect_rc 0
expect_eq "$(mode out/copy.db)" 600
printf 'report\n' >att.txt
"$GUAZHI" --db db report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach att.txt >/dev/null 2>&1
run --db db report get 1 -o out/att-copy.txt
expect_rc 0
expect_eq "$(mode out/att-copy.txt)" 600

describe "a workbook is assembled beside its output, never in \$TMPDIR"
# $TMPDIR is watched: nothing may appear in it, not even for a moment (libxlsxwriter's own
# working files go beside the output and are unlinked at once).
rm -rf tmp/*
( while [ ! -e stop-watch ]; do find tmp -mindepth 1 >>seen.txt 2>/dev/null; done ) &
watcher=$!
run --db db export all --format xlsx --reveal-id -o out/all.xlsx
expect_rc 0
touch stop-watch
wait "$watcher"
expect_eq "$(sort -u seen.txt | wc -l)" 0
expect_eq "$(find tmp -mindepth 1 | wc -l)" 0
expect_eq "$(find out -name '*.tmp-*' | wc -l)" 0

describe "a symlink at the output is replaced, not written through"
printf 'keep me\n' >victim.txt
ln -s "$WORK/victim.txt" out/link.csv
run --db db export roster -o out/link.csv --force
expect_rc 0
expect_eq "$(cat victim.txt)" "keep me"
checks=$((checks + 1)); [ -f out/link.csv ] && [ ! -L out/link.csv ] || fail "out/link.csv is still a link"
run --db db export roster -o out/link2.csv
ln -s "$WORK/victim.txt" out/link3.csv
run --db db export roster -o out/link3.csv
expect_rc 1
expect_err "the file exists; --force replaces it"
expect_eq "$(cat victim.txt)" "keep me"

describe "SIGTERM and SIGINT during an export or a backup leave no temporary file"
python3 "$ROOT/tests/bench/gen.py" -n 40000 --seed 7 -o big.csv
printf 'max_per_host_per_batch = 0\n' >big.toml
"$GUAZHI" --db big.db --config big.toml init 2>/dev/null
"$GUAZHI" --db big.db --config big.toml assign import big.csv 2>/dev/null
for sig in TERM INT; do
    for cmd in "export assignments --format xlsx --reveal-id -o out/big-$sig.xlsx" \
               "export assignments --reveal-id -o out/big-$sig.csv" "backup out/big-$sig.db"; do
        # The signal lands when the temporary file exists (checked), in the middle of writing.
        "$GUAZHI" --db big.db --config big.toml $cmd >/dev/null 2>&1 &
        pid=$!
        for _ in $(seq 200); do
            compgen -G "out/*.tmp-$pid*" >/dev/null && break
            sleep 0.01
        done
        kill -s "$sig" "$pid" 2>/dev/null
        wait "$pid"
        status=$?
        checks=$((checks + 1))
        left=$(find out -name "*.tmp-$pid*" | wc -l)
        [ "$left" -eq 0 ] || fail "$cmd, SIG$sig (exit $status): $left temporary files left: $(ls out)"
    done
done

describe "messages mask ID numbers and escape terminal controls, whatever the input"
printf '身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期\n511011197609223241,苏莉,中共党员,东兴区司法局,上挂,市司法局,2006-08-01\n="511025198003150017",张明\x1b]0;pwned\x07\x1b[31m,中共党员,资中县财政局,上挂,市外事办,2006-08-01\n' >leak.csv
before=$(fingerprint db)
run --db db assign import leak.csv
expect_rc 1
expect_err "511***********3241"
checks=$((checks + 1)); ! grep -qE '[0-9]{17}[0-9Xx]' err.txt || fail "a full ID number in the messages: $(cat err.txt)"
checks=$((checks + 1)); ! grep -q $'\x1b' err.txt || fail "a raw escape character in the messages"
expect_eq "$(fingerprint db)" "$before"
run --db db assign add --id-number 511011197609223241 --name 苏莉 --political-status 中共党员 \
    --home-unit 东兴区司法局 --direction 上挂 --host-unit 市司法局 --start-date 2006-08-01
expect_rc 1
expect_err "511***********3241"
checks=$((checks + 1)); ! grep -qE '[0-9]{17}[0-9Xx]' err.txt || fail "a full ID number in the messages: $(cat err.txt)"

describe "log masks ID numbers, birth dates and phones unless --reveal-id; undo prints the command masked"
"$GUAZHI" --db log.db init 2>/dev/null
run --db log.db assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 \
    --home-unit 资中县财政局 --direction 上挂 --host-unit 市外事办 --start-date 2006-08-01
expect_rc 0
printf '身份证号,姓名,政治面貌,派出单位,接收单位,开始日期,联系电话\n51101119760922324X,苏莉,中共党员,东兴区司法局,市司法局,2006-08-01,13812345678\n' >phone.csv
run --db log.db assign import phone.csv
expect_rc 0
for args in "log" "log --format json" "log --format csv" "log --change 1 --format json" "log --change 2" "log --change 2 --format csv"; do
    run --db log.db $args
    expect_rc 0
    checks=$((checks + 1))
    ! grep -qE '511025198003150018|51101119760922324X|1980-03-15|1976-09-22|13812345678' out.txt ||
        fail "$args shows personal data: $(grep -oE '5110[0-9X]{14}|19[0-9]{2}-[0-9]{2}-[0-9]{2}|138[0-9]{8}' out.txt | head -3)"
done
run --db log.db log --change 2 --format json --reveal-id
expect_out "51101119760922324X"
expect_out "1976-09-22"
expect_out "13812345678"
run --db log.db log --reveal-id
expect_out "511025198003150018"
run --db log.db undo --dry-run
expect_rc 0
checks=$((checks + 1)); ! grep -qE '[0-9]{17}[0-9X]' err.txt out.txt || fail "undo --dry-run shows a full ID number"

describe "planted files are refused, never adopted; special files are refused before SQLite opens them"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    # Another local user (nobody) plants an empty, world-writable guazhi.db in a shared directory.
    chmod 711 "$WORK" # the work directory is the suite's own; nobody may pass through to shared/
    mkdir -p shared && chmod 1777 shared
    setpriv --reuid=65534 --regid=65534 --clear-groups sh -c 'umask 000; : >shared/guazhi.db; : >shared/other.db'
    for args in "init" "stats" "assign list" "check"; do
        run --db shared/guazhi.db $args
        expect_rc 1
        expect_err "belongs to another user"
    done
    expect_eq "$(stat -c '%s %u %a' shared/guazhi.db)" "0 65534 666"
    # A -wal planted beside a database of ours.
    "$GUAZHI" --db shared/mine.db init 2>/dev/null
    setpriv --reuid=65534 --regid=65534 --clear-groups sh -c 'umask 000; : >shared/mine.db-wal'
    run --db shared/mine.db stats
    expect_rc 1
    expect_err "its -wal file belongs to another user"
    rm -f shared/mine.db-wal
    # A -wal or -journal planted as a link to a private file of ours: SQLite would write into it.
    printf 'private\n' >private.txt && chmod 600 private.txt
    for companion in wal journal shm; do
        setpriv --reuid=65534 --regid=65534 --clear-groups ln -s "$WORK/private.txt" "shared/mine.db-$companion"
        run --db shared/mine.db unit set 市司法局 --county 市直
        expect_rc 1
        expect_err "its -$companion file is a symbolic link"
        expect_eq "$(cat private.txt)" "private"
        rm -f "shared/mine.db-$companion"
    done
fi
: >empty.db && chmod 600 empty.db
run --db empty.db stats
expect_rc 1
expect_err "not a guazhi database (the file is empty); create one with \`guazhi init\`"
expect_eq "$(stat -c %s empty.db)" 0
: >open.db && chmod 666 open.db
run --db open.db init
expect_rc 1
expect_err "may be read or written by others (mode 0666)"
expect_err "chmod 600"
expect_eq "$(stat -c %s open.db)" 0
"$GUAZHI" --db wal.db init 2>/dev/null
: >wal.db-wal && chmod 644 wal.db-wal
run --db wal.db stats
expect_rc 1
expect_err "its -wal file may be read or written by others"
rm -f wal.db-wal
journal_before=$(ls /dev/null-journal 2>/dev/null | wc -l)
run --db /dev/null init
expect_rc 1
expect_err "is not a regular file"
expect_eq "$(ls /dev/null-journal 2>/dev/null | wc -l)" "$journal_before"
mkfifo fifo.db
run_timeout() { timeout 10 "$GUAZHI" "$@" >out.txt 2>err.txt; rc=$?; }
run_timeout --db fifo.db check
expect_rc 1
expect_err "is not a regular file"

finish
