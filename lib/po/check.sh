#!/usr/bin/env bash
# Fails when the Chinese catalog does not translate every text the code marks (lib/po/extract.sh),
# when a translation is fuzzy (msgmerge's guess, not yet reviewed), or when it keeps a text the
# code no longer has. Lists each such text.
#   lib/po/check.sh SOURCE_ROOT WORK_DIR
set -euo pipefail
root=$1
work=$2
mkdir -p "$work"
bash "$root/lib/po/extract.sh" "$root" "$work/guazhi.pot" 2>"$work/xgettext.err" || { cat "$work/xgettext.err"; exit 1; }
po="$root/lib/po/zh_CN.po"
shopt -s nullglob
parts=("$root"/lib/po/parts/*.po)
if [ "${#parts[@]}" -gt 0 ]; then
    msgcat --use-first -o "$work/merged.po" "$po" "${parts[@]}"
    po="$work/merged.po"
fi
msgfmt --check-format --check-header -o /dev/null "$po"
msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$work/merged-with-pot.po" "$po" "$work/guazhi.pot"
status=0
untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/merged-with-pot.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/merged-with-pot.po" | grep -c '^msgid ' || true)
obsolete=$(msgattrib --only-obsolete --no-wrap "$work/merged-with-pot.po" | grep -c '^#~ msgid ' || true)
total=$(grep -c '^msgid ' "$work/guazhi.pot" || true)
# Each count includes the header entry when there is any entry at all.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
echo "catalog: $((total - 1)) texts; untranslated $untranslated, fuzzy $fuzzy, no longer in the code $obsolete"
if [ "$untranslated" -gt 0 ]; then
    echo "untranslated (add them to lib/po/zh_CN.po):"
    msgattrib --untranslated --no-obsolete --no-wrap "$work/merged-with-pot.po" | grep '^msgid ' | tail -n +2 | head -50
    status=1
fi
if [ "$fuzzy" -gt 0 ]; then
    echo "fuzzy (review them, then remove the fuzzy flag):"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/merged-with-pot.po" | grep '^msgid ' | tail -n +2 | head -50
    status=1
fi
if [ "$obsolete" -gt 0 ]; then
    echo "no longer in the code (remove them from lib/po/zh_CN.po):"
    msgattrib --only-obsolete --no-wrap "$work/merged-with-pot.po" | grep '^#~ msgid ' | head -50
    status=1
fi
exit $status
