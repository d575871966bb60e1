#!/usr/bin/env python3
"""Writes the acceptance corpus of 花名册 (cadre secondment rosters) as clerks keep them, and
OUTDIR/manifest.json saying, for each file, how `guazhi assign import` must treat it.

    make_rosters.py OUTDIR

The parts, top to bottom: the people (the example roster's cadres and a few more, with valid
GB 11643 ID numbers); the columns a roster may carry (header text and how a person's value is
written in it); layout(), which lays people out in a given shape (title, 填表单位 line, 说明,
two-row header, 序号, blank rows, footers …); one writer per container (CSV in UTF-8, BOM,
GB18030, UTF-16 "Unicode 文本", TSV, xlsx); the sheets themselves; the refusals; the files
that are not rosters and the hostile workbooks.

A manifest entry:
  name      unique name of the case        file    the file in OUTDIR
  flags     extra `assign import` flags     config  text of a --config file (optional)
  preload   import the example roster first (optional)
  outcome   "imports" or "refused"          rc      expected exit code
  rows      assignments in the database afterwards (imports)
  units     units in the database afterwards (optional)
  records   {id_number: {field: expected}}: keys of `assign list --format json --reveal-id`
            (the columns of `export assignments`: name, gender, home_unit, home_post, host_unit,
            host_post, start_date, end_date, direction, batch_year, education), "json:KEY" for `assign show --format json
            --reveal-id` (a key anywhere in the object; an expected list = any of these values;
            {"month": "YYYY-MM"} = a date of that month, in any spelling), "categories" (codes)
  stderr / stderr_re   substrings / case-insensitive regexes stderr must hold (imports)
  errors / errors_re   the same for a refusal's message; errors_not: substrings it must not hold
  xls       convert this .xlsx to .xls for rosters_xls.sh (default: every .xlsx that is data)
  xls_skip  keys of the checks that do not apply to the .xls copy (hidden-row counts …)
  phone_masked  also check that the phone is masked without --reveal-id
  timeout   seconds the import may take (hostile files)
"""
import copy
import html
import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import struct
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OUT = sys.argv[1] if len(sys.argv) > 1 else "rosters-out"
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "..", "examples", "roster-2005-2006.csv")

# ----------------------------------------------------------------------------- people

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(area, birth, seq):
    """A GB 11643 ID number: area code, birth date YYYYMMDD, sequence (odd = male), check."""
    s = "%s%s%03d" % (area, birth, seq)
    return s + "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11]


assert id_number("340524", "19800101", 1)[-1] == "X" and id_number("110105", "19491231", 2)[-1] == "X"

GENDER = {"male": "男", "female": "女"}


def person(pid, name, eth, pol, edu, home, county, home_post, direction, host, host_post, cats="", **extra):
    birth = pid[6:14]
    return dict(id=pid, name=name, gender="male" if int(pid[16]) % 2 else "female", eth=eth,
                birth="%s-%s-%s" % (birth[:4], birth[4:6], birth[6:]), pol=pol, edu=edu, home=home,
                county=county, home_post=home_post, dir=direction, host=host, host_post=host_post, cats=cats,
                **extra)


def example_people():
    """The 40 cadres of examples/roster-2005-2006.csv (valid ID numbers, real units)."""
    rows = list(csv.DictReader(open(EXAMPLE, encoding="utf-8-sig")))
    return [person(r["身份证号"], r["姓名"], r["民族"], r["政治面貌"], r["学历"], r["派出单位"], r["所属县区"],
                   r["原职务"], "up" if r["挂职类型"] == "上挂" else "down", r["接收单位"], r["挂职职务"],
                   r["干部类别"]) for r in rows]


# New cadres: each has a host unit that no other person has (one secondee per host and
# batch), extra 花名册 fields, and a few have what a sheet needs (born in October/January
# 1979, a minority name with a middle dot, a name a clerk pads with spaces).
def P(area, birth, seq, *rest, **extra):
    return person(id_number(area, birth, seq), *rest, **extra)


NEW = [
    P("511025", "19800315", 1, "张明", "汉族", "中共党员", "大学本科", "资中县财政局", "资中县", "预算股股长", "up", "市外事办", "科长助理",
      native="四川资中", work="2002-07", party="2001-06", rank="副科级", phone="13908320118", remark="", programme="年轻干部培养"),
    P("511028", "19820512", 2, "李芳", "汉族", "民盟盟员", "大学本科", "隆昌县教育局", "隆昌县", "教研室副主任", "up", "市侨办", "科长助理",
      native="四川隆昌", work="2004-08", party=None, rank="科员", phone="13981405527", remark="党外干部", programme="党外干部培养"),
    P("511024", "19791008", 11, "王强", "汉族", "中共党员", "大学本科", "威远县建设局", "威远县", "规划股股长", "up", "市城管局", "科长助理",
      native="四川威远", work="2001-07", party="2000-05", rank="副科级", phone="13890561234", remark="", programme=""),
    P("511011", "19790120", 22, "陈静", "汉族", "中共党员", "硕士研究生", "东兴区财政局", "东兴区", "副局长", "up", "市国资委", "科长助理",
      native="四川内江", work="2003-07", party="1999-12", rank="副科级", phone="13508324411", remark="", programme=""),
    P("511002", "19810605", 33, "杨帆", "汉族", "中共党员", "大学本科", "白马镇", "市中区", "党政办主任", "up", "市体育局", "群体科科长助理",
      native="四川内江", work="2003-08", party="2002-11", rank="科员", phone="13778432210", remark="", programme=""),
    P("650102", "19830411", 44, "阿依古丽·买买提", "维吾尔族", "中共党员", "大学本科", "威远县民宗局", "威远县", "宗教股科员", "up", "市民宗局", "民族科科长助理",
      native="新疆乌鲁木齐", work="2005-07", party="2004-05", rank="科员", phone="13990012233", remark="少数民族干部", programme=""),
    P("511025", "19771123", 55, "赵磊", "汉族", "中共党员", "大学专科", "资中县交通局", "资中县", "运管股股长", "up", "市房管局", "副科长",
      native="四川资中", work="1997-09", party="1998-07", rank="主任科员", phone="13350821177", remark="", programme=""),
    P("511028", "19840214", 66, "黄丽", "汉族", "中共党员", "大学本科", "胡家镇", "隆昌县", "党政办科员", "up", "市信访局", "办信科科长助理", "选调生",
      native="四川隆昌", work="2006-07", party="2005-04", rank="科员", phone="13684021188", remark="选调生", programme="选调生培养"),
    P("511024", "19750730", 77, "周杰", "汉族", "中共党员", "大学本科", "威远县审计局", "威远县", "副局长", "up", "市药监局", "副科长", "县级后备干部",
      native="四川威远", work="1996-08", party="1997-10", rank="副科级", phone="13547823301", remark="", programme=""),
    P("511011", "19781203", 88, "吴敏", "汉族", "九三学社社员", "大学本科", "东兴区教育局", "东兴区", "督导室主任", "up", "市法制办", "科长助理",
      native="四川内江", work="2000-09", party=None, rank="主任科员", phone="13036052219", remark="", programme=""),
    P("511025", "19800917", 99, "徐亮", "汉族", "共青团员", "大学本科", "资中县统计局", "资中县", "综合股科员", "up", "市金融办", "科长助理",
      native="四川资中", work="2003-07", party=None, rank="科员", phone="13118320045", remark="", programme=""),
    P("511002", "19851022", 102, "孙悦", "汉族", "中共党员", "大学本科", "伏龙乡", "市中区", "党政办科员", "up", "市接待办", "科长助理", "选调生",
      native="四川内江", work="2007-07", party="2006-05", rank="科员", phone="13980562238", remark="", programme=""),
    P("511028", "19760509", 113, "马骏", "回族", "中共党员", "大学专科", "隆昌县民政局", "隆昌县", "救灾股股长", "up", "市机关事务管理局", "科长助理",
      native="四川隆昌", work="1995-12", party="1999-07", rank="副科级", phone="13568320761", remark="", programme=""),
    P("511024", "19810826", 124, "朱琳", "汉族", "无党派人士", "大学本科", "威远县文化局", "威远县", "文物股副股长", "up", "市编办", "科长助理",
      native="四川威远", work="2003-07", party=None, rank="科员", phone="13808322406", remark="", programme=""),
    # 下派: city cadres to townships
    P("511002", "19740418", 135, "何平", "汉族", "中共党员", "大学本科", "市财政局", "", "国库科副科长", "down", "新店镇", "副镇长",
      native="四川内江", work="1995-07", party="1996-06", rank="副科级", phone="13990561187", remark="人代会选举", programme="新农村建设"),
    P("511002", "19780621", 147, "高峰", "汉族", "民进会员", "大学本科", "市审计局", "", "法规科副科长", "down", "镇西镇", "副镇长",
      native="四川内江", work="2000-07", party=None, rank="副科级", phone="13881401199", remark="", programme="新农村建设"),
    P("511002", "19800130", 158, "林娜", "汉族", "中共党员", "硕士研究生", "市教育局", "", "基教科科员", "down", "高梁镇", "副镇长",
      native="四川内江", work="2005-07", party="2003-05", rank="科员", phone="13608327745", remark="", programme="新农村建设"),
    P("511002", "19770909", 169, "罗杰", "汉族", "中共党员", "大学本科", "市外事办", "", "综合科副科长", "down", "越溪镇", "副镇长",
      native="四川内江", work="1999-07", party="1998-12", rank="副科级", phone="13219530088", remark="", programme="新农村建设"),
    P("511002", "19790515", 170, "梁燕", "汉族", "致公党党员", "大学本科", "市建设局", "", "城建科科员", "down", "连界镇", "副镇长",
      native="四川内江", work="2001-09", party=None, rank="科员", phone="13778004512", remark="", programme="新农村建设"),
    P("511002", "19761111", 181, "宋涛", "汉族", "中共党员", "大学本科", "市商务局", "", "市场科副科长", "down", "归德镇", "副镇长",
      native="四川内江", work="1998-07", party="1997-05", rank="副科级", phone="13550322267", remark="", programme="新农村建设"),
]
EXAMPLE_PEOPLE = example_people()
BY_NAME = {p["name"]: p for p in NEW + EXAMPLE_PEOPLE}
UP_2006 = [p for p in EXAMPLE_PEOPLE if p["host"] in (
    "市财政局", "市审计局", "市文化局", "市教育局", "市经委", "市统计局", "市建设局", "市农业局", "市环保局", "市商务局",
    "市交通局", "市科技局", "市人事局", "市水务局", "市民政局", "市卫生局", "市旅游局", "市劳动和社会保障局", "市林业局",
    "市工商局", "市质监局")]
