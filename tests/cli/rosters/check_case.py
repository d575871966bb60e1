#!/usr/bin/env python3
"""The checks of rosters.sh and rosters_xls.sh for one manifest entry (see make_rosters.py).

    check_case.py count MANIFEST                      number of entries
    check_case.py shell MANIFEST I [xls]              the entry as shell variables
    check_case.py imported MANIFEST I GUAZHI DB [xls] rows, units, records, summary (err.txt)
    check_case.py refused MANIFEST I [xls]            the refusal's message (err.txt)
    check_case.py same GUAZHI DB1 DB2                 two databases hold the same records

Prints "FAIL what: got …, expected …" per failed check and "CHECKS n" at the end.
"""
import csv
import io
import json
import re
import shlex
import sqlite3
import subprocess
import sys

checks = 0


def fail(msg):
    print("FAIL " + msg.replace("\n", "\\n"))


def check(ok, msg):
    global checks
    checks += 1
    if not ok:
        fail(msg)


def load(manifest, i, xls):
    e = json.load(open(manifest))[int(i)]
    if xls:
        xname = e["file"][:-5] + ".xls"
        for k in ("errors", "stderr"):
            e[k] = [s.replace(e["file"], xname) for s in e.get(k, [])]
        e["file"] = xname
        for k in e.get("xls_skip", []):
            e.pop(k, None)
    return e


def err_text():
    return open("err.txt", encoding="utf-8", errors="replace").read()


def find_key(obj, key):
    """The value of a key anywhere in a JSON object (cadre fields may be nested)."""
    if isinstance(obj, dict):
        if key in obj:
            return True, obj[key]
        for v in obj.values():
            found, val = find_key(v, key)
            if found:
                return found, val
    elif isinstance(obj, list):
        for v in obj:
            found, val = find_key(v, key)
            if found:
                return found, val
    return False, None


def matches(got, want):
    if isinstance(want, dict) and "month" in want:
        digits = re.sub(r"\D", "", str(got or ""))
        return digits.startswith(want["month"].replace("-", ""))
    if isinstance(want, list):
        return got in want or str(got) in [str(w) for w in want]
    return str("" if got is None else got) == str(want)


