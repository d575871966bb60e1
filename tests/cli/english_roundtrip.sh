# Issue 20, English complete and equal: guazhi's own English exports import back. `export
# roster` (CSV, GBK, xlsx) and `export appraisals` with --lang en and --reveal-id, imported into
# a fresh database with no --lang and with --lang en, give the same records as the Chinese
# export does; English headers match as the Chinese ones do (ASCII case, full width); a header
# that is neither is refused as before, and every refusal leaves the database byte-identical.
set -- "$(realpath "$1")" "$(realpath "$2")" "${@:3}" # lib.sh works in a temporary directory
source "$(dirname "$0")/lib.sh" "$@"
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3 # python3 may be another install

# A valid ID number (GB 11643) from its first 17 digits.
id18() {
    python3 -c 'import sys; d=sys.argv[1]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(d + "10X98765432"[sum(int(a)*b for a,b in zip(d,w)) % 11])' "$1"
}

describe "the source: the example roster and rows with every 花名册 field"
new_db src.db
{
    echo "身份证号,姓名,性别,民族,出生年月,籍贯,参加工作时间,政治面貌,入党时间,学历,全日制教育,在职教育,职级,派出单位,所属县区,原单位层级,原职务,挂职类型,接收单位,挂职职务,开始日期,结束日期,年度,干部类别,挂职项目,联系电话,备注"
    echo "$(id18 51102819850315102),江小梅,女,彝族,1985.03,四川隆昌,2007.08,中共预备党员,2008.06,硕士研究生,大学本科,硕士研究生,一级科员,响石镇人民政府,隆昌县,乡镇,党政办主任,上挂,市发改委,综合科副科长,2010-08-01,2011-07-31,2010,选调生、少数民族、女干部,市县互派,13908320118,\"表现突出,群众认可\""
    echo "$(id18 51100219780506201),周成,男,汉族,1978.05,重庆荣昌,1999.07,共青团员,,大学专科,中专,大学专科,四级主任科员,市农业农村局,,市级机关,科员,下派,石燕桥镇,副镇长,2010-08-01,2011-07-31,2010,县级后备干部,乡村振兴,0832-1234567,"
    echo "$(id18 51102819690101301),刘强,男,汉族,1969.01,,1988.09,群众,,高中,,,,隆昌县水务局,隆昌县,县区部门,股长,上挂,市水务局,规划科副科长,2010-08-01,2011-07-31,2010,,,,"
} >extra.csv
run --db src.db assign import extra.csv
expect_rc 0
expect_err "3 added"
run --db src.db appraise annual 14 --year 2006 --votes 优秀=18,称职=6,基本称职=1 --outstanding --home-note 上半年表现良好
expect_rc 0
run --db src.db appraise annual 13 --year 2006 --grade 优秀 --date 2007-01-10
expect_rc 0
run --db src.db export roster --format csv --reveal-id
expect_rc 0
mv out.txt source-roster.csv
expect_eq "$(grep -c . source-roster.csv)" 44

describe "export roster --lang en writes the English headers"
run --lang en --db src.db export roster --reveal-id -o en.csv
expect_rc 0
expect_eq "$(head -1 en.csv | sed 's/^\xef\xbb\xbf//')" "No.,name,gender,ethnicity,born,native place,started work,political status,joined the Party,education,full-time education,in-service education,rank,home unit and post,county,home unit level,host unit and post,term,categories,direction,batch,programme,ID number,phone,remark,status"
checks=$((checks + 1))
grep -q ',江小梅,female,yi,1985.03,四川隆昌,2007-08,CPC probationary member,2008-06,master,bachelor,master,一级科员,响石镇人民政府　党政办主任,隆昌县,township,市发改委　综合科副科长,2010-08-01—2011-07-31,selected graduate、ethnic minority、female cadre,up,2010,市县互派,' en.csv ||
    fail "English row of 江小梅: $(grep 江小梅 en.csv)"
run --lang en --db src.db export roster --reveal-id --encoding gbk -o en-gbk.csv
expect_rc 0
run --lang en --db src.db export roster --reveal-id --format xlsx -o en.xlsx
expect_rc 0

