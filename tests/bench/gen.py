#!/usr/bin/env python3
"""Deterministic generator of realistic secondment rosters for the guazhi benchmark.

Writes N assignments in guazhi's canonical CSV (the format `guazhi export assignments
--reveal-id` writes and `guazhi assign import` reads back: English header, codes, ISO
dates), so that every row imports without a single problem:

  * ID numbers carry a valid GB 11643 check digit; their 17th digit agrees with `gender`
    and digits 7-14 with `birth_date`; every cadre is 24-54 years old at the term start.
  * A cadre seconded twice (about 3% of rows) has identical personal data and terms in
    different batch years (12-month terms starting August 1 never overlap).
  * The direction decides the host's kind (rules.cpp host_kind_for): 上挂 (up) goes to a
    city organ (市…), 下派 (down) to a township (…镇/…乡). Home units are county
    departments (县区部门), townships or, for down, city organs; `home_level` always says
    which, and the names also infer to the same kind (rules.cpp infer_unit_kind).
  * Home townships and host townships are disjoint, so a row never names one unit twice
    and no unit is recorded with two kinds or two counties.

Python's `random.Random(seed)` is stable across Python 3 versions for the calls used here
(random(), choice(), randrange()), so a seed gives the same file everywhere.

Usage: gen.py -n 1000000 -o roster.csv [--seed 20060801]
"""

import argparse
import csv
import random
import sys

HEADER = [
    "id_number", "name", "gender", "ethnicity", "birth_date", "political_status", "education",
    "categories", "home_unit", "home_county", "home_level", "home_post", "direction",
    "host_unit", "host_post", "start_date", "end_date", "batch_year",
]

FIRST_YEAR, LAST_YEAR = 2000, 2025

# Ten counties/districts of two neighbouring Sichuan cities, with their area codes (the
# first six digits of the ID numbers of people born there).
COUNTIES = [
    ("市中区", "511002"), ("东兴区", "511011"), ("威远县", "511024"), ("资中县", "511025"),
    ("隆昌县", "511028"), ("自流井区", "510302"), ("贡井区", "510303"), ("大安区", "510304"),
    ("荣县", "510321"), ("富顺县", "510322"),
]
# Some cadres were born elsewhere in the province.
OTHER_AREAS = ["510104", "510107", "510681", "511102", "511304", "511502", "512002", "513401"]

COUNTY_DEPTS = [
    "委办公室", "政府办公室", "纪委", "委组织部", "委宣传部", "委统战部", "委政法委", "发展和改革局",
    "教育局", "科学技术局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
    "国土资源局", "住房和城乡建设局", "交通运输局", "水务局", "农业局", "林业局", "商务局",
    "文化广播电视局", "卫生局", "审计局", "统计局", "安全生产监督管理局", "信访局", "扶贫开发局",
    "总工会", "团委", "妇联",
]
# City organs: the hosts of 上挂 and the home units of most 下派 cadres. Every name starts
# with 市 and has no 县/区 among its first characters, so it infers as a city organ.
CITY_ORGANS = [
    "市委办公室", "市政府办公室", "市纪委", "市委组织部", "市委宣传部", "市委统战部", "市委政法委",
    "市委政策研究室", "市委台办", "市委老干部局", "市委党校", "市直机关工委", "市发展和改革委员会",
    "市经济和信息化委员会", "市教育局", "市科学技术局", "市公安局", "市民政局", "市司法局",
    "市财政局", "市人力资源和社会保障局", "市国土资源局", "市环境保护局", "市住房和城乡建设局",
    "市规划局", "市交通运输局", "市水务局", "市农业局", "市林业局", "市畜牧局", "市商务局",
    "市文化广播电视局", "市卫生局", "市人口和计划生育委员会", "市审计局", "市外事侨务办公室",
    "市国有资产监督管理委员会", "市地方税务局", "市工商行政管理局", "市质量技术监督局",
    "市食品药品监督管理局", "市安全生产监督管理局", "市统计局", "市物价局", "市旅游局",
    "市粮食局", "市体育局", "市人民防空办公室", "市法制办公室", "市信访局", "市扶贫开发局",
    "市民族宗教事务局", "市机构编制委员会办公室", "市档案局", "市地方志办公室", "市政务服务中心",
    "市投资促进局", "市城市管理行政执法局", "市总工会", "市团委", "市妇联", "市科协", "市文联",
    "市残联", "市工商联", "市红十字会", "市供销合作社", "市人民检察院", "市中级人民法院",
    "市人大常委会办公室", "市政协办公室", "市公共资源交易中心", "市就业服务管理局",
    "市社会保险事业管理局", "市房地产管理局", "市农业机械管理局", "市水产局", "市广播电视台",
    "市日报社", "市图书馆",
]
assert len(CITY_ORGANS) == 80

