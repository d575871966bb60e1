#!/usr/bin/env bash
# Benchmark of guazhi against the tools a clerk could use instead (issue 9): sqlite3,
# sqlite-utils and miller on the same generated roster, side by side in one run.
#
#   tests/bench/run.sh [GUAZHI_BINARY]        # default build/release/cli/guazhi
#
# Environment: BENCH_SIZES (default "100000 1000000"), RUNS (default 3), BENCH_YEAR (2006),
# BENCH_WORK (scratch directory, default /tmp/guazhi-bench), BENCH_SEED (20060801),
# BENCH_XLSX_ROWS (sizes up to it are also imported as .xlsx; default 100000).
# Builds nothing: build the release binary first
#   cmake --preset release && cmake --build --preset release -j2
# Prints a markdown table and writes it, with the machine it ran on, to
# tests/bench/results-latest.md.
set -euo pipefail

# EPOCHREALTIME and awk must agree on the decimal point whatever the user's locale.
export LC_ALL=C.UTF-8

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
GUAZHI=${1:-$ROOT/build/release/cli/guazhi}
SIZES=${BENCH_SIZES:-100000 1000000}
RUNS=${RUNS:-3}
YEAR=${BENCH_YEAR:-2006}
SEED=${BENCH_SEED:-20060801}
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/guazhi-bench}
RESULTS=$HERE/results-latest.md
STARTUP_CALLS=100 # start-up is a few ms: time a loop of calls, not one
XLSX_ROWS=${BENCH_XLSX_ROWS:-100000} # sizes up to this are also imported as an .xlsx

die() { echo "run.sh: $*" >&2; exit 1; }
note() { echo "== $*" >&2; }

[[ -x $GUAZHI ]] || die "no guazhi binary at $GUAZHI; build it with
  cmake --preset release && cmake --build --preset release -j2
or pass its path as the first argument"
GUAZHI=$(realpath "$GUAZHI")
# GNU time is the only portable way to get a child's peak RSS; the shell keyword has none.
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian: apt-get install time)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$RUNS'"

# The other tools are optional: a missing one is said once and its rows are skipped.
declare -A HAVE
MISSING=()
for tool in sqlite3 sqlite-utils mlr; do
    if command -v "$tool" >/dev/null; then HAVE[$tool]=1
    else HAVE[$tool]=0; MISSING+=("$tool"); fi