DOWN_2006 = [p for p in EXAMPLE_PEOPLE if p["dir"] == "down"]
NEW_UP = [p for p in NEW if p["dir"] == "up"]
NEW_DOWN = [p for p in NEW if p["dir"] == "down"]


def people(*names):
    return [BY_NAME[n] for n in names]


# The documented split rule of a combined cell (unit + post): the unit ends at the first unit
# suffix. Only people whose units split correctly by it go into combined-cell sheets.
SUFFIXES = ["街道", "中心", "局", "委", "办", "部", "院", "厅", "镇", "乡"]


def splits_right(unit, post):
    text = unit + post
    ends = [text.find(s) + len(s) for s in SUFFIXES if s in text]
    return bool(ends) and min(ends) == len(unit)


COMBINABLE = [p for p in NEW + UP_2006 + DOWN_2006 if splits_right(p["home"], p["home_post"]) and
              splits_right(p["host"], p["host_post"])]

# ----------------------------------------------------------------------------- cells


class D:
    """A real date cell in a workbook, shown with an Excel number format (in CSV: the text shown)."""

    def __init__(self, iso, fmt):
        self.date = dt.date.fromisoformat(iso)
        self.fmt = fmt

    def shown(self):
        d = self.date
        return {"yyyy-mm-dd": d.isoformat(), 'yyyy"年"m"月"d"日"': "%d年%d月%d日" % (d.year, d.month, d.day),
                "yyyy.mm": "%d.%02d" % (d.year, d.month), "mm-dd-yy": "%d/%d/%d" % (d.year, d.month, d.day),
                "yyyy/m/d": "%d/%d/%d" % (d.year, d.month, d.day)}.get(self.fmt, d.isoformat())


def shown(v):
    """A cell as Excel shows it (and as it writes it to CSV)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, D):
        return v.shown()
    if isinstance(v, float):
        return repr(v)
    return str(v)


def month_text(ym, style):
    y, m = ym.split("-")
    return {"dot": "%s.%s" % (y, m), "dot1": "%s.%d" % (y, int(m)), "cn": "%s年%d月" % (y, int(m)),
            "digits": y + m, "dash": "%s-%s" % (y, m)}[style]


# ----------------------------------------------------------------------------- columns
# A column: (header, value(person, term) -> cell). term = (start ISO, end ISO).

def col(header, fn):
    return (header, fn)


C = {
    "id": lambda p, t: p["id"],
    "name": lambda p, t: p["name"],
    "gender": lambda p, t: GENDER[p["gender"]],
    "eth": lambda p, t: p["eth"],
    "birth": lambda p, t: "%s.%s" % (p["birth"][:4], p["birth"][5:7]),
    "pol": lambda p, t: p["pol"],
    "edu": lambda p, t: p["edu"],
    "cats": lambda p, t: p["cats"],
    "home": lambda p, t: p["home"],
    "county": lambda p, t: p["county"],
    "home_post": lambda p, t: p["home_post"],
    "dir": lambda p, t: "上挂" if p["dir"] == "up" else "下派",
    "host": lambda p, t: p["host"],
    "host_post": lambda p, t: p["host_post"],
    "start": lambda p, t: t[0],
    "end": lambda p, t: t[1],
    "home_combined": lambda p, t: p["home"] + p["home_post"],
    "host_combined": lambda p, t: p["host"] + p["host_post"],
    "native": lambda p, t: p.get("native", ""),
    "work": lambda p, t: month_text(p["work"], "dot") if p.get("work") else "",
    "party": lambda p, t: month_text(p["party"], "dot") if p.get("party") else "",
    "rank": lambda p, t: p.get("rank", ""),
    "phone": lambda p, t: p.get("phone", ""),
    "remark": lambda p, t: p.get("remark", ""),
    "programme": lambda p, t: p.get("programme", ""),
}

# The columns of a plain roster, with our own headers.
BASIC = [col("身份证号", C["id"]), col("姓名", C["name"]), col("性别", C["gender"]), col("民族", C["eth"]),
         col("出生年月", C["birth"]), col("政治面貌", C["pol"]), col("学历", C["edu"]), col("派出单位", C["home"]),
         col("原职务", C["home_post"]), col("挂职类型", C["dir"]), col("接收单位", C["host"]),
         col("挂职职务", C["host_post"]), col("开始日期", C["start"]), col("结束日期", C["end"])]


def rename(cols, **new):
    """The columns with some headers replaced: rename(BASIC, 身份证号="身份证号码")."""
    return [(new.get(h, h), f) for h, f in cols]


def replace(cols, header, *with_cols):
    out = []
    for h, f in cols:
        out.extend(with_cols if h == header else [(h, f)])
    return out


def drop(cols, *headers):
    return [(h, f) for h, f in cols if h not in headers]


# ----------------------------------------------------------------------------- layout

TITLE = "2007年度挂职干部花名册"
FILL_ONE = ["填表单位：中共内江市委组织部干部科（盖章）　　　　填表日期：2007年9月10日"]
FILL_SEVERAL = ["填表单位：", "中共内江市委组织部干部科", "", "", "", "填表日期：", "2007年9月10日"]
NOTE = ["说明：1.挂职类型填“上挂”或“下派”；2.身份证号请设置为文本格式；3.出生年月填写如1980.03。"]
FOOTERS = {
    "signers": [["填表人：王芳　　　　审核人：刘建国　　　　联系电话：0832-2022113"]],
    "signers_cells": [["填表人：", "王芳", "", "", "审核人：", "刘建国"]],
    "zhibiao": [["制表：市委组织部干部科"], ["负责人：刘建国"]],
    "total": [["合计", "", "共{n}人"]],
    "gongji": [["共计：{n}人（上挂{up}人，下派{down}人）"]],
    "remarks": [["备注：下派干部挂任副镇长须经乡镇人代会选举。"], ["说明：挂职期间保留原单位职务。"]],
}


class Grid:
    """A laid-out sheet: rows of cells, the line of each person, the column of each header,
    merged ranges (1-based r1, c1, r2, c2) and hidden rows (1-based)."""

    def __init__(self):
        self.rows, self.line, self.col, self.merges, self.hidden = [], {}, {}, [], set()

    def add(self, cells):
        self.rows.append(list(cells))
        return len(self.rows)


def layout(ppl, cols, term=("2007-08-01", "2008-07-31"), title=None, fill=None, notes=(), groups=None,
           seq=False, blank_after=(), trailing=0, footers=(), hidden=(), blank_top=0, term_of=None):
    """Lays people out in a sheet. groups: {group label: [sub-headers]} for a two-row header
    (the sub-headers are column headers of `cols`, in order, and the group label spans
    them). blank_after: indices of people after whose row a blank row comes. hidden: indices
    of people whose rows are hidden. term_of(i, person) -> (start cell, end cell)."""
    g = Grid()
    headers = [h for h, _ in cols]
    if seq:
        headers = ["序号"] + headers
    width = len(headers) + trailing
    for _ in range(blank_top):
        g.add([])
    if title:
        r = g.add([title] + [""] * (width - 1))
        g.merges.append((r, 1, r, len(headers)))
    if fill:
        g.add(fill)
    for n in notes:
        g.add(n)
    if groups:
        top, sub = [], []
        i = 0
        while i < len(headers):
            h = headers[i]
            group = next((k for k, v in groups.items() if v[0] == h), None)
            if group:
                n = len(groups[group])
                top += [group] + [""] * (n - 1)
                sub += headers[i:i + n]
                i += n
            else:
                top.append(h)
                sub.append("")
                i += 1
        r = g.add(top + [""] * trailing)
        g.add(sub + [""] * trailing)
        c = 1
        for h in top:
            if h in groups:
                g.merges.append((r, c, r, c + len(groups[h]) - 1))
            elif h:
                g.merges.append((r, c, r + 1, c))
            c += 1
        # displayed headers in the sub row for grouped columns
        for k, v in groups.items():
            for s in v:
                g.col[s] = headers.index(s) + 1
        header_row = r + 1
    else:
        header_row = g.add(headers + [""] * trailing)
    for i, h in enumerate(headers):
        g.col.setdefault(h, i + 1)
    g.header_row = header_row
    for i, p in enumerate(ppl):
        t = term_of(i, p) if term_of else term
        cells = [f(p, t) for _, f in cols]
        if seq:
            cells = [i + 1] + cells
        r = g.add(cells + [""] * trailing)
        g.line[p["id"]] = r
        if i in hidden:
            g.hidden.add(r)
        if i in blank_after:
            g.add([""] * width)
    n_up = sum(p["dir"] == "up" for p in ppl)
    for key in footers:
        for f in FOOTERS[key]:
            g.add([x.format(n=len(ppl), up=n_up, down=len(ppl) - n_up) for x in f])
    return g


# ----------------------------------------------------------------------------- containers

def grid_text(g, delimiter=","):
    s = io.StringIO()
    w = csv.writer(s, delimiter=delimiter, lineterminator="\n")
    for row in g.rows:
        w.writerow([shown(c) for c in row])
    return s.getvalue()


def write_csv(g, name, encoding="utf-8", bom=False, crlf=False, delimiter=","):
    text = grid_text(g, delimiter)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    if bom:
        data = (b"\xff\xfe" if encoding == "utf-16-le" else b"\xef\xbb\xbf") + data
    open(os.path.join(OUT, name), "wb").write(data)


def csv_utf8(g, name):
    write_csv(g, name)


def csv_bom(g, name):  # Excel's "CSV UTF-8 (逗号分隔)"
    write_csv(g, name, bom=True, crlf=True)


def csv_gbk(g, name):  # Excel on Chinese Windows: "CSV (逗号分隔)"
    write_csv(g, name, encoding="gb18030", crlf=True)


def unicode_text(g, name):  # Excel's "Unicode 文本 (*.txt)"
    write_csv(g, name, encoding="utf-16-le", bom=True, crlf=True, delimiter="\t")


def tsv(g, name):  # a copy and paste from Excel into a text editor
    write_csv(g, name, crlf=True, delimiter="\t")


def fill_sheet(ws, g, styled_blank=False):
    bold = Font(bold=True)
    for r, row in enumerate(g.rows, 1):
        for c, v in enumerate(row, 1):
            if v == "" or v is None:
                if styled_blank:  # Excel keeps formatted empty cells: <c r="B7" s="1"/>
                    ws.cell(row=r, column=c).alignment = Alignment(horizontal="center")
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(v, D):
                cell.value = v.date
                cell.number_format = v.fmt
            else:
                cell.value = v
                if isinstance(v, str) and v.isdigit() and len(v) >= 15:
                    cell.number_format = "@"  # the ID column formatted as text
            if r <= g.header_row:
                cell.font = bold
    for m in g.merges:
        ws.merge_cells(start_row=m[0], start_column=m[1], end_row=m[2], end_column=m[3])
    for r in g.hidden:
        ws.row_dimensions[r].hidden = True
    ws.freeze_panes = ws.cell(row=g.header_row + 1, column=1)


def xlsx(g, name, sheet="花名册", before=(), after=(), styled_blank=False, post=None, inline_columns=()):
    """An .xlsx with the roster on sheet `sheet`; before/after: other sheets [(name, rows)]."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in before:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    fill_sheet(wb.create_sheet(sheet), g, styled_blank)
    for title, rows in after:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    path = os.path.join(OUT, name)
    wb.save(path)
    shared_strings(path, inline_columns)
    if post:
        post(path)


