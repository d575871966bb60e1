# Every --help in both languages (issue 20): Chinese by default, English with --lang en, one example
# each, and the language chosen in the documented order (--lang > $GUAZHI_LANG > config `lang` >
# the locale > zh).
#
# The subcommand paths are read from the help itself — `guazhi --help`'s Subcommands section, then
# each `SUB --help`'s, recursively — so a new subcommand is checked without touching this file.
#
# The rules, line by line:
# - Chinese (no --lang, GUAZHI_LANG unset; lib.sh's LANG=C.UTF-8 is not English): every line holds
#   a CJK character, except a blank line, a command line (`guazhi …`, and the continuation lines of
#   one ending in `\`), and a line that is only names and values: what is left once option names
#   (-h, --year), $VARIABLES, `code`, "quoted" and 'quoted' text, {value lists}, [sections],
#   KEY = (a file's keys), identifiers with _ or a dot (file and column names), upper-case metavars
#   and numbers are removed holds no word of two letters (an option line with no text, a line of a
#   sample file such as `  date = 2007-07-20`). An example exists: a line `示例：` followed by a
#   line `  guazhi …`. The usage line reads `用法：`.
# - English (--lang en): no Chinese sentence. Chinese is allowed as the domain's own words — a
#   gloss in parentheses (干部挂职锻炼), a value list (上挂|下派, 优秀=18), a column header or a
#   vocabulary word (派出单位, 选调生) — and inside commands, quotes and sample files; so once the
#   command lines, "quoted" text and (parenthesized) glosses are removed, a line may hold no
#   full-width punctuation (，。；：！？（）“” — a sentence's marks) and no run of more than 10 CJK
#   characters (the longest domain word the help uses, 接收单位及挂职职务, has 9). An example
#   exists: `Example:` followed by `  guazhi …`.
source "$(dirname "$0")/lib.sh" "$@"
# The default language is the locale's: lib.sh's LANG=C.UTF-8 (Chinese), whatever the caller's LC_*.
unset LC_ALL LC_MESSAGES

# A checker of one help text (stdin) by the rules above: prints each offending line.
cat >check_help.py <<'EOF'
import re, sys
lang, where = sys.argv[1], sys.argv[2]
lines = sys.stdin.read().split("\n")
cjk = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
fullwidth_marks = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u201c\u201d]")
bad = []
example = False
continued = False
for i, line in enumerate(lines):
    command = continued or re.match(r"^\s*guazhi ", line) is not None
    continued = command and line.endswith("\\")
    if i + 1 < len(lines) and re.match(r"^  guazhi ", lines[i + 1]):
        if (lang == "zh" and line == "示例：") or (lang == "en" and line == "Example:"):
            example = True
    if not line.strip() or command:
        continue
    if lang == "zh":
        if cjk.search(line):
            continue
        rest = line
        for pattern in [r"`[^`]*`", r'"[^"]*"', r"'[^']*'", r"\{[^}]*\}", r"\[[^\]]*\]", r"(?<![\w-])-{1,2}[A-Za-z][\w-]*",
                        r"\$[A-Z_]+", r"^\s*[\w.]+\s*=", r"\S*[_.]\S*", r"\b[A-Z]+\b", r"\d+"]:
            rest = re.sub(pattern, " ", rest)
        if re.search(r"[A-Za-z]{2}", rest):
            bad.append(f"{where}: English line in Chinese help: {line.strip()}")
    else:
        rest = line
        for pattern in [r'"[^"]*"', r"\([^()]*\)", r"（[^（）]*）"]:
            rest = re.sub(pattern, " ", rest)
        if fullwidth_marks.search(rest) or re.search(r"[\u2e80-\u9fff]{11,}", rest):
            bad.append(f"{where}: Chinese sentence in English help: {line.strip()}")
if not example:
    bad.append(f"{where}: no example ({'示例：' if lang == 'zh' else 'Example:'} then a guazhi command)")
if lang == "zh" and not any(l.startswith("用法：") for l in lines):
    bad.append(f"{where}: no 用法： line")
print("\n".join(bad))
EOF

