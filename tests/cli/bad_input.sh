# Every kind of bad input the issue names: a clear message that names the place, a
# non-zero exit code, and a database exactly as it was.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1
HEADER="身份证号,姓名,性别,政治面貌,派出单位,所属县区,挂职类型,接收单位,挂职职务,开始日期,结束日期"
GOOD1="511025198003150018,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,2009-07-31"
GOOD2="511028198205120027,李芳,女,民盟盟员,隆昌县教育局,隆昌县,上挂,市侨办,科长助理,2008-08-01,"
before=$(fingerprint db)

# refused_import FILE NEEDLE...: importing FILE fails with each NEEDLE on stderr; db unchanged.
refused_import() {
    local file=$1
    shift
    run --db db assign import "$file"
    expect_rc 1
    for needle in "$@"; do expect_err "$needle"; done
    expect_eq "$(fingerprint db)" "$before"
}
# csv NAME LINE...: writes the lines as a CSV file.
csv() {
    local name=$1
    shift
    printf '%s\n' "$@" >"$name"
}

describe "missing and unreadable files"
refused_import nope.csv "nope.csv: cannot open"
mkdir adir
refused_import adir "adir"

describe "empty file, header only"
: >empty.csv
refused_import empty.csv "empty.csv: the file is empty"
csv header.csv "$HEADER"
refused_import header.csv "header.csv:1: there are no data rows"

describe "missing required column, duplicate column, unknown column"
csv missing.csv "姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期" "张明,中共党员,资中县财政局,上挂,市外事办,2008-08-01"
refused_import missing.csv "missing.csv:1: missing required column 身份证号 (id_number)"
csv dup.csv "$HEADER,name" "$GOOD1,张明"
refused_import dup.csv "dup.csv:1:12: duplicate column 'name': column 2 ('姓名') already means name"
csv unknown.csv "$HEADER,爱好" "$GOOD1,x"
refused_import unknown.csv "unknown.csv:1:12: unknown column '爱好'"
run --db db assign import unknown.csv --ignore-unknown-columns --dry-run
expect_rc 0
expect_err "1 would be added"
expect_eq "$(fingerprint db)" "$before"

describe "bad ID check digit (and Excel's mangling)"
csv id.csv "$HEADER" "$GOOD2" "511025198003150017,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,"
refused_import id.csv "id.csv:3: 身份证号: ID number '511***********0017' has a wrong check digit (expected 8)" "nothing was written"
csv excel.csv "$HEADER" "5.11025E+17,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,"
refused_import excel.csv "excel.csv:2: 身份证号:" "format the column as text"
csv zeros.csv "$HEADER" "511025198003150000,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,"
refused_import zeros.csv "format the column as text"

describe "unknown direction or political status"
csv dir.csv "$HEADER" "511025198003150018,张明,男,中共党员,资中县财政局,资中县,平调,市外事办,科长助理,2008-08-01,"
refused_import dir.csv "dir.csv:2: 挂职类型: unknown direction '平调'"
csv pol.csv "$HEADER" "511025198003150018,张明,男,党棍,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,"
refused_import pol.csv "pol.csv:2: 政治面貌: unknown political status '党棍'"

describe "impossible date, end before start"
csv date.csv "$HEADER" "511025198003150018,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-02-30,"
refused_import date.csv "date.csv:2: 开始日期: '2008-02-30' is not a real date"
csv order.csv "$HEADER" "511025198003150018,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,2008-07-01"
refused_import order.csv "order.csv:2: 结束日期: 2008-07-01 is before the start date 2008-08-01"

describe "dates outside 1949..2100 or before the cadre turned 18; control characters"
csv year.csv "$HEADER" "511025198003150018,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,1006-08-01,"
refused_import year.csv "year.csv:2: 开始日期: 1006-08-01 is outside 1949..2100"
csv young.csv "$HEADER" "511025198003150018,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,1995-08-01,"
refused_import young.csv "young.csv:2: 开始日期: 1995-08-01 is before the cadre turned 18 (born 1980-03)"
printf '%s\n' "$HEADER" >nul.csv
printf '511025198003150018,张\001明,男,中共党员,资中县财政局,资中县,上挂,市外事办,科长助理,2008-08-01,\n' >>nul.csv
refused_import nul.csv "nul.csv:2: 姓名: contains a control character"

