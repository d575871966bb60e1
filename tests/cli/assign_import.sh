# assign import: the example roster as Excel writes it (UTF-8 BOM, CRLF), GBK, stdin,
# re-import, dry run, title rows, full-width input.
source "$(dirname "$0")/lib.sh" "$@"

"$GUAZHI" --db db init 2>/dev/null

describe "the example roster (UTF-8 with BOM, CRLF, quoted commas) imports completely"
run --db db assign import "$EXAMPLE"
expect_rc 0
expect_err "40 rows (UTF-8): 40 added, 0 already recorded (skipped)"
expect_out_empty
expect_eq "$(sql db 'SELECT count(*) FROM assignments')" 40
expect_eq "$(sql db 'SELECT count(*) FROM cadres')" 40
expect_eq "$(sql db "SELECT home_post FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE c.name = '苏莉'")" "办公室副主任,主任科员"
expect_eq "$(sql db "SELECT kind || '/' || county FROM units WHERE name = '越溪镇'")" "township/威远县"
expect_eq "$(sql db "SELECT count(*) FROM cadres WHERE political_status = 'cpc_member'")" 27
expect_eq "$(sql db "SELECT group_concat(DISTINCT end_date) FROM assignments WHERE batch_year = 2006")" "2007-07-31"

describe "importing the same file again adds nothing and says how many were skipped"
before=$(fingerprint db)
run --db db assign import "$EXAMPLE"
expect_rc 0
expect_err "0 added, 40 already recorded (skipped)"
expect_eq "$(fingerprint db)" "$before"

describe "the same roster in GBK (auto-detected and forced) gives the same records"
iconv -f UTF-8 -t GB18030 <(tail -c +4 "$EXAMPLE") >gbk.csv
"$GUAZHI" --db gbk.db init 2>/dev/null
run --db gbk.db assign import gbk.csv
expect_rc 0
expect_err "40 rows (GB18030): 40 added"
"$GUAZHI" --db db export assignments --reveal-id -o a.csv 2>/dev/null
"$GUAZHI" --db gbk.db export assignments --reveal-id -o b.csv 2>/dev/null
checks=$((checks + 1)); cmp -s a.csv b.csv || fail "GBK import differs from UTF-8 import"
"$GUAZHI" --db gbk2.db init 2>/dev/null
run --db gbk2.db assign import gbk.csv --encoding gbk
expect_rc 0
expect_err "40 added"

describe "standard input, LF endings, no BOM"
tail -c +4 "$EXAMPLE" | tr -d '\r' >lf.csv
"$GUAZHI" --db stdin.db init 2>/dev/null
run_in lf.csv --db stdin.db assign import -
expect_rc 0
expect_err "<stdin>: 40 rows (UTF-8): 40 added"

describe "a pipe named as the file (<(…)) is read whole, not sniffed and cut"
"$GUAZHI" --db pipe.db init 2>/dev/null
run --db pipe.db assign import <(cat lf.csv)
expect_rc 0
expect_err "40 rows (UTF-8): 40 added"

describe "--dry-run validates and writes nothing"
"$GUAZHI" --db dry.db init 2>/dev/null
before=$(fingerprint dry.db)
run --db dry.db assign import "$EXAMPLE" --dry-run
expect_rc 0
expect_err "40 would be added (dry run, nothing written)"
expect_eq "$(fingerprint dry.db)" "$before"

describe "title rows, English headers in any order, full-width text, blank rows, Excel dates"
{
    printf '2008年度挂职干部花名册,,,,,,\r\n'
    printf ' host_unit ,direction,start_date,name,id_number,political_status,home_unit\r\n'
    printf '市外事办,上挂,39661,张明,５１１０２５１９８００３１５００１８,党员,资中县财政局\r\n'
    printf ',,,,,,\r\n'
    printf '市侨办,up,２００８年８月１日,李芳,511028198205120027,无党派民主人士,隆昌县教育局\r\n'
    printf '\r\n\r\n'
} >odd.csv
"$GUAZHI" --db odd.db init 2>/dev/null
run --db odd.db assign import odd.csv
expect_rc 0
expect_err "2 rows (UTF-8): 2 added"
expect_eq "$(sql odd.db "SELECT id_number || ' ' || start_date || ' ' || end_date || ' ' || batch_year FROM assignments a JOIN cadres c ON c.id = a.cadre_id ORDER BY a.id")" \
"511025198003150018 2008-08-01 2009-07-31 2008
511028198205120027 2008-08-01 2009-07-31 2008"
expect_eq "$(sql odd.db "SELECT political_status || ' ' || gender || ' ' || birth_date FROM cadres ORDER BY id")" \
"cpc_member male 1980-03-15
non_partisan female 1982-05-12"
expect_eq "$(sql odd.db "SELECT kind FROM units WHERE name = '资中县财政局'")" "county_dept"

describe "a line break inside a cell (Excel's Alt+Enter) becomes a space"
printf '%s\n' "身份证号,姓名,政治面貌,派出单位,原职务,挂职类型,接收单位,开始日期" \
    '511025198003150018,张明,中共党员,资中县财政局,"办公室主任' '兼科员",上挂,市外事办,2008-08-01' >alt.csv
"$GUAZHI" --db alt.db init 2>/dev/null
run --db alt.db assign import alt.csv
expect_rc 0
expect_eq "$(sql alt.db 'SELECT home_post FROM assignments')" "办公室主任 兼科员"

describe "a configured term length sets the default end date"
printf 'term_months = 24\n' >long.toml
"$GUAZHI" --db long.db init 2>/dev/null
run --config long.toml --db long.db assign import odd.csv
expect_rc 0
expect_eq "$(sql long.db "SELECT DISTINCT end_date FROM assignments")" "2010-07-31"

describe "on a terminal, a progress line for large files (and none when piped)"
python3 - >big.csv <<'PY'
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print("id_number,name,political_status,home_unit,direction,host_unit,start_date")
for i in range(6000):
    s = "511002%04d%02d%02d%03d" % (1960 + i % 40, 1 + i // 40 % 12, 1 + i // 480 % 28, i // 13440 + 100)
    s += "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11]
    print("%s,干部%d,中共党员,县单位%d,上挂,市机关%d,%d-08-01" % (s, i, i % 30, i % 80, 2000 + i % 20))
PY
printf 'max_per_host_per_batch = 0\n' >nolimit.toml
"$GUAZHI" --db big.db init 2>/dev/null
script -qec "$GUAZHI --config nolimit.toml --db big.db assign import big.csv" /dev/null >tty.txt
checks=$((checks + 1)); grep -q $'\rread 5000 rows' tty.txt || fail "no progress line on a terminal"
expect_eq "$(sql big.db 'SELECT count(*) FROM assignments')" 6000
"$GUAZHI" --db big2.db init 2>/dev/null
run --config nolimit.toml --db big2.db assign import big.csv
expect_rc 0
checks=$((checks + 1)); ! grep -q "read 5000" err.txt || fail "progress line written to a pipe"

finish
