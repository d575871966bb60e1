# The sweep of issue 16's acceptance: every command is run with the test data's full ID numbers
# in hand, and all of its stdout, stderr and the files it writes are searched for them. None
# may appear without --reveal-id; with it they must (so the search itself is proved to work).
# The database and its backups are the records themselves, not outputs, and are not searched.
source "$(dirname "$0")/lib.sh" "$@"

new_db db
tail -n +2 "$EXAMPLE" | cut -d, -f1 | sed 's/^\xEF\xBB\xBF//' >ids.txt
checks=$((checks + 1)); [ "$(wc -l <ids.txt)" -eq 40 ] || fail "the example roster should hold 40 ID numbers"
# Every ID also as typed in other ways a message could echo: lower-case x, in ="…" (Excel).
sed 's/X$/x/' ids.txt >>ids.txt
final_appraisal_toml 表现优秀 >final.toml
printf 'report\n' >report.txt
printf '身份证号,年度,报告类型,期次,提交日期\n511002198104161811,2006,季度,Q1,2006-11-05\n' >reports.csv
printf '身份证号,考核年度,等次\n511002198104161811,2005,称职\n' >annual.csv
# Rows a clerk gets wrong, so that the messages quote them: a wrong check digit, an ID already
# recorded with another name, a birth date the ID contradicts, an ID in ="…" with an escape.
printf '身份证号,姓名,政治面貌,派出单位,接收单位,开始日期,出生年月\n' >bad.csv
printf '511002198104161812,何俊杰,中共党员,史家镇,市财政局,2008-08-01,\n' >>bad.csv
printf '511002198104161811,何俊, 中共党员,史家镇,市司法局,2008-08-01,\n' >>bad.csv
printf '511011197006234150,刘建华,中共党员,东兴区审计局,市审计局,2008-08-01,1971.02\n' >>bad.csv
printf '="511025196812131571",张先保\x1b[31m,中共党员,资中县人民政府办公室,市政府办,2008-08-01,\n' >>bad.csv
mkdir -p out cmds
: >out.txt
: >err.txt
n=0
# sweep ARGS...: runs guazhi on db with its stdout, stderr kept for the search.
sweep() {
    n=$((n + 1))
    "$GUAZHI" --db db "$@" >"out/$n.stdout" 2>"out/$n.stderr"
    printf '%s\n' "$*" >"cmds/$n"
}

# Record things of every kind first, so that every listing and export has rows.
sweep assign appoint 14 --post-level 副科级 --doc-number 内组干12号 --doc-date 2006-08-01 --mentor 王局长
sweep assign note 14 --kind 考察 --date 2007-06-20 --text 表现优秀
sweep assign extend 15 --until 2007-10-31 --home-consent 函 --reason 项目收尾
sweep assign recall 16 --date 2007-03-31 --reason 提拔使用
sweep assign complete 14 --date 2007-07-31 --handover 已交接
sweep assign follow-up 511002198104161811 --post 副局长 --date 2008-01-01 --promotion
sweep assign follow-up 511002198104161812 --post 副局长 --date 2008-01-01
sweep assign apply --host 市财政局 --year 2006 --requested 2
sweep report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach report.txt
sweep report import reports.csv
sweep appraise annual 14 --year 2006 --grade 优秀 --votes 优秀=18,称职=6
sweep appraise history 511002198104161811 --year 2004 --grade 称职
sweep appraise import annual.csv
sweep appraise final 14 --from final.toml
sweep assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 --home-unit 资中县财政局 \
    --direction 上挂 --host-unit 市外事办 --start-date 2008-08-01
sweep assign add --id-number 511002198104161812 --name 何俊杰 --political-status 中共党员 --home-unit 史家镇 \
    --direction 上挂 --host-unit 市外事办 --start-date 2008-08-01
sweep assign add --id-number 511002198104161811 --name 何俊 --political-status 中共党员 --home-unit 史家镇 \
    --direction 上挂 --host-unit 市外事办 --start-date 2008-08-01
