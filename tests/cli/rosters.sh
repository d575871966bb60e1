# assign import on the rosters clerks really keep (issue: real rosters in): every sheet that
# tests/cli/rosters/make_rosters.py writes — CSV in UTF-8, BOM, GB18030, UTF-16 "Unicode 文本",
# TSV, xlsx; titles, 填表单位 lines, two-row headers, combined cells, periods in one cell,
# footers; header aliases, --map, extra 花名册 fields — imported into a fresh database and
# checked record by record against its manifest entry; every refusal names its place and
# leaves the database byte-identical. Then the round trip of our own exports.
HERE=$(cd "$(dirname "$0")/rosters" && pwd)
set -- "$(realpath "$1")" "$(realpath "$2")" "${@:3}" # lib.sh works in a temporary directory
source "$(dirname "$0")/lib.sh" "$@"

source "$HERE/cases.sh"

describe "the corpus is generated"
make_corpus

n=$("$PY" "$CHECK" count "$MANIFEST")
for ((i = 0; i < n; i++)); do
    run_case "$i"
done

describe "a refused import writes nothing even into a database that holds records"
before=$(fingerprint example.db)
for f in footer-bad-id.csv two-row-hidden-bad.xlsx combined-ambiguous.csv bomb.xlsx 花名册.ods; do
    timeout 30 "$GUAZHI" --db example.db assign import "corpus/$f" >out.txt 2>err.txt
    rc=$?
    expect_rc 1
    expect_eq "$(fingerprint example.db)" "$before"
done

describe "--dry-run on an xlsx validates and writes nothing"
"$GUAZHI" --db dry.db init 2>/dev/null
before=$(fingerprint dry.db)
run --db dry.db assign import corpus/two-row.xlsx --dry-run
expect_rc 0
expect_err "20 would be added"
expect_eq "$(fingerprint dry.db)" "$before"

describe "re-importing an xlsx adds nothing"
"$GUAZHI" --db again.db init 2>/dev/null
run --db again.db assign import corpus/sheets.xlsx --sheet 2
expect_rc 0
before=$(fingerprint again.db)
run --db again.db assign import corpus/sheets.xlsx --sheet 花名册
expect_rc 0
expect_err "0 added, 20 already recorded"
expect_eq "$(fingerprint again.db)" "$before"

describe "round trip: export roster (CSV and xlsx) and export assignments, with --reveal-id, import into a fresh database to the same records"
cp example.db rt.db
run --db rt.db assign import corpus/fields.csv
expect_rc 0
run --lang zh --db rt.db export roster --reveal-id -o rt-roster.csv
expect_rc 0
run --lang zh --db rt.db export roster --reveal-id --format xlsx -o rt-roster.xlsx
expect_rc 0
run --lang zh --db rt.db export roster --reveal-id --encoding gbk -o rt-roster-gbk.csv
expect_rc 0
run --db rt.db export assignments --reveal-id -o rt-assignments.csv
expect_rc 0
checks=$((checks + 1))
grep -q 13908320118 rt-roster.csv || fail "export roster --reveal-id lacks the phone number 13908320118 of 张明"
for f in rt-roster.csv rt-roster.xlsx rt-roster-gbk.csv rt-assignments.csv; do
    describe "round trip through $f"
    rm -f back.db
    "$GUAZHI" --db back.db init 2>/dev/null
    run --db back.db assign import "$f"
    expect_rc 0
    expect_err "60 added"
    python_checks same "$GUAZHI" rt.db back.db
done

describe "the xlsx roster export's masked form is refused with the hint to export with --reveal-id"
run --lang zh --db rt.db export roster --format xlsx -o masked.xlsx
"$GUAZHI" --db masked.db init 2>/dev/null
before=$(fingerprint masked.db)
run --db masked.db assign import masked.xlsx
expect_rc 1
expect_err "--reveal-id"
expect_eq "$(fingerprint masked.db)" "$before"

