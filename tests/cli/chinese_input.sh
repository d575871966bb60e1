# Chinese input wherever a code is accepted (issue 19): report periods (第一季度, 上半年, 年度总结
# …), stats --by and --where in Chinese, recall reasons by their labels, category lists
# separated by spaces, appraisal files in GBK, and 挂职 refused as an ambiguous direction. Every
# spelling a --help text shows is tried. Refusals exit non-zero and change nothing.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
cp db pristine.db

# fresh: a copy of the database as the example roster left it.
fresh() { cp pristine.db db; }

# period_of ID: "period period_start..period_end" of report #ID.
period_of() { sql db "SELECT period || ' ' || period_start || '..' || period_end FROM reports WHERE id = $1"; }

describe "report add --period: the Chinese names of the quarters, halves and the final summary"
# 何俊杰, assignment 14: 2006-08-01..2007-07-31, periods counted from the start.
n=0
for spelling in 第一季度:Q1:2006-08-01 一季度:Q1:2006-08-01 第二季度:Q2:2006-11-01 二季度:Q2:2006-11-01 \
    第三季度:Q3:2007-02-01 三季度:Q3:2007-02-01 第四季度:Q4:2007-05-01 四季度:Q4:2007-05-01 \
    第１季度:Q1:2006-08-01 2007年第一季度:Q2:2006-11-01 2006年第四季度:Q1:2006-08-01; do
    IFS=: read -r text label start <<<"$spelling"
    fresh
    run --db db report add 14 --kind quarterly --period "$text" --submitted 2007-08-05
    expect_rc 0
    expect_eq "$(sql db "SELECT period || ' ' || period_start FROM reports")" "$label $start"
    n=$((n + 1))
done
expect_eq "$n" 11
fresh
run --db db report add 14 --kind 季度汇报 --period 第一季度 --submitted 2006-11-05
expect_rc 0
expect_eq "$(period_of 1)" "Q1 2006-08-01..2006-10-31"
run --db db report add 14 --kind semiannual --period 上半年 --submitted 2007-02-05
expect_rc 0
expect_eq "$(period_of 2)" "H1 2006-08-01..2007-01-31"
run --db db report add 14 --kind 思想和工作汇报 --period 下半年 --submitted 2007-08-05
expect_rc 0
expect_eq "$(period_of 3)" "H2 2007-02-01..2007-07-31"
run --db db report add 14 --kind final --period 年度总结 --submitted 2007-08-20
expect_rc 0
expect_eq "$(period_of 4)" "final 2006-08-01..2007-07-31"
run --db db report add 15 --kind 挂职工作总结 --period 挂职总结 --submitted 2007-08-20
expect_rc 0
expect_eq "$(period_of 5)" "final 2006-08-01..2007-07-31"
run --db db report add 15 --kind semiannual --period 2007年上半年 --submitted 2007-02-20
expect_rc 0
expect_eq "$(period_of 6)" "H1 2006-08-01..2007-01-31"
# The same period in another spelling is the same report: refused as already recorded.
refused report add 14 --kind quarterly --period Q1 --submitted 2006-11-06 "report #1 (quarterly Q1, submitted 2006-11-05) is already recorded"
refused report add 14 --kind semiannual --period H1 --submitted 2007-02-06 "report #2 (semiannual H1"

describe "report add without --kind: the period says which report it is"
fresh
run --db db report add 14 --period 第一季度 --submitted 2006-11-05
expect_rc 0
expect_eq "$(sql db "SELECT kind || ' ' || period FROM reports WHERE id = 1")" "quarterly Q1"
run --db db report add 14 --period 上半年 --submitted 2007-02-05
expect_rc 0
expect_eq "$(sql db "SELECT kind || ' ' || period FROM reports WHERE id = 2")" "semiannual H1"
run --db db report add 14 --period 年度总结 --submitted 2007-08-20
expect_rc 0
expect_eq "$(sql db "SELECT kind || ' ' || period FROM reports WHERE id = 3")" "final final"
run --db db report add 14 --period 2007Q2 --submitted 2007-05-05
expect_rc 0
expect_eq "$(sql db "SELECT kind || ' ' || period FROM reports WHERE id = 4")" "quarterly Q3"
usage_refused report add 14 --period 第一学期 --submitted 2007-08-20 "--kind is required: --period does not say which report it is"