# Township names are built from these; 2 x 2-syllable combinations, never repeated.
TOWN_FIRST = "龙凤金石白青双新永太高东西南北仁安福兴宝观云清铁黄"
TOWN_SECOND = "桥溪坝场滩山河岭市井湾田塘寺口庙坪林"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
# Common surnames are far more frequent: weight the first ones more.
SURNAME_POOL = [s for i, s in enumerate(SURNAMES) for _ in range(max(1, 8 - i // 6))]
GIVEN_MALE = "伟强军勇杰涛斌明超刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林建国志文武斌峰磊洋"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪琳倩莉兰萍红梅颖慧洁琴蓉晶佳欣怡丹露瑶璐"
GIVEN_ANY = "小晓春秋德永海云成家子天新中金玉思嘉雨博"

# (code, weight) — weights in percent.
ETHNICITIES = [("han", 92), ("yi", 3), ("hui", 1), ("tibetan", 1), ("qiang", 1), ("miao", 1), ("tujia", 1)]
POLITICAL = [
    ("cpc_member", 68), ("cpc_probationary", 4), ("cyl_member", 6), ("masses", 10), ("non_partisan", 3),
    ("cdl", 2), ("cndca", 2), ("capd", 1), ("cpwdp", 1), ("jiusan", 1), ("zhigong", 1), ("rcckmt", 1),
]
EDUCATION = [
    ("bachelor", 55), ("master", 14), ("doctorate", 2), ("associate", 20), ("secondary_vocational", 6),
    ("high_school", 3),
]

# Posts; some contain commas or quotes, so the CSV quotes them as rosters from Excel do.
HOME_POSTS_DEPT = [
    "办公室主任", "办公室副主任", "股长", "副股长", "副局长", "科员", "副主任科员", "主任科员",
    "办公室副主任,主任科员", "综合股股长", "财务股副股长,会计", "党组成员、副局长",
]
HOME_POSTS_TOWN = ["副镇长", "党委委员", "党政办主任", "武装部长", "纪委书记", "副乡长,党委委员", "团委书记"]
HOME_POSTS_CITY = ["科长", "副科长", "主任科员", "副主任科员", "科员", "调研员", "办公室副主任,主任科员"]
HOST_POSTS_UP = [
    "科长助理", "综合科副科长", "办公室副主任", "局长助理", "秘书科副科长", "调研科副科长",
    "业务科副科长,主任科员", '"三农"工作联络员',
]
HOST_POSTS_DOWN = ["副{}长", "党委副书记", "党委委员", "{}长助理", "副{}长,分管农业", '挂任"第一书记"']

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def expand(pairs):
    """A list in which each code appears `weight` times: one random index picks by weight."""
    return [code for code, weight in pairs for _ in range(weight)]


def township_names(rng, count, taken):
    names = []
    while len(names) < count:
        name = rng.choice(TOWN_FIRST) + rng.choice(TOWN_SECOND) + rng.choice("镇镇镇乡")
        if name[:2] not in taken:  # a 龙桥镇 and a 龙桥乡 would be confusing; keep stems unique
            taken.add(name[:2])
            names.append(name)
    return names


def build_units(rng):
    """~300 home units (county departments and townships in 10 counties), 80 city organs,
    100 host townships."""
    taken = set()
    home_depts, home_towns = [], []
    for county, _ in COUNTIES:
        for dept in rng.sample(COUNTY_DEPTS, 25):
            home_depts.append((county + dept, county, "county_dept"))
        for town in township_names(rng, 5, taken):
            home_towns.append((town, county, "township"))
    host_towns = township_names(rng, 100, taken)
    return home_depts, home_towns, host_towns


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100000, help="number of assignments (rows)")
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    parser.add_argument("--seed", type=int, default=20060801, help="random seed (default 20060801)")
    args = parser.parse_args()
    if args.n < 0:
        parser.error("-n must be >= 0")

    rng = random.Random(args.seed)
    r = rng.random  # bound once: the inner loop runs a million times
    home_depts, home_towns, host_towns = build_units(rng)
    ethnicities, political, education = expand(ETHNICITIES), expand(POLITICAL), expand(EDUCATION)
    areas = [code for _, code in COUNTIES] * 3 + OTHER_AREAS  # mostly born locally
    # The check-digit sum of the six area digits, once per area.
    area_sum = {a: sum(int(ch) * w for ch, w in zip(a, WEIGHTS[:6])) for a in areas}

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)

    used_ids = set()   # first 17 digits of every ID number handed out
    previous = []      # cadres of recent batches, candidates for a second secondment
    years = LAST_YEAR - FIRST_YEAR + 1
    for yi in range(years):
        year = FIRST_YEAR + yi
        rows_this_year = args.n // years + (1 if yi < args.n % years else 0)
        start, end = f"{year}-08-01", f"{year + 1}-07-31"
        this_year = []
        seconded_now = set()
        for _ in range(rows_this_year):
            person = None
            if previous and r() < 0.03:
                cand = previous[int(r() * len(previous))]
                # Not twice in one batch, and still no older than 54 at the new start.
                if cand[0] not in seconded_now and year - int(cand[4][:4]) <= 54:
                    person = cand
            if person is None:
                female = r() < 0.38
                born_year = year - int(rng.triangular(25, 54.999, 36))
                month = int(r() * 12) + 1
                dim = DAYS_IN_MONTH[month - 1]
                day = int(r() * dim) + 1
                area = areas[int(r() * len(areas))]
                birth = f"{born_year:04d}{month:02d}{day:02d}"
                while True:
                    # Sequence digits; the last one is odd for men, even for women (GB 11643).
                    seq = int(r() * 100) * 10 + int(r() * 5) * 2 + (0 if female else 1)
                    first17 = f"{area}{birth}{seq:03d}"
                    if first17 not in used_ids:
                        break
                used_ids.add(first17)
                total = area_sum[area]
                for i in range(6, 17):
                    total += (ord(first17[i]) - 48) * WEIGHTS[i]
                id_number = first17 + CHECK[total % 11]

                given = GIVEN_FEMALE if female else GIVEN_MALE
                name = SURNAME_POOL[int(r() * len(SURNAME_POOL))] + given[int(r() * len(given))]
                if r() < 0.7:
                    name += (GIVEN_ANY + given)[int(r() * (len(GIVEN_ANY) + len(given)))]
                ethnicity = ethnicities[int(r() * 100)]
                status = political[int(r() * 100)]
                edu = education[int(r() * 100)]
                cats = []
                age = year - born_year
                if age <= 32 and edu in ("bachelor", "master", "doctorate") and r() < 0.35:
                    cats.append("selected_graduate")
                if r() < 0.15:
                    cats.append("county_reserve")
                if ethnicity != "han" and r() < 0.8:
                    cats.append("ethnic_minority")
                if female and r() < 0.4:
                    cats.append("female_cadre")
                person = (id_number, name, "female" if female else "male", ethnicity,
                          f"{born_year:04d}-{month:02d}-{day:02d}", status, edu, ";".join(cats))
            seconded_now.add(person[0])
            this_year.append(person)

            if r() < 0.8:  # 上挂: from a county department or a township to a city organ
                direction = "up"
                # 选调生 start their careers in townships, so most up-seconded ones come from one.
                if r() < (0.6 if "selected_graduate" in person[7] else 0.15):
                    home, county, level = home_towns[int(r() * len(home_towns))]
                    home_post = HOME_POSTS_TOWN[int(r() * len(HOME_POSTS_TOWN))]
                else:
                    home, county, level = home_depts[int(r() * len(home_depts))]
                    home_post = HOME_POSTS_DEPT[int(r() * len(HOME_POSTS_DEPT))]
                host = CITY_ORGANS[int(r() * len(CITY_ORGANS))]
                host_post = HOST_POSTS_UP[int(r() * len(HOST_POSTS_UP))]
            else:  # 下派: from a city organ or a county department to a township
                direction = "down"
                if r() < 0.6:
                    home, county, level = CITY_ORGANS[int(r() * len(CITY_ORGANS))], "", "city_organ"
                    home_post = HOME_POSTS_CITY[int(r() * len(HOME_POSTS_CITY))]
                else:
                    home, county, level = home_depts[int(r() * len(home_depts))]
                    home_post = HOME_POSTS_DEPT[int(r() * len(HOME_POSTS_DEPT))]
                host = host_towns[int(r() * len(host_towns))]
                host_post = HOST_POSTS_DOWN[int(r() * len(HOST_POSTS_DOWN))].format(host[-1])
            writer.writerow(person + (home, county, level, home_post, direction, host, host_post,
                                      start, end, year))
        # Only recent batches come back for a second term: keep the pool small and fresh.
        previous = (previous + this_year)[-20000:]
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