# Issue 20: an import's problems and summary in Chinese — by default (no --lang, no
# GUAZHI_LANG) and with --lang zh — the place first (FILE:LINE: 列名: …); in English as before.
describe "a broken roster, with no flags, is refused in Chinese, each problem at its place, and nothing is written"
cat >花名册.csv <<'CSV'
姓名,性别,身份证号,政治面貌,派出单位,接收单位,开始日期,结束日期,联系电话,年度
张一,男,34052419800101001X,中共党员,越溪镇,市委办,2006-08-01,2007-07-31,13800000000,2006
张二,女,340524198001010028,中共党员,越溪镇,市纪委,2006-08-01,2007-07-31,,2006
张三,男,511028197503151011,中共党员,隆昌县司法局,市司法局,2006-08-01,2005-07-01,,2006
张四,男,511028197604202025,群众,隆昌县民政局,市民政局,2006-08-01,2007-07-31,,2006
张五,男,511028197806113039,中共党员,隆昌县财政局,市财政局,2006-13-01,,电话号码,2006
张六,男,340524198001010011,中共党员,越溪镇,市委办,2006-08-01,2007-07-31,,20x6
CSV
"$GUAZHI" --db db init 2>/dev/null
before=$(fingerprint db)
env -u GUAZHI_LANG "$GUAZHI" --db db assign import 花名册.csv >out.txt 2>err.txt
rc=$?
expect_rc 1
expect_err "花名册.csv:4: 结束日期: 2005-07-01 早于开始日期 2006-08-01"
expect_err "花名册.csv:5: 性别: “男”与身份证号不符（应为女）"
expect_err "花名册.csv:6: 联系电话: 不是电话号码"
expect_err "花名册.csv:6: 开始日期: "
expect_err "“2006-13-01”"
expect_err "花名册.csv:7: 身份证号: "
expect_err "校验位错误（应为 X）"
expect_err "花名册.csv:7: 年度: “20x6”不是年份"
expect_err "花名册.csv: 6 行中有 6 个问题；未写入任何内容"
expect_eq "$(grep -c 'is not\|does not\|nothing was written' err.txt)" 0
expect_eq "$(fingerprint db)" "$before"
refused --lang zh assign import 花名册.csv "花名册.csv:7: 年度: “20x6”不是年份"
expect_err "花名册.csv: 6 行中有 6 个问题；未写入任何内容"

describe "the same roster in English, as before"
refused --lang en assign import 花名册.csv "花名册.csv:4: 结束日期: 2005-07-01 is before the start date 2006-08-01"
expect_err "花名册.csv:5: 性别: '男' does not agree with the ID number (女)"
expect_err "花名册.csv:6: 联系电话: is not a telephone number"
expect_err "花名册.csv:7: 身份证号: ID number '340***********0011' has a wrong check digit (expected X)"
expect_err "花名册.csv:7: 年度: '20x6' is not a year"
expect_err "花名册.csv: 6 problems in 6 rows; nothing was written"

describe "header problems in Chinese: an unknown column, missing columns, no header at all"
sed '1s/$/,爱好/; 2,$s/$/,读书/' 花名册.csv >爱好.csv
refused --lang zh assign import 爱好.csv "爱好.csv:1:11: 未知的列“爱好”（用 --ignore-unknown-columns 跳过，或用 --map '爱好=字段' 读取）"
printf '身份证号,姓名,派出单位\n34052419800101001X,张一,越溪镇\n' >缺列.csv
refused --lang zh assign import 缺列.csv "缺列.csv:1: 缺少必需的列 政治面貌 (political_status)、接收单位 (host_unit)、开始日期 (start_date)（前 2 行中，这一行最像表头：身份证号、姓名、派出单位；"
printf '甲,乙\n1,2\n' >无表头.csv
refused --lang zh assign import 无表头.csv "无表头.csv: 前 2 行中没有表头"
printf '身份证号,姓名,政治面貌,派出单位,接收单位,开始日期\n' >空.csv
refused --lang zh assign import 空.csv "空.csv:1: 表头之后没有数据行"

