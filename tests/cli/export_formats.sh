# export: the 花名册 and the other datasets as CSV (BOM, GBK), markdown, JSON and xlsx (read
# back with openpyxl), the United Front list, .lrmx (parsed as XML), and the output rules.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
# Debian's python3 has python3-openpyxl; a developer's PATH may put another python3 first.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

describe "roster: the 花名册 with Chinese headers, numbered, IDs masked"
run --lang zh --db db export roster --year 2006
expect_rc 0
expect_eq "$(head -1 out.txt)" "序号,姓名,性别,民族,出生年月,籍贯,参加工作时间,政治面貌,入党时间,学历,全日制教育,在职教育,职级,派出单位及职务,所属县区,原单位层级,接收单位及挂职职务,挂职起止时间,干部类别,挂职类型,年度,挂职项目,身份证号,联系电话,备注,状态"
# A unit and its post in one cell are parted by an ideographic space, so that they import back apart.
expect_out "1,何俊杰,男,汉族,1981.04,,,中共党员,,大学本科,,,,史家镇　党政办科员,市中区,乡镇,市财政局　预算科科长助理,2006-08-01—2007-07-31,选调生,上挂,2006,,511***********1811,,,"
expect_eq "$(tail -n +2 out.txt | wc -l)" 27
expect_err "已导出 roster 共 27 行（身份证号已隐去中间部分"
run --db db --lang en export roster --year 2006
expect_line "^No.,name,gender,ethnicity,born,"

describe "CSV for Excel: --bom, --encoding gbk"
run --db db export roster --year 2006 --bom
expect_eq "$(head -c 3 out.txt | od -An -tx1 | tr -d ' ')" "efbbbf"
run --lang zh --db db export roster --year 2006 --encoding gbk
expect_rc 0
expect_eq "$(iconv -f GB18030 -t UTF-8 out.txt | head -1 | cut -d, -f1-3)" "序号,姓名,性别"
checks=$((checks + 1)); ! iconv -f UTF-8 -t UTF-8 out.txt >/dev/null 2>&1 || fail "the GBK file is valid UTF-8"
run --db db export assignments --encoding gbk --year 2006 --reveal-id -o gbk.csv
"$GUAZHI" --db gbk.db init 2>/dev/null
run --db gbk.db assign import gbk.csv --encoding gbk
expect_err "27 rows (GB18030): 27 added"
run --db db export roster --bom --encoding gbk
expect_rc 2
run --db db export roster --bom --format json
expect_rc 2

describe "markdown and JSON"
run --lang zh --db db export reports --format markdown
expect_rc 0
expect_line "^\| 编号 \| 挂职编号 \| 姓名 \|"
run --db db export roster --year 2006 --format json
expect_eq "$(python3 -c 'import json; d=json.load(open("out.txt")); print(len(d), d[0]["name"], d[0]["direction"], d[0]["id_number_masked"])')" "27 何俊杰 up True"

describe "xlsx: a sheet per dataset, bold frozen header, real dates, a note on masking"
run --lang zh --db db export roster --year 2006 --format xlsx -o 花名册.xlsx
expect_rc 0
expect_eq "$($PY - <<'PY'
import openpyxl
wb = openpyxl.load_workbook("花名册.xlsx")
ws = wb["花名册"]
print(wb.sheetnames, ws["A1"].value, ws["B1"].font.b, ws.freeze_panes, ws["A2"].value, ws["B2"].value, ws.max_row,
      ws.column_dimensions["H"].width > ws.column_dimensions["A"].width, wb["说明"]["A2"].value)
PY
)" "['花名册', '说明'] 序号 True A2 1 何俊杰 28 True 身份证号：已隐去中间部分（--reveal-id 可导出完整号码）"
run --lang zh --db db export all --year 2006 --format xlsx -o all.xlsx
expect_rc 0
expect_eq "$($PY - <<'PY'
import datetime, openpyxl
wb = openpyxl.load_workbook("all.xlsx")
ws = wb["挂职记录"]
print(wb.sheetnames, ws["P2"].value == datetime.datetime(2006, 8, 1), ws["R2"].value)
PY
)" "['花名册', '挂职记录', '记事', '汇报', '年度考核', '挂职鉴定', '生活补助', '抄送统战部', '申报', '说明'] True 2006"
run --db db export roster --format xlsx
expect_rc 2
expect_err "--format xlsx writes a file"

describe "united-front: non-Party cadres' documents and whether they were copied"
"$GUAZHI" --db db assign appoint 16 --doc-number 内组干〔2006〕12号 --doc-date 2006-08-01 --united-front 2006-08-05 >/dev/null 2>&1
run --lang zh --db db export united-front --year 2006
expect_rc 0
expect_eq "$(tail -n +2 out.txt | wc -l)" 13
expect_out "16,钟文,民进会员,市文化局社会文化科科长助理,内组干〔2006〕12号,2006-08-01,2006-08-05,是"
expect_out "19,舒丽,九三学社社员,市统计局综合科副科长,,,,否"

describe "lrmx: well-formed XML, 简历 line, recent grades, masked ID unless --reveal-id"
"$GUAZHI" --db db appraise history 14 --year 2005 --grade 优秀 >/dev/null 2>&1
run --db db export lrmx 14 -o 何俊杰.lrmx
expect_rc 0
expect_eq "$(python3 - <<'PY'
import xml.etree.ElementTree as ET
p = ET.parse("何俊杰.lrmx").getroot()
print(p.tag, p.findtext("XingMing"), p.findtext("ChuShengNianYue"), p.findtext("JianLi"), p.findtext("NianDuKaoHeJieGuo"),
      p.findtext("ShenFenZheng"), repr(p.findtext("JiGuan")))
PY
)" "Person 何俊杰 198104 2006.08--2007.07 挂职任市财政局预算科科长助理 2005年度考核优秀 511***********1811 ''"
run --db db export lrmx 511002198104161811 --reveal-id
expect_out "<ShenFenZheng>511002198104161811</ShenFenZheng>"
expect_err "warning: the export holds complete ID numbers"
run --db db export lrmx
expect_rc 2
expect_err "export lrmx: give the cadre"
refused export lrmx 34052419800101001X "no cadre with ID number 340***********001X"

describe "output: never overwrite without --force; a failed export leaves no file; 0600 with --reveal-id"
echo keep >exists.csv
refused export roster -o exists.csv "-o exists.csv: the file exists; --force replaces it"
expect_eq "$(cat exists.csv)" keep
run --lang zh --db db export roster --year 2006 -o exists.csv --force
expect_rc 0
expect_eq "$(head -c 6 exists.csv)" "序号"
refused export roster -o /nonexistent/dir/x.csv "/nonexistent/dir/x.csv: cannot create the file"
run --db db export roster --reveal-id -o full.csv
expect_eq "$(stat -c %a full.csv)" 600
expect_err "warning: the export holds complete ID numbers"
checks=$((checks + 1)); [ -z "$(ls | grep -F .tmp-)" ] || fail "a temporary file was left: $(ls)"

describe "an empty selection writes the headers and says 0 rows"
run --db db export roster --year 2030
expect_rc 0
expect_eq "$(wc -l <out.txt)" 1
expect_err "exported 0 rows of roster"
run --db db export united-front --year 2030 --format json
expect_eq "$(cat out.txt)" "[]"

describe "bad input: unknown dataset or format"
run --db db export people
expect_rc 2
expect_err "DATASET: people not in"
run --db db export roster --format pdf
expect_rc 2
run --db db export roster 14
expect_rc 2
expect_err "unexpected argument '14'"

finish