def rewrite_zip(path, parts, dst=None):
    """Rewrites members of a zip: parts = {member: bytes or function(old bytes) -> bytes}."""
    src = zipfile.ZipFile(path)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(dst or path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            new = parts.get(info.filename, data)
            z.writestr(info.filename, new(data) if callable(new) else new)


def sheet_member(path, index=None):
    names = sorted(n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/worksheets/sheet"))
    return names[-1] if index is None else names[index]


def shared_strings(path, inline_columns=()):
    """Moves the strings of every sheet into xl/sharedStrings.xml (t="s"), as Excel saves them
    (openpyxl writes inline strings); cells of `inline_columns` (letters) stay inline strings
    (t="inlineStr"), as some other writers produce them."""
    z = zipfile.ZipFile(path)
    sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    z.close()
    table, index = [], {}

    def fix(xml):
        def one(m):
            if m.group(2).decode() in inline_columns:
                return m.group(0)
            text = html.unescape(m.group(4).decode())
            if text not in index:
                index[text] = len(table)
                table.append(text)
            return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(3), index[text])

        return re.sub(rb'<c r="(([A-Z]+)\d+)"((?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', one, xml,
                      flags=re.S)

    def excel_numbers(xml):  # Excel writes no t="n" on numbers
        return fix(xml).replace(b' t="n"', b"")

    rewrite_zip(path, {n: excel_numbers for n in sheets})
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(table), len(table)) +
           "".join('<si><t xml:space="preserve">%s</t></si>' % html.escape(t, quote=False) for t in table) + "</sst>")
    ct = '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.' \
         'spreadsheetml.sharedStrings+xml"/></Types>'
    rel = '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/' \
          'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    parts = {"[Content_Types].xml": lambda x: x.replace(b"</Types>", ct.encode()),
             "xl/_rels/workbook.xml.rels": lambda x: x.replace(b"</Relationships>", rel.encode())}
    rewrite_zip(path, parts)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", sst.encode())


def formula_seq(first_row):
    """A post step: 序号 in column A as formulas =ROW()-k with the cached value, as Excel saves them."""

    def post(path):
        def fix(xml):
            return re.sub(rb'<c r="A(\d+)"((?: s="\d+")?)><v>(\d+)</v></c>',
                          lambda m: b'<c r="A%s"%s><f>ROW()-%d</f><v>%s</v></c>' % (
                              m.group(1), m.group(2), first_row - 1, m.group(3)), xml)

        rewrite_zip(path, {sheet_member(path): fix})

    return post


def excel_cjk_strings(rich, phonetic):
    """A post step: shared strings as Excel in a Chinese locale writes them — some as rich
    text runs (part of a header bold), some with phonetic runs (<rPh>, whose text is not the
    cell's) and <phoneticPr>."""

    def fix(sst):
        for text, parts in rich.items():
            runs = "".join('<r><rPr>%s<sz val="11"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>'
                           '<t>%s</t></r>' % ("<b/>" if i == 0 else "", t) for i, t in enumerate(parts))
            sst = sst.replace(('<si><t xml:space="preserve">%s</t></si>' % text).encode(), ("<si>%s</si>" % runs).encode())
        for text, reading in phonetic.items():
            sst = sst.replace(('<si><t xml:space="preserve">%s</t></si>' % text).encode(), (
                '<si><t>%s</t><rPh sb="0" eb="%d"><t>%s</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>' % (
                    text, len(text), reading)).encode())
        return sst

    return lambda path: rewrite_zip(path, {"xl/sharedStrings.xml": fix})


def builtin_formats(path):
    """A post step: number formats named "BUILTIN<n>" become the built-in format n with no
    <numFmt> element, as Chinese Excel writes its own date formats (31 = yyyy"年"m"月"d"日",
    57 = yyyy"年"m"月", 58 = m"月"d"日")."""

    def fix(xml):
        ids = dict(re.findall(rb'<numFmt numFmtId="(\d+)" formatCode="BUILTIN(\d+)"/>', xml))
        xml = re.sub(rb'<numFmt numFmtId="\d+" formatCode="BUILTIN\d+"/>', b"", xml)
        return re.sub(rb'numFmtId="(\d+)"', lambda m: b'numFmtId="%s"' % ids.get(m.group(1), m.group(1)), xml)

    rewrite_zip(path, {"xl/styles.xml": fix})


def prefixed_namespace(path):
    """A post step: the sheet and shared strings with a namespace prefix (<x:row>, <x:c>), as
    the .NET Open XML SDK and some government systems write them."""

    def fix(xml):
        xml = xml.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                          b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        return re.sub(rb"<(/?)([A-Za-z]+)(?=[ >/])", rb"<\1x:\2", xml)

    rewrite_zip(path, {sheet_member(path): fix, "xl/sharedStrings.xml": fix})


def absolute_targets(path):
    """A post step: relationship targets as absolute part names (Target="/xl/worksheets/sheet1.xml")."""
    rewrite_zip(path, {"xl/_rels/workbook.xml.rels": lambda x: re.sub(
        rb'Target="(?!/)([^"]+)"', lambda m: b'Target="/xl/' + m.group(1) + b'"', x)})


def chain(*posts):
    def post(path):
        for p in posts:
            p(path)

    return post


# ----------------------------------------------------------------------------- expectations

MANIFEST = []


def expect(p, term=("2007-08-01", "2008-07-31"), **fields):
    """The record a person's row must give."""
    r = dict(name=p["name"], gender=p["gender"], home_unit=p["home"], home_post=p["home_post"], host_unit=p["host"],
             host_post=p["host_post"], start_date=term[0], end_date=term[1], direction=p["dir"],
             batch_year=term[0][:4])
    r.update(fields)
    return r


def entry(name, file, flags=(), rows=None, records=None, **kw):
    e = dict(name=name, file=file, flags=list(flags), outcome="imports", rc=0)
    if rows is not None:
        e["rows"] = rows
    if records is not None:
        e["records"] = records
    e.update(kw)
    if file.endswith(".xlsx") and "xls" not in e:
        e["xls"] = True
    MANIFEST.append(e)
    return e


def refused(name, file, errors=(), errors_re=(), rc=1, flags=(), **kw):
    e = dict(name=name, file=file, flags=list(flags), outcome="refused", rc=rc, errors=list(errors),
             errors_re=list(errors_re))
    if not re.search(r"\.(csv|txt|tsv)$", file):  # a workbook or other format is not read as text
        e["errors_not"] = ["neither UTF-8 nor GB18030"]
    e.update(kw)
    if file.endswith(".xlsx") and "xls" not in e:
        e["xls"] = True
    MANIFEST.append(e)
    return e


def records(ppl, term=("2007-08-01", "2008-07-31"), **fields):
    return {p["id"]: expect(p, term, **fields) for p in ppl}


def extras(p, with_edu=False):
    """The 花名册 fields beyond our columns, as `assign show --format json` must give them."""
    r = {"json:native_place": p["native"], "json:started_work": {"month": p["work"]}, "json:rank": p["rank"],
         "json:phone": p["phone"], "json:remark": p["remark"], "json:programme": p["programme"]}
    if p["party"]:
        r["json:joined_party"] = {"month": p["party"]}
    return r


