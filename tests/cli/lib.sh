# Helpers for the end-to-end suites: each suite runs the real binary in a fresh temporary
# directory and checks stdout, stderr, exit codes and database contents.
# Usage: source lib.sh GUAZHI_BINARY SOURCE_ROOT
set -u
GUAZHI=$1
ROOT=$2
EXAMPLE="$ROOT/examples/roster-2005-2006.csv"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/xdg" LANG=C.UTF-8
# The suites assert English messages; a check of Chinese output passes `--lang zh`.
export GUAZHI_LANG=en
unset GUAZHI_DB
mkdir -p "$HOME"

checks=0
rc=0
failures=0
current=""

# A named group of checks, printed when one of them fails.
describe() { current=$1; }

fail() {
    failures=$((failures + 1))
    echo "FAIL [$current] $*"
    echo "  rc=$rc"
    echo "  stdout: $(head -c 2000 out.txt)"
    echo "  stderr: $(head -c 2000 err.txt)"
}

# run ARGS...: runs guazhi, keeping stdout in out.txt, stderr in err.txt, exit code in $rc.
run() {
    "$GUAZHI" "$@" >out.txt 2>err.txt
    rc=$?
    [ "$LANG_AUDIT" = 0 ] || lang_audit "" "$@"
}
# run_in INPUT ARGS...: the same with INPUT on standard input.
run_in() {
    local input=$1
    shift
    "$GUAZHI" "$@" <"$input" >out.txt 2>err.txt
    rc=$?
    [ "$LANG_AUDIT" = 0 ] || lang_audit "$input" "$@"
}

# The language audit (issue 20's acceptance), on unless GUAZHI_LANG_AUDIT=0: every command `run`
# or `run_in` sees refused (exit 1) or misused (exit 2) is checked in both languages.
# - In the default language: the command is run again as a clerk runs it — without the suites'
#   GUAZHI_LANG, same arguments, same standard-input file, its standard output discarded and its
#   standard error kept aside (out.txt, err.txt and $rc stay the first run's). A refused command
#   changed nothing, so the second run meets the same state (a file named in the arguments
#   that the second run changes is a failed check). Each line of its standard error must be Chinese:
#   hold a CJK character, unless it is only paths, flags, numbers and codes (lang_audit.pl says
#   exactly what counts as each). A run that spoke Chinese already (--lang zh, GUAZHI_LANG=zh)
#   is checked as it is, without a second run; one that asked for English (--lang en, or a
#   config or locale that chooses English without GUAZHI_LANG) has no Chinese run to check.
# - In English (--lang en or GUAZHI_LANG=en): err.txt holds no CJK character outside data values
#   (what the arguments, the files they name, the standard-input file or the database hold, or
#   guazhi's vocabulary of labels and column headers; lang_audit.pl). GUAZHI_LANG_AUDIT=all
#   checks every English run's standard error so, the successful ones too.
# Each line that breaks the rule is a failed check naming the command and the line; with
# GUAZHI_LANG_AUDIT_LOG=FILE each is also appended to FILE (suite, zh/en, exit code, command,
# line; tests/cli/lang_audit_report.sh lists them by source file).
# A command whose words are not guazhi's to translate is exempted with its reason:
#   LANG_AUDIT_SKIP="SQLite's own words" run --db db …
# It costs about 10 ms of CPU a refused command: +12% over the suites run one after the other.
LANG_AUDIT=${GUAZHI_LANG_AUDIT:-1}
AUDIT_SUITE=${0##*/}
AUDIT_SUITE=${AUDIT_SUITE%.sh}

# lang_of VALUE: sets audit_lang to zh, en or nothing, as guazhi reads a language's name
# (domain parse_lang). (The audit's helpers set variables rather than print: no subshell.)
lang_of() {
    case ${1,,} in
    zh | zh-cn | zh_cn | chinese | 中文) audit_lang=zh ;;
    en | en-us | en_us | english) audit_lang=en ;;
    *) audit_lang="" ;;
    esac
}