# same DB: the roster export of DB is the source's, row for row, and so are its records.
same() {
    run --db "$1" export roster --format csv --reveal-id
    expect_rc 0
    checks=$((checks + 1))
    cmp -s out.txt source-roster.csv || fail "export roster of $1 differs: $(diff source-roster.csv out.txt | head -5)"
    run --lang en --db "$1" export roster --format csv --reveal-id
    cp out.txt en-back.csv
    run --lang en --db src.db export roster --format csv --reveal-id
    checks=$((checks + 1))
    cmp -s out.txt en-back.csv || fail "export roster --lang en of $1 differs"
    local a b
    a=$(run --db src.db assign list --format json --reveal-id; $PY -c 'import json; r=json.load(open("out.txt")); [x.pop("id") for x in r]; print(json.dumps(sorted(r, key=lambda x: json.dumps(x, sort_keys=True)), sort_keys=True))')
    b=$(run --db "$1" assign list --format json --reveal-id; $PY -c 'import json; r=json.load(open("out.txt")); [x.pop("id") for x in r]; print(json.dumps(sorted(r, key=lambda x: json.dumps(x, sort_keys=True)), sort_keys=True))')
    expect_eq "$(echo "$b" | sha256sum)" "$(echo "$a" | sha256sum)"
}

for f in en.csv en-gbk.csv en.xlsx; do
    describe "round trip of the English roster $f, imported with no --lang (Chinese messages)"
    rm -f back.db
    "$GUAZHI" --db back.db init 2>/dev/null
    env -u GUAZHI_LANG "$GUAZHI" --db back.db assign import "$f" >out.txt 2>err.txt
    rc=$?
    expect_rc 0
    expect_err "新增 43 条，0 条已有记录"
    expect_err "未读取（由其他列计算得出）：status"
    same back.db
    describe "round trip of the English roster $f, imported with --lang en"
    rm -f back.db
    "$GUAZHI" --db back.db init 2>/dev/null
    run --lang en --db back.db assign import "$f"
    expect_rc 0
    expect_err "43 added, 0 already recorded"
    expect_err "not read (computed from the other columns): status"
    same back.db
    describe "importing $f again adds nothing"
    before=$(fingerprint back.db)
    run --lang en --db back.db assign import "$f"
    expect_rc 0
    expect_err "0 added, 43 already recorded"
    expect_eq "$(fingerprint back.db)" "$before"
done

describe "English headers match as the Chinese do: any ASCII case, full width, spaces, a '*' mark"
sed '1s/.*/NO.,Name,GENDER,Ethnicity,Born,Native Place,Started Work,*Political Status,Joined the party,Education,Full-Time Education,In-Service Education,Rank,HOME UNIT AND POST,County,Home Unit Level,Host  Unit and Post,ｔｅｒｍ,Categories,Direction,Batch,Programme,ＩＤ　Ｎｕｍｂｅｒ,Phone,Remark,Status/' en.csv >en-case.csv
rm -f back.db
"$GUAZHI" --db back.db init 2>/dev/null
run --db back.db assign import en-case.csv
expect_rc 0
expect_err "43 added"
same back.db

describe "the Chinese roster export still round-trips (the same list of headers)"
run --lang zh --db src.db export roster --reveal-id -o zh.csv
expect_rc 0
expect_eq "$(head -1 zh.csv | sed 's/^\xef\xbb\xbf//')" "序号,姓名,性别,民族,出生年月,籍贯,参加工作时间,政治面貌,入党时间,学历,全日制教育,在职教育,职级,派出单位及职务,所属县区,原单位层级,接收单位及挂职职务,挂职起止时间,干部类别,挂职类型,年度,挂职项目,身份证号,联系电话,备注,状态"
rm -f back.db
"$GUAZHI" --db back.db init 2>/dev/null
run --db back.db assign import zh.csv
expect_rc 0
same back.db

