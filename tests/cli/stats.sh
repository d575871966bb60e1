# stats: the seed's 2006 figures, exactly, in every format; zero denominators.
source "$(dirname "$0")/lib.sh" "$@"

new_db db || exit 1

describe "2006 table: the seed's figures"
run --lang zh --db db stats --year 2006
expect_rc 0
expect_line "^2006 年度挂职干部统计$"
expect_line "^挂职干部总数 +27$"
expect_line "^上挂 +21 +27 +77.8%$"
expect_line "^下派 +6 +27 +22.2%$"
expect_line "^党外干部 +13 +27 +48.1%$"
expect_line "^  其中上挂 +7 +21 +33.3%$"
expect_line "^  其中下派 +6 +6 +100.0%$"
expect_line "^选调生 +4 +27 +14.8%$"
expect_line "^县级后备干部 +4 +27 +14.8%$"
expect_line "^选调生和县级后备干部 +8 +27 +29.6%$"
expect_line "^上挂干部中来自乡镇 +5 +21 +23.8%$"
expect_line "^  其中选调生 +4 +5 +80.0%$"
expect_line "^  其中党外干部 +1 +5 +20.0%$"

describe "2006 CSV and JSON"
run --lang zh --db db stats --year 2006 --format csv
expect_rc 0
expect_eq "$(head -1 out.txt)" "key,label,count,denominator,share"
expect_out "non_party,党外干部,13,27,48.1%"
expect_out "selected_or_reserve,选调生和县级后备干部,8,27,29.6%"
run --db db stats --year 2006 --format json
expect_rc 0
expect_eq "$(python3 -c '
import json; d = json.load(open("out.txt"))
from fractions import Fraction as F
print(d["batch_year"], d["total"]["count"], d["up"]["count"], d["down"]["count"],
      d["non_party"]["count"], d["non_party"]["denominator"], d["non_party"]["of"],
      abs(d["non_party"]["share"] - 13/27) < 1e-15,
      d["selected_or_reserve"]["count"], d["up_from_township"]["count"], d["up_from_township"]["denominator"])')" \
    "2006 27 21 6 13 27 total True 8 5 21"

describe "2005: 13 up-seconded, no shares of nothing"
run --db db --lang en stats --year 2005
expect_rc 0
expect_line "^secondees +13$"
expect_line "^up-seconded +13 +13 +100.0%$"
expect_line "^  of them down +0 +0 +—$"
run --db db stats --year 2005 --format json
expect_eq "$(python3 -c 'import json; d = json.load(open("out.txt")); print(d["non_party_down"]["share"], d["down"]["share"])')" "None 0"
expect_no_out "nan"

describe "without --year, the latest batch"
run --lang zh --db db stats --format csv
expect_rc 0
expect_err "批次年度 2006（最近一批"
expect_out "total,挂职干部总数,27,,"

describe "non_party_exclude changes who counts as 党外干部"
"$GUAZHI" --db db assign add --id-number 511025198003150018 --name 张明 --political-status 群众 \
    --home-unit 资中县财政局 --direction up --host-unit 市外事办 --start-date 2006-08-01 >/dev/null 2>&1
run --lang zh --db db stats --year 2006 --format csv
expect_out "non_party,党外干部,14,28,50.0%"
printf 'non_party_exclude = ["群众"]\n' >strict.toml
run --lang zh --config strict.toml --db db stats --year 2006 --format csv
expect_out "non_party,党外干部,13,28,46.4%"

finish
