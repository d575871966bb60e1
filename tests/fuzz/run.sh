#!/usr/bin/env bash
# Replays the seed corpus of every fuzz target, then fuzzes each for a bounded time.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#
# BUILD_DIR is a build configured with CC=clang CXX=clang++ -DGUAZHI_FUZZ=ON and built.
# SECONDS (default 30) is the fuzzing time per target; 0 only replays the corpus. TARGETs
# default to all five. Fuzzing works on a scratch copy of the corpus under
# BUILD_DIR/fuzz/work, so the repository is never modified; crashing inputs are saved under
# BUILD_DIR/fuzz/crashes/TARGET/. Exits non-zero when any target crashed (or its replay did).
set -uo pipefail

usage() { echo "usage: $0 BUILD_DIR [SECONDS] [TARGET...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
[ -d "$1" ] || { echo "$0: no build directory $1" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
seconds=${2:-30}
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
shift $(($# >= 2 ? 2 : 1))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_csv fuzz_roster fuzz_date_id fuzz_config fuzz_xlsx)

# Sanitizer reports must end the run (they do: -fno-sanitize-recover) and show a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Flags for every libFuzzer run: a hang or memory blow-up is a failure too.
common=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)

out="$build/fuzz"
mkdir -p "$out/logs" "$out/work" "$out/crashes"
failed=0
rows=()

# Fields of libFuzzer's final stats, from a log.
stat() { sed -n "s/^stat::$2: *//p" "$1" | tail -n 1; }

for t in "${targets[@]}"; do
    bin="$build/tests/fuzz/$t"
    corpus="$here/corpus/$t"
    crashes="$out/crashes/$t"
    if [ ! -x "$bin" ]; then
        echo "$t: $bin is missing; build with -DGUAZHI_FUZZ=ON (cmake --build $build --target fuzz)" >&2
        rows+=("$(printf '%-14s %-18s %14s %10s %10s  %s' "$t" "-" "-" "-" "-" "NOT BUILT")")
        failed=1
        continue
    fi
    mkdir -p "$crashes"
    dict=()
    [ -f "$here/dict/$t.dict" ] && dict=(-dict="$here/dict/$t.dict")

    # 1. Replay: every seed and every regression input (crash-*) runs once, always.
    mapfile -d '' seeds < <(find "$corpus" -type f -print0 2>/dev/null | sort -z)
    replay="ok"
    replay_log="$out/logs/$t.replay.log"
    if [ ${#seeds[@]} -eq 0 ]; then
        replay="no seeds"
        : >"$replay_log"
    elif ! "$bin" "${common[@]}" "${seeds[@]}" >"$replay_log" 2>&1; then
        bad=$(sed -n 's/^Running: //p' "$replay_log" | tail -n 1)
        [ -n "$bad" ] && cp "$bad" "$crashes/replay-$(basename "$bad")"
        echo "$t: replaying the corpus FAILED on ${bad:-?} (log: $replay_log)" >&2
        grep -E "ERROR|runtime error|oracle failed|terminate|     " "$replay_log" | head -n 6 >&2
        replay="FAILED"
        failed=1
    fi
    replay_col="${#seeds[@]} $replay"

    # 2. Fuzz for a bounded time on a scratch copy of the corpus.
    if [ "$seconds" -eq 0 ]; then
        rows+=("$(printf '%-14s %-18s %14s %10s %10s  %s' "$t" "$replay_col" "-" "-" "-" "${replay/#FAILED/replay FAILED}")")
        continue
    fi
    work="$out/work/$t"
    rm -rf "$work"
    mkdir -p "$work"
    # Known crashers (crash-*) were just replayed; leaving them out lets the fuzzer look for
    # new bugs instead of stopping at the first input.
    find "$corpus" -type f ! -name 'crash-*' -exec cp {} "$work/" \; 2>/dev/null
    log="$out/logs/$t.fuzz.log"
    echo "$t: fuzzing for ${seconds}s ($log)" >&2
    result="ok"
    if ! "$bin" "${common[@]}" "${dict[@]}" -max_total_time="$seconds" -artifact_prefix="$crashes/" \
        "$work" >"$log" 2>&1; then
        result="CRASH"
        failed=1
        artifact=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
        echo "$t: CRASH — input saved as ${artifact:-? (see $log)}" >&2
        grep -E "ERROR|runtime error|oracle failed|terminate|     |^SUMMARY" "$log" | head -n 20 >&2
        echo "  reproduce: $bin ${artifact:-CRASH_FILE}" >&2
        echo "  regression seed: cp ${artifact:-CRASH_FILE} $here/corpus/$t/crash-SHORT-DESCRIPTION" >&2
    fi
    execs=$(stat "$log" number_of_executed_units)
    rate=$(stat "$log" average_exec_per_sec)
    added=$(stat "$log" new_units_added)
    if [ "$replay" = FAILED ]; then
        if [ "$result" = ok ]; then result="replay FAILED"; else result="replay FAILED, CRASH"; fi
    fi
    rows+=("$(printf '%-14s %-18s %14s %10s %10s  %s' "$t" "$replay_col" "${execs:-?}" "${rate:-?}" "${added:-?}" "$result")")
done

echo
printf '%-14s %-18s %14s %10s %10s  %s\n' target replay executions "exec/s" "new units" result
for r in "${rows[@]}"; do echo "$r"; done
if [ "$failed" -ne 0 ]; then
    echo "fuzzing FAILED; crashing inputs are in $out/crashes/" >&2
    exit 1
fi
