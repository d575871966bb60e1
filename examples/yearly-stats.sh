#!/usr/bin/env bash
# The January report: last year's summary, the five-year trend by direction and the table of
# what each county sent, as one markdown document on standard output.
#
#   examples/yearly-stats.sh [YEAR] > 2006年挂职干部统计.md
#
# YEAR defaults to last year. The database is guazhi's usual one (--db is not needed when
# GUAZHI_DB or the config's `db` says where it is); GUAZHI_BIN names the binary (default:
# guazhi on the PATH).
set -euo pipefail
guazhi=${GUAZHI_BIN:-guazhi}
year=${1:-$(($(date +%Y) - 1))}
case $year in
[12][0-9][0-9][0-9]) ;;
*) echo "yearly-stats.sh: '$year' is not a year" >&2; exit 2 ;;
esac

echo "# ${year} 年度挂职干部工作统计"
echo
"$guazhi" stats --year "$year" --format markdown
echo
echo "## 近五年趋势（$((year - 4))–${year}）"
echo
"$guazhi" stats --from "$((year - 4))" --to "$year" --by direction --format markdown
echo
echo "## 各县（区）派出情况（${year}）"
echo
"$guazhi" stats --year "$year" --by home_county --format markdown