describe "the summary of an accepted import in Chinese: titles and footers skipped, rows added, then skipped"
{ echo "2006年挂职干部花名册"; head -3 花名册.csv; echo "填表人：王科员"; } >好.csv
run --lang zh --db db assign import 好.csv --dry-run
expect_rc 0
expect_err "好.csv: 跳过表头上方 1 行"
expect_err "好.csv: 跳过 1 行表尾（填表人、合计……）"
expect_err "好.csv: 2 行没有挂职类型：接收单位是乡镇的按下派，其余按上挂"
expect_err "好.csv: 2 行（UTF-8）：将新增 2 条（试运行，未写入），0 条已有记录（跳过）"
expect_eq "$(fingerprint db)" "$before"
env -u GUAZHI_LANG "$GUAZHI" --db db assign import 好.csv >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_err "好.csv: 2 行（UTF-8）：新增 2 条，0 条已有记录（跳过）"
run --lang zh --db db assign import 好.csv
expect_rc 0
expect_err "好.csv: 2 行（UTF-8）：新增 0 条，2 条已有记录（跳过）"
run --lang en --db db assign import 好.csv
expect_rc 0
expect_err "好.csv: skipped 1 line above the header"
expect_err "好.csv: skipped 1 footer line (填表人, 合计 …)"
expect_err "好.csv: 2 rows (UTF-8): 0 added, 2 already recorded (skipped)"

describe "report import and appraise import: their problems and summaries in Chinese"
printf '身份证号,姓名,报告类型,期次,提交日期\n34052419800101001X,张一,季度汇报,第一季度,2006-11-03\n' >汇报.csv
run --lang zh --db db report import 汇报.csv --dry-run
expect_rc 0
expect_err "汇报.csv: 将记录 1 份汇报（试运行，未写入），0 份已按所给内容记录（跳过）"
printf '身份证号,姓名,报告类型,期次,提交日期\n34052419800101001X,李四,季度汇报,第一季度,2006-11-03\n123,张一,,第一季度,2006-11-03\n' >汇报错.csv
refused --lang zh report import 汇报错.csv "汇报错.csv:2: 姓名: 姓名“李四”与挂职 #1 的干部“张一”不符"
expect_err "汇报错.csv:3: 身份证号: "
expect_err "汇报错.csv: 未写入任何内容"
refused --lang en report import 汇报错.csv "汇报错.csv:2: 姓名: the name '李四' is not that of assignment #1's cadre, '张一'"
expect_err "汇报错.csv: nothing was written"
printf '身份证号,姓名,考核年度,等次,优秀票,表现突出\n34052419800101001X,张一,20x6,称职,,也许\n34052419800101001X,张一,2006,称职,0,\n' >考核错.csv
refused --lang zh appraise import 考核错.csv "考核错.csv:2: 考核年度: “20x6”不是年份"
expect_err "考核错.csv:2: 表现突出: “也许”不是“是”或“否”"
expect_err "考核错.csv:3: 优秀票: 各项票数均为 0：没有投票"
expect_err "考核错.csv: 未写入任何内容"
printf '身份证号,姓名,考核年度,等次,考核日期\n34052419800101001X,张一,2006,称职,2007-01-10\n' >考核.csv
run --lang zh --db db appraise import 考核.csv
expect_rc 0
expect_err "考核.csv: 已记录 1 条年度考核，0 条已按所给内容记录"
printf '身份证号,姓名,考核年度,等次,考核日期\n34052419800101001X,张一,2006,优秀,2007-01-11\n' >考核改.csv
refused --lang zh appraise import 考核改.csv "考核改.csv:2: 等次: 张一 的 2006 年度考核已记录等次 称职（所给为 优秀）、考核日期 2007-01-10（所给为 2007-01-11）；用 --replace 可改动，原记录保留在历史中"
refused --lang en appraise import 考核改.csv "考核改.csv:2: 等次: the 2006 assessment of 张一 already records grade 称职 (given 优秀), date 2007-01-10 (given 2007-01-11); --replace changes it and keeps the earlier record in the history"

finish
