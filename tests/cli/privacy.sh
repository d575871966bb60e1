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

finish