sweep assign import bad.csv
sweep assign import "$EXAMPLE"
# Every listing, in every format.
for fmt in table csv json; do
    sweep assign list --format "$fmt"
    sweep assign show 14 --format "$fmt"
    sweep report list --format "$fmt"
    sweep report due --as-of 2007-12-31 --format "$fmt"
    sweep report compliance --format "$fmt"
    sweep appraise show 511002198104161811 --format "$fmt"
    sweep appraise show 14 --format "$fmt"
    sweep appraise missing --format "$fmt"
    sweep appraise recommend --year 2006 --format "$fmt"
    sweep assign applications --year 2006 --format "$fmt"
    sweep assign allowance --year 2006 --format "$fmt"
    sweep stats --year 2006 --format "$fmt"
    sweep stats --by home_unit --format "$fmt"
    sweep unit list --format "$fmt"
    sweep log --format "$fmt"
    for change in 1 2 6 13; do sweep log --change "$change" --format "$fmt"; done
    sweep check --format "$fmt"
done
# Every dataset in every format, to stdout and to a file.
for dataset in roster assignments events reports appraisals final-appraisals allowance united-front applications; do
    for fmt in csv json markdown xlsx; do
        sweep export "$dataset" --year 2006 --format "$fmt" -o "out/$dataset-2006.$fmt"
        [ "$dataset" = applications ] && continue # it needs --year
        sweep export "$dataset" --format "$fmt" -o "out/$dataset.$fmt"
        [ "$fmt" = xlsx ] || sweep export "$dataset" --format "$fmt"
    done
done
sweep export roster --encoding gbk -o out/roster-gbk.csv
sweep export all --format json -o out/all.json
sweep export all --format xlsx -o out/all.xlsx
sweep export lrmx 511002198104161811 -o out/15.lrmx
sweep export lrmx 14
sweep export report --year 2006 --format html -o out/2006.html
sweep import-all out/all.json
# A complete export (kept out of the searched directory: it holds them by design), merged back,
# and merged with a conflict the message must describe without the ID number.
mkdir -p revealed
"$GUAZHI" --db db export all --format json --reveal-id -o revealed/all.json 2>/dev/null
sweep import-all revealed/all.json --dry-run
sweep import-all revealed/all.json
sed 's/"name":"何俊杰"/"name":"何俊"/' revealed/all.json >revealed/conflict.json
sweep import-all revealed/conflict.json
sweep undo --dry-run
sweep undo
sweep backup backup.db

# The search: workbooks and GB18030 are read as text first.
python3 - <<'PY'
import glob, zipfile
for path in glob.glob("out/*.xlsx"):
    with zipfile.ZipFile(path) as z:
        open(path + ".txt", "w").write("\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()))
for path in glob.glob("out/*-gbk.csv"):
    open(path + ".txt", "w").write(open(path, encoding="gb18030").read())
PY
describe "no full ID number in any output, message or file without --reveal-id ($n commands)"
checks=$((checks + 1))
found=$(grep -rlF -f ids.txt out || true)
if [ -n "$found" ]; then
    for f in $found; do
        cmd=${f#out/}; cmd=cmds/${cmd%%.*}
        fail "$f ($(cat "$cmd" 2>/dev/null || echo a written file)): $(grep -oF -f ids.txt "$f" | head -1 | sed -E 's/^(.{3}).*(.{4})$/\1…\2/')"
    done
fi
checks=$((checks + 1))
[ "$(ls out/*.stderr | wc -l)" -eq "$n" ] || fail "not every command ran"

[ -n "${SWEEP_KEEP:-}" ] && cp -r out cmds "$SWEEP_KEEP"/ # to look at what the commands said

describe "with --reveal-id the full ID numbers are there (the search finds them)"
rm -rf out && mkdir -p out
n=0
sweep export roster --reveal-id -o out/roster.csv
sweep export assignments --format xlsx --reveal-id -o out/assignments.xlsx
sweep log --change 1 --format json --reveal-id
sweep export lrmx 14 --reveal-id
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("out/assignments.xlsx") as z:
    open("out/assignments.xlsx.txt", "w").write("\n".join(z.read(n).decode() for n in z.namelist()))
PY
for f in out/roster.csv out/assignments.xlsx.txt out/3.stdout out/4.stdout; do
    checks=$((checks + 1))
    grep -qF 511002198104161811 "$f" || fail "$f lacks the full ID number with --reveal-id"
done

finish
