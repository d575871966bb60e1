# The Quick start's demo (examples/demo.sh) on the built binary: the seed's 2006 figures.
source "$(dirname "$0")/lib.sh" "$@"

describe "examples/demo.sh prints the 2006 statistics of the example roster"
GUAZHI_LANG=zh GUAZHI_BIN=$GUAZHI GUAZHI_DEMO_DB=$WORK/demo.db bash "$ROOT/examples/demo.sh" >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_err "已创建 $WORK/demo.db（数据库结构版本 "
expect_err "40 行（UTF-8）：新增 40 条"
expect_line "^挂职干部总数 +27$"
expect_line "^党外干部 +13 +27 +48.1%$"
expect_line "^选调生和县级后备干部 +8 +27 +29.6%$"
expect_line "^上挂干部中来自乡镇 +5 +21 +23.8%$"

describe "running it again starts from a fresh database"
GUAZHI_BIN=$GUAZHI GUAZHI_DEMO_DB=$WORK/demo.db bash "$ROOT/examples/demo.sh" >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_err "40 added"

describe "examples/yearly-stats.sh: the summary, the five-year trend and the county table as markdown"
GUAZHI_LANG=zh GUAZHI_BIN=$GUAZHI GUAZHI_DB=$WORK/demo.db bash "$ROOT/examples/yearly-stats.sh" 2006 >out.txt 2>err.txt
rc=$?
expect_rc 0
expect_line "^# 2006 年度挂职干部工作统计$"
expect_line "^\| 党外干部 \| 13 \| 27 \| 48.1% \|$"
expect_line "^## 近五年趋势（2002–2006）$"
expect_line "^\| 2002 \| 上挂 \| 0 \|"
expect_line "^\| 2005 \| 上挂 \| 13 \|"
expect_line "^\| 2006 \| 下派 \| 6 \|"
expect_line "^## 各县（区）派出情况（2006）$"
expect_line "^\| 资中县 \| 5 \|"
expect_line "^\| 市直 \| 6 \|"
GUAZHI_BIN=$GUAZHI GUAZHI_DB=$WORK/demo.db bash "$ROOT/examples/yearly-stats.sh" last-year >out.txt 2>err.txt
rc=$?
expect_rc 2
expect_err "'last-year' is not a year"

finish
