# The common mistakes, as a clerk meets them (issue 20): with no flags and no GUAZHI_LANG, guazhi
# answers in Chinese — the place first (FILE:LINE, the flag), the exit code of a refusal (1) or
# a misuse (2), the database untouched. The same mistakes in English by every way of asking for
# it (--lang en, the config's lang = "en", GUAZHI_LANG=en, an English locale), in Chinese by the
# others (a Chinese locale, C, none), and the order: --lang > GUAZHI_LANG > config > locale.
# JSON output is the same in both languages.
source "$(dirname "$0")/lib.sh" "$@"

new_db db
header=$(head -1 "$EXAMPLE" | sed 's/^\xef\xbb\xbf//; s/\r$//')
row() { # row ID_NUMBER START_DATE: 罗鸿灵's row of the example roster, for another term
    echo "$1,罗鸿灵,男,汉族,1970.03,中共党员,大学本科,,隆昌县国土资源局,隆昌县,县区部门,地籍股股长,上挂,市国土资源局,地籍管理科科长助理,$2,2008-07-31,2007"
}
printf '%s\n%s\n' "$header" "$(row 511028197003141731 2007-08-01)" >花名册.csv # check digit: 0
printf '%s\n%s\n' "$header,备注栏X" "$(row 511028197003141730 2007-08-01),x" >columns.csv
printf '%s\n%s\n' "$header" "$(row 511028197003141730 2007-13-01)" >dates.csv
add_flags=(--name 罗鸿灵 --political-status 中共党员 --home-unit 隆昌县国土资源局 --host-unit 市国土资源局)

