# export report --format html: the yearly report page with the figures of `stats --year`, drawn
# by headless Chromium into a PNG that must show something; the refusals around it.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

describe "the 2006 report: the seed's figures, charts, counties, no ID numbers"
run --lang zh --db db export report --year 2006 --format html -o r.html
expect_rc 0
expect_err "已将 2006 年度报告导出到 r.html（只含统计数字，不含身份证号）"
expect_out_empty
cp r.html out.txt
expect_eq "$(head -1 r.html)" "<!DOCTYPE html>"
expect_out "<title>2006 年度挂职干部工作报告</title>"
expect_out "<tr><td>挂职干部总数</td><td class=\"n\">27</td>"
expect_out "<tr><td>党外干部</td><td class=\"n\">13</td><td class=\"n\">27</td><td class=\"n\">48.1%</td></tr>"
expect_out "<tr><td>选调生和县级后备干部</td><td class=\"n\">8</td><td class=\"n\">27</td><td class=\"n\">29.6%</td></tr>"
expect_out "<h2>历年趋势（2005—2006 年度）</h2>"
expect_out "<title>2006 上挂: 21</title>"
expect_out "<title>2006 党外干部: 48.1%</title>"
expect_out "<h2>按所属县区（2006 年度）</h2>"
expect_out "<td>资中县</td>"
expect_out "不含姓名和身份证号"
expect_no_out "511"
expect_eq "$(grep -o 'https\?://[^"]*' r.html | sort -u)" "http://www.w3.org/2000/svg"
run --db db --lang en export report --year 2006 --format html
expect_rc 0
expect_out "<tr><td>non-Party cadres</td><td class=\"n\">13</td><td class=\"n\">27</td><td class=\"n\">48.1%</td></tr>"
expect_out "This report holds figures only"

describe "headless Chromium draws it: not blank, in colour"
CHROMIUM=$(command -v chromium || true)
checks=$((checks + 1))
if [ -z "$CHROMIUM" ]; then
    fail "chromium is not installed (.ci/install-deps installs it)"
else
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --screenshot=r.png --window-size=1200,1600 \
        "file://$PWD/r.html" >chromium.log 2>&1
    [ -s r.png ] || fail "no screenshot: $(tail -5 chromium.log)"
    # More than 2% of the pixels not white and at least 8 colours: text, tables and both charts.
    expect_eq "$($PY "$ROOT/tests/cli/png_check.py" r.png 2 8)" "1200x1600 ok"
fi

describe "refusals: html only for the report, the report only as html and with --year"
usage_refused export report --format html "export report: give --year"
usage_refused export report --year 2006 --format csv "export report: --format html"
usage_refused export report --year 2006 "export report: --format html"
usage_refused export roster --year 2006 --format html "--format html is for export report, not roster"
usage_refused stats --year 2006 --format html "--format: html not in"
usage_refused assign list --format html "--format: html not in"

describe "output: an existing file is kept without --force"
echo keep >exists.html
refused export report --year 2006 --format html -o exists.html "-o exists.html: the file exists; --force replaces it"
expect_eq "$(cat exists.html)" keep
run --db db export report --year 2006 --format html -o exists.html --force
expect_rc 0
expect_eq "$(head -1 exists.html)" "<!DOCTYPE html>"

finish