def cell(g, pid, header):
    return "%s%d" % (get_column_letter(g.col[header]), g.line[pid])


def place(g, pid, header, sheet="花名册"):
    """Where a workbook refusal must point: SHEET!CELL of a person's value in a column."""
    return "%s!%s" % (sheet, cell(g, pid, header))


# ----------------------------------------------------------------------------- the sheets


def mixed(n_up, n_down, offset=0):
    ups = (NEW_UP + UP_2006)[offset:offset + n_up]
    return ups + (NEW_DOWN + DOWN_2006)[:n_down]


def sheets():
    # 1. plain UTF-8, our own headers, a title, 上挂 and 下派 mixed
    ppl = mixed(16, 6)
    g = layout(ppl, BASIC, title=TITLE)
    csv_utf8(g, "plain-utf8.csv")
    entry("plain UTF-8 CSV with a title line", "plain-utf8.csv", rows=len(ppl), records=records(ppl),
          stderr_re=[r"skipped 1 lines? above the header"])

    # 2. Excel's CSV UTF-8: BOM, CRLF; the first set of aliases; 填表单位 in one cell; 说明; 序号;
    #    signers' footers
    cols = rename(BASIC, 身份证号="身份证号码", 派出单位="工作单位", 原职务="原任职务", 接收单位="挂职单位", 开始日期="挂职开始时间",
                  结束日期="挂职结束时间", 挂职类型="挂职方式")
    cols = replace(cols, "学历", col("学历", C["edu"]), col("人员类别", C["cats"]))
    ppl = mixed(20, 6, offset=4)
    g = layout(ppl, cols, title=TITLE, fill=FILL_ONE, notes=[NOTE], seq=True, footers=["signers", "zhibiao"])
    csv_bom(g, "aliases-bom.csv")
    recs = records(ppl)
    for p in ppl:
        recs[p["id"]]["categories"] = cats(p)
    entry("UTF-8 BOM CSV: aliases, 填表单位 line, 说明, 序号, footers", "aliases-bom.csv", rows=len(ppl), records=recs,
          stderr_re=[r"skipped 3 lines above the header", r"skipped 3 footer lines"])

    # 3. GB18030: the second set of aliases, 填表单位 across cells, blank rows anywhere, trailing
    #    empty columns, 合计/共计 footers
    cols = rename(BASIC, 身份证号="公民身份号码", 派出单位="原工作单位", 原职务="现任职务", 挂职职务="拟挂任职务", 挂职类型="挂职类型")
    cols = replace(cols, "学历", col("学历", C["edu"]), col("干部类别", C["cats"]))
    ppl = mixed(12, 8, offset=10)
    g = layout(ppl, cols, fill=FILL_SEVERAL, blank_top=1, blank_after=(0, 5, 6, 11), trailing=3,
               footers=["total", "gongji"])
    csv_gbk(g, "gbk.csv")
    entry("GB18030 CSV: aliases, 填表单位 across cells, blank rows, trailing columns, 合计/共计", "gbk.csv",
          rows=len(ppl), records=records(ppl), stderr=["GB18030"], stderr_re=[r"skipped 2 footer lines"])
    bad = copy.deepcopy(g)
    r = bad.rows[bad.line[ppl[7]["id"]] - 1]
    r[cols.index(next(c for c in cols if c[0] == "开始日期"))] = "2007-13-01"
    csv_gbk(bad, "gbk-bad-date.csv")
    refused("GB18030 CSV: a bad start date is named in Chinese", "gbk-bad-date.csv",
            errors=["gbk-bad-date.csv:%d:" % bad.line[ppl[7]["id"]], "开始日期", "2007-13-01"])

    # 4. Excel's "Unicode 文本": UTF-16LE, BOM, tabs, CRLF; 姓　名 with a full-width space; a
    #    period in one cell under 挂职时间
    cols = rename(drop(BASIC, "结束日期"), 姓名="姓　名", 派出单位="单位", 开始日期="挂职时间")
    ppl = mixed(10, 5, offset=2)
    g = layout(ppl, cols, title=TITLE, term=("2007.08—2008.07", None), footers=["signers"])
    unicode_text(g, "unicode-text.txt")
    entry("UTF-16LE tab-separated (Unicode 文本): 姓　名, 单位, a period under 挂职时间", "unicode-text.txt",
          rows=len(ppl), records=records(ppl))
    bad = copy.deepcopy(g)
    bad.rows[bad.line[ppl[3]["id"]] - 1][0] = ppl[3]["id"][:-1] + ("0" if ppl[3]["id"][-1] != "0" else "1")
    unicode_text(bad, "unicode-bad-id.txt")
    refused("UTF-16 text: a wrong check digit", "unicode-bad-id.txt",
            errors=["unicode-bad-id.txt:%d:" % bad.line[ppl[3]["id"]], "身份证号"])

    # 5. a copy and paste from Excel: tabs, no title; 现工作单位, 挂职起止时间 with every dash
    forms = ["2007.08—2008.07", "2007.8-2008.7", "2007年8月至2008年7月", "2007-08-01—2008-07-31", "2007.08–2008.07",
             "2007.08~2008.07", "2007.8至2008.7", "2007年8月—2008年7月", "2007-08-01至2008-07-31", "2007-08-01~2008-07-31",
             "2007-08-01–2008-07-31", "2007.08-2008.07"]
    cols = rename(drop(BASIC, "结束日期"), 姓名="姓 名", 派出单位="现工作单位", 开始日期="挂职起止时间")
    ppl = mixed(12, 6, offset=6)
    g = layout(ppl, cols, term_of=lambda i, p: (forms[i % len(forms)], None))
    tsv(g, "paste.tsv")
    entry("tab-separated paste: 现工作单位, 挂职起止时间 with —, –, -, ~, 至", "paste.tsv", rows=len(ppl), records=records(ppl))
    bad = copy.deepcopy(g)
    bad.rows[bad.line[ppl[4]["id"]] - 1][cols.index(cols[1])] = ""
    tsv(bad, "paste-no-name.tsv")
    refused("tab-separated paste: a row without a name", "paste-no-name.tsv",
            errors=["paste-no-name.tsv:%d:" % bad.line[ppl[4]["id"]], "姓"])

    # 6. periods: the forms a clerk may type beyond the list, and a term not on month ends
    more = ["2007.08——2008.07", "2007.08--2008.07", "2007.8.1-2008.7.31", "2007年8月1日至2008年7月31日",
            "2007/8/1-2008/7/31", "2007.08 — 2008.07", "２００７．０８—２００８．０７"]
    cols = rename(drop(BASIC, "结束日期"), 开始日期="挂职期限")
    ppl = mixed(8, 2, offset=1)
    terms = [(f, None) for f in more] + [("2007-09-15—2008-09-14", None), ("2007.9-2008.8", None),
                                         ("2008年3月至2009年2月", None)]
    g = layout(ppl, cols, term_of=lambda i, p: terms[i])
    csv_bom(g, "periods-more.csv")
    iso = [("2007-08-01", "2008-07-31")] * len(more) + [("2007-09-15", "2008-09-14"), ("2007-09-01", "2008-08-31"),
                                                       ("2008-03-01", "2009-02-28")]
    entry("挂职期限: ——, --, full dates with dots and slashes, spaces, full-width digits, other months",
          "periods-more.csv", rows=len(ppl), records={p["id"]: expect(p, iso[i]) for i, p in enumerate(ppl)})

    # 7. two-row header in CSV: group label in the first row, empty cells beside it
    # 单位 and 职务 stand under both groups: "#2" tells the second pair apart here and is
    # dropped from the cells once laid out
    cols2 = rename(drop(BASIC, "挂职类型"), 派出单位="单位", 原职务="职务", 接收单位="单位#2", 挂职职务="职务#2",
                   开始日期="起", 结束日期="止")
    cols2.insert(7, col("挂职类型", C["dir"]))
    groups = {"派出单位": ["单位", "职务"], "挂职单位": ["单位#2", "职务#2"], "挂职起止时间": ["起", "止"]}
    ppl = mixed(14, 6, offset=3)
    g = layout(ppl, cols2, title=TITLE, groups=groups, seq=True, footers=["remarks"], blank_after=(9,))
    for row in g.rows:  # the sub-headers are shown without the #2 that told them apart here
        for i, v in enumerate(row):
            if isinstance(v, str) and v.endswith("#2"):
                row[i] = v[:-2]
    csv_bom(g, "two-row.csv")
    entry("two-row header in CSV (派出单位/挂职单位 over 单位/职务, 挂职起止时间 over 起/止)", "two-row.csv", rows=len(ppl),
          records=records(ppl))
    bad = copy.deepcopy(g)
    bad.rows[bad.line[ppl[12]["id"]] - 1][g.col["止"] - 1] = "2007-07-31"
    csv_bom(bad, "two-row-bad-end.csv")
    refused("two-row header: an end before the start", "two-row-bad-end.csv",
            errors=["two-row-bad-end.csv:%d:" % bad.line[ppl[12]["id"]]])

    # 8. the same in xlsx: merged group cells, a merged title, hidden rows, date cells
    cols3 = [(h, (lambda f: (lambda p, t: D(f(p, t), "yyyy-mm-dd")))(f)) if h in ("起", "止") else (h, f) for h, f in cols2]
    g = layout(ppl, cols3, title=TITLE, groups=groups, seq=True, footers=["remarks"], hidden=(2, 15))
    for row in g.rows:
        for i, v in enumerate(row):
            if isinstance(v, str) and v.endswith("#2"):
                row[i] = v[:-2]
    xlsx(g, "two-row.xlsx")
    entry("two-row header in xlsx: merged group cells and title, 2 hidden rows, yyyy-mm-dd date cells", "two-row.xlsx",
          rows=len(ppl), records=records(ppl), stderr_re=[r"\b2 hidden|hidden[^0-9]*\b2\b"])
    bad = copy.deepcopy(g)
    hid = ppl[15]
    bad.rows[bad.line[hid["id"]] - 1][g.col["政治面貌"] - 1] = "党派人士"
    xlsx(bad, "two-row-hidden-bad.xlsx")
    refused("xlsx: a hidden row is data, and its error is named", "two-row-hidden-bad.xlsx",
            errors=[place(bad, hid["id"], "政治面貌"), "党派人士"])

    # 9. combined cells in CSV: 现工作单位及职务, 挂职单位及职务, a period under 挂职期限
    cb = [p for p in COMBINABLE]
    ppl = [p for p in cb if p["dir"] == "up"][:16] + [p for p in cb if p["dir"] == "down"][:6]
    ppl[0] = dict(ppl[0], home_post="副局长")  # 张明: 资中县财政局副局长
    assert ppl[0]["home"] == "资中县财政局" and any(p["host"] + p["host_post"] == "市财政局预算科科长助理" for p in ppl)
    assert any(p["host"] + p["host_post"] == "白马镇副镇长" for p in ppl)
    cols = drop(BASIC, "派出单位", "原职务", "接收单位", "挂职职务", "开始日期", "结束日期")
    cols += [col("现工作单位及职务", C["home_combined"]), col("挂职单位及职务", C["host_combined"]),
             col("挂职期限", lambda p, t: "2007.08-2008.07")]
    g = layout(ppl, cols, title=TITLE, footers=["signers"])
    csv_bom(g, "combined.csv")
    entry("combined cells: 现工作单位及职务, 挂职单位及职务 (白马镇副镇长, 市财政局预算科科长助理, 资中县财政局副局长)", "combined.csv",
          rows=len(ppl), records=records(ppl))
    # the ambiguous one: no unit in the cell, only a post
    bad = copy.deepcopy(g)
    victim = ppl[5]
    bad.rows[bad.line[victim["id"]] - 1][len(cols) - 2] = "科长助理"
    csv_bom(bad, "combined-ambiguous.csv")
    refused("combined cell whose split is uncertain: refused with a hint to split the column", "combined-ambiguous.csv",
            errors=["combined-ambiguous.csv:%d:" % bad.line[victim["id"]], "挂职单位及职务"], errors_re=["split|separate|columns? of (its|their) own|拆分|分列"])

    # 10. combined cells in xlsx: 派出单位及职务, 接收单位及挂职职务; inline strings; 序号 as formulas
    ppl2 = [p for p in cb if p["dir"] == "up"][3:19] + [p for p in cb if p["dir"] == "down"][1:7]
    cols = drop(BASIC, "派出单位", "原职务", "接收单位", "挂职职务")
    cols.insert(7, col("派出单位及职务", C["home_combined"]))
    cols.insert(9, col("接收单位及挂职职务", C["host_combined"]))
    g = layout(ppl2, cols, title=TITLE, seq=True, footers=["total"])
    first = g.header_row + 1
    letters = [get_column_letter(g.col[h]) for h in ("派出单位及职务", "接收单位及挂职职务", "姓名")]
    xlsx(g, "combined-inline.xlsx", inline_columns=letters, post=formula_seq(first))
    entry("xlsx combined cells 派出单位及职务/接收单位及挂职职务 as inline strings, 序号 as formulas", "combined-inline.xlsx",
          rows=len(ppl2), records=records(ppl2))

    # 11. combined cells split by units already recorded (the example roster imported first):
    #     市委办综合科副科长 must give 市委办, not 市委
    ppl = people("何平", "高峰", "张明", "王强", "赵磊")
    recorded = [dict(BY_NAME["何平"], home="市委办", home_post="综合科副科长"),
                dict(BY_NAME["高峰"], home="市委组织部", home_post="干部科科员"),
                dict(BY_NAME["张明"], home="东兴区委组织部", home_post="干部股股长"),
                dict(BY_NAME["王强"], home="资中县委办公室", home_post="综合股副股长"),
                dict(BY_NAME["赵磊"], home="隆昌县委政法委", home_post="综治办副主任")]
    cols = drop(BASIC, "派出单位", "原职务")
    cols.insert(7, col("派出单位及职务", C["home_combined"]))
    g = layout(recorded, cols, title=TITLE)
    csv_bom(g, "combined-recorded.csv")
    entry("combined cells split at a unit already recorded (市委办综合科副科长 → 市委办)", "combined-recorded.csv",
          preload=True, rows=40 + len(recorded), records=records(recorded))

    # 12. real dates and numbers in xlsx: built-in and custom date formats, 出生年月 as yyyy.mm
    #     dates, 年度 and phone as numbers, a boolean; the 花名册's extra fields
    ppl = NEW[:14] + NEW[14:20]
    fmts = ["mm-dd-yy", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy/m/d"]
    cols = [col("姓名", C["name"]), col("性别", C["gender"]), col("民族", C["eth"]),
            col("出生年月", lambda p, t: D(p["birth"][:8] + "01", "yyyy.mm")), col("籍贯", C["native"]),
            col("参加工作时间", lambda p, t: D(p["work"] + "-01", "yyyy.mm")),
            col("入党时间", lambda p, t: D(p["party"] + "-01", "yyyy.mm") if p["party"] else ""),
            col("政治面貌", C["pol"]), col("学历", C["edu"]), col("职级", C["rank"]), col("身份证号", C["id"]),
            col("派出单位", C["home"]), col("原职务", C["home_post"]), col("挂职类型", C["dir"]), col("接收单位", C["host"]),
            col("挂职职务", C["host_post"]), col("开始日期", None), col("结束日期", None), col("年度", lambda p, t: 2007),
            col("联系电话", lambda p, t: int(p["phone"])), col("挂职项目", C["programme"]),
            col("备注", lambda p, t: True if p["name"] == "张明" else p["remark"])]
    idx = [h for h, _ in cols]
    term_cells = lambda i, p: (D("2007-08-01", fmts[i % 4]), D("2008-07-31", fmts[(i + 1) % 4]))
    cols[idx.index("开始日期")] = col("开始日期", lambda p, t: t[0])
    cols[idx.index("结束日期")] = col("结束日期", lambda p, t: t[1])
    g = layout(ppl, cols, title=TITLE, fill=FILL_SEVERAL, term_of=term_cells, footers=["signers_cells"])
    xlsx(g, "dates-fields.xlsx", after=[("说明", [["本表由各县区委组织部填报"]])])
    recs = {p["id"]: dict(expect(p), **extras(p)) for p in ppl}
    recs[BY_NAME["张明"]["id"]]["json:remark"] = ["TRUE", "true", "1"]  # a boolean cell, as Excel shows it
    entry("xlsx: date cells (built-in 14, yyyy-mm-dd, yyyy\"年\"m\"月\"d\"日\", yyyy/m/d), numbers, the extra fields",
          "dates-fields.xlsx", rows=len(ppl), records=recs, phone_masked=True)

    # 13. the extra fields in CSV (UTF-8 BOM), and the phone masked without --reveal-id
    cols = BASIC + [col("籍贯", C["native"]), col("参加工作时间", C["work"]), col("入党时间", C["party"]),
                    col("职级", C["rank"]), col("联系电话", C["phone"]), col("备注", C["remark"]),
                    col("挂职项目", C["programme"])]
    ppl = NEW
    g = layout(ppl, cols, title=TITLE)
    csv_bom(g, "fields.csv")
    entry("花名册 extra fields (籍贯, 参加工作时间, 入党时间, 职级, 联系电话, 备注, 挂职项目) are stored", "fields.csv",
          rows=len(ppl), records={p["id"]: dict(expect(p), **extras(p)) for p in ppl}, phone_masked=True)

    # 14. month-only dates as values in the start/end columns, and the summary says so
    ms = [("dot1", "2007-08", "2008-07"), ("cn", "2007-08", "2008-07"), ("digits", "2007-08", "2008-07"),
          ("dot", "2007-08", "2008-07"), ("dash", "2007-08", "2008-07"), ("dot1", "2007-03", "2008-02"),
          ("cn", "2008-03", "2009-02"), ("digits", "2007-09", "2008-06")]
    last = lambda ym: (dt.date(int(ym[:4]) + int(ym[5:]) // 12, int(ym[5:]) % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
    ppl = mixed(10, 4, offset=8)
    g = layout(ppl, rename(BASIC, 派出单位="原单位"), title=TITLE,
               term_of=lambda i, p: (month_text(ms[i % 8][1], ms[i % 8][0]), month_text(ms[i % 8][2], ms[i % 8][0])))
    csv_utf8(g, "months.csv")
    entry("原单位; month-only start and end dates (2007.8, 2007年8月, 200708, 2007.08, 2007-08; end 2008.2 → 2008-02-29)",
          "months.csv", rows=len(ppl),
          records={p["id"]: expect(p, (ms[i % 8][1] + "-01", last(ms[i % 8][2]))) for i, p in enumerate(ppl)},
          stderr_re=[r"\b14 start dates?\b.*month", r"\b14 end dates?\b.*month"])

    # 15. month-only in xlsx: typed as numbers (2007.8 is a number cell), and date cells shown yyyy.mm
    ppl = mixed(8, 4, offset=12)
    tm = lambda i, p: ((2007.8, 2008.7) if i % 4 == 0 else (200708, 200807) if i % 4 == 1 else
                       (D("2007-08-01", "yyyy.mm"), D("2008-07-01", "yyyy.mm")) if i % 4 == 2 else
                       (D("2007-08-01", "yyyy\\.mm"), D("2008-07-01", "yyyy\\.mm")))
    g = layout(ppl, BASIC, title=TITLE, term_of=tm)
    xlsx(g, "months.xlsx")
    entry("xlsx month-only dates: number cells 2007.8 and 200708, date cells shown as yyyy.mm and yyyy\\.mm",
          "months.xlsx",
          rows=len(ppl), records=records(ppl))

    # 16. 出生年月 as clerks type it, 1979.1 for October (Excel's lost zero) and for January
    births = {"王强": "1979.1", "陈静": "1979.1", "张明": "1980.03", "李芳": "1982年5月", "杨帆": "198106", "赵磊": "1977-11",
              "黄丽": "1984.2", "周杰": "1975.07", "吴敏": "1978.12", "徐亮": "1980.9", "孙悦": "1985.10", "马骏": "1976.5",
              "何平": "1974.04.18", "高峰": "1978年6月21日"}
    ppl = people(*births)
    cols = [(h, (lambda p, t: births[p["name"]]) if h == "出生年月" else f) for h, f in BASIC]
    g = layout(ppl, cols, title=TITLE)
    csv_bom(g, "births.csv")
    entry("出生年月 as typed: 1979.1 for 1979-10 and for 1979-01, 1982年5月, 198106, 1977-11, 1985.10, full dates",
          "births.csv", rows=len(ppl), records=records(ppl))
    bad_births = dict(births, 梁燕="1979.1")
    ppl_b = ppl + people("梁燕")
    cols = [(h, (lambda p, t: bad_births[p["name"]]) if h == "出生年月" else f) for h, f in BASIC]
    gb = layout(ppl_b, cols, title=TITLE)
    csv_bom(gb, "births-may.csv")
    refused("1979.1 for a cadre born in May 1979 contradicts the ID number", "births-may.csv",
            errors=["births-may.csv:%d:" % gb.line[BY_NAME["梁燕"]["id"]], "出生年月"])
    # 1979.1 typed as a number cell in xlsx (Excel shows 1979.1 for 1979.10)
    cols = [(h, (lambda p, t: float(births[p["name"]]) if births[p["name"]] in ("1979.1",) else births[p["name"]])
             if h == "出生年月" else f) for h, f in BASIC]
    g = layout(ppl, cols, title=TITLE)
    xlsx(g, "births.xlsx")
    entry("xlsx: 1979.1 as a number cell for October and January births", "births.xlsx", rows=len(ppl),
          records=records(ppl))

    # 17. education as typed: 全日制/在职 kept apart from the level
    edu = {"张明": ("全日制本科", "json:education_fulltime", ["bachelor", "大学本科"]),
           "李芳": ("在职研究生", "json:education_inservice", ["master", "硕士研究生"]),
           "王强": ("全日制大学", "json:education_fulltime", ["bachelor", "大学本科"]),
           "陈静": ("本科", "education", "bachelor"), "杨帆": ("大专", "education", "associate"),
           "赵磊": ("中专", "education", "secondary_vocational"),
           "黄丽": ("全日制大专", "json:education_fulltime", ["associate", "大学专科"]),
           "周杰": ("在职本科", "json:education_inservice", ["bachelor", "大学本科"]),
           "吴敏": ("全日制中专", "json:education_fulltime", ["secondary_vocational", "中专"]),
           "徐亮": ("在职大学", "json:education_inservice", ["bachelor", "大学本科"]), "孙悦": ("大学本科", "education", "bachelor")}
    ppl = people(*edu)
    cols = [(h, (lambda p, t: edu[p["name"]][0]) if h == "学历" else f) for h, f in BASIC]
    g = layout(ppl, cols, title=TITLE)
    csv_utf8(g, "education.csv")
    recs = {}
    for p in ppl:
        typed, key, val = edu[p["name"]]
        recs[p["id"]] = dict(expect(p), **{key: val})
    entry("学历 as typed: 全日制本科, 在职研究生, 全日制大学, 本科, 大专, 中专 (level and kind apart)", "education.csv",
          rows=len(ppl), records=recs)
    # 全日制教育 / 在职教育 under a 学历 group in xlsx
    both = {"张明": ("大学本科", "在职研究生"), "李芳": ("大学本科", "硕士研究生"), "王强": ("大专", "本科"), "陈静": ("本科", "")}
    ppl = people(*both)
    cols = replace(BASIC, "学历", col("全日制教育", lambda p, t: both[p["name"]][0]),
                   col("在职教育", lambda p, t: both[p["name"]][1]))
    g = layout(ppl, cols, title=TITLE, groups={"学历": ["全日制教育", "在职教育"]})
    xlsx(g, "education-two.xlsx")
    code = {"大学本科": "bachelor", "本科": "bachelor", "大专": "associate", "在职研究生": "master", "硕士研究生": "master"}
    label = {"bachelor": "大学本科", "associate": "大学专科", "master": "硕士研究生"}
    recs = {}
    for p in ppl:
        f, s = both[p["name"]]
        r = expect(p, **{"json:education_fulltime": [code[f], label[code[f]]]})
        if s:
            r["json:education_inservice"] = [code[s], label[code[s]]]
        recs[p["id"]] = r
    entry("xlsx: 学历 over 全日制教育/在职教育", "education-two.xlsx", rows=len(ppl), records=recs)

    # 18. names and units cleaned: padding spaces, a middle dot kept, zero-width and bidi controls
    dirty_name = {"李芳": "李　芳", "王强": "王 强", "杨帆": " 杨帆 ", "陈静": "陈\u200b静", "阿依古丽·买买提": "阿依古丽·买买提"}
    home_spell = ["资中县财政局", "资中县\u200b财政局", "\u202a资中县财政局\u202c", "资中县财政局\ufeff", "\u200e资中县财政局",
                  "资中县财政\u2060局", "资中县\u200d财政局"]
    ppl = people("李芳", "王强", "杨帆", "陈静", "阿依古丽·买买提", "张明", "赵磊", "黄丽", "周杰", "吴敏", "何平", "高峰")
    same_home = {p["id"]: home_spell[i] for i, p in enumerate(ppl[5:10] + ppl[:2])}
    cols = [(h, (lambda p, t: dirty_name.get(p["name"], p["name"])) if h == "姓名" else
             (lambda p, t: same_home.get(p["id"], p["home"])) if h == "派出单位" else f)
            for h, f in BASIC]
    cols = rename(cols, 姓名="姓　名", 身份证号="身份证号　")
    g = layout(ppl, cols, title=TITLE)
    csv_bom(g, "names-units.csv")
    recs = {}
    for p in ppl:
        r = expect(p)
        if p["id"] in same_home:
            r["home_unit"] = "资中县财政局"
        recs[p["id"]] = r
    homes = {("资中县财政局" if p["id"] in same_home else p["home"]) for p in ppl}
    hosts = {p["host"] for p in ppl}
    entry("names and units cleaned: 李　芳, 王 强, 阿依古丽·买买提 kept, 7 spellings of 资中县财政局 are one unit",
          "names-units.csv", rows=len(ppl), records=recs, units=len(homes | hosts))

    # 19. --map for nonstandard headers, and the same mapping for good in the config
    cols = rename(BASIC, 派出单位="所在单位", 挂职职务="挂任岗位", 出生年月="生日")
    ppl = mixed(10, 3, offset=5)
    g = layout(ppl, cols, title=TITLE)
    csv_bom(g, "map.csv")
    entry("--map for nonstandard headers", "map.csv",
          flags=["--map", "所在单位=home_unit", "--map", "挂任岗位=host_post", "--map", "生日=birth_date"],
          rows=len(ppl), records=records(ppl))
    entry("a [columns] table in the config maps nonstandard headers", "map.csv",
          config='[columns]\n"所在单位" = "home_unit"\n"挂任岗位" = "host_post"\n"生日" = "birth_date"\n',
          rows=len(ppl), records=records(ppl))
    refused("without --map, a nonstandard header is an unknown column", "map.csv",
            errors=["map.csv:%d" % g.header_row, "所在单位"])
    refused("--map to a column that does not exist is a usage error", "map.csv", rc=2,
            flags=["--map", "所在单位=nonsense_column"], errors=["nonsense_column"],
            errors_re=["column|field|列"], errors_not=["were not expected"])

    # 20. unknown columns: refused, and read with --ignore-unknown-columns (the summary names them)
    cols = BASIC + [col("家庭住址", lambda p, t: "内江市东兴区汉安大道%d号" % (int(p["id"][-4:-1]) % 200)),
                    col("兴趣爱好", lambda p, t: "书法")]
    ppl = mixed(9, 3, offset=7)
    g = layout(ppl, cols, title=TITLE)
    csv_bom(g, "unknown-columns.csv")
    refused("unknown columns are refused, naming them", "unknown-columns.csv",
            errors=["unknown-columns.csv:%d" % g.header_row, "家庭住址", "--ignore-unknown-columns"])
    entry("--ignore-unknown-columns reads the rest and names every ignored column", "unknown-columns.csv",
          flags=["--ignore-unknown-columns"], rows=len(ppl), records=records(ppl), stderr=["家庭住址", "兴趣爱好"])
    xlsx(g, "unknown-columns.xlsx")
    refused("xlsx: an unknown column is named by its cell", "unknown-columns.xlsx",
            errors=["花名册!%s%d" % (get_column_letter(len(BASIC) + 1), g.header_row), "家庭住址"])
    entry("xlsx --ignore-unknown-columns", "unknown-columns.xlsx", flags=["--ignore-unknown-columns"], rows=len(ppl),
          records=records(ppl), stderr=["家庭住址", "兴趣爱好"])

    # 21. several sheets: the roster on sheet 2, by number and by name
    ppl = mixed(15, 5, offset=0)
    g = layout(ppl, BASIC, title=TITLE, footers=["signers"])
    xlsx(g, "sheets.xlsx", before=[("填报说明", [["2007年度挂职干部花名册填报说明"], ["一、身份证号请设置为文本格式"],
                                                 ["二、挂职类型填“上挂”或“下派”"]])],
         after=[("统计", [["上挂", 15], ["下派", 5], ["合计", 20]])])
    entry("xlsx with three sheets, --sheet 2", "sheets.xlsx", flags=["--sheet", "2"], rows=len(ppl), records=records(ppl))
    entry("xlsx with three sheets, --sheet 花名册", "sheets.xlsx", flags=["--sheet", "花名册"], rows=len(ppl),
          records=records(ppl))
    refused("xlsx: the first sheet (填报说明) has no roster header", "sheets.xlsx", errors=["身份证号"])
    refused("xlsx: --sheet 9 names the sheets the workbook has", "sheets.xlsx", flags=["--sheet", "9"],
            errors=["填报说明", "花名册", "统计"])
    refused("xlsx: --sheet with a name it does not have", "sheets.xlsx", flags=["--sheet", "名单"],
            errors=["名单", "花名册"])

    # 22. blank rows everywhere, styled empty cells, trailing empty columns, footers in cells
    ppl = mixed(14, 6, offset=2)
    g = layout(ppl, BASIC, title=TITLE, fill=FILL_SEVERAL, notes=[NOTE], blank_top=2, blank_after=(0, 3, 4, 10, 19),
               trailing=4, footers=["total", "signers_cells", "zhibiao", "remarks"])
    xlsx(g, "blank-footers.xlsx", styled_blank=True)
    entry("xlsx: blank and styled empty rows, trailing empty columns, every footer", "blank-footers.xlsx", rows=len(ppl),
          records=records(ppl), stderr_re=[r"skipped \d+ lines? above the header", r"skipped 6 footer lines"])

    # 23. footers do not hide a real bad row just before them
    ppl = mixed(12, 3, offset=4)
    g = layout(ppl, BASIC, title=TITLE, footers=["signers", "zhibiao", "total"])
    last_p = ppl[-1]
    g.rows[g.line[last_p["id"]] - 1][0] = last_p["id"][:-1] + ("1" if last_p["id"][-1] != "1" else "2")
    csv_bom(g, "footer-bad-id.csv")
    refused("a bad ID number in the last row, just before the footers", "footer-bad-id.csv",
            errors=["footer-bad-id.csv:%d:" % g.line[last_p["id"]], "身份证号"])
    g = layout(ppl, BASIC, title=TITLE, footers=["total", "signers"])
    g.rows[g.line[last_p["id"]] - 1][0] = ""
    csv_utf8(g, "footer-no-id.csv")
    refused("a last row without an ID number is not a footer", "footer-no-id.csv",
            errors=["footer-no-id.csv:%d:" % g.line[last_p["id"]], "身份证号"])
    g = layout(ppl, BASIC, title=TITLE, footers=["total", "remarks"])
    g.rows[g.line[last_p["id"]] - 1][g.col["开始日期"] - 1] = "2007年13月1日"
    xlsx(g, "footer-bad-date.xlsx")
    refused("xlsx: a bad start date just before 合计", "footer-bad-date.xlsx",
            errors=[place(g, last_p["id"], "开始日期"), "开始日期"])

    # 24a. workbooks written otherwise than by openpyxl: Excel's CJK shared strings (rich
    #      text, phonetic runs), a namespace prefix, absolute relationship targets
    ppl = mixed(12, 4, offset=3)
    g = layout(ppl, BASIC, title=TITLE, footers=["signers"])
    xlsx(g, "excel-cjk-strings.xlsx", post=excel_cjk_strings(
        {"身份证号": ["身份证", "号"], "挂职职务": ["挂职", "职务"], TITLE: ["2007年度", "挂职干部花名册"]},
        {p["name"]: "PINYIN" for p in ppl[:6]}))
    entry("xlsx shared strings as Chinese Excel writes them: rich text runs, phonetic runs (<rPh>)",
          "excel-cjk-strings.xlsx", rows=len(ppl), records=records(ppl))
    xlsx(g, "ns-prefix.xlsx", post=prefixed_namespace)
    entry("xlsx with namespace-prefixed XML (<x:c>), as other systems write it", "ns-prefix.xlsx", rows=len(ppl),
          records=records(ppl))
    xlsx(g, "absolute-targets.xlsx", post=absolute_targets)
    entry("xlsx whose relationships name parts by absolute paths", "absolute-targets.xlsx", rows=len(ppl),
          records=records(ppl))
    # Excel's "文本文件(制表符分隔)" on Chinese Windows: GB18030 with tabs
    g = layout(ppl, rename(BASIC, 身份证号="身份证号码", 派出单位="工作单位"), title=TITLE, fill=FILL_SEVERAL)
    write_csv(g, "tab-gbk.txt", encoding="gb18030", crlf=True, delimiter="\t")
    entry("Excel's 文本文件(制表符分隔): GB18030, tabs, CRLF", "tab-gbk.txt", rows=len(ppl), records=records(ppl),
          stderr=["GB18030"])

    # 24b. Chinese Excel's built-in date formats (no <numFmt> element), ";@" and "[$-804]"
    #      formats, escaped literals, and a sheet wider than column Z
    level = lambda p: "乡镇" if p["home"][-1] in "镇乡" else "市级机关" if p["home"].startswith("市") else "县区部门"
    fm = ["BUILTIN31", 'yyyy"年"m"月"d"日";@', "[$-804]yyyy\\-mm\\-dd", "yyyy\\-mm\\-dd"]
    cols = [col("姓名", C["name"]), col("性别", C["gender"]), col("民族", C["eth"]),
            col("出生年月", lambda p, t: D(p["birth"][:8] + "01", "BUILTIN57")), col("籍贯", C["native"]),
            col("参加工作时间", lambda p, t: D(p["work"] + "-01", "yyyy\\.mm")),
            col("入党时间", lambda p, t: D(p["party"] + "-01", "[$-804]yyyy.mm;@") if p["party"] else ""),
            col("政治面貌", C["pol"]), col("全日制教育", C["edu"]), col("在职教育", lambda p, t: ""),
            col("职级", C["rank"]), col("干部类别", C["cats"]), col("身份证号", C["id"]), col("所属县区", C["county"]),
            col("原单位层级", lambda p, t: level(p)), col("派出单位", C["home"]), col("原职务", C["home_post"]),
            col("挂职类型", C["dir"]), col("接收单位", C["host"]), col("挂职职务", C["host_post"]),
            col("开始日期", lambda p, t: t[0]), col("结束日期", lambda p, t: t[1]), col("年度", lambda p, t: 2007),
            col("联系电话", C["phone"]), col("挂职项目", C["programme"]), col("备注", C["remark"])]
    ppl = NEW
    g = layout(ppl, cols, title=TITLE, seq=True,
               term_of=lambda i, p: (D("2007-08-01", fm[i % 4]), D("2008-07-31", fm[(i + 1) % 4])))
    assert g.col["备注"] > 26
    xlsx(g, "wide-cjk-formats.xlsx", post=builtin_formats)
    recs = {p["id"]: dict(expect(p), **extras(p)) for p in ppl}
    for p in ppl:
        recs[p["id"]]["json:education_fulltime"] = [p["edu"], {"大学本科": "bachelor", "硕士研究生": "master",
                                                               "大学专科": "associate"}[p["edu"]]]
        recs[p["id"]]["categories"] = cats(p)
    entry("xlsx: built-in CJK date formats 31/57, ;@ and [$-804] formats, escaped literals, columns past Z",
          "wide-cjk-formats.xlsx", rows=len(ppl), records=recs)

    # 24. other data errors, each named by its place and column
    ppl = mixed(10, 2, offset=9)
    g = layout(ppl, BASIC, title=TITLE)
    victim = ppl[6]
    g.rows[g.line[victim["id"]] - 1][g.col["性别"] - 1] = "女" if victim["gender"] == "male" else "男"
    csv_bom(g, "gender.csv")
    refused("性别 contradicting the ID number", "gender.csv", errors=["gender.csv:%d:" % g.line[victim["id"]], "性别"])
    g = layout(ppl, BASIC, title=TITLE)
    g.rows[g.line[victim["id"]] - 1][0] = int(victim["id"][:15] + "000")
    xlsx(g, "id-as-number.xlsx")
    refused("xlsx: an ID number stored as a number", "id-as-number.xlsx",
            errors=[place(g, victim["id"], "身份证号"), "format the column as text"], xls=True)
    g = layout(ppl, BASIC, title=TITLE)
    g.rows[g.line[victim["id"]] - 1][g.col["挂职类型"] - 1] = "交流"
    xlsx(g, "direction.xlsx")
    refused("xlsx: an unknown direction", "direction.xlsx",
            errors=[place(g, victim["id"], "挂职类型"), "交流"])
    # no header at all: say what is missing
    cols = drop(BASIC, "身份证号", "政治面貌")
    g = layout(ppl, cols, title=TITLE)
    csv_bom(g, "no-header.csv")
    refused("no header row: the missing required columns are named, and the row that came closest", "no-header.csv",
            errors=["身份证号", "政治面貌"], errors_re=[r"no-header\.csv:2\b|姓名"])

    return ppl


def cats(p):
    m = {"选调生": "selected_graduate", "县级后备干部": "county_reserve", "后备干部": "county_reserve"}
    return sorted(m[c] for c in re.split("[;、，,]", p["cats"]) if c)


# ----------------------------------------------------------------------------- not rosters


def cfb(stream_name, data):
    """A minimal OLE compound file (what .doc, .xls and old .et files are) holding one stream."""
    data = data.ljust(4096, b"\0")
    n = len(data) // 512
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack(
        "<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = [fatsect, end] + [3 + i for i in range(n - 1)] + [end]
    fat_sector = struct.pack("<%dI" % len(fat), *fat) + struct.pack("<I", free) * (128 - len(fat))

    def dirent(name, kind, child, start, size):
        u = (name + "\0").encode("utf-16-le")
        return (u.ljust(64, b"\0") + struct.pack("<HBB", len(u), kind, 1) +
                struct.pack("<III", free, free, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 +
                struct.pack("<IIi", start, size, 0))

    dirs = dirent("Root Entry", 5, 1, end, 0) + dirent(stream_name, 2, free, 2, len(data))
    dirs = dirs.ljust(512, b"\0")
    return header + fat_sector + dirs + data


def not_rosters():
    def zipped(name, members, first=None):
        with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
            if first:
                z.writestr(zipfile.ZipInfo(first[0]), first[1])
            for k, v in members.items():
                z.writestr(k, v)

    ct = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    zipped("任职文件.docx", {
        "[Content_Types].xml": ct + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                                    'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                       'officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                             '2006/main"><w:body><w:p><w:r><w:t>关于2007年度干部挂职锻炼的通知</w:t></w:r></w:p></w:body></w:document>'})
    refused("a Word .docx is not a roster: the message says what it is", "任职文件.docx", errors_re=["word"])
    open(os.path.join(OUT, "花名册扫描件.pdf"), "wb").write(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n")
    refused("a PDF is not a roster", "花名册扫描件.pdf", errors=["PDF"])
    zipped("附件.zip", {"2007年花名册.csv": open(os.path.join(OUT, "plain-utf8.csv"), "rb").read(),
                      "说明.txt": "见附件".encode()})
    refused("a zip that is not a workbook", "附件.zip", errors_re=["archive|zip file|not an? (excel |xlsx )?workbook"])
    open(os.path.join(OUT, "挂职通知.doc"), "wb").write(cfb("WordDocument", b"\xec\xa5\xc1\x00" + b"\0" * 60))
    refused("a Word 97 .doc (an OLE file that is not xls)", "挂职通知.doc", errors_re=["word"])
    open(os.path.join(OUT, "花名册.et"), "wb").write(cfb("WpsContent", b"KSO\0" + b"\0" * 60))
    refused("a WPS .et (an OLE file that is not xls)", "花名册.et", errors_re=["wps"])
    zipped("花名册.ods", {"META-INF/manifest.xml": '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                                                  '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
                        "content.xml": '<?xml version="1.0"?><office:document-content xmlns:office='
                                       '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'},
           first=("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))
    refused("an OpenDocument .ods", "花名册.ods", errors_re=["opendocument"])


# ----------------------------------------------------------------------------- hostile workbooks


def hostile(ppl):
    base = os.path.join(OUT, "hostile-base.xlsx")
    xlsx(layout(ppl[:3], BASIC), "hostile-base.xlsx")
    sheet = sheet_member(base)
    data = open(base, "rb").read()
    open(os.path.join(OUT, "truncated.xlsx"), "wb").write(data[:len(data) * 2 // 3])
    refused("a truncated xlsx (corrupt zip)", "truncated.xlsx", errors=["truncated.xlsx"],
            errors_re=["corrupt|truncated|damaged|broken|invalid|not a valid"], xls=False)

    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    lol = b'<!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + b"]>"
    rewrite_zip(base, {sheet: b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + lol + b"<worksheet " + ns +
                       b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'
                       b"</worksheet>"}, os.path.join(OUT, "entities.xlsx"))
    refused("xlsx with a DOCTYPE and entity expansion in sheet1.xml", "entities.xlsx", errors=["entities.xlsx"],
            errors_re=["entit|doctype|dtd"], xls=False, timeout=20)

    # a zip bomb: 256 MiB of spaces inside the sheet, in a 260 KB file
    bomb = os.path.join(OUT, "bomb.xlsx")
    shutil.copy(base, bomb)
    src = zipfile.ZipFile(base)
    items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in items:
            if name != sheet:
                z.writestr(name, content)
        with z.open(sheet, "w") as f:
            f.write(b'<?xml version="1.0"?><worksheet ' + ns + b"><sheetData>")
            chunk = b" " * (1 << 20)
            for _ in range(256):
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")
    refused("a zip bomb: a sheet of 256 MiB in a small file", "bomb.xlsx", errors=["bomb.xlsx"],
            errors_re=["bomb|uncompress|decompress|compress|ratio|too (large|big)|size|limit"], xls=False, timeout=20)
    # the same, lying: the sizes in the headers say 4 KB
    raw = bytearray(open(bomb, "rb").read())
    target = sheet.encode()
    for sig, off_size, off_name_len, off_name in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        pos = 0
        while True:
            pos = raw.find(sig, pos)
            if pos < 0:
                break
            n = struct.unpack_from("<H", raw, pos + off_name_len)[0]
            if bytes(raw[pos + off_name:pos + off_name + n]) == target:
                struct.pack_into("<I", raw, pos + off_size, 4096)
            pos += 4
    open(os.path.join(OUT, "bomb-lying.xlsx"), "wb").write(raw)
    refused("a zip bomb whose headers lie about the size", "bomb-lying.xlsx", errors=["bomb-lying.xlsx"],
            errors_re=["bomb|uncompress|decompress|compress|ratio|too (large|big)|size|limit|corrupt|crc|damaged"],
            xls=False, timeout=20)

    def sheet_xml(cells_xml):
        return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + ns + b"><sheetData>" + cells_xml +
                b"</sheetData></worksheet>")

    rewrite_zip(base, {sheet: sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c>'
                                        '<c r="XFE1" t="inlineStr"><is><t>x</t></is></c></row>'.encode())},
                os.path.join(OUT, "beyond-xfd.xlsx"))
    refused("a cell beyond column XFD", "beyond-xfd.xlsx", errors=["beyond-xfd.xlsx"], errors_re=["XFE|column"],
            xls=False)
    many = b"".join(b'<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(20000))
    rewrite_zip(base, {sheet: sheet_xml(b'<row r="1">' + many + b"</row>")}, os.path.join(OUT, "many-columns.xlsx"))
    refused("a row of 20,000 cells (beyond XFD without cell references)", "many-columns.xlsx",
            errors=["many-columns.xlsx"], errors_re=["column|XFD"], xls=False)
    big = "长" * (10 << 20)
    z = zipfile.ZipFile(base)
    sst = z.read("xl/sharedStrings.xml")
    z.close()
    n = sst.count(b"<si>")
    rewrite_zip(base, {"xl/sharedStrings.xml": re.sub(rb'count="\d+" uniqueCount="\d+"', b'count="%d" uniqueCount="%d"' % (
                           n + 1, n + 1), sst).replace(b"</sst>", ("<si><t>%s</t></si></sst>" % big).encode()),
                       sheet: lambda x: re.sub(rb'(<c r="B2"[^>]*t="s"><v>)\d+', b"\\g<1>%d" % n, x)},
                os.path.join(OUT, "big-cell.xlsx"))
    refused("a 10 MB shared string of one repeated character", "big-cell.xlsx", errors=["big-cell.xlsx"],
            errors_re=["32767|32,767|too long|too large|characters|limit|bomb"], xls=False, timeout=20)
    rewrite_zip(base, {sheet: sheet_xml(b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + big.encode() +
                                        b"</t></is></c></row>")}, os.path.join(OUT, "big-inline.xlsx"))
    refused("a 10 MB inline string of one repeated character", "big-inline.xlsx", errors=["big-inline.xlsx"],
            errors_re=["32767|32,767|too long|too large|characters|limit|bomb"], xls=False, timeout=20)
    # the same with text that does not compress (a plain ratio check cannot catch it): the
    # cell itself is beyond Excel's 32,767 characters
    noise = os.urandom(5 << 20).hex()
    rewrite_zip(base, {sheet: sheet_xml(b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + noise.encode() +
                                        b"</t></is></c></row>")}, os.path.join(OUT, "big-inline-noise.xlsx"))
    refused("a 10 MB inline string that does not compress", "big-inline-noise.xlsx",
            errors=["big-inline-noise.xlsx", "花名册!A1"], errors_re=["32767|32,767|too long|characters"], xls=False,
            timeout=20)
    rewrite_zip(base, {"xl/sharedStrings.xml": re.sub(rb'count="\d+" uniqueCount="\d+"', b'count="%d" uniqueCount="%d"' % (
                           n + 1, n + 1), sst).replace(b"</sst>", ("<si><t>%s</t></si></sst>" % noise).encode()),
                       sheet: lambda x: re.sub(rb'(<c r="B2"[^>]*t="s"><v>)\d+', b"\\g<1>%d" % n, x)},
                os.path.join(OUT, "big-cell-noise.xlsx"))
    refused("a 10 MB shared string that does not compress", "big-cell-noise.xlsx", errors=["big-cell-noise.xlsx"],
            errors_re=["32767|32,767|too long|characters"], xls=False, timeout=20)
    os.remove(base)


def main():
    os.makedirs(OUT, exist_ok=True)
    ppl = sheets()
    not_rosters()
    hostile(ppl)
    names = [e["name"] for e in MANIFEST]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    json.dump(MANIFEST, open(os.path.join(OUT, "manifest.json"), "w"), ensure_ascii=False, indent=1)
    print("%d cases, %d files" % (len(MANIFEST), len({e["file"] for e in MANIFEST})), file=sys.stderr)


if __name__ == "__main__":
    main()