# clerk [VAR=VALUE | -VAR]... ARGS...: `run` as a clerk runs guazhi: without the suites'
# GUAZHI_LANG, with the environment changed as given (-VAR unsets VAR), restored afterwards.
clerk() {
    local -a restore=()
    local name i
    if [ -n "${GUAZHI_LANG+set}" ]; then restore+=("GUAZHI_LANG=$GUAZHI_LANG"); else restore+=(-GUAZHI_LANG); fi
    unset GUAZHI_LANG
    while [ $# -gt 0 ] && [[ $1 == [A-Z_]*=* || $1 == -[A-Z_]* ]]; do
        name=${1#-}
        name=${name%%=*}
        if [ -n "${!name+set}" ]; then restore+=("$name=${!name}"); else restore+=("-$name"); fi
        if [[ $1 == -* ]]; then unset "$name"; else export "${1?}"; fi
        shift
    done
    run "$@"
    for ((i = ${#restore[@]} - 1; i >= 0; i--)); do
        if [[ ${restore[$i]} == -* ]]; then unset "${restore[$i]#-}"; else export "${restore[$i]?}"; fi
    done
}

# expect_cjk_after NEEDLE: a stderr line holds NEEDLE and, after it, Chinese — the message's own
# words, not only a column name or value before them.
expect_cjk_after() {
    checks=$((checks + 1))
    grep -qP -- "\\Q$1\\E.*[\\x{3400}-\\x{9fff}]" err.txt || fail "stderr has no Chinese after: $1"
}
expect_no_cjk() {
    checks=$((checks + 1))
    ! grep -qP -- "$1.*[\\x{3400}-\\x{9fff}]" err.txt || fail "stderr has Chinese after /$1/"
}

# expect_hint_zh: the hint to run --help is Chinese.
expect_hint_zh() {
    checks=$((checks + 1))
    grep -qP -- '--help.*[\x{3400}-\x{9fff}]|[\x{3400}-\x{9fff}].*--help' err.txt || fail "the --help hint is not Chinese"
}

config_lang() { # config_lang zh|en|none: the config file's `lang`
    mkdir -p "$XDG_CONFIG_HOME/guazhi"
    if [ "$1" = none ]; then rm -f "$XDG_CONFIG_HOME/guazhi/config.toml"; else printf 'lang = "%s"\n' "$1" >"$XDG_CONFIG_HOME/guazhi/config.toml"; fi
}

# mistakes LANGUAGE [VAR=VALUE | -VAR]... [-- GLOBAL_FLAGS...]: every common mistake, run so, and
# its answer expected in LANGUAGE.
mistakes() {
    local language=$1
    shift
    local -a env=() flags=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
    [ $# -gt 0 ] && shift && flags=("$@")
    local before
    before=$(fingerprint db)
    say() { clerk "${env[@]}" "${flags[@]}" "$@"; }
    zh() { [ "$language" = zh ]; }

    describe "$language (${env[*]} ${flags[*]}): a missing database"
    say --db nope.db stats
    expect_rc 1
    if zh; then
        expect_err "guazhi: nope.db: "
        expect_cjk_after "nope.db: "
        expect_err "数据库"
        expect_err "\`guazhi init\`"
    else
        expect_err "guazhi: nope.db: no database here; create one with \`guazhi init\` (or pass --db)"
    fi
    expect_eq "$([ -e nope.db ] && echo created || echo absent)" absent

    describe "$language (${env[*]} ${flags[*]}): a bad ID number in a roster"
    say --db db assign import 花名册.csv
    expect_rc 1
    if zh; then
        expect_err "花名册.csv:2: 身份证号: "
        expect_cjk_after "花名册.csv:2: 身份证号: "
        expect_err "校验位"
        expect_err "511***********1731"
        expect_err "未写入"
    else
        expect_err "花名册.csv:2: 身份证号: ID number '511***********1731' has a wrong check digit (expected 0)"
        expect_err "花名册.csv: 1 problem in 1 row; nothing was written"
    fi
    expect_eq "$(grep -c 511028197003141731 err.txt)" 0

    describe "$language (${env[*]} ${flags[*]}): a bad ID number in assign add"
    say --db db assign add --id-number 511028197003141731 "${add_flags[@]}" --start-date 2007-08-01
    expect_rc 1
    if zh; then
        expect_err "--id-number: "
        expect_cjk_after "--id-number: "
        expect_err "校验位"
        expect_err "511***********1731"
    else
        expect_err "guazhi: --id-number: ID number '511***********1731' has a wrong check digit (expected 0)"
        expect_err "nothing was recorded"
    fi

    describe "$language (${env[*]} ${flags[*]}): an unknown column"
    say --db db assign import columns.csv
    expect_rc 1
    if zh; then
        expect_err "columns.csv:1:19: "
        expect_cjk_after "columns.csv:1:19: "
        expect_err "未知"
        expect_err "备注栏X"
        expect_err "--ignore-unknown-columns"
    else
        expect_err "guazhi: columns.csv:1:19: unknown column '备注栏X' (use --ignore-unknown-columns to skip it, or --map '备注栏X=FIELD' to read it)"
    fi

    describe "$language (${env[*]} ${flags[*]}): a bad date in a roster"
    say --db db assign import dates.csv
    expect_rc 1
    if zh; then
        expect_err "dates.csv:2: 开始日期: "
        expect_cjk_after "dates.csv:2: 开始日期: "
        expect_err "2007-13-01"
        expect_no_cjk "is not a real date"
        expect_err "未写入"
    else
        expect_err "dates.csv:2: 开始日期: '2007-13-01' is not a real date"
        expect_err "dates.csv: 1 problem in 1 row; nothing was written"
    fi

    describe "$language (${env[*]} ${flags[*]}): a bad date in a flag"
    say --db db assign list --as-of 2006-13-01
    expect_rc 2
    if zh; then
        expect_err "--as-of: "
        expect_cjk_after "--as-of: "
        expect_err "2006-13-01"
        expect_hint_zh
    else
        expect_err "guazhi: --as-of: '2006-13-01' is not a real date"
        expect_err "Run with --help for more information."
    fi
    say --db db assign add --id-number 511028197003141730 "${add_flags[@]}" --start-date 2007-13-01
    expect_rc 1
    if zh; then
        expect_err "--start-date: "
        expect_cjk_after "--start-date: "
    else
        expect_err "guazhi: --start-date: '2007-13-01' is not a real date"
    fi

    describe "$language (${env[*]} ${flags[*]}): an unknown subcommand"
    for sub in frob "assign frob"; do
        # shellcheck disable=SC2086 # the subcommand path, split
        say --db db $sub
        expect_rc 2
        if zh; then
            expect_err "frob"
            expect_err "子命令"
            expect_hint_zh
        else
            expect_err "A subcommand is required"
            expect_err "Run with --help for more information."
        fi
    done

    describe "$language (${env[*]} ${flags[*]}): a missing argument"
    say --db db assign show
    expect_rc 2
    if zh; then
        expect_err "ID"
        expect_err "缺少"
        expect_hint_zh
    else
        expect_err "ID is required"
    fi

    describe "$language (${env[*]} ${flags[*]}): an unknown option"
    say --db db stats --bogus
    expect_rc 2
    if zh; then
        expect_err "--bogus"
        expect_err "选项"
        expect_hint_zh
    else
        expect_err "The following argument was not expected: --bogus"
    fi

    describe "$language (${env[*]} ${flags[*]}): a bad --format value"
    say --db db stats --format xml
    expect_rc 2
    if zh; then
        expect_err "--format: "
        expect_cjk_after "--format: "
        expect_err "xml"
        expect_err "可选"
    else
        expect_err "--format: xml not in {table,csv,json,markdown}"
    fi

    describe "$language (${env[*]} ${flags[*]}): an unknown direction"
    say --db db assign list --direction sideways
    expect_rc 2
    if zh; then
        expect_err "--direction: "
        expect_err "sideways"
        expect_err "未知"
        expect_no_cjk "unknown direction"
    else
        expect_err "--direction: unknown direction 'sideways' (expected one of: 上挂 (up), 下派 (down))"
    fi
    say --db db assign add --id-number 511028197003141730 "${add_flags[@]}" --start-date 2007-08-01 --direction sideways
    expect_rc 1
    if zh; then
        expect_err "--direction: "
        expect_err "未知"
    else
        expect_err "guazhi: --direction: unknown direction 'sideways' (expected one of: 上挂 (up), 下派 (down))"
    fi

    describe "$language (${env[*]} ${flags[*]}): an ID number of the wrong length"
    say --db db assign add --id-number 51102819700314173 "${add_flags[@]}" --start-date 2007-08-01
    expect_rc 1
    if zh; then
        expect_err "--id-number: "
        expect_cjk_after "--id-number: "
        expect_err "511**********4173"
    else
        expect_err "guazhi: --id-number: ID number '511**********4173' must be 17 digits and a check digit or X"
    fi

    describe "$language (${env[*]} ${flags[*]}): a value that is not a number, an option without its value"
    say --db db stats --year abc
    expect_rc 2
    if zh; then
        expect_err "--year: "
        expect_cjk_after "--year: "
        expect_err "abc"
        expect_hint_zh
    else
        expect_err "Could not convert: --year = abc"
    fi
    say --db db stats --year
    expect_rc 2
    if zh; then
        expect_err "--year: "
        expect_cjk_after "--year: "
        expect_hint_zh
    else
        expect_err "--year: 1 required INT missing"
    fi

    describe "$language (${env[*]} ${flags[*]}): every mistake left the database as it was"
    expect_eq "$(fingerprint db)" "$before"
}

# As a clerk runs it: no flag, no GUAZHI_LANG, no config; lib.sh's locale is C.UTF-8.
mistakes zh
mistakes zh -LANG -LC_ALL -LC_MESSAGES
mistakes zh LANG=zh_CN.UTF-8
mistakes zh LANG=C
mistakes zh LANG=POSIX

# English, each way of asking for it.
mistakes en -- --lang en
mistakes en GUAZHI_LANG=en
mistakes en LANG=en_US.UTF-8
mistakes en LC_ALL=en_US.UTF-8 LANG=zh_CN.UTF-8 # the first of LC_ALL, LC_MESSAGES, LANG
mistakes en LC_MESSAGES=en_US.UTF-8
config_lang en
mistakes en
config_lang none

# The order: --lang, then GUAZHI_LANG, then the config, then the locale.
mistakes en GUAZHI_LANG=zh -- --lang en
mistakes zh GUAZHI_LANG=en -- --lang zh
config_lang en
mistakes zh GUAZHI_LANG=zh
mistakes zh -- --lang zh
mistakes en LANG=zh_CN.UTF-8
config_lang zh
mistakes en GUAZHI_LANG=en
mistakes zh LANG=en_US.UTF-8
config_lang none

describe "an unknown language is refused, in Chinese"
before=$(fingerprint db)
clerk GUAZHI_LANG=fr --db db stats
expect_rc 2
expect_err "GUAZHI_LANG: "
expect_cjk_after "GUAZHI_LANG: "
expect_err "fr"
clerk --db db --lang fr stats
expect_rc 2
expect_err "--lang: "
expect_cjk_after "--lang: "
expect_err "fr"
run --db db --lang fr stats
expect_rc 2
expect_err "--lang: fr not in {zh,en}"
expect_eq "$(fingerprint db)" "$before"

describe "JSON output is the same in both languages"
for command in "stats --year 2006 --format json" "assign list --format json" "assign show 14 --format json" \
    "report due --format json" "unit list --format json"; do
    # shellcheck disable=SC2086 # the command, split
    clerk --db db $command
    expect_rc 0
    cp out.txt zh.json
    # shellcheck disable=SC2086
    run --db db --lang en $command
    expect_rc 0
    expect_eq "$(cmp zh.json out.txt && echo same)" same
    # shellcheck disable=SC2086
    clerk LANG=en_US.UTF-8 --db db --lang zh $command
    expect_eq "$(cmp zh.json out.txt && echo same)" same
done
clerk --db db stats --year 2006 --format json
expect_line '^  "batch_year": 2006,$'
expect_line '^    "count": 27$'

finish
