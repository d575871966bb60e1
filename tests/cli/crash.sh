# Crash safety: SIGKILL an import of a 100,000-row roster at seeded random moments; after
# each kill `guazhi check` passes and the database holds none or all of the file's rows. The
# same for an export: the output file either does not exist or is complete (it only ever
# appears by rename), and the temporary file a kill leaves is removed by the next export.
#
# Environment: CRASH_SEED (default 20061101), CRASH_TRIALS (default 20, per kind), CRASH_ROWS
# (default 100000: the kill moments are spread over the import's measured duration, so a
# larger file only makes each trial longer). Slow by nature: about a minute and a half.
source "$(dirname "$0")/lib.sh" "$@"

SEED=${CRASH_SEED:-20061101}
TRIALS=${CRASH_TRIALS:-20}
ROWS=${CRASH_ROWS:-100000}
printf 'max_per_host_per_batch = 0\n' >guazhi.toml # generated hosts repeat within a batch

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# delays N SEED LOW HIGH: N seeded random delays in seconds, uniform in LOW..HIGH.
delays() {
    python3 -c "import random, sys; r = random.Random(int(sys.argv[2])); lo, hi = float(sys.argv[3]), float(sys.argv[4])
print(' '.join('%.3f' % (lo + r.random() * (hi - lo)) for _ in range(int(sys.argv[1]))))" "$@"
}
# kill_after SECONDS PID: SIGKILL unless it has finished; sets outcome to "killed" (the
# process died of the signal, status 137) or "finished".
kill_after() {
    sleep "$1"
    kill -KILL "$2" 2>/dev/null
    wait "$2" 2>/dev/null
    if [ $? -eq 137 ]; then outcome=killed; else outcome=finished; fi
}

t0=$(now_ms)
python3 "$ROOT/tests/bench/gen.py" -n "$ROWS" --seed "$SEED" -o roster.csv || exit 1
"$GUAZHI" --db base.db init 2>/dev/null || exit 1

describe "the whole import, once: how long it takes and what 'all' is"
cp base.db full.db
started=$(now_ms)
run --db full.db assign import roster.csv
import_ms=$(( $(now_ms) - started ))
expect_rc 0
ALL=$(sql full.db "SELECT count(*) FROM assignments")
expect_eq "$ALL" "$ROWS"

describe "import killed at random moments: check passes, none or all of the rows"
# 70% of the kills land early or mid-way (0.05..3 s: reading, validating, inserting inside
# the one transaction, spilling pages to the WAL); 30% around the end of the import (85%..110%
# of its time), where the commit, the WAL checkpoint and the close happen. The late ones cost
# a whole import each, so there are fewer of them.
import_s=$(awk -v ms="$import_ms" 'BEGIN { printf "%.3f", ms / 1000 }')
late=$(( TRIALS * 3 / 10 ))
early=$(( TRIALS - late ))
late_lo=$(awk -v s="$import_s" 'BEGIN { printf "%.3f", s * 0.85 }')
late_hi=$(awk -v s="$import_s" 'BEGIN { printf "%.3f", s * 1.10 }')
read -r -a WAITS <<<"$(delays "$early" "$SEED" 0.05 3) $(delays "$late" "$((SEED + 1))" "$late_lo" "$late_hi")"
none=0 all=0 killed=0 survived=0
for ((t = 0; t < TRIALS; t++)); do
    rm -f trial.db trial.db-wal trial.db-shm
    cp base.db trial.db
    "$GUAZHI" --db trial.db assign import roster.csv >/dev/null 2>&1 &
    kill_after "${WAITS[$t]}" $!
    [ "$outcome" = killed ] && killed=$((killed + 1))
    run --db trial.db check
    expect_rc 0
    n=$(sql trial.db "SELECT count(*) FROM assignments")
    case $n in
    0) none=$((none + 1)) ;;
    "$ALL") all=$((all + 1)) ;;
    *) fail "trial $t (${WAITS[$t]} s, $outcome): $n assignments, neither 0 nor $ALL" ;;
    esac
    checks=$((checks + 1))
    [ "$rc" -eq 0 ] && { [ "$n" = 0 ] || [ "$n" = "$ALL" ]; } && survived=$((survived + 1))
done
expect_eq "$((none + all))" "$TRIALS"

describe "export killed at random moments: out.csv absent or complete, leftovers cleaned"
started=$(now_ms)
run --db full.db export assignments -o ref.csv
export_ms=$(( $(now_ms) - started ))
expect_rc 0
export_hi=$(awk -v ms="$export_ms" 'BEGIN { printf "%.3f", ms / 1000 * 1.10 }')
read -r -a WAITS <<<"$(delays "$TRIALS" "$((SEED + 2))" 0.02 "$export_hi")"
absent=0 complete=0 leftovers=0 ekilled=0
for ((t = 0; t < TRIALS; t++)); do
    rm -f out.csv
    "$GUAZHI" --db full.db export assignments -o out.csv >/dev/null 2>&1 &
    kill_after "${WAITS[$t]}" $!
    [ "$outcome" = killed ] && ekilled=$((ekilled + 1))
    if [ -e out.csv ]; then
        checks=$((checks + 1))
        if cmp -s out.csv ref.csv; then complete=$((complete + 1)); else fail "trial $t: out.csv is not the whole export"; fi
    else
        absent=$((absent + 1))
    fi
    leftovers=$(( leftovers + $(find . -maxdepth 1 -name 'out.csv.tmp-*' | wc -l) ))
    # A kill leaves out.csv.tmp-PID; the next export removes it (its process is gone).
    rm -f out.csv
done
expect_eq "$((absent + complete))" "$TRIALS"
run --db full.db export assignments -o out.csv
expect_rc 0
expect_eq "$(find . -maxdepth 1 -name 'out.csv.tmp-*' | wc -l)" 0
checks=$((checks + 1)); cmp -s out.csv ref.csv || fail "the export after the kills differs"
run --db full.db check
expect_rc 0

total_s=$(awk -v ms="$(( $(now_ms) - t0 ))" 'BEGIN { printf "%.0f", ms / 1000 }')
echo "crash: seed $SEED, $ROWS rows; import ${import_ms} ms, export ${export_ms} ms"
echo "crash: import: $survived/$TRIALS trials survived ($killed killed mid-way, $none none, $all all)"
echo "crash: export: $TRIALS trials ($ekilled killed mid-way): $absent without out.csv, $complete complete," \
    "0 half files; $leftovers temporary files left by kills, all removed by the next export"
echo "crash: ${total_s} s in all"

finish
