# Issue 20 for what lib/store and lib/app say: the refusals of opening a database, the findings
# of `guazhi check`, backup, undo and import-all, in Chinese by default and with --lang zh, and
# in English, word for word as before, with GUAZHI_LANG=en or --lang en. A refused command leaves
# the database as it was; no message shows a full ID number.
source "$(dirname "$0")/lib.sh" "$@"

# zh_run ARGS...: runs guazhi as a clerk does, without the suites' GUAZHI_LANG (Chinese).
zh_run() {
    GUAZHI_LANG='' "$GUAZHI" "$@" >out.txt 2>err.txt
    rc=$?
}

describe "an empty file is not a database: Chinese by default, English with GUAZHI_LANG=en"
: >empty.db
chmod 600 empty.db
zh_run --db empty.db check
expect_rc 1
expect_err "guazhi: empty.db: 不是 guazhi 数据库（文件是空的）；请用 \`guazhi init\` 创建数据库"
expect_eq "$(stat -c %s empty.db)" 0
run --db empty.db check
expect_rc 1
expect_err "guazhi: empty.db: not a guazhi database (the file is empty); create one with \`guazhi init\`"
run --lang zh --db empty.db assign list
expect_rc 1
expect_err "请用 \`guazhi init\` 创建数据库"
expect_eq "$(stat -c %s empty.db)" 0

describe "no database at all: the way to create one, in Chinese"
zh_run --db none.db assign list
expect_rc 1
expect_err "\`guazhi init\`"
checks=$((checks + 1))
grep -qP '[\x{4e00}-\x{9fff}]' err.txt || fail "no Chinese in: $(cat err.txt)"
expect_eq "$(ls none.db 2>/dev/null)" ""

describe "a text file given as the database"
echo "名单" >notes.txt
chmod 600 notes.txt
zh_run --db notes.txt check
expect_rc 1
expect_err "notes.txt: 不是 guazhi 数据库：它根本不是 SQLite 文件；未写入任何内容"
run --db notes.txt check
expect_err "notes.txt: not a guazhi database: it is not a SQLite file at all; nothing was written"
expect_eq "$(cat notes.txt)" "名单"

describe "a database others may read: its mode, and the chmod, in both languages"
new_db db
chmod 644 db
before=$(fingerprint db)
zh_run --db db assign list
expect_rc 1
expect_err "db: 数据库可被他人读写（权限 0644）；其中存有身份证号。请用以下命令设为仅本人可用：chmod 600 'db'。未写入任何内容。"
run --db db assign list
expect_rc 1
expect_err "db: the database may be read or written by others (mode 0644); it holds ID numbers. Make it private with: chmod 600 'db'. Nothing was written."
expect_eq "$(fingerprint db)" "$before"
chmod 600 db

describe "guazhi check: each finding a Chinese sentence, the codes and tables as they are"
run --db db check
expect_rc 0
sqlite3 db "UPDATE cadres SET gender = CASE gender WHEN 'female' THEN 'male' ELSE 'female' END WHERE id = 2;
            UPDATE cadres SET name = '张三' || char(8203) || '511025198003150018' WHERE id = 3;
            UPDATE cadres SET category_mask = 99 WHERE id = 6;
            PRAGMA ignore_check_constraints = ON; UPDATE assignments SET end_date = '2001-01-01' WHERE id = 1;"
