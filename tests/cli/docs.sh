# The Chinese documentation kept true (issue 20): every command block of docs/用户手册.md and
# README.zh.md runs on the example data, and README.zh.md stays README.md's twin.
#
# The convention of the blocks (also in README.md, Development):
# - A block fenced ```sh is run; ```text (and any other fence: ```toml, ```csv …) is output or a
#   file's content and is never run.
# - A command is one line of the block with its continuation lines (a line ending in `\`); blank
#   lines and comment lines are not commands. Every command must exit 0, unless the block's first
#   line is `# 预期退出码 N`: then every command of that block must exit N (put a command
#   expected to fail in a block of its own) and leave ./guazhi.db, if there is one, unchanged.
# - A ```sh block whose first line is `# 不运行：REASON` is not run, and REASON is required: for a
#   command that needs what the example data does not have (an .xls workbook, a compiler, root,
#   the network).
# - README.zh.md's first block under `## 快速开始` is not run: it must be identical, line for line,
#   to the first block under README.md's `## Quick start`.
# - docs/用户手册.md is one session, top to bottom: a fresh temporary directory holding a copy of
#   examples/, with `guazhi` on the PATH (the binary under test); later blocks use what the
#   earlier ones made (the database the first block creates, its records, the files exported).
# - README.zh.md's blocks are examples per section: each heading starts afresh, in a new
#   directory holding a copy of examples/ and ./guazhi.db (the default database) with the
#   example roster imported; the blocks of one section run in order there.
# - Also checked: README.zh.md has README.md's headings (as many, each at the same level with the
#   same `code` in it), its blocks use every subcommand README.md's blocks use, and the two link
#   each other at the top.
# A failure names FILE:LINE of the command, the line of its block, the command and its exit code.
# The messages' language is not looked at: only exit codes.
source "$(dirname "$0")/lib.sh" "$@"

GUIDE="$ROOT/docs/用户手册.md"
ZH="$ROOT/README.zh.md"
BIN="$WORK/bin"
mkdir -p "$BIN"
ln -s "$(realpath "$GUAZHI")" "$BIN/guazhi"
export PATH="$BIN:$PATH" USER=王科员
# The Chinese documentation runs as its readers run it: in Chinese (lib.sh sets GUAZHI_LANG=en), so
# that a roster it exports reads back with its Chinese headers and sheet names.
export GUAZHI_LANG=zh

# new_place DIR [roster]: a fresh directory with examples/ (and the default database with the
# example roster imported, for README.zh.md's sections).
new_place() {
    mkdir -p "$1"
    cp -r "$ROOT/examples" "$1/examples"
    if [ "${2:-}" = roster ]; then
        (cd "$1" && guazhi init && guazhi assign import examples/roster-2005-2006.csv) >/dev/null 2>&1 ||
            echo "FAIL: could not prepare $1"
    fi
}

# run_doc DOC MODE: every command of DOC's sh blocks, checked for its exit code.
run_doc() {
    local doc=$1 mode=$2 name
    name=${doc#"$ROOT/"}
    local plan="$WORK/plan.$mode" cmds="$WORK/cmds.$mode"
    mkdir -p "$cmds"
    describe "$name: the blocks can be read"
    checks=$((checks + 1))
    if ! python3 "$ROOT/tests/cli/docs_blocks.py" plan "$doc" "$mode" "$cmds" >"$plan" 2>err.txt; then
        : >out.txt
        rc=1
        fail "docs_blocks.py plan $name failed"
        return
    fi
    grep -P '^ERROR\t' "$plan" | while IFS=$'\t' read -r _ what; do echo "FAIL [$name] $what"; done
    failures=$((failures + $(grep -cP '^ERROR\t' "$plan")))
    [ -s "$plan" ] || { rc=1; : >out.txt; : >err.txt; fail "$name has no command to run"; }

    local results="$WORK/results.$mode" last_session="" place=""
    : >"$results"
    # Each session in a subshell of its own, so that a `cd` or a variable of one stays there.
    local session
    for session in $(grep -vP '^ERROR\t' "$plan" | cut -f1 | uniq); do
        place="$WORK/$mode-$session"
        if [ "$mode" = sections ]; then new_place "$place" roster; else new_place "$place"; fi
        # The variables of this loop start with __: a command of the document may use any other.
        (
            __plan=$plan __cmds=$cmds __results=$results __session=$session
            cd "$place" || exit 1
            set -o pipefail
            while IFS=$'\t' read -r __s __n __expected _ _ _; do
                [ "$__s" = "$__session" ] || continue
                __before="" __after=""
                if [ "$__expected" != 0 ] && [ -f guazhi.db ]; then __before=$(fingerprint guazhi.db); fi
                eval "$(<"$__cmds/$__n.cmd")" </dev/null >"$__cmds/$__n.out" 2>"$__cmds/$__n.err"
                __status=$?
                if [ -n "$__before" ]; then __after=$(fingerprint guazhi.db); fi
                printf '%s\t%s\t%s\n' "$__n" "$__status" "$([ "$__before" = "$__after" ] && echo same || echo changed)" >>"$__results"
            done <"$__plan"
        )
    done

    local s n expected line block section got db
    while IFS=$'\t' read -r s n expected line block section; do
        [ "$s" = ERROR ] && continue
        got=$(grep -P "^$n\t" "$results" | cut -f2)
        db=$(grep -P "^$n\t" "$results" | cut -f3)
        describe "$name:$line (block at line $block, $section): $(head -c 300 "$cmds/$n.cmd" | tr '\n' ' ')"
        rc=${got:-none}
        cp "$cmds/$n.out" out.txt 2>/dev/null || : >out.txt
        cp "$cmds/$n.err" err.txt 2>/dev/null || : >err.txt
        checks=$((checks + 1))
        [ "$rc" = "$expected" ] || fail "exit code $rc, expected $expected"
        if [ "$expected" != 0 ]; then
            checks=$((checks + 1))
            [ "$db" = same ] || fail "./guazhi.db changed, although the command was refused"
        fi
    done <"$plan"
    echo "$name: $(grep -cvP '^ERROR\t' "$plan") commands run"
}

describe "README.zh.md is README.md's twin"
python3 "$ROOT/tests/cli/docs_blocks.py" twins "$ROOT/README.md" "$ZH" >twins.txt 2>err.txt || echo "FAIL twins" >>twins.txt
while IFS=$'\t' read -r verdict what; do
    checks=$((checks + 1))
    if [ "$verdict" != ok ]; then
        failures=$((failures + 1))
        echo "FAIL [twins] $what"
    fi
done <twins.txt
[ -s err.txt ] && { failures=$((failures + 1)); echo "FAIL [twins] $(head -c 2000 err.txt)"; }

run_doc "$GUIDE" session
run_doc "$ZH" sections

finish
