# The layering issue "lib/app" asks for, as greps over the source tree that must find nothing:
# lib does not know the command line's flags and does not parse its own messages; the
# domain does not include the config loader; the cli holds no transaction and no SQL; only
# lib/app opens a transaction; the cli reaches the store only through lib/app.
source "$(dirname "$0")/lib.sh" "$@"

# hits PATTERN DIR...: the source lines (C++ files) matching an extended regex.
hits() {
    local pattern=$1
    shift
    (cd "$ROOT" && grep -rnE --include='*.cpp' --include='*.hpp' -- "$pattern" "$@")
}

describe "no string literal in lib contains a flag (--name)"
expect_eq "$(hits '"[^"]*--[a-z]' lib)" ""
# The sample configuration names the flags that override a setting, as the README does: it is a
# document (lib/sample_config.toml), built in, not a string of the code.
expect_eq "$(grep -c -- '--db' "$ROOT/lib/sample_config.toml")" "1"

describe "lib does not read its own messages back"
expect_eq "$(hits 'starts_with\("--|find\("already|message\.starts_with|column_of\(message' lib)" ""

describe "the domain does not include the config loader"
expect_eq "$(hits '#include "config.hpp"' lib/domain)" ""

describe "render includes no SQLiteCpp and no store header, and runs no SQL"
expect_eq "$(hits '#include .(SQLiteCpp/|store/)|SQLite::|execAndGet' lib/render)" ""

describe "the cli holds no transaction and no SQL"
expect_eq "$(hits 'Transaction|"(SELECT|INSERT|UPDATE|DELETE|CREATE|BEGIN|SAVEPOINT) ' cli)" ""

describe "the cli calls lib/app: no store header but store/database.hpp (Database, OpenMode), no store object"
expect_eq "$(hits '#include "store/' cli | grep -v '#include "store/database.hpp"')" ""
expect_eq "$(hits 'AssignmentStore|LifecycleStore|BatchImport|\.sql\(\)' cli)" ""

describe "only lib/app opens a transaction (and the schema migration, when a file is opened)"
expect_eq "$(hits 'SQLite::Transaction|tx_?\.(emplace|commit)' lib/util lib/domain lib/store lib/render | grep -v '^lib/store/database.cpp:')" ""
expect_eq "$(hits 'SQLite::Transaction' lib/store/database.cpp | wc -l | tr -d ' ')" "1"

describe "the store's writers check that they run in their caller's transaction"
for writer in LifecycleStore::appoint LifecycleStore::note LifecycleStore::extend LifecycleStore::recall \
    LifecycleStore::complete LifecycleStore::follow_up correct_unit record_application import_applications \
    import_roster import_exchange undo_change delete_assignment BatchImport record_dated_value record_correction \
    edit_note delete_note; do
    expect_eq "$(hits "require_transaction\([a-z_.()]+, \"$writer\"\)" lib/store | wc -l | tr -d ' ')" "1"
done

# The checks must be able to fail: a planted literal is found.
describe "the flag grep finds a planted literal"
mkdir -p plant/lib && printf 'auto m = "give --until";\n' >plant/lib/x.cpp
expect_eq "$(cd plant && grep -rnE --include='*.cpp' '"[^"]*--[a-z]' lib | wc -l | tr -d ' ')" "1"

finish