def guazhi(binary, *args):
    p = subprocess.run([binary] + list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def imported(manifest, i, binary, db, xls=False):
    e = load(manifest, i, xls)
    tag = "[%s] %s" % (e["file"], e["name"])
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM assignments").fetchone()[0]
    check(n == e["rows"], "%s: %d assignments in the database, expected %d" % (tag, n, e["rows"]))
    if "units" in e:
        units = [r[0] for r in con.execute("SELECT name FROM units ORDER BY name")]
        check(len(units) == e["units"], "%s: %d units, expected %d: %s" % (tag, len(units), e["units"],
                                                                         [u.encode("unicode_escape").decode() for u in units]))
    text = err_text()
    for s in e.get("stderr", []):
        check(s in text, "%s: the summary lacks '%s'; stderr: %s" % (tag, s, text[:600]))
    for s in e.get("stderr_re", []):
        check(re.search(s, text, re.I) is not None, "%s: the summary matches no /%s/; stderr: %s" % (tag, s, text[:600]))
    rc, out, err = guazhi(binary, "--db", db, "assign", "list", "--format", "json", "--reveal-id")
    check(rc == 0, "%s: assign list --format json --reveal-id failed: %s" % (tag, err))
    try:
        listed = json.loads(out) if rc == 0 else []
    except ValueError:
        listed = []
        fail("%s: assign list --format json is not JSON: %s" % (tag, out[:200]))
    rows = {r["id_number"]: r for r in listed}
    ids = {pid: r["id"] for pid, r in rows.items()}
    want_all = e.get("records", {})
    missing = [w.get("name") + " " + pid for pid, w in want_all.items() if pid not in rows]
    check(not missing, "%s: %d of %d expected records missing: %s" % (tag, len(missing), len(want_all),
                                                                       ", ".join(missing[:8])))
    wrong = {}  # field -> ["name id: got …, expected …"]: one failure per field, with examples

    def compare(field, ok, who, got_v, want_v):
        global checks
        checks += 1
        if not ok:
            wrong.setdefault(field, []).append("%s: got %s, expected %s" % (
                who, json.dumps(got_v, ensure_ascii=False), json.dumps(want_v, ensure_ascii=False)))

    for pid, want in want_all.items():
        got = rows.get(pid)
        if got is None:
            continue
        who = "%s %s" % (want["name"], pid)
        shown = None
        for field, value in want.items():
            if field == "categories":
                cid = con.execute("SELECT id FROM cadres WHERE id_number = ?", (pid,)).fetchone()[0]
                cats = sorted(r[0] for r in con.execute("SELECT category FROM cadre_categories WHERE cadre_id = ?", (cid,)))
                compare(field, cats == value, who, cats, value)
            elif field.startswith("json:"):
                if shown is None:
                    rc, out, err = guazhi(binary, "--db", db, "assign", "show", str(ids[pid]), "--format", "json",
                                          "--reveal-id")
                    try:
                        shown = json.loads(out)
                    except ValueError:
                        shown = {}
                        fail("%s: assign show %s --format json --reveal-id: rc %d, %s" % (tag, ids[pid], rc, err[:300]))
                key = field[5:]
                found, got_v = find_key(shown, key)
                compare(key, found and matches(got_v, value), who, got_v if found else "(no such key)", value)
            else:
                compare(field, field in got and matches(got[field], value), who, got.get(field, "(no such key)"), value)
    for field, bad in wrong.items():
        fail("%s: %s wrong in %d of %d records: %s" % (tag, field, len(bad), len(want_all), "; ".join(bad[:3])))
    if e.get("phone_masked"):
        p = next(iter(e["records"]))
        phone = e["records"][p].get("json:phone")
        rc, out, err = guazhi(binary, "--db", db, "assign", "show", str(ids[p]), "--format", "json")
        check(phone not in out and '"phone"' in out,
              "%s: assign show --format json without --reveal-id: the phone %s must be there, masked: %s" % (
                  tag, phone, out[:400]))
        rc, out, err = guazhi(binary, "--db", db, "assign", "list", "--format", "json")
        check(phone not in out, "%s: assign list --format json shows the phone %s unmasked" % (tag, phone))
        rc, out, err = guazhi(binary, "--db", db, "export", "roster", "--format", "csv")
        check(rc == 0 and phone not in out, "%s: export roster without --reveal-id shows the phone %s" % (tag, phone))
        rc, out, err = guazhi(binary, "--db", db, "export", "roster", "--format", "csv", "--reveal-id")
        check(rc == 0 and phone in out, "%s: export roster --reveal-id does not show the phone %s" % (tag, phone))


def refused(manifest, i, xls=False):
    e = load(manifest, i, xls)
    tag = "[%s] %s" % (e["file"], e["name"])
    text = err_text()
    for s in e.get("errors", []):
        check(s in text, "%s: the message lacks '%s'; stderr: %s" % (tag, s, text[:600]))
    for s in e.get("errors_re", []):
        check(re.search(s, text, re.I) is not None, "%s: the message matches no /%s/; stderr: %s" % (tag, s, text[:600]))
    for s in e.get("errors_not", []):
        check(s not in text, "%s: the message should not say '%s' (the file was not read as what it is); stderr: %s" % (
            tag, s, text[:600]))


def same(binary, db1, db2):
    rc1, a, _ = guazhi(binary, "--db", db1, "export", "assignments", "--reveal-id", "--format", "csv")
    rc2, b, err = guazhi(binary, "--db", db2, "export", "assignments", "--reveal-id", "--format", "csv")
    la, lb = a.splitlines(), b.splitlines()
    diff = [x for x in la if x not in lb][:3] + ["+" + x for x in lb if x not in la][:3]
    check(rc2 == 0 and la[:1] == lb[:1] and sorted(la) == sorted(lb),
          "%s vs %s: export assignments differs: %s %s" % (db1, db2, diff, err[:200]))

    def records(db):
        rc, out, _ = guazhi(binary, "--db", db, "assign", "list", "--format", "json", "--reveal-id")
        rs = json.loads(out) if rc == 0 else []
        for r in rs:
            r.pop("id", None)
        return sorted(rs, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))

    ra, rb = records(db1), records(db2)
    bad = [(x, y) for x, y in zip(ra, rb) if x != y][:1]
    check(ra == rb, "%s vs %s: assign list --format json differs (%d vs %d records): %s" % (
        db1, db2, len(ra), len(rb), json.dumps(bad, ensure_ascii=False)[:800]))
    con1, con2 = sqlite3.connect(db1), sqlite3.connect(db2)
    q = ("SELECT c.id_number, a.id FROM assignments a JOIN cadres c ON c.id = a.cadre_id ORDER BY c.id_number, a.start_date")
    for (pid, id1), (_, id2) in list(zip(con1.execute(q), con2.execute(q)))[-6:]:
        _, s1, _ = guazhi(binary, "--db", db1, "assign", "show", str(id1), "--format", "json", "--reveal-id")
        _, s2, _ = guazhi(binary, "--db", db2, "assign", "show", str(id2), "--format", "json", "--reveal-id")
        try:
            j1, j2 = json.loads(s1), json.loads(s2)
        except ValueError:
            fail("assign show %s: not JSON" % pid)
            continue
        for j in (j1, j2):
            j.pop("id", None)
            j.pop("events", None)
        diff = {k: (j1.get(k), j2.get(k)) for k in set(j1) | set(j2) if j1.get(k) != j2.get(k)}
        check(not diff, "%s vs %s: assign show of %s differs: %s" % (db1, db2, pid, json.dumps(diff, ensure_ascii=False)))


def shell(manifest, i, xls=False):
    e = load(manifest, i, xls)
    out = {"c_name": e["name"], "c_file": e["file"], "c_outcome": e["outcome"], "c_rc": str(e["rc"]),
           "c_config": e.get("config", ""), "c_preload": "1" if e.get("preload") else "",
           "c_timeout": str(e.get("timeout", 60)), "c_xls": "1" if e.get("xls") else ""}
    for k, v in out.items():
        print("%s=%s" % (k, shlex.quote(v)))
    print("c_flags=(%s)" % " ".join(shlex.quote(f) for f in e["flags"]))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    xls = args[-1:] == ["xls"]
    if xls:
        args = args[:-1]
    if cmd == "count":
        print(len(json.load(open(args[0]))))
        return
    if cmd == "shell":
        shell(args[0], args[1], xls)
        return
    if cmd == "imported":
        imported(args[0], args[1], args[2], args[3], xls)
    elif cmd == "refused":
        refused(args[0], args[1], xls)
    elif cmd == "same":
        same(*args)
    print("CHECKS %d" % checks)


if __name__ == "__main__":
    main()