describe "report add --period: Chinese spellings that name no period of the kind are refused, nothing changed"
refused report add 14 --kind quarterly --period 上半年 --submitted 2007-08-05 "--period: '上半年' is not a quarterly period (Q2, 2006Q4, 第二季度 or 2006年第四季度)"
refused report add 14 --kind semiannual --period 第一季度 --submitted 2007-08-05 "--period: '第一季度' is not a half-year period (H1, 2007H1, 上半年/下半年 or 2007年上半年)"
refused report add 14 --kind quarterly --period 第五季度 --submitted 2007-08-05 "--period: 第五季度 is outside the term; its quarterly periods are: Q1 (2006-08-01..2006-10-31)"
refused report add 14 --kind quarterly --period 年度总结 --submitted 2007-08-05 "--period: '年度总结' is the final summary (kind final), not a quarterly period"
refused report add 14 --kind final --period 第四季度 --submitted 2007-08-05 "--period: the final summary's period is 'final' (总结, 年度总结, 挂职总结), not '第四季度'"
refused report add 14 --kind quarterly --period 2006年第三季度 --submitted 2007-08-05 "no quarterly period of the term ends in 2006年第三季度"
refused report add 14 --kind quarterly --period 第一学期 --submitted 2007-08-05 "'第一学期' is not a quarterly period"

describe "report add --period in calendar mode: 第一季度 is January to March"
fresh
printf 'report_periods = "calendar"\n' >calendar.toml
run --config calendar.toml --db db report add 14 --kind quarterly --period 第一季度 --submitted 2007-04-05
expect_rc 0
expect_eq "$(period_of 1)" "2007Q1 2007-01-01..2007-03-31"
run --config calendar.toml --db db report add 14 --kind quarterly --period 第三季度 --submitted 2006-10-05
expect_rc 0
expect_eq "$(period_of 2)" "2006Q3 2006-08-01..2006-09-30"
run --config calendar.toml --db db report add 14 --kind semiannual --period 上半年 --submitted 2007-07-05
expect_rc 0
expect_eq "$(period_of 3)" "2007H1 2007-01-01..2007-06-30"
run --config calendar.toml --db db report add 14 --kind semiannual --period 下半年 --submitted 2007-01-05
expect_rc 0
expect_eq "$(period_of 4)" "2006H2 2006-08-01..2006-12-31"
before=$(fingerprint db)
run --config calendar.toml --db db report add 14 --kind quarterly --period 第五季度 --submitted 2007-01-05
expect_rc 1
expect_err "--period: '第五季度' is no quarter of a year"
expect_eq "$(fingerprint db)" "$before"

describe "report import: 期次 in Chinese; a row that names no period is placed at its cell, nothing recorded"
fresh
printf '挂职编号,报告类型,期次,提交日期\n15,季度汇报,第一季度,2006-11-08\n16,季度汇报,二季度,2007-02-09\n15,思想和工作汇报,上半年,2007-02-10\n15,挂职工作总结,年度总结,2007-08-20\n' >ok.csv
run --db db report import ok.csv
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(assignment_id || ' ' || period, ', ') FROM (SELECT * FROM reports ORDER BY id)")" \
    "15 Q1, 16 Q2, 15 H1, 15 final"
cp db imported.db
printf '挂职编号,报告类型,期次,提交日期\n17,季度汇报,第一季度,2006-11-08\n17,季度汇报,上半年,2007-02-09\n' >bad.csv
before=$(fingerprint db)
run --db db report import bad.csv
expect_rc 1
expect_err "bad.csv:3: 期次: '上半年' is not a quarterly period"
expect_eq "$(fingerprint db)" "$before"
# The same file in GBK reads the same.
iconv -f UTF-8 -t GB18030 ok.csv | sed 's/^15,/18,/; s/^16,/19,/' >ok-gbk.csv
run --db db report import ok-gbk.csv
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(assignment_id || ' ' || period, ', ') FROM (SELECT * FROM reports WHERE assignment_id IN (18, 19) ORDER BY id)")" \
    "18 Q1, 19 Q2, 18 H1, 18 final"

describe "stats --by: every Chinese name of a dimension"
fresh
for by in 县区 所属县区 派出单位 接收单位 政治面貌 性别 民族 学历 年龄段 类别 干部类别 状态 等次 年度考核等次 挂职类型 党内外 原单位层级; do
    run --db db stats --year 2006 --by "$by" --format csv
    expect_rc 0