# audit_default_lang ARGS...: sets audit_lang to the language guazhi speaks without --lang and
# GUAZHI_LANG: the config's `lang` (the file --config names, ./guazhi.toml, the XDG one), else
# the locale.
audit_default_lang() {
    local config="" a prev=""
    for a in "$@"; do
        [ "$a" = -- ] && break
        [ "$prev" = --config ] && config=$a
        case $a in --config=*) config=${a#--config=} ;; esac
        prev=$a
    done
    if [ -z "$config" ]; then
        if [ -e guazhi.toml ]; then
            config=guazhi.toml
        elif [ -n "${XDG_CONFIG_HOME:-}" ]; then
            config=$XDG_CONFIG_HOME/guazhi/config.toml
        elif [ -n "${HOME:-}" ]; then
            config=$HOME/.config/guazhi/config.toml
        fi
    fi
    local value=""
    if [ -n "$config" ] && [ -f "$config" ]; then
        value=$(grep -m1 -E '^[[:space:]]*lang[[:space:]]*=' "$config" 2>/dev/null)
        value=${value#*=}
        value=${value//[\"\' ]/}
    fi
    lang_of "$value"
    [ -n "$audit_lang" ] && return
    audit_lang=zh
    local locale=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
    case $locale in en*) audit_lang=en ;; esac
}

# audit_lines STDIN [zh FILE] [en FILE] -- ARGS...: lang_audit.pl's verdict, each offender a
# failed check.
audit_lines() {
    local input=$1 mode line
    shift
    checks=$((checks + 1))
    local bad status
    bad=$(perl "$ROOT/tests/cli/lang_audit.pl" "$ROOT" "$input" "$@")
    status=$?
    [ "$status" -eq 0 ] && return
    while [ "$1" != -- ]; do shift; done
    shift
    [ "$status" -eq 1 ] || bad="zh	(lang_audit.pl failed: exit $status)"
    while IFS=$'\t' read -r mode line; do
        if [ "$mode" = zh ]; then
            fail "language audit: \`guazhi $*\` (exit $rc) by default, a line not in Chinese: $line"
        else
            fail "language audit: \`guazhi $*\` (exit $rc) in English, Chinese outside data values: $line"
        fi
        [ -z "${GUAZHI_LANG_AUDIT_LOG:-}" ] ||
            printf '%s\t%s\t%s\t%s\t%s\n' "$AUDIT_SUITE" "$mode" "$rc" "$*" "$line" >>"$GUAZHI_LANG_AUDIT_LOG"
    done <<<"$bad"
}

# lang_audit STDIN ARGS...: the audit of the command just run (see above).
lang_audit() {
    local input=$1
    shift
    local failed=0
    [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] && failed=1
    [ "$failed" = 1 ] || [ "$LANG_AUDIT" = all ] || return 0
    if [ -n "${LANG_AUDIT_SKIP:-}" ]; then
        [ -z "${GUAZHI_LANG_AUDIT_LOG:-}" ] ||
            printf '%s\tskip\t%s\t%s\t%s\n' "$AUDIT_SUITE" "$rc" "$*" "$LANG_AUDIT_SKIP" >>"$GUAZHI_LANG_AUDIT_LOG"
        return 0
    fi
    local flag="" a prev="" audit_lang
    for a in "$@"; do
        [ "$a" = -- ] && break
        [ "$prev" = --lang ] && flag=$a
        case $a in --lang=*) flag=${a#--lang=} ;; esac
        prev=$a
    done
    local by_flag by_env spoke default
    lang_of "$flag"
    by_flag=$audit_lang
    lang_of "${GUAZHI_LANG:-}"
    by_env=$audit_lang
    audit_default_lang "$@"
    default=$audit_lang
    spoke=${by_flag:-${by_env:-$default}}
    local checks_of=()
    if [ "$spoke" = zh ]; then
        [ "$failed" = 1 ] && checks_of=(zh err.txt)
    elif [ -s err.txt ] && { [ "$failed" = 1 ] || LC_ALL=C grep -q '[^ -~[:space:]]' err.txt; }; then
        checks_of=(en err.txt)
    fi
    # The clerk's run, when this one was in English by the suites' GUAZHI_LANG: the files the
    # arguments name must not change (a refused command writes nothing; bash's -nt, no process).
    if [ "$failed" = 1 ] && [ "$spoke" = en ] && [ -z "$by_flag" ] && [ "$default" = zh ]; then
        local side="$WORK/.lang-audit.err" mark="$WORK/.lang-audit.mark" files=() existed=() i
        for a in "$@"; do
            case $a in -*=*) a=${a#*=} ;; esac
            files+=("$a")
            [ -e "$a" ] && existed+=(1) || existed+=(0)
        done
        echo "$rc" >"$mark"
        if [ -n "$input" ]; then
            env -u GUAZHI_LANG "$GUAZHI" "$@" <"$input" >/dev/null 2>"$side"
        else
            env -u GUAZHI_LANG "$GUAZHI" "$@" >/dev/null 2>"$side"
        fi
        for i in "${!files[@]}"; do
            a=${files[$i]}
            if [ -f "$a" ] && { [ "${existed[$i]}" = 0 ] || [ "$a" -nt "$mark" ]; }; then
                fail "language audit: the second run of \`guazhi $*\` changed $a"
            fi
        done
        checks_of+=(zh "$side")
    fi
    [ "${#checks_of[@]}" -eq 0 ] || audit_lines "$input" "${checks_of[@]}" -- "$@"
}

expect_rc() { checks=$((checks + 1)); [ "$rc" -eq "$1" ] || fail "exit code $rc, expected $1"; }
expect_out() { checks=$((checks + 1)); grep -qF -- "$1" out.txt || fail "stdout lacks: $1"; }
expect_err() { checks=$((checks + 1)); grep -qF -- "$1" err.txt || fail "stderr lacks: $1"; }
expect_no_out() { checks=$((checks + 1)); ! grep -qF -- "$1" out.txt || fail "stdout has: $1"; }
expect_out_empty() { checks=$((checks + 1)); [ ! -s out.txt ] || fail "stdout is not empty"; }
# expect_line REGEX: some stdout line matches the extended regex.
expect_line() { checks=$((checks + 1)); grep -qE -- "$1" out.txt || fail "no stdout line matches: $1"; }
expect_eq() { checks=$((checks + 1)); [ "$1" = "$2" ] || fail "got '$1', expected '$2'"; }

# sql DB QUERY: one value from the database, read with the sqlite3 shell.
sql() { sqlite3 "$1" "$2"; }
# fingerprint DB: a hash of the database's whole content, to prove it did not change.
fingerprint() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }

# records DB: a hash of the records only — not the audit log, which grows with every change
# (and a copy's says it was imported), nor the id sequences, which only ever go up (an undone
# insert's id stays used).
records() {
    sqlite3 "$1" .dump | grep -v '^INSERT INTO \(changes\|changed_rows\|sqlite_sequence\) \|^DELETE FROM sqlite_sequence;' |
        sha256sum | cut -d' ' -f1
}

# new_db NAME: an initialised database with the example roster imported.
new_db() {
    "$GUAZHI" --db "$1" init 2>/dev/null && "$GUAZHI" --db "$1" assign import "$EXAMPLE" 2>/dev/null
}

# refused ARGS... NEEDLE: `guazhi --db db ARGS` fails (exit 1) with NEEDLE on stderr and
# leaves the database "db" exactly as it was. usage_refused: the same for values the command
# line itself rejects (exit 2).
refused_with() {
    local code=$1
    shift
    local needle=${*: -1}
    local before
    before=$(fingerprint db)
    run --db db "${@:1:$#-1}"
    expect_rc "$code"
    expect_err "$needle"
    expect_eq "$(fingerprint db)" "$before"
}
refused() { refused_with 1 "$@"; }
usage_refused() { refused_with 2 "$@"; }

# final_appraisal_toml CONCLUSION: a complete 鉴定 for `appraise final --from`, dated the last
# day of 何俊杰's term (assignment 14 of the example roster), on standard output.
final_appraisal_toml() {
    printf 'date = 2007-07-31\nconclusion = "%s"\n' "$1"
    printf '[%s]\nrating = "%s"\n' ideology 优秀 work 优秀 study 良好 life 良好 integrity 优秀
}

finish() {
    echo "$checks checks, $failures failed"
    [ "$failures" -eq 0 ]
    exit $?
}
