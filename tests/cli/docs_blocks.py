#!/usr/bin/env python3
"""The fenced blocks of the Chinese documentation, for tests/cli/docs.sh (the convention is
written at the top of docs.sh).

  docs_blocks.py plan DOC MODE OUTDIR   MODE = session | sections
      writes OUTDIR/N.cmd (one command each) and prints one line per command to run:
      SESSION <TAB> N <TAB> EXPECTED_EXIT <TAB> LINE <TAB> BLOCK_LINE <TAB> SECTION
  docs_blocks.py twins README.md README.zh.md
      prints one line per static check: "ok <TAB> what" or "FAIL <TAB> what"
"""
import os
import re
import sys

FENCE = re.compile(r"^(\s*)(```+)\s*(\S*)")
EXPECT = re.compile(r"^#\s*预期退出码\s*(\d+)\s*$")
NOT_RUN = re.compile(r"^#\s*不运行[：:]\s*(\S.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def parse(path):
    """Headings and fenced blocks of a markdown file, in order: ('h', line, level, text) and
    ('b', line, info, [(line, text), ...]) — line numbers are 1-based, a block's its fence's."""
    items = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            indent, ticks, info = m.group(1), m.group(2), m.group(3)
            start = i + 1
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(ticks):
                text = lines[i]
                if text.startswith(indent):
                    text = text[len(indent):]
                body.append((i + 1, text))
                i += 1
            items.append(("b", start, info, body))
            i += 1
            continue
        h = HEADING.match(lines[i])
        if h:
            items.append(("h", i + 1, len(h.group(1)), h.group(2).strip()))
        i += 1
    return items


def commands(body):
    """The commands of a block: a line and its continuation lines (ending in a backslash);
    blank lines and comment lines are not commands."""
    out = []
    pending = None
    for line, text in body:
        if pending is None:
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            pending = (line, [text])
        else:
            pending[1].append(text)
        if not text.rstrip().endswith("\\"):
            out.append((pending[0], "\n".join(pending[1])))
            pending = None
    if pending is not None:
        out.append((pending[0], "\n".join(pending[1])))
    return out


def block_mode(body):
    """('run', expected), ('skip', reason) or ('error', message) from a sh block's first line."""
    first = next((t.strip() for _, t in body if t.strip()), "")
    m = EXPECT.match(first)
    if m:
        return ("run", int(m.group(1)))
    m = NOT_RUN.match(first)
    if m:
        return ("skip", m.group(1))
    if first.startswith("#") and ("不运行" in first or "预期退出码" in first):
        return ("error", "malformed marker line: " + first)
    return ("run", 0)


def plan(doc, mode, outdir):
    items = parse(doc)
    session = 1
    section = "(top)"
    n = 0
    started = False
    quick = False
    for item in items:
        if item[0] == "h":
            section = item[3]
            quick = section in ("快速开始", "Quick start")
            if mode == "sections" and started:
                session += 1
                started = False
            continue
        _, bline, info, body = item
        if quick:  # compared with README.md's by `twins`, never run
            quick = False
            continue
        if info != "sh":
            continue
        kind, arg = block_mode(body)
        if kind == "skip":
            continue
        if kind == "error":
            print("ERROR\t%s:%d: %s" % (doc, bline, arg))
            continue
        for line, cmd in commands(body):
            n += 1
            with open(os.path.join(outdir, "%d.cmd" % n), "w", encoding="utf-8") as f:
                f.write(cmd + "\n")
            print("%d\t%d\t%d\t%d\t%d\t%s" % (session, n, arg, line, bline, section))
            started = True


def subcommands(items):
    """Every `guazhi SUB [SUBSUB]` the blocks of a file use."""
    groups = {"assign", "report", "appraise", "cadre", "unit"}
    found = set()
    for item in items:
        if item[0] != "b":
            continue
        for _, text in item[3]:
            for m in re.finditer(r"(?:^|[\s|&;$(])guazhi((?:\s+\S+)+)", text):
                words = m.group(1).split()
                while len(words) >= 2 and words[0] in ("--db", "--lang", "--config"):
                    words = words[2:]
                if not words or not re.fullmatch(r"[a-z][a-z-]*", words[0]):
                    continue
                key = words[0]
                if key in groups and len(words) > 1 and re.fullmatch(r"[a-z][a-z-]*", words[1]):
                    key += " " + words[1]
                found.add(key)
    return found


def first_block_under(items, titles):
    seen = False
    for item in items:
        if item[0] == "h":
            if seen:
                return None
            seen = item[3] in titles
        elif seen:
            return item
    return None


def twins(en, zh):
    a, b = parse(en), parse(zh)
    en_path, zh_path = en, zh
    en, zh = os.path.basename(en), os.path.basename(zh)
    res = []

    def check(ok, what):
        res.append(("ok" if ok else "FAIL", what))

    qa = first_block_under(a, ("Quick start",))
    qb = first_block_under(b, ("快速开始",))
    check(qa is not None, "%s has a block under '## Quick start'" % en)
    check(qb is not None, "%s has a block under '## 快速开始'" % zh)
    if qa and qb:
        ta = [t for _, t in qa[3]]
        tb = [t for _, t in qb[3]]
        check(ta == tb, "%s:%d: the Quick start block is %s's (%d): %r vs %r"
              % (zh, qb[1], en, qa[1], tb, ta))

    ha = [x for x in a if x[0] == "h"]
    hb = [x for x in b if x[0] == "h"]
    check(len(ha) == len(hb), "%s has as many headings as %s (%d vs %d)" % (zh, en, len(hb), len(ha)))
    for x, y in zip(ha, hb):
        codes_x = re.findall(r"`[^`]*`", x[3])
        codes_y = re.findall(r"`[^`]*`", y[3])
        check(x[2] == y[2] and codes_x == codes_y,
              "%s:%d: heading '%s' stands for %s:%d '%s' (same level, same `code`)"
              % (zh, y[1], y[3], en, x[1], x[3]))
        if not (x[2] == y[2] and codes_x == codes_y):
            break  # one shift makes every later pair differ: report the first

    missing = sorted(subcommands(a) - subcommands(b))
    check(not missing, "%s's blocks use every subcommand %s's do; missing: %s"
          % (zh, en, ", ".join(missing)))

    def top_links(path, target):
        with open(path, encoding="utf-8") as f:
            head = f.read().split("\n")[:5]
        return any("(" + target + ")" in line for line in head)

    check(top_links(en_path, "README.zh.md"), "%s links README.zh.md at the top" % en)
    check(top_links(zh_path, "README.md"), "%s links README.md at the top" % zh)
    for kind, what in res:
        print("%s\t%s" % (kind, what))


if __name__ == "__main__":
    if sys.argv[1] == "plan":
        plan(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "twins":
        twins(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: docs_blocks.py plan DOC MODE OUTDIR | twins EN ZH")
