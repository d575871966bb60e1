#!/usr/bin/env bash
# Extracts every text guazhi shows a reader into a gettext template (.pot) with xgettext:
# msg(...) and N_(...) in lib and cli, and the help texts CLI11 is given (add_option's and
# add_flag's description, add_subcommand's, footer(...), description(...), group(...)).
#   lib/po/extract.sh SOURCE_ROOT OUT.pot
set -euo pipefail
root=$1
out=$2
cd "$root"
find lib cli -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort >"$out.files"
xgettext --language=C++ --from-code=UTF-8 --no-wrap --sort-by-file --package-name=guazhi \
    --keyword= --keyword=msg:1 --keyword=N_:1 \
    --keyword=add_option:3 --keyword=add_flag:3 --keyword=add_option_function:3 --keyword=add_subcommand:2 \
    --keyword=footer:1 --keyword=description:1 --keyword=group:1 \
    --flag=msg:1:no-c-format --flag=N_:1:no-c-format --flag=add_option:3:no-c-format --flag=add_flag:3:no-c-format \
    --flag=add_option_function:3:no-c-format --flag=add_subcommand:2:no-c-format --flag=footer:1:no-c-format \
    --flag=description:1:no-c-format --flag=group:1:no-c-format \
    --files-from="$out.files" -o "$out"
rm -f "$out.files"