done
if ((${#MISSING[@]})); then
    echo "run.sh: not installed, skipped: ${MISSING[*]} (Debian: apt-get install sqlite3 sqlite-utils miller)" >&2
fi
have() { [[ ${HAVE[$1]} == 1 ]]; }

# Other jobs on the machine skew every number: record the load before and after.
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$WORK"
CFG=$WORK/bench.toml
# Generated hosts repeat within a batch far beyond the real quota of one secondee.
printf '# written by tests/bench/run.sh\nmax_per_host_per_batch = 0\n' >"$CFG"
# Never read the user's ./guazhi.toml or ~/.config/guazhi: every call names the config.
cd "$WORK"

ROWS=()              # task|tool|N|role|median s|peak MiB|note, in the order measured
declare -A REF       # "task|N" -> median seconds of the reference tool
PROBLEMS=()          # guazhi errors and cross-check mismatches, repeated at the end
NOTES=()             # observations that are not errors
SETUP=:              # run (untimed) before every timed run, e.g. to remove the database
PER=1                # divide the wall time by this (start-up loops)

# measure TASK TOOL N ROLE CMD...: run CMD RUNS times, keep the median wall time and the
# largest peak RSS. ROLE "ref" makes it the reference the task's ratios are taken against.
# The wall time comes from EPOCHREALTIME (microseconds) because %e has only centiseconds,
# too coarse for queries of a few ms; %M is the peak RSS of the command (or, for a shell
# loop, of its largest child).
measure() {
    local task=$1 tool=$2 n=$3 role=$4
    shift 4
    local i rc t0 t1 times=() peak=0 m
    note "$task | $tool | N=$n"
    for ((i = 1; i <= RUNS; i++)); do
        eval "$SETUP"
        rc=0
        t0=$EPOCHREALTIME
        /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || rc=$?
        t1=$EPOCHREALTIME
        if ((rc != 0)); then
            echo "   FAILED (exit $rc): $*" >&2
            tail -n 5 "$WORK/last.err" | sed 's/^/   | /' >&2
            PROBLEMS+=("$task / $tool / N=$n failed with exit $rc: $(tail -n 1 "$WORK/last.err")")
            ROWS+=("$task|$tool|$n|$role|failed||exit $rc")
            return 0
        fi
        times+=("$(awk -v a="$t0" -v b="$t1" -v per="$PER" 'BEGIN { printf "%.6f", (b - a) / per }')")
        m=$(tail -n 1 "$WORK/time.txt" | awk '{ print $2 }')
        ((m > peak)) && peak=$m
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    local mib
    mib=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
    [[ $role == ref ]] && REF["$task|$n"]=$median
    ROWS+=("$task|$tool|$n|$role|$median|$mib|")
    echo "   median $median s, peak $mib MiB (runs: ${times[*]})" >&2
}

# The figures of `guazhi stats` (lib/domain/stats.cpp, in its order), as hand-written SQL
# over the flat table `.import` makes of the CSV (every column TEXT, no index). Non-Party
# means not a CPC (probationary) member, as with guazhi's default non_party_exclude = [].
FIGURES_SQL="sum(up), sum(NOT up), sum(np), sum(np AND up), sum(np AND NOT up),
       sum(sg), sum(cr), sum(sg OR cr), sum(up AND tw), sum(up AND tw AND sg), sum(up AND tw AND np)"
FLAT_ROWS="SELECT batch_year, direction = 'up' AS up, home_level = 'township' AS tw,
             political_status NOT IN ('cpc_member', 'cpc_probationary') AS np,
             instr(categories, 'selected_graduate') > 0 AS sg,
             instr(categories, 'county_reserve') > 0 AS cr
        FROM t"
SQL_YEAR="SELECT count(*), $FIGURES_SQL FROM ($FLAT_ROWS WHERE batch_year = '$YEAR')"
SQL_TREND="SELECT batch_year, count(*), $FIGURES_SQL FROM ($FLAT_ROWS) GROUP BY batch_year ORDER BY batch_year"

# The same with miller straight on the CSV: 0/1 indicators, then summed.
MLR_FIGURES='
  $up = $direction == "up" ? 1 : 0;
  $tw = $home_level == "township" ? 1 : 0;
  $np = ($political_status == "cpc_member" || $political_status == "cpc_probationary") ? 0 : 1;
  $sg = ($categories =~ "selected_graduate") ? 1 : 0;
  $cr = ($categories =~ "county_reserve") ? 1 : 0;
  $f01 = 1; $f02 = $up; $f03 = 1 - $up; $f04 = $np; $f05 = $np * $up; $f06 = $np * (1 - $up);
  $f07 = $sg; $f08 = $cr; $f09 = ($sg + $cr > 0) ? 1 : 0;
  $f10 = $up * $tw; $f11 = $up * $tw * $sg; $f12 = $up * $tw * $np;'
MLR_SUM=(stats1 -a sum -f f01,f02,f03,f04,f05,f06,f07,f08,f09,f10,f11,f12)

# guazhi's 12 counts for one year (the first 12 figures of its CSV), comma-separated.
guazhi_figures() {
    "$GUAZHI" --db "$1" --config "$CFG" stats --year "$2" --format csv | awk -F, 'NR > 1 && NR <= 13 { printf "%s%s", sep, $3; sep = "," } END { print "" }'
}

# Issue 6 adds `stats --from --to --by direction`; until then the trend is one call a year.
TREND_NATIVE=0
if "$GUAZHI" stats --help 2>&1 | grep -q -- '--from'; then TREND_NATIVE=1; fi
FIRST_YEAR=2000 LAST_YEAR=2025

EXAMPLE=$ROOT/examples/roster-2005-2006.csv
SELECT_SQL=""  # the equivalent of `assign list --year Y --host UNIT`, set per N
QUERY_PLANS=()

for N in $SIZES; do
    CSV=$WORK/roster-$N-seed$SEED.csv
    if [[ ! -s $CSV || $HERE/gen.py -nt $CSV ]]; then
        note "generating $CSV"
        t0=$EPOCHREALTIME
        python3 "$HERE/gen.py" -n "$N" --seed "$SEED" -o "$CSV"
        t1=$EPOCHREALTIME
        note "generated $N rows in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
    fi
    cat "$CSV" >/dev/null # warm the page cache so the first import does not pay for the disk
    GDB=$WORK/guazhi-$N.db
    FLAT=$WORK/flat-$N.db
    G=("$GUAZHI" --db "$GDB" --config "$CFG")

    # 1. Import. Each run starts from an empty database; `init` is not timed.
    if have sqlite3; then
        SETUP="rm -f '$FLAT'"
        measure "import" "sqlite3 .import (flat, no index)" "$N" ref sqlite3 "$FLAT" ".import --csv '$CSV' t"
        # The issue's second reference point: the same rows into a table with indexes like
        # guazhi's, to tell the cost of indexing from the cost of validation.
        IDX=$WORK/indexed-$N.db
        SETUP="rm -f '$IDX'; sqlite3 '$IDX' \"CREATE TABLE t ($(head -n 1 "$CSV" | sed 's/,/ TEXT, /g') TEXT);
            CREATE INDEX t_id ON t (id_number); CREATE INDEX t_batch ON t (batch_year, direction);
            CREATE INDEX t_host ON t (host_unit, batch_year); CREATE INDEX t_home ON t (home_unit, batch_year);\""
        measure "import" "sqlite3 .import (indexed table)" "$N" - sqlite3 "$IDX" ".import --csv --skip 1 '$CSV' t"
        rm -f "$IDX"
    fi
    SETUP="rm -f '$GDB'; '$GUAZHI' --db '$GDB' --config '$CFG' init >/dev/null 2>&1"
    measure "import" "guazhi assign import" "$N" - "${G[@]}" assign import "$CSV"
    GUAZHI_OK=0
    if grep -q "$N rows .*: $N added" "$WORK/last.err" 2>/dev/null; then
        GUAZHI_OK=1
        sed 's/^/   guazhi: /' "$WORK/last.err" >&2
    else
        PROBLEMS+=("guazhi assign import N=$N did not add all $N rows: $(tail -n 3 "$WORK/last.err" | tr '\n' ' ')")
    fi
    if have sqlite-utils; then
        SU=$WORK/sqlite-utils-$N.db
        SETUP="rm -f '$SU'"
        measure "import" "sqlite-utils insert --csv" "$N" - sqlite-utils insert "$SU" t "$CSV" --csv
        rm -f "$SU"
    fi

    # 1b. The same rows as an .xlsx workbook, as Excel saves it (shared strings): its import
    # should take at most twice the CSV's, within the same memory bound. Up to XLSX_ROWS rows
    # (an .xlsx sheet holds 1,048,576 at most; writing the workbook takes a while).
    if ((N <= XLSX_ROWS)); then
        XLSX=$WORK/roster-$N-seed$SEED.xlsx
        if [[ ! -s $XLSX || $CSV -nt $XLSX || $HERE/csv_to_xlsx.py -nt $XLSX ]]; then
            note "writing $XLSX"
            python3 "$HERE/csv_to_xlsx.py" "$CSV" "$XLSX"
        fi
        SETUP="rm -f '$GDB'; '$GUAZHI' --db '$GDB' --config '$CFG' init >/dev/null 2>&1"
        measure "import xlsx" "guazhi assign import (the CSV)" "$N" ref "${G[@]}" assign import "$CSV"
        measure "import xlsx" "guazhi assign import (the .xlsx)" "$N" - "${G[@]}" assign import "$XLSX"
        grep -q "$N rows (xlsx.*: $N added" "$WORK/last.err" 2>/dev/null ||
            PROBLEMS+=("guazhi assign import of the .xlsx N=$N did not add all $N rows: $(tail -n 3 "$WORK/last.err" | tr '\n' ' ')")
    fi
    SETUP=:

    # 2. Statistics of one year, then the 26-year trend.
    have sqlite3 && measure "stats --year $YEAR" "sqlite3 hand SQL (flat)" "$N" ref sqlite3 -csv "$FLAT" "$SQL_YEAR"
    ((GUAZHI_OK)) && measure "stats --year $YEAR" "guazhi stats" "$N" - "${G[@]}" stats --year "$YEAR"
    have mlr && measure "stats --year $YEAR" "mlr on CSV" "$N" - \
        mlr --icsv --ocsv filter "\$batch_year == $YEAR" then put "$MLR_FIGURES" then "${MLR_SUM[@]}" "$CSV"

    TREND="trend $FIRST_YEAR-$LAST_YEAR"
    have sqlite3 && measure "$TREND" "sqlite3 hand SQL (flat)" "$N" ref sqlite3 -csv "$FLAT" "$SQL_TREND"
    if ((GUAZHI_OK)); then
        if ((TREND_NATIVE)); then
            measure "$TREND" "guazhi stats --from --to --by direction" "$N" - \
                "${G[@]}" stats --from "$FIRST_YEAR" --to "$LAST_YEAR" --by direction
        else
            measure "$TREND" "guazhi stats --year (26 calls)" "$N" - bash -c \
                'g=$1; shift; for ((y = '"$FIRST_YEAR"'; y <= '"$LAST_YEAR"'; y++)); do "$g" "$@" stats --year "$y"; done' \
                _ "$GUAZHI" --db "$GDB" --config "$CFG"
        fi
    fi
    have mlr && measure "$TREND" "mlr on CSV" "$N" - \
        mlr --icsv --ocsv put "$MLR_FIGURES" then "${MLR_SUM[@]}" -g batch_year then sort -n batch_year "$CSV"

    # The three must give the same figures, or the comparison means nothing. Every year is
    # checked through `--year`, which the trend (either form) must agree with.
    if ((GUAZHI_OK)) && have sqlite3; then
        flat=$(sqlite3 -csv "$FLAT" "$SQL_TREND")
        mismatched=0
        for ((y = FIRST_YEAR; y <= LAST_YEAR; y++)); do
            want=$(grep "^$y," <<<"$flat" | cut -d, -f2- || true)
            got=$(guazhi_figures "$GDB" "$y" || true)
            if [[ $want != "$got" ]]; then
                mismatched=1
                PROBLEMS+=("N=$N year $y: guazhi stats gives $got, SQL on the flat table $want")
            fi
        done
        ((mismatched)) || note "figures agree: guazhi stats = hand SQL for every year $FIRST_YEAR..$LAST_YEAR"
        if have mlr; then
            m=$(mlr --icsv --ocsv --headerless-csv-output filter "\$batch_year == $YEAR" then put "$MLR_FIGURES" \
                then "${MLR_SUM[@]}" "$CSV")
            s=$(sqlite3 -csv "$FLAT" "$SQL_YEAR")
            [[ $m == "$s" ]] && note "figures agree: mlr = hand SQL for $YEAR" ||
                PROBLEMS+=("N=$N year $YEAR: mlr gives $m, SQL $s")
        fi
    fi

    # 3. Export of every assignment (guazhi masks ID numbers by default).
    have sqlite3 && measure "export csv" "sqlite3 -csv -header (flat)" "$N" ref \
        sh -c 'exec sqlite3 -csv -header "$1" "SELECT * FROM t" >"$2"' _ "$FLAT" "$WORK/export-sqlite3.csv"
    if ((GUAZHI_OK)); then
        measure "export csv" "guazhi export assignments" "$N" - \
            sh -c 'exec "$@" >"$0"' "$WORK/export-guazhi.csv" "${G[@]}" export assignments --format csv
        lines=$(wc -l <"$WORK/export-guazhi.csv")
        ((lines == N + 1)) || PROBLEMS+=("guazhi export N=$N wrote $lines lines, expected $((N + 1))")
    fi
    rm -f "$WORK/export-sqlite3.csv" "$WORK/export-guazhi.csv"

    # 4. One host's secondees of one year, which must be served by an index.
    if ((GUAZHI_OK)) && have sqlite3; then
        HOST=$(sqlite3 "$FLAT" "SELECT host_unit FROM t WHERE batch_year = '$YEAR' AND direction = 'up'
                                GROUP BY host_unit ORDER BY count(*) DESC, host_unit LIMIT 1")
        # lib/store/assignment_store.cpp: assignment_select_sql() + build_filter() for
        # --year and --host, with its ORDER BY; guazhi binds the year as text.
        SELECT_SQL="SELECT a.id, c.id_number, c.name, c.gender, c.ethnicity, c.birth_date, c.political_status,
       c.education, c.category_mask,
       a.direction, a.batch_year, h.name, h.kind, h.county, a.home_post, t.name, t.kind, t.county,
       a.host_post, a.start_date, a.end_date, a.extended_until, a.recalled_on, a.recall_reason
  FROM assignments a
  JOIN cadres c ON c.id = a.cadre_id
  JOIN units h ON h.id = a.home_unit_id
  JOIN units t ON t.id = a.host_unit_id
 WHERE a.batch_year = '$YEAR' AND a.host_unit_id = (SELECT id FROM units WHERE name = '${HOST//\'/\'\'}')
 ORDER BY a.batch_year, a.direction DESC, a.id"
        LIST="list --year $YEAR --host"
        measure "$LIST" "sqlite3 same SQL on guazhi's db" "$N" ref sqlite3 -csv "$GDB" "$SELECT_SQL"
        measure "$LIST" "guazhi assign list" "$N" - "${G[@]}" assign list --year "$YEAR" --host "$HOST"
        plan=$(sqlite3 "$GDB" "EXPLAIN QUERY PLAN $SELECT_SQL")
        shown=$(grep -c . "$WORK/last.out" || true)
        QUERY_PLANS+=("N=$N, host $HOST ($shown lines of output):"$'\n'"$plan")
        index=$(grep -oE 'SEARCH a USING (COVERING )?INDEX [A-Za-z0-9_]+' <<<"$plan" | awk '{ print $NF }' || true)
        if [[ -z $index ]]; then
            PROBLEMS+=("N=$N: the assign list query scans assignments without an index")
        elif [[ $index != assignments_host ]]; then
            # An index, but the less selective one: every row of the year is read, then
            # filtered by host.
            NOTES+=("N=$N: \`assign list --year --host\` searches assignments with $index, not assignments_host (host_unit_id, batch_year)")
        fi
    fi
done

# 5. Start-up: the 27 secondees of 2006 from the example roster.
EXDB=$WORK/example.db
rm -f "$EXDB"
"$GUAZHI" --db "$EXDB" --config "$CFG" init >/dev/null 2>&1
"$GUAZHI" --db "$EXDB" --config "$CFG" assign import "$EXAMPLE" >/dev/null 2>&1 ||
    PROBLEMS+=("importing $EXAMPLE failed")
# A shell loop, since /usr/bin/time runs programs, not functions; the loop's own cost is the
# same for every tool.
LOOP=(bash -c 'for ((i = 0; i < '"$STARTUP_CALLS"'; i++)); do "$@" >/dev/null 2>&1; done' _)
PER=$STARTUP_CALLS
START="start-up (per call)"
have sqlite3 && measure "$START" "sqlite3 DB 'select 1'" 27 ref "${LOOP[@]}" sqlite3 "$EXDB" "select 1"
measure "$START" "guazhi --version" 27 - "${LOOP[@]}" "$GUAZHI" --version
measure "$START" "guazhi stats" 27 - "${LOOP[@]}" "$GUAZHI" --db "$EXDB" --config "$CFG" stats
PER=1

# --- report -------------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
version() { "$@" 2>/dev/null | head -n 1 || echo "not installed"; }
{
    echo "# guazhi benchmark — latest results"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
    echo "- load average (1/5/15 min): $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    echo "- tools: $("$GUAZHI" --version), sqlite3 $(version sqlite3 --version | cut -d' ' -f1), $(version sqlite-utils --version), $(version mlr --version), $(python3 --version)"
    echo "- command: \`BENCH_SIZES=\"$SIZES\" RUNS=$RUNS tests/bench/run.sh $GUAZHI\`"
    echo "- median wall time over $RUNS runs; peak RSS the largest of the runs; ratio = median / the task's reference (ref)"
    echo "- start-up rows: a loop of $STARTUP_CALLS calls, time per call"
    echo
    echo "| task | tool | N | median s | peak MiB | ratio to reference |"
    echo "|---|---|---:|---:|---:|---:|"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r task tool n role median mib extra <<<"$row"
        ref=${REF["$task|$n"]:-}
        if [[ $median == failed ]]; then ratio="failed ($extra)"; median=—; mib=—
        elif [[ -z $ref ]]; then ratio="— (no reference)"
        elif [[ $role == ref ]]; then ratio="1.00 (ref)"
        else ratio=$(awk -v a="$median" -v b="$ref" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }')
        fi
        fmt=$(awk -v m="$median" 'BEGIN { if (m == "—") print m; else if (m < 0.1) printf "%.4f", m; else printf "%.2f", m }')
        echo "| $task | $tool | $n | $fmt | $mib | $ratio |"
    done
    if ((${#QUERY_PLANS[@]})); then
        echo
        echo "Query plan of \`guazhi assign list --year $YEAR --host UNIT\` (its SQL, lib/store/assignment_store.cpp):"
        for p in "${QUERY_PLANS[@]}"; do
            echo
            echo '```'
            echo "$p"
            echo '```'
        done
    fi
    if ((${#NOTES[@]})); then
        echo
        printf -- '- %s\n' "${NOTES[@]}"
    fi
    echo
    if ((${#PROBLEMS[@]})); then
        echo "Problems:"
        printf -- '- %s\n' "${PROBLEMS[@]}"
    else
        echo "No errors; guazhi's figures equal the hand-written SQL for every year."
    fi
} >"$RESULTS"
cat "$RESULTS"
