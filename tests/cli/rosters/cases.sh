# The part of rosters.sh and rosters_xls.sh that runs one manifest entry of the corpus that
# make_rosters.py writes (sourced after lib.sh; HERE is this folder).
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3 # python3 may be another install
CHECK="$HERE/check_case.py"

# make_corpus: the corpus in ./corpus, its manifest in $MANIFEST, and example.db holding the
# example roster (for the entries that preload it).
make_corpus() {
    if ! "$PY" "$HERE/make_rosters.py" corpus >gen.txt 2>&1; then
        echo "FAIL make_rosters.py: $(cat gen.txt)"
        exit 1
    fi
    MANIFEST="$PWD/corpus/manifest.json"
    "$GUAZHI" --db example.db init 2>/dev/null && "$GUAZHI" --db example.db assign import "$EXAMPLE" 2>/dev/null
}

# python_checks ARGS...: runs check_case.py, counting its checks and failing on its FAIL lines.
python_checks() {
    local line
    while IFS= read -r line; do
        case $line in
            "CHECKS "*) checks=$((checks + ${line#CHECKS })) ;;
            "FAIL "*) failures=$((failures + 1)); echo "FAIL [$current] ${line#FAIL }" ;;
            *) echo "  $line" ;;
        esac
    done < <("$PY" "$CHECK" "$@" 2>&1)
}

# run_case I [xls]: imports manifest entry I into a fresh database and checks what it says.
run_case() {
    local i=$1 variant=${2:-} db before cfg=()
    eval "$("$PY" "$CHECK" shell "$MANIFEST" "$i" $variant)"
    describe "$c_name [$c_file${c_flags[*]:+ ${c_flags[*]}}]"
    db="case$i.db"
    rm -f "$db" case.toml
    if [ -n "$c_preload" ]; then cp example.db "$db"; else "$GUAZHI" --db "$db" init 2>/dev/null; fi
    if [ -n "$c_config" ]; then printf '%s' "$c_config" >case.toml; cfg=(--config case.toml); fi
    before=$(fingerprint "$db")
    timeout "$c_timeout" "$GUAZHI" "${cfg[@]}" --db "$db" assign import "corpus/$c_file" "${c_flags[@]}" >out.txt 2>err.txt
    rc=$?
    [ "$rc" -eq 124 ] && echo "  (timed out after $c_timeout s)" >>err.txt
    if [ "$c_outcome" = imports ]; then
        expect_rc 0
        python_checks imported "$MANIFEST" "$i" "$GUAZHI" "$db" $variant
    else
        expect_rc "$c_rc"
        checks=$((checks + 1))
        [ "$(fingerprint "$db")" = "$before" ] || fail "the database changed although the import was refused"
        # a refusal names its place: FILE:LINE for text, SHEET!CELL for workbooks
        python_checks refused "$MANIFEST" "$i" $variant
    fi
    rm -f "$db"
}