done
run --db db stats --year 2006 --by 县区 --format csv
county_csv=$(cat out.txt)
run --db db stats --year 2006 --by home_county --format csv
expect_eq "$(cat out.txt)" "$county_csv"
run --lang zh --db db stats --year 2006 --by 县区
expect_line "^所属县区 "
run --db db stats --year 2006 --by "县区，性别" --format csv
expect_rc 0
run --db db stats --year 2006 --by "home_county,gender" --format csv
two=$(cat out.txt)
run --db db stats --year 2006 --by "县区 性别" --format csv
expect_eq "$(cat out.txt)" "$two"
run --db db stats --from 2005 --to 2006 --by 挂职类型 --format csv
expect_rc 0
before=$(fingerprint db)
run --db db stats --year 2006 --by 籍贯
expect_rc 2
expect_err "籍贯"
run --db db stats --year 2006 --by 县区,所属县区
expect_rc 2
expect_eq "$(fingerprint db)" "$before"

describe "--where: keys and values in Chinese, 政治面貌 among them"
run --db db assign list --where 政治面貌=无党派人士 --format csv
expect_rc 0
expect_eq "$(tail -n +2 out.txt | wc -l)" 3
run --db db assign list --where political_status=non_partisan --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 3
run --db db assign list --where "政治面貌=党员" --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 27
run --db db assign list --where 政治面貌＝无党派人士 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 3
run --db db assign list --where "年度=2006,挂职类型=下派" --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 6
run --db db assign list --where "年度=2006，挂职类型=下派，党外干部" --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 6
run --db db assign list --year 2006 --non-party --direction down --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 6
run --db db assign list --where "所属县区=隆昌县" --format csv
by_county=$(cat out.txt)
run --db db assign list --county 隆昌县 --format csv
expect_eq "$(cat out.txt)" "$by_county"
run --db db assign list --where "县区=隆昌县,状态=期满,干部类别=选调生" --format csv
expect_rc 0
run --db db stats --year 2006 --where 政治面貌=群众 --format json
expect_rc 0
run --db db stats --year 2006 --by 县区 --where 政治面貌=无党派人士 --format csv
expect_rc 0
run --db db stats --year 2006 --where "政治面貌=九三学社社员" --format json
expect_eq "$(python3 -c 'import json; print(json.load(open("out.txt"))["total"]["count"])')" 2
run --db db assign list --where 政治面貌=火星人
expect_rc 2
expect_err "--where: unknown political status '火星人'"
run --db db assign list --where 籍贯=内江
expect_rc 2
expect_err "--where: unknown filter '籍贯'"
run --db db assign list --where 年度=2006 --year 2006
expect_rc 2
expect_err "--where: year is also given as a flag"

describe "assign recall --reason: 提拔, 先进性教育活动, 参加先进性教育活动 and every spelling of --help"
for reason in 提拔 先进性教育活动 参加先进性教育活动 提拔使用 promotion education-campaign; do
    fresh
    run --db db assign recall 21 --date 2007-03-31 --reason "$reason"
    expect_rc 0
done
fresh
run --db db assign recall 21 --date 2007-03-31 --reason 提拔
expect_eq "$(sql db 'SELECT recalled_on || " " || recall_reason FROM assignments WHERE id = 21')" "2007-03-31 promotion"
fresh
run --db db assign recall 21 --date 2007-03-31 --reason 参加先进性教育活动
expect_eq "$(sql db 'SELECT recall_reason FROM assignments WHERE id = 21')" "education_campaign"
fresh
usage_refused assign recall 21 --date 2007-03-31 --reason 调动 "unknown recall reason '调动'"
refused assign recall 21 --date 2007-03-31 --reason 特殊工作 "needs the host unit's consent"
run --db db assign recall --help
help_reasons=$(grep -o 'promotion|education-campaign|special ([^)]*)' out.txt)
checks=$((checks + 1)); [ -n "$help_reasons" ] || fail "recall --help shows no reasons"
# Every spelling in the help line: codes before the parenthesis, labels inside it.
for reason in $(echo "$help_reasons" | sed 's/[()]/ /g; s/also//; s/[|;,]/ /g'); do
    fresh
    run --db db assign recall 22 --date 2007-01-31 --reason "$reason" --host-consent "市商务局同意 2007-01-20"
    expect_rc 0
done