describe "refused, nothing written: a header neither Chinese nor English known, an English value unknown, a masked export"
"$GUAZHI" --db db init 2>/dev/null
sed '1s/,phone,/,mobile phone,/' en.csv >en-unknown.csv
refused --lang en assign import en-unknown.csv "en-unknown.csv:1:24: unknown column 'mobile phone'"
refused --lang zh assign import en-unknown.csv "en-unknown.csv:1:24: 未知的列“mobile phone”"
sed '1s/,home unit and post,/,home unit with post,/' en.csv >en-unit.csv
refused --lang en assign import en-unit.csv "en-unit.csv:1: missing required column 派出单位 (home_unit)"
sed '1s/,term,/,duration,/' en.csv >en-term.csv
refused --lang en assign import en-term.csv "en-term.csv:1: missing required column 开始日期 (start_date)"
sed '2s/,male,/,man,/' en.csv >en-value.csv
refused --lang en assign import en-value.csv "en-value.csv:2: gender: unknown gender 'man'"
expect_err "nothing was written"
sed '/江小梅/s/,up,2010,/,sideways,2010,/' en.csv >en-direction.csv
refused --lang en assign import en-direction.csv "unknown direction 'sideways'"
run --lang en --db src.db export roster -o en-masked.csv
expect_rc 0
refused --lang en assign import en-masked.csv "--reveal-id"
expect_eq "$(sql db 'SELECT count(*) FROM assignments')" 0

describe "export appraisals --lang en (CSV and xlsx) imports back to the same assessments"
run --lang en --db src.db export appraisals --reveal-id -o ap-en.csv
expect_rc 0
expect_eq "$(head -1 ap-en.csv | sed 's/^\xef\xbb\xbf//')" "assignment,ID number,name,year,grade,excellent votes,competent votes,basically competent votes,incompetent votes,excellent share,outstanding,unit,date,home unit's note"
expect_eq "$(grep -c . ap-en.csv)" 3
run --lang en --db src.db export appraisals --reveal-id --format xlsx -o ap-en.xlsx
expect_rc 0
run --db src.db export appraisals --reveal-id --format csv
mv out.txt source-appraisals.csv
rm -f roster-only.db
new_db roster-only.db
"$GUAZHI" --db roster-only.db assign import extra.csv 2>/dev/null
for f in ap-en.csv ap-en.xlsx; do
    for lang in none en; do
        describe "appraise import $f (--lang $lang)"
        cp roster-only.db ap.db
        if [ "$lang" = none ]; then
            env -u GUAZHI_LANG "$GUAZHI" --db ap.db appraise import "$f" >out.txt 2>err.txt
            rc=$?
            expect_err "已记录 2 条年度考核，0 条已按所给内容记录"
        else
            run --lang en --db ap.db appraise import "$f"
            expect_err "2 assessments recorded, 0 already recorded as given"
        fi
        expect_rc 0
        run --db ap.db export appraisals --reveal-id --format csv
        checks=$((checks + 1))
        cmp -s out.txt source-appraisals.csv || fail "export appraisals after $f differs: $(diff source-appraisals.csv out.txt | head -5)"
        before=$(fingerprint ap.db)
        run --db ap.db appraise import "$f"
        expect_rc 0
        expect_err "0 assessments recorded, 2 already recorded as given"
        expect_eq "$(fingerprint ap.db)" "$before"
    done
done

describe "appraise import refuses an English header it does not know, and an unknown English grade"
cp roster-only.db db
sed '1s/,excellent votes,/,excellent ballots,/' ap-en.csv >ap-unknown.csv
refused --lang en appraise import ap-unknown.csv "ap-unknown.csv:1:6: unknown column 'excellentballots'"
sed '1s/,date,/,day,/' ap-en.csv >ap-day.csv
refused --lang en appraise import ap-day.csv "ap-day.csv:1:13: unknown column 'day'"
sed 's/,excellent,/,superb,/' ap-en.csv >ap-grade.csv
refused --lang en appraise import ap-grade.csv "ap-grade.csv:2: grade: unknown grade 'superb'"
sed 's/,yes,/,maybe,/' ap-en.csv >ap-flag.csv
refused --lang en appraise import ap-flag.csv "ap-flag.csv:3: outstanding: 'maybe' is not 是 or 否"
expect_eq "$(sql db 'SELECT count(*) FROM annual_assessments')" 0

finish
