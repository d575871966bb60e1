# assign import of Excel 97–2003 workbooks (.xls, read with FreeXL): every .xlsx sheet of the
# rosters corpus (tests/cli/rosters/make_rosters.py) converted by LibreOffice, imported and
# checked against the same manifest entry as the .xlsx — the same rows, units, posts, dates
# and direction; refusals name the same SHEET!CELL. FreeXL gives the texts; merged ranges,
# hidden rows, booleans and number formats come from guazhi's own reading of the BIFF records
# (lib/util/xls_records.hpp), so the .xls copy must read exactly as the .xlsx.
HERE=$(cd "$(dirname "$0")/rosters" && pwd)
set -- "$(realpath "$1")" "$(realpath "$2")" "${@:3}" # lib.sh works in a temporary directory
source "$(dirname "$0")/lib.sh" "$@"
source "$HERE/cases.sh"

describe "the corpus is generated and converted to .xls"
make_corpus
mapfile -t books < <("$PY" -c '
import json, sys
print("\n".join(sorted({"corpus/" + e["file"] for e in json.load(open(sys.argv[1])) if e.get("xls")})))' "$MANIFEST")
# a private LibreOffice profile, so that parallel runs do not share one
timeout 300 soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to xls --outdir corpus "${books[@]}" \
    >soffice.txt 2>&1
checks=$((checks + 1))
for b in "${books[@]}"; do
    [ -s "${b%.xlsx}.xls" ] || { fail "LibreOffice did not convert $b: $(tail -3 soffice.txt)"; exit 1; }
done

n=$("$PY" "$CHECK" count "$MANIFEST")
for ((i = 0; i < n; i++)); do
    [ "$("$PY" -c 'import json, sys; print(1 if json.load(open(sys.argv[1]))[int(sys.argv[2])].get("xls") else 0)' \
        "$MANIFEST" "$i")" = 1 ] || continue
    run_case "$i" xls
done

describe "an .xls is recognised by its content, not only its name"
cp corpus/two-row.xls corpus/two-row-copy.XLS
"$GUAZHI" --db upper.db init 2>/dev/null
run --db upper.db assign import corpus/two-row-copy.XLS
expect_rc 0
expect_eq "$(sql upper.db 'SELECT count(*) FROM assignments')" 20

describe "a truncated .xls is refused clearly, nothing written"
head -c 3000 corpus/two-row.xls >corpus/broken.xls
"$GUAZHI" --db broken.db init 2>/dev/null
before=$(fingerprint broken.db)
run --db broken.db assign import corpus/broken.xls
expect_rc 1
expect_err "broken.xls"
checks=$((checks + 1))
! grep -q "neither UTF-8 nor GB18030" err.txt || fail "a broken .xls was read as text"
expect_eq "$(fingerprint broken.db)" "$before"

finish