describe "categories: a roster cell, --category and cadre edit take a list separated by spaces"
fresh
cat >cats.csv <<'EOF'
身份证号,姓名,性别,民族,出生年月,政治面貌,学历,干部类别,派出单位,所属县区,原单位层级,原职务,挂职类型,接收单位,挂职职务,开始日期,结束日期,年度
11010519491231002X,甲一,女,汉族,1949.12,中共党员,大学本科,选调生 县级后备干部,隆昌县教育局,隆昌县,县区部门,股长,上挂,市教育局,科长助理,2008-08-01,2009-07-31,2008
110105198001010032,乙二,男,彝族,1980.01,中共党员,大学本科,选调生　少数民族,隆昌县财政局,隆昌县,县区部门,股长,上挂,市财政局,科长助理,2008-08-01,2009-07-31,2008
110105198001020038,丙三,男,汉族,1980.01,群众,大学本科,后备干部、选调生,隆昌县农业局,隆昌县,县区部门,股长,上挂,市农业局,科长助理,2008-08-01,2009-07-31,2008
EOF
run --db db assign import cats.csv
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(name || ':' || cats, ' ') FROM (SELECT c.name, (SELECT group_concat(category, ';') FROM (SELECT category FROM cadre_categories k WHERE k.cadre_id = c.id ORDER BY category)) AS cats FROM cadres c WHERE c.name IN ('甲一', '乙二', '丙三') ORDER BY c.name)")" \
    "丙三:county_reserve;selected_graduate 乙二:ethnic_minority;selected_graduate 甲一:county_reserve;selected_graduate"
run --db db assign list --year 2008 --category "县级后备干部 少数民族" --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 3
run --db db assign list --year 2008 --category 少数民族 --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 1
run --db db assign list --year 2008 --category "少数民族、女干部" --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 1
run --db db assign list --year 2008 --where "类别=少数民族 后备干部" --format csv
expect_eq "$(tail -n +2 out.txt | wc -l)" 3
run --db db stats --year 2008 --where "政治面貌=群众" --format json
expect_eq "$(python3 -c 'import json; print(json.load(open("out.txt"))["total"]["count"])')" 1
usage_refused assign list --category "选调生 党员" "unknown cadre category '党员'"
usage_refused assign list --where "类别=选调生 党员" "--where: unknown cadre category '党员'"
# A cell with a piece that is no category: the row refused at its cell, nothing imported.
sed 's/选调生 县级后备干部/选调生 县级后备/; s/^11010519491231002X,甲一/110105194912310046,甲四/; 3,4d' cats.csv >cats-bad.csv
sed -i 's/县级后备,/县级后备 党员,/' cats-bad.csv
refused assign import cats-bad.csv "cats-bad.csv:2: 干部类别: unknown cadre category '党员'"
# assign add --categories: the same list.
run --db db assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 --categories "选调生 县级后备干部" \
    --home-unit 资中县财政局 --home-county 资中县 --direction 上挂锻炼 --host-unit 市外事办 --host-post 科长助理 --start-date 2008-08-01
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(category, ';') FROM (SELECT category FROM cadre_categories k JOIN cadres c ON c.id = k.cadre_id WHERE c.name = '张明' ORDER BY category)")" \
    "county_reserve;selected_graduate"
refused assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 --categories "选调生 女" \
    --home-unit 资中县财政局 --home-county 资中县 --direction up --host-unit 市外事办 --host-post 科长助理 --start-date 2009-08-01 \
    "unknown cadre category '女'"
# cadre edit: the list from a day on.
run --db db cadre edit 110105198001010032 --categories "选调生 县级后备干部 少数民族" --since 2009-01-01
expect_rc 0
expect_eq "$(sql db "SELECT value FROM cadre_values WHERE attribute = 'categories'")" "selected_graduate;county_reserve;ethnic_minority"
refused cadre edit 110105198001010032 --categories "选调生 团员" --since 2009-02-01 "--categories: unknown cadre category '团员'"

describe "appraise final --from: TOML and JSON files in GBK or GB18030"
fresh
final_appraisal_toml "该同志工作扎实，𠀀作风优良" >鉴定.toml
iconv -f UTF-8 -t GB18030 鉴定.toml >鉴定-gbk.toml
checks=$((checks + 1)); ! iconv -f UTF-8 -t UTF-8 鉴定-gbk.toml >/dev/null 2>&1 || fail "the GBK file is valid UTF-8"
run --db db appraise final 14 --from 鉴定-gbk.toml
expect_rc 0
expect_eq "$(sql db 'SELECT conclusion FROM final_appraisals WHERE assignment_id = 14')" "该同志工作扎实，𠀀作风优良"
expect_eq "$(sql db "SELECT ideology_rating || work_rating FROM final_appraisals WHERE assignment_id = 14")" "优秀优秀"
python3 - <<'EOF'
import json
d = {"date": "2007-07-31", "conclusion": "表现突出"}
for k, r in [("ideology", "优秀"), ("work", "优秀"), ("study", "良好"), ("life", "良好"), ("integrity", "优秀")]:
    d[k] = {"rating": r, "comment": "好"}