# help_check LANG WHERE: checks out.txt by the rules of LANG, one check per rule and help text.
help_check() {
    local problems
    problems=$(python3 check_help.py "$1" "$2" <out.txt)
    checks=$((checks + 1))
    [ -z "$problems" ] || fail "$problems"
}

# The subcommands an (English) help text lists.
subcommands_of() {
    awk '/^Subcommands:$/ { listing = 1; next } listing && /^  [a-z]/ { print $1; next } listing && /^$/ { listing = 0 }' "$1"
}

describe "the subcommand paths, read from the help"
paths=("")
queue=("")
while [ ${#queue[@]} -gt 0 ]; do
    path=${queue[0]}
    queue=("${queue[@]:1}")
    # shellcheck disable=SC2086 # the path is words
    "$GUAZHI" --lang en $path --help >sub.txt 2>/dev/null
    for sub in $(subcommands_of sub.txt); do
        paths+=("${path:+$path }$sub")
        queue+=("${path:+$path }$sub")
    done
done
checks=$((checks + 1))
# init, assign and its 17, cadre 2, report 6, appraise 7, stats … backup, unit 2: 47 and the top.
[ ${#paths[@]} -ge 48 ] || fail "only ${#paths[@]} help texts found: ${paths[*]}"
for must in "assign import" "report due" "appraise recommend" "unit set" "cadre edit" backup; do
    checks=$((checks + 1))
    printf '%s\n' "${paths[@]}" | grep -qx "$must" || fail "the help lists no '$must'"
done

describe "every --help is Chinese by default, with an example"
for path in "${paths[@]}"; do
    # shellcheck disable=SC2086
    env -u GUAZHI_LANG "$GUAZHI" $path --help >out.txt 2>err.txt
    rc=$?
    current="guazhi ${path:+$path }--help (default language)"
    expect_rc 0
    help_check zh "guazhi ${path:+$path }--help"
done

describe "every --help is English with --lang en, with an example"
for path in "${paths[@]}"; do
    # shellcheck disable=SC2086
    env -u GUAZHI_LANG "$GUAZHI" --lang en $path --help >out.txt 2>err.txt
    rc=$?
    current="guazhi --lang en ${path:+$path }--help"
    expect_rc 0
    expect_out "Usage: "
    help_check en "guazhi --lang en ${path:+$path }--help"
    cat out.txt >>all_en.txt
done

describe "CLI11's labels in Chinese: headings, value names, REQUIRED, Excludes"
env -u GUAZHI_LANG "$GUAZHI" assign add --help >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_line "^用法：.* assign add \[选项\]$"
expect_line "^选项：$"
expect_line "^  --id-number 文本 必填 +身份证号（id_number），必填$"
expect_line "^  --gender 文本 +性别（gender）$"
env -u GUAZHI_LANG "$GUAZHI" appraise annual --help >out.txt 2>err.txt
expect_line "^位置参数：$"
expect_line "^  ASSIGNMENT 文本 必填 +挂职编号$"
expect_line "^  --outstanding 不可同时使用: --not-outstanding"
expect_no_out "--recorded-by" # hidden, in both languages
env -u GUAZHI_LANG "$GUAZHI" --help >out.txt 2>err.txt
expect_line "^子命令：$"
expect_line "^用法：.* \[选项\] 子命令$"
expect_line "^退出码：$"
expect_line "^  2  用法错误"
env -u GUAZHI_LANG "$GUAZHI" undo --help >out.txt 2>err.txt
expect_line "^  --change 整数:正数 +要撤销的变更"
env -u GUAZHI_LANG "$GUAZHI" assign apply --help >out.txt 2>err.txt
expect_out "--requested 整数:取值 [0 - 10000]"

describe "a description built at run time is Chinese too: --format, --pending, --by, DATASET, appraise final"
env -u GUAZHI_LANG "$GUAZHI" assign list --help >out.txt 2>err.txt
expect_line "^ +输出格式：table\|csv\|json$"
expect_line "^ +尚未记录的任职手续：election\|united-front\|"
env -u GUAZHI_LANG "$GUAZHI" stats --help >out.txt 2>err.txt
expect_line "^  --by 文本 +按 维度\[,维度\] 分组：batch_year \(年度\), "
env -u GUAZHI_LANG "$GUAZHI" export --help >out.txt 2>err.txt
expect_line "^ +要导出的内容：roster, assignments, "
env -u GUAZHI_LANG "$GUAZHI" appraise final --help >out.txt 2>err.txt
expect_line "^  --ideology 文本 +思想评价（ideology）$"
expect_line "^  --ideology-comment 文本 +ideology 方面的评语$"
env -u GUAZHI_LANG "$GUAZHI" cadre edit --help >out.txt 2>err.txt
expect_line "^  --political-status 文本 +政治面貌（political_status），按日期变化：须提供 --since$"
# The same in English, as before the translation.
env -u GUAZHI_LANG "$GUAZHI" --lang en assign list --help >out.txt 2>err.txt
expect_line "^ +Output format: table\|csv\|json$"
expect_line "^  --direction TEXT:direction +up\|down \(上挂\|下派\)$"
env -u GUAZHI_LANG "$GUAZHI" --lang en appraise final --help >out.txt 2>err.txt
expect_line "^  --ideology TEXT +Rating for ideology \(思想\)$"
env -u GUAZHI_LANG "$GUAZHI" --lang en assign add --help >out.txt 2>err.txt
expect_line "^  --id-number TEXT REQUIRED +身份证号 \(id_number\), required$"

describe "Chinese columns line up by display width"
env -u GUAZHI_LANG "$GUAZHI" assign list --help >out.txt 2>err.txt
# "  --year 整数" is 11 cells wide: the description starts in cell 33, as for an ASCII name.
expect_line "^  --year 整数                   年度（批次）$"
expect_line "^  --category 文本:干部类别      "

describe "the language: the locale, then the config, GUAZHI_LANG and --lang"
en_help() { expect_line "^Usage: "; expect_line "^Options:$"; expect_no_out "用法："; }
zh_help() { expect_line "^用法："; expect_line "^选项：$"; expect_no_out "Usage: "; }
env -u GUAZHI_LANG -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 "$GUAZHI" stats --help >out.txt 2>err.txt
rc=$?
expect_rc 0
en_help
env -u GUAZHI_LANG -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$GUAZHI" stats --help >out.txt 2>err.txt
zh_help
env -u GUAZHI_LANG -u LC_ALL -u LC_MESSAGES LANG=C "$GUAZHI" stats --help >out.txt 2>err.txt
zh_help
env -u GUAZHI_LANG -u LC_ALL -u LC_MESSAGES -u LANG "$GUAZHI" stats --help >out.txt 2>err.txt
zh_help
# LC_ALL comes before LANG, as gettext reads them.
env -u GUAZHI_LANG LC_ALL=en_US.UTF-8 LANG=zh_CN.UTF-8 "$GUAZHI" stats --help >out.txt 2>err.txt
en_help
mkdir -p config_en config_zh
printf 'lang = "en"\n' >config_en/guazhi.toml
printf 'lang = "zh"\n' >config_zh/guazhi.toml
# The config beats the locale.
(cd config_en && env -u GUAZHI_LANG LANG=zh_CN.UTF-8 "$GUAZHI" stats --help) >out.txt 2>err.txt
en_help
(cd config_zh && env -u GUAZHI_LANG LANG=en_US.UTF-8 "$GUAZHI" stats --help) >out.txt 2>err.txt
zh_help
env -u GUAZHI_LANG LANG=zh_CN.UTF-8 "$GUAZHI" --config config_en/guazhi.toml stats --help >out.txt 2>err.txt
en_help
# GUAZHI_LANG beats the config.
(cd config_en && GUAZHI_LANG=zh "$GUAZHI" stats --help) >out.txt 2>err.txt
zh_help
(cd config_zh && GUAZHI_LANG=en "$GUAZHI" stats --help) >out.txt 2>err.txt
en_help
# --lang beats GUAZHI_LANG (and so the config), before or after the subcommand.
(cd config_zh && GUAZHI_LANG=zh "$GUAZHI" --lang en stats --help) >out.txt 2>err.txt
en_help
(cd config_en && GUAZHI_LANG=en "$GUAZHI" stats --help --lang zh) >out.txt 2>err.txt
zh_help
GUAZHI_LANG=zh "$GUAZHI" --lang=en --help >out.txt 2>err.txt
en_help

describe "usage errors in Chinese by default, CLI11's English with --lang en"
# usage_in LANG_ARGS… -- ARGS… NEEDLE: exit 2 and NEEDLE on stderr.
usage_zh() {
    local needle=${*: -1}
    env -u GUAZHI_LANG "$GUAZHI" "${@:1:$#-1}" >out.txt 2>err.txt
    rc=$?
    expect_rc 2
    expect_err "$needle"
    expect_err "查看更多说明"
}
usage_zh "guazhi: 缺少子命令"
usage_zh frobnicate "guazhi: “frobnicate”不是子命令"
usage_zh assign frob "guazhi: “frob”不是子命令"
usage_zh stats --frob "guazhi: 未知选项：--frob"
usage_zh stats --kind final "guazhi: 未知选项：--kind" # CLI11: "not expected: final --kind"
usage_zh stats --year 2006 2007 "guazhi: 多余的参数：2007"
usage_zh stats --year abc "guazhi: --year: 无法识别的值“abc”"
usage_zh stats --year "guazhi: --year: 缺少取值"
usage_zh unit list --kind "guazhi: --kind: 缺少取值"
usage_zh stats --format xml "guazhi: --format: “xml”不是可选值（可选：table,csv,json,markdown）"
usage_zh export "guazhi: 缺少必需的参数 DATASET"
usage_zh assign add --name 张明 "guazhi: 缺少必需的参数 --id-number"
usage_zh undo --change 0 "guazhi: --change: “0”不是正数"
usage_zh assign apply --requested 99999 "guazhi: --requested: 99999 不在 0 到 10000 之间"
usage_zh appraise annual 14 --year 2006 --outstanding --not-outstanding "guazhi: --outstanding 不能与 --not-outstanding 同时使用"
checks=$((checks + 1)); ! grep -q '179\*\*\*' err.txt || fail "a masked number in the message"
usage_en() {
    local needle=${*: -1}
    env -u GUAZHI_LANG "$GUAZHI" --lang en "${@:1:$#-1}" >out.txt 2>err.txt
    rc=$?
    expect_rc 2
    expect_err "$needle"
    expect_err "Run with --help for more information."
}
usage_en frobnicate "A subcommand is required"
usage_en stats --frob "The following argument was not expected: --frob"
usage_en stats --year abc "Could not convert: --year = abc"
usage_en stats --year "--year: 1 required INT missing"
usage_en stats --format xml "--format: xml not in {table,csv,json,markdown}"
usage_en export "DATASET is required"
usage_en appraise annual 14 --year 2006 --outstanding --not-outstanding "--outstanding excludes --not-outstanding"

describe "the footers' examples run on the example data"
new_db guazhi.db >/dev/null
cp -r "$ROOT/examples" examples
for line in "assign list --year 2006 --pending election" "cadre show 14 --history" "assign show 14 --format json" \
    "report import examples/汇报登记-2006.csv" "appraise import examples/年度考核-2006.csv" \
    "appraise final 14 --from examples/鉴定-何俊杰.toml" \
    "report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach examples/何俊杰-2006年第一季度汇报.docx --replace" \
    "stats --year 2006" "report compliance --year 2006 --by county --as-of 2007-12-31" "unit list --kind 乡镇" \
    "appraise recommend --year 2006 --format json" "assign allowance --year 2006 --by home-unit"; do
    # The line as a footer shows it, then run.
    checks=$((checks + 1))
    grep -qxF -- "  guazhi ${line% --replace}" all_en.txt || fail "no help shows the example: guazhi ${line% --replace}"
    # shellcheck disable=SC2086
    eval "\"\$GUAZHI\" $line" >out.txt 2>err.txt
    rc=$?
    current="example: guazhi $line"
    expect_rc 0
done

finish
