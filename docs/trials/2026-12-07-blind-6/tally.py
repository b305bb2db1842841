#!/usr/bin/env python3
"""Tally judgements.tsv of trial 7 (standard library only; adapted from trial 6).

Prints, per version: a one-line main table; then for all gold rows
(R+W)/stated, R/stated, (R+W)/shown for stated rows (shown = R+W+X),
counts R W X M (stated) and R W S Q (inferred) and (R+W)/inferred; the same
for the rows of symbols that change meaning within a passage (identifier ends
in "(1)", "(2)"); a per-passage breakdown; the rows decided by a tie; a
consistency check; and the rows where vA and vB differ in category.

Also checks the row counts per passage against the "Count:" lines of
expected.md (if it is next to this script).
"""
import csv
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "judgements.tsv")
GOLD = os.path.join(HERE, "expected.md")

STATED_CATS = ("R", "W", "X", "M")
INFERRED_CATS = ("R", "W", "S", "Q")
REUSE = re.compile(r"\(\d+\)\s*$")
TIE = re.compile(r"\btie \d+-\d+")


def load(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        kind, cat = r["stated|inferred"], r["category"]
        ok = STATED_CATS if kind == "stated" else INFERRED_CATS
        if kind not in ("stated", "inferred") or cat not in ok:
            sys.exit(f"bad row: {r}")
    return rows


def pct(a, b):
    return f"{a}/{b} = {100.0 * a / b:5.1f}%" if b else f"{a}/{b} =   n/a"


def short(p):
    return p.split("_", 1)[0]


def counts(rows, v):
    st = Counter(r["category"] for r in rows
                 if r["version"] == v and r["stated|inferred"] == "stated")
    inf = Counter(r["category"] for r in rows
                  if r["version"] == v and r["stated|inferred"] == "inferred")
    return st, inf


def check_gold(rows):
    """Compare per-passage stated/inferred counts with expected.md."""
    if not os.path.exists(GOLD):
        return
    want = {}
    cur = None
    with open(GOLD, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"## (p\d\d)_", line)
            if m:
                cur = m.group(1)
            m = re.match(r"Count: (\d+) identifiers — (\d+) stated, (\d+) inferred", line)
            if m and cur:
                want[cur] = tuple(int(x) for x in m.groups())
    bad = 0
    for v in sorted({r["version"] for r in rows}):
        for p, (n, s, i) in sorted(want.items()):
            sub = [r for r in rows if r["version"] == v and short(r["passage"]) == p]
            got = (len(sub), sum(r["stated|inferred"] == "stated" for r in sub),
                   sum(r["stated|inferred"] == "inferred" for r in sub))
            if got != (n, s, i):
                bad += 1
                print(f"!! {v} {p}: rows/stated/inferred {got}, expected.md says {(n, s, i)}")
    tot = tuple(sum(x[k] for x in want.values()) for k in range(3))
    print(f"== check against expected.md: {'OK' if not bad else 'MISMATCH'} "
          f"({tot[0]} gold rows per version: {tot[1]} stated, {tot[2]} inferred)")
    print()


def main_table(rows):
    print("== main table (stated: R W X M; inferred: R W S Q)")
    print(f"{'ver':<4} {'(R+W)/stated':>20} {'R/stated':>20} {'(R+W)/shown':>20}   "
          f"{'R':>3} {'W':>3} {'X':>3} {'M':>3} | {'R':>3} {'W':>3} {'S':>3} {'Q':>3}"
          f"   {'(R+W)/inferred':>18}")
    for v in sorted({r["version"] for r in rows}):
        st, inf = counts(rows, v)
        n_st, n_inf = sum(st.values()), sum(inf.values())
        shown = st["R"] + st["W"] + st["X"]
        print(f"{v:<4} {pct(st['R'] + st['W'], n_st):>20} {pct(st['R'], n_st):>20} "
              f"{pct(st['R'] + st['W'], shown):>20}   "
              + " ".join(f"{st[c]:3d}" for c in STATED_CATS) + " | "
              + " ".join(f"{inf[c]:3d}" for c in INFERRED_CATS)
              + f"   {pct(inf['R'] + inf['W'], n_inf):>18}")
    print()


def block(rows, title):
    print(f"== {title}")
    for v in sorted({r["version"] for r in rows}):
        st, inf = counts(rows, v)
        n_st, n_inf = sum(st.values()), sum(inf.values())
        shown = st["R"] + st["W"] + st["X"]
        print(f"{v}: rows {n_st + n_inf} (stated {n_st}, inferred {n_inf})")
        print(f"  (R+W)/stated      {pct(st['R'] + st['W'], n_st)}")
        print(f"  R/stated          {pct(st['R'], n_st)}")
        print(f"  (R+W)/shown       {pct(st['R'] + st['W'], shown)}   (shown = R+W+X)")
        print("  stated   " + "  ".join(f"{c} {st[c]:3d}" for c in STATED_CATS))
        print("  inferred " + "  ".join(f"{c} {inf[c]:3d}" for c in INFERRED_CATS))
        if n_inf:
            print(f"  inferred (R+W)/inferred {pct(inf['R'] + inf['W'], n_inf)}")
    print()


def per_passage(rows):
    print("== per passage, stated R/W/X/M | inferred R/W/S/Q")
    versions = sorted({r["version"] for r in rows})
    for p in sorted({r["passage"] for r in rows}):
        parts = []
        for v in versions:
            sub = [r for r in rows if r["version"] == v and r["passage"] == p]
            st = Counter(r["category"] for r in sub if r["stated|inferred"] == "stated")
            inf = Counter(r["category"] for r in sub if r["stated|inferred"] == "inferred")
            parts.append(f"{v} " + "/".join(str(st[c]) for c in STATED_CATS)
                         + " | " + "/".join(str(inf[c]) for c in INFERRED_CATS))
        print(f"  {short(p)}: " + "   ".join(parts))
    print()


def ties(rows):
    print("== rows decided by a tie (first occurrence wins)")
    seen = set()
    for r in rows:
        if TIE.search(r["note"]):
            key = (r["passage"], r["identifier"])
            cats = " ".join(f"{x['version']} {x['category']}" for x in rows
                            if (x["passage"], x["identifier"]) == key)
            if key not in seen:
                seen.add(key)
                print(f"  {short(key[0])}  {key[1]:<16} \"{r['first meaning shown']}\"  {cats}")
    print()


def consistency(rows):
    """Same gold row and same decisive words must get the same category."""
    by = defaultdict(set)
    for r in rows:
        by[(r["passage"], r["identifier"], r["first meaning shown"])].add(r["category"])
    bad = [k for k, c in by.items() if len(c) > 1]
    print(f"== consistency (same row, same shown words, same category): "
          f"{'OK' if not bad else 'VIOLATED'}")
    for k in bad:
        print(f"  {short(k[0])} {k[1]} \"{k[2]}\": {sorted(by[k])}")
    print()


def differences(rows):
    by = defaultdict(dict)
    order = []
    for r in rows:
        key = (r["passage"], r["identifier"])
        if key not in by:
            order.append(key)
        by[key][r["version"]] = r
    print("== rows where vA and vB differ in category")
    n = 0
    for key in order:
        a, b = by[key].get("vA"), by[key].get("vB")
        if a is None or b is None:
            print(f"  {short(key[0])} {key[1]}: missing in one version")
            continue
        if a["category"] != b["category"]:
            n += 1
            print(f"  {short(key[0])}  {key[1]:<16} {a['stated|inferred']:<8} "
                  f"vA {a['category']} ({a['first meaning shown']})  ->  "
                  f"vB {b['category']} ({b['first meaning shown']})")
    same_words = sum(1 for k in order
                     if by[k]["vA"]["first meaning shown"] == by[k]["vB"]["first meaning shown"])
    print(f"  {n} rows differ ({same_words} of {len(order)} rows show the same deciding meaning "
          f"in both versions)")


def main():
    rows = load(PATH)
    check_gold(rows)
    main_table(rows)
    block(rows, "all gold rows")
    block([r for r in rows if REUSE.search(r["identifier"])],
          "rows of symbols that change meaning within a passage")
    per_passage(rows)
    ties(rows)
    consistency(rows)
    differences(rows)


if __name__ == "__main__":
    main()