before=$(fingerprint db)
zh_run --db db check
expect_rc 1
expect_out "dates          结束日期 2001-01-01 早于开始日期 2005-08-01"
expect_out "性别“男”与身份证号所含的性别（女）不一致"
expect_out "category_mask 为 99，但其干部类别（无）应为 0"
expect_out "姓名“张三\\u200B511***********0018”含有不可见字符或不是 Unicode NFC 形式；实际应读作“张三511***********0018”"
expect_out "表"
expect_err "发现 4 个问题（共 25 项检查）"
expect_no_out "511025198003150018"
expect_no_out "the gender"
run --db db check
expect_rc 1
expect_out "the end date 2001-01-01 is before the start date 2005-08-01"
expect_out "the gender 'male' is not the one the ID number carries (female)"
expect_out "category_mask is 99, but its categories (none) make 0"
expect_out "the name '张三\\u200B511***********0018' holds invisible characters or is not in Unicode NFC; it reads as '张三511***********0018'"
expect_no_out "511025198003150018"
expect_no_out "性别"
run --lang zh --db db check --format json
expect_rc 1
expect_out '"code": "id_number"'
expect_out "不一致"
expect_no_out "511025198003150018"
expect_eq "$(fingerprint db)" "$before"

describe "backup: a refusal in the reader's language, nothing written"
new_db clean
before=$(fingerprint clean)
zh_run --db clean backup clean
expect_rc 1
checks=$((checks + 1))
grep -qP '[\x{4e00}-\x{9fff}]' err.txt || fail "no Chinese in: $(cat err.txt)"
expect_eq "$(fingerprint clean)" "$before"
zh_run --db clean backup clean --force
expect_rc 1
expect_err "guazhi: clean: 这是数据库本身；请另选一个文件"
run --db clean backup clean --force
expect_err "guazhi: clean: that is the database itself; choose another file"
expect_eq "$(fingerprint clean)" "$before"

describe "undo: nothing to undo, and a change later ones depend on"
"$GUAZHI" --db fresh init >/dev/null 2>&1
zh_run --db fresh undo
expect_rc 1
expect_err "没有可撤销的变更：已记录的变更都已撤销（或尚无变更记录）"
run --db fresh undo
expect_err "nothing to undo: every logged change is undone already (or none was logged)"
"$GUAZHI" --db mid init >/dev/null 2>&1
"$GUAZHI" --db mid assign import "$EXAMPLE" >/dev/null 2>&1
"$GUAZHI" --db mid unit set 市交通局 --county 东兴区 >/dev/null 2>&1
"$GUAZHI" --db mid unit set 市交通局 --county 市中区 >/dev/null 2>&1
before=$(fingerprint mid)
zh_run --db mid undo --change 2
expect_rc 1
expect_err "无法撤销第 2 号变更（\`guazhi --db mid unit set 市交通局 --county 东兴区\`）：之后的第 3 号变更改动了相同的记录；请先撤销它（从最新的开始）。未撤销任何内容。"
zh_run --db mid undo --change 1
expect_rc 1
expect_err "之后的变更 #2, #3 改动了相同的记录；请先撤销它们"
run --db mid undo --change 1
expect_err "later changes #2, #3 changed the same records; undo them first (newest first). Nothing was undone."
zh_run --db mid undo --change 9
expect_err "变更日志中没有第 9 号变更（\`guazhi log\` 可列出全部变更）"
expect_eq "$(fingerprint mid)" "$before"

describe "import-all: the tables in order, listed with the reader's separator"
"$GUAZHI" --db mid export all --format json --reveal-id -o all.json >/dev/null 2>&1
python3 - all.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["tables"]
d["tables"] = {"cadres": t["cadres"], "units": t["units"]}
json.dump(d, open("order.json", "w"), ensure_ascii=False)
EOF
"$GUAZHI" --db target init >/dev/null 2>&1
before=$(fingerprint target)
zh_run --db target import-all order.json
expect_rc 1
expect_err "order.json: tables.units: 顺序不对或重复（顺序应为 units、cadres、cadre_categories、"
run --db target import-all order.json
expect_err "order.json: tables.units: out of order or repeated (the order is units, cadres, cadre_categories, "
echo '{"format": 1' >cut.json
zh_run --db target import-all cut.json
expect_rc 1
expect_err "cut.json: 不是有效的 JSON 文档（解析器报告：“"
expect_eq "$(fingerprint target)" "$before"

finish