open("鉴定-bom.json", "wb").write(b"\xef\xbb\xbf" + json.dumps(d, ensure_ascii=False).encode("utf-8"))
d["author_unit"] = "市审计局"
open("鉴定-gbk.json", "wb").write(json.dumps(d, ensure_ascii=False).encode("gbk"))
open("鉴定-bad.toml", "wb").write('conclusion = "好'.encode("utf-8") + b"\xff\xfe\"\n")
EOF
run --db db appraise final 15 --from 鉴定-gbk.json
expect_rc 0
expect_eq "$(sql db 'SELECT conclusion || author_unit FROM final_appraisals WHERE assignment_id = 15')" "表现突出市审计局"
run --db db appraise final 16 --from 鉴定-bom.json
expect_rc 0
refused appraise final 17 --from 鉴定-bad.toml "鉴定-bad.toml:1:"
expect_err "neither UTF-8 nor GB18030"
# appraise import reads its sheet as every import does: GBK too, grades by their labels.
printf '挂职编号,考核年度,等次\n14,2006,优秀\n15,2006,称职\n' | iconv -f UTF-8 -t GB18030 >考核-gbk.csv
run --db db appraise import 考核-gbk.csv
expect_rc 0
expect_eq "$(sql db "SELECT group_concat(grade, ' ') FROM (SELECT grade FROM annual_assessments ORDER BY assignment_id)")" "excellent competent"

describe "direction: 挂职 alone is refused as ambiguous, the message lists every accepted word"
fresh
usage_refused assign list --direction 挂职 "--direction: ambiguous direction '挂职': say which (accepted: 上挂/up/上挂锻炼/上派 (up), 下派/down/下挂/下派锻炼 (down))"
usage_refused assign list --where 挂职类型=挂职 "--where: ambiguous direction '挂职'"
sed -n '1p;2p' "$EXAMPLE" | sed '2s/,上挂,/,挂职,/; 2s/,2005$/,2009/; 2s/2005-08-01,2006-07-31/2009-08-01,2010-07-31/' >dir.csv
refused assign import dir.csv "dir.csv:2: 挂职类型: ambiguous direction '挂职': say which (accepted: 上挂/up/上挂锻炼/上派 (up)"
for word in 上挂 up 上挂锻炼 上派 下派 down 下挂 下派锻炼; do
    run --db db assign list --direction "$word" --year 2006 --format csv
    expect_rc 0
done

describe "--help texts show only spellings that are accepted"
run --db db stats --help
dims=$(grep 'Group by DIMENSION' out.txt | grep -oE '[a-z_]+ \([^ ),]+\)' | sed 's/[()]//g')
checks=$((checks + 1)); [ "$(echo "$dims" | wc -l)" -ge 15 ] || fail "stats --help lists $(echo "$dims" | wc -l) dimensions"
for word in $dims 县区 类别 等次 年龄; do
    case $word in
    batch_year | 年度) run --db db stats --from 2005 --to 2006 --by "$word" --format csv ;;
    *) run --db db stats --year 2006 --by "$word" --format csv ;;
    esac
    expect_rc 0
done
run --db db report add --help
expect_out "第二季度"
cp out.txt help.txt
for spelling in Q2:quarterly 2006Q4:quarterly H1:semiannual 2007H1:semiannual final:final 第二季度:quarterly \
    二季度:quarterly 上半年:semiannual 下半年:semiannual 2006年第四季度:quarterly 年度总结:final 挂职总结:final; do
    IFS=: read -r text kind <<<"$spelling"
    checks=$((checks + 1)); grep -qF -- "$text" help.txt || fail "report add --help lacks $text"
    fresh
    run --db db report add 14 --kind "$kind" --period "$text" --submitted 2007-08-20
    expect_rc 0
done
run --db db assign list --help
expect_out "政治面貌=群众"
for word in $(grep -o 'up|down ([^)]*)' out.txt | sed 's/[()|]/ /g'); do
    run --db db assign list --direction "$word" --format csv
    expect_rc 0
done
where=$(grep -oE '年度=2006[^ ]*' out.txt)
run --db db assign list --where "$where" --format csv
expect_rc 0
run --db db assign list --category "选调生 县级后备干部" --format csv
expect_rc 0
run --db db assign list --category "选调生、后备干部" --format csv
expect_rc 0

finish