describe "overlapping assignments, in the file and against the database"
csv overlap.csv "$HEADER" "$GOOD1" "511025198003150018,张明,男,中共党员,资中县财政局,资中县,上挂,市侨办,科长助理,2009-01-01,"
refused_import overlap.csv "overlap.csv:3: 开始日期: the term 2009-01-01..2009-12-31 overlaps assignment #"
# 罗鸿灵 (2005 batch, 2005-08-01..2006-07-31) is already in the database.
csv overlap_db.csv "$HEADER" "511028197003141730,罗鸿灵,男,中共党员,隆昌县国土资源局,隆昌县,上挂,市外事办,,2006-01-01,"
refused_import overlap_db.csv "overlap_db.csv:2: 开始日期:" "overlaps assignment #1 (2005-08-01..2006-07-31 at 市国土资源局)"

describe "conflicting names for one ID, in the file and against the database"
csv names.csv "$HEADER" "$GOOD1" "511025198003150018,张敏,男,中共党员,资中县财政局,资中县,上挂,市侨办,科长助理,2010-08-01,"
refused_import names.csv "names.csv:3: 身份证号: 511***********0018 is recorded with other data — 张明 姓名: 张明 → 张敏"
csv names_db.csv "$HEADER" "511028197003141730,罗红灵,男,中共党员,隆昌县国土资源局,隆昌县,上挂,市外事办,,2010-08-01,"
refused_import names_db.csv "罗鸿灵 姓名: 罗鸿灵 → 罗红灵 (to record the file's values give --update"

describe "all problems are listed, up to a cap"
{
    echo "$HEADER"
    for i in $(seq 1 60); do echo "511025198003150017,张明,男,中共党员,资中县财政局,资中县,上挂,市外事办,,2008-08-01,"; done
} >many.csv
refused_import many.csv "many.csv:2: 身份证号" "many.csv:51: 身份证号" "… and 10 more problems" "60 problems in 60 rows"
checks=$((checks + 1)); [ "$(grep -c '^many.csv:[0-9]' err.txt)" -eq 50 ] || fail "expected 50 listed problems"

describe "broken CSV"
printf '%s\n' "$HEADER" '511025198003150018,"张明,男' >quote.csv
refused_import quote.csv "quote.csv:2:20: quoted field is never closed"
printf '%s\n' "$HEADER" '511025198003150018,"张明"x,男,中共党员,资中县财政局,资中县,上挂,市外事办,,2008-08-01,' >junk.csv
refused_import junk.csv "junk.csv:2:24: unexpected character after a closing quote"
printf '%s\n' "$HEADER" "$GOOD1,extra" >extra.csv
refused_import extra.csv "extra.csv:2: row: has values in 12 columns, the header names 11"
printf '%s\n' "$HEADER" "$GOOD1" >utf8bad.csv
printf '\xff\xfe\n' >>utf8bad.csv
run --db db assign import utf8bad.csv --encoding utf-8
expect_rc 1
expect_err "utf8bad.csv:3:1: invalid UTF-8"
expect_eq "$(fingerprint db)" "$before"

describe "a path that is not a SQLite file"
echo "this is not a database" >notdb
run --db notdb assign list
expect_rc 1
expect_err "notdb: not a guazhi database"
expect_eq "$(cat notdb)" "this is not a database"
sqlite3 foreign.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
foreign_before=$(sha256sum <foreign.db)
run --db foreign.db assign import "$EXAMPLE"
expect_rc 1
expect_err "foreign.db: is a SQLite database, but not a guazhi one"
expect_eq "$(sha256sum <foreign.db)" "$foreign_before"

describe "a read-only database"
cp db ro.db
chmod 0400 ro.db
ro_before=$(sha256sum <ro.db)
run --db ro.db assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 \
    --home-unit 资中县财政局 --direction up --host-unit 市外事办 --start-date 2008-08-01
expect_rc 1
expect_err "ro.db: the database file is read-only; nothing was changed"
expect_eq "$(sha256sum <ro.db)" "$ro_before"
run --lang zh --db ro.db stats --year 2006
expect_rc 0
expect_line "^党外干部 +13 +27 +48.1%$"

describe "a database from a newer schema version"
cp db newer.db
sqlite3 newer.db "PRAGMA user_version = 99"
newer_before=$(sha256sum <newer.db)
run --db newer.db assign list
expect_rc 1
expect_err "newer.db: the database has schema version 99, newer than this guazhi knows (14)"
run --db newer.db assign import "$EXAMPLE"
expect_rc 1
expect_eq "$(sha256sum <newer.db)" "$newer_before"

describe "a masked export cannot be imported"
"$GUAZHI" --db db export assignments --year 2006 -o masked.csv 2>/dev/null
refused_import masked.csv "masked.csv:2: id_number: ID number '511***********" "is masked; export again with --reveal-id"

finish
