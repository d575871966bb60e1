#!/usr/bin/env python3
"""Recomputes guazhi's statistics straight from roster CSV files, independently of guazhi's
SQL, and compares them with `guazhi stats --format json` for every year, by direction, by
county, by age band and as a trend. Usage: stats_check.py GUAZHI DB FROM TO CSV... ; exits 1
listing every difference."""
import csv, json, re, subprocess, sys
from collections import Counter, defaultdict

guazhi, db, first, last, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]

HEADERS = {"身份证号": "id_number", "性别": "gender", "民族": "ethnicity", "政治面貌": "political_status",
           "干部类别": "categories", "派出单位": "home_unit", "所属县区": "home_county", "原单位层级": "home_level",
           "挂职类型": "direction", "开始日期": "start_date", "年度": "batch_year"}
PARTY = {"中共党员", "cpc_member", "中共预备党员", "cpc_probationary", "中国共产党党员", "党员"}
UP = {"上挂", "up"}
TOWNSHIP = {"乡镇", "township"}
HAN = {"汉族", "han", "汉"}

rows = []
for name in files:
    with open(name, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            row = dict.fromkeys(HEADERS.values(), "")
            row.update({HEADERS.get(k, k): (v or "").strip() for k, v in r.items()})
            rows.append(row)


def age_band(r):
    born = r["id_number"][6:14]
    y, m, d = (int(x) for x in re.findall(r"\d+", r["start_date"])[:3])  # 2005-08-01, 2005/8/1, 2005年8月1日
    age = y - int(born[:4]) - ((m, d) < (int(born[4:6]), int(born[6:8])))
    for bound, code in ((30, "<=30"), (35, "31-35"), (40, "36-40"), (45, "41-45")):
        if age <= bound:
            return code
    return ">45"


def figures(rs):
    up = [r for r in rs if r["direction"] in UP]
    np_ = [r for r in rs if r["political_status"] not in PARTY]
    sg = [r for r in rs if "选调生" in r["categories"] or "selected_graduate" in r["categories"]]
    cr = [r for r in rs if "后备" in r["categories"] or "county_reserve" in r["categories"]]
    town = [r for r in up if r["home_level"] in TOWNSHIP]
    count = lambda xs: len(xs)
    f = {"total": (len(rs), None), "up": (len(up), len(rs)), "down": (len(rs) - len(up), len(rs)),
         "non_party": (len(np_), len(rs)),
         "non_party_up": (len([r for r in up if r in np_]), len(up)),
         "non_party_down": (len([r for r in np_ if r not in up]), len(rs) - len(up)),
         "selected_graduate": (len(sg), len(rs)), "county_reserve": (len(cr), len(rs)),
         "selected_or_reserve": (len([r for r in rs if r in sg or r in cr]), len(rs)),
         "up_from_township": (len(town), len(up)),
         "up_from_township_selected_graduate": (len([r for r in town if r in sg]), len(town)),
         "up_from_township_non_party": (len([r for r in town if r in np_]), len(town)),
         "female": (len([r for r in rs if r["gender"] in ("女", "female")]), len(rs)),
         "minority": (len([r for r in rs if r["ethnicity"] and r["ethnicity"] not in HAN]), len(rs))}
    return f


problems = []


def compare(where, got, rs):
    for key, (count, denominator) in figures(rs).items():
        g = got[key]
        if g["count"] != count:
            problems.append(f"{where} {key}: guazhi {g['count']}, expected {count}")
        if denominator is not None:
            share = None if denominator == 0 else count / denominator
            if g["denominator"] != denominator or (share is None) != (g["share"] is None) or \
                    (share is not None and abs(g["share"] - share) > 1e-12):
                problems.append(f"{where} {key}: guazhi {g['count']}/{g['denominator']}={g['share']}, "
                                f"expected {count}/{denominator}={share}")


def stats(*args):
    out = subprocess.run([guazhi, "--db", db, "stats", "--format", "json", *args], capture_output=True, text=True)
    if out.returncode != 0 or "nan" in out.stdout:
        problems.append(f"stats {' '.join(args)}: exit {out.returncode}: {out.stderr.strip()} {out.stdout[:200]}")
        return None
    return json.loads(out.stdout)


by_year = defaultdict(list)
for r in rows:
    by_year[int(r["batch_year"])].append(r)
for year in range(first, last + 1):
    rs = by_year.get(year, [])
    got = stats("--year", str(year))
    if got is None:
        continue
    compare(f"{year}", got, rs)
    bands = Counter(age_band(r) for r in rs)
    for code, g in got["distributions"]["age_band"].items():
        if g["count"] != bands.get(code, 0):
            problems.append(f"{year} age band {code}: guazhi {g['count']}, expected {bands.get(code, 0)}")
    by_county = stats("--year", str(year), "--by", "home_county")
    counties = defaultdict(list)
    for r in rs:
        counties[r["home_county"] or "none"].append(r)
    if by_county is not None:
        seen = {g["home_county"] for g in by_county["groups"]}
        if seen != set(counties):
            problems.append(f"{year} counties: guazhi {sorted(seen)}, expected {sorted(counties)}")
        for g in by_county["groups"]:
            compare(f"{year} county {g['home_county']}", g, counties[g["home_county"]])

trend = stats("--from", str(first), "--to", str(last), "--by", "direction")
if trend is not None:
    if len(trend["groups"]) != 2 * (last - first + 1):
        problems.append(f"trend: {len(trend['groups'])} rows, expected {2 * (last - first + 1)}")
    for g in trend["groups"]:
        rs = [r for r in by_year.get(g["batch_year"], []) if (r["direction"] in UP) == (g["direction"] == "up")]
        compare(f"trend {g['batch_year']} {g['direction']}", g, rs)

for p in problems[:40]:
    print(p)
print(f"stats_check: {len(rows)} rows, years {first}..{last}, {len(problems)} differences")
sys.exit(1 if problems else 0)
