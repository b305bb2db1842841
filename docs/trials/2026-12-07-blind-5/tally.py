#!/usr/bin/env python3
"""Tally judgements.tsv of trial 6 (standard library only; adapted from trial 5).

Prints, per version: (R+W)/stated, R/stated, (R+W)/shown for stated rows
(shown = R+W+X), counts R W X M (stated) and R W S Q (inferred); the same for
the rows of symbols that change meaning within a passage (identifier ends in
"(1)", "(2)", ...); a per-passage breakdown; then the rows where vA and vB
differ in category. Starts with a one-line-per-version main table.
"""
import csv
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "judgements.tsv")

STATED_CATS = ("R", "W", "X", "M")
INFERRED_CATS = ("R", "W", "S", "Q")
REUSE = re.compile(r"\(\d+\)\s*$")


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


def main_table(rows):
    print("== main table (stated: R W X M; inferred: R W S Q)")
    print(f"{'ver':<4} {'(R+W)/stated':>20} {'R/stated':>20} {'(R+W)/shown':>20}   "
          f"{'R':>3} {'W':>3} {'X':>3} {'M':>3} | {'R':>3} {'W':>3} {'S':>3} {'Q':>3}")
    for v in sorted({r["version"] for r in rows}):
        st = Counter(r["category"] for r in rows
                     if r["version"] == v and r["stated|inferred"] == "stated")
        inf = Counter(r["category"] for r in rows
                      if r["version"] == v and r["stated|inferred"] == "inferred")
        n_st = sum(st.values())
        shown = st["R"] + st["W"] + st["X"]
        print(f"{v:<4} {pct(st['R'] + st['W'], n_st):>20} {pct(st['R'], n_st):>20} "
              f"{pct(st['R'] + st['W'], shown):>20}   "
              + " ".join(f"{st[c]:3d}" for c in STATED_CATS) + " | "
              + " ".join(f"{inf[c]:3d}" for c in INFERRED_CATS))
    print()


def block(rows, title):
    print(f"== {title}")
    versions = sorted({r["version"] for r in rows})
    for v in versions:
        st = Counter(r["category"] for r in rows
                     if r["version"] == v and r["stated|inferred"] == "stated")
        inf = Counter(r["category"] for r in rows
                      if r["version"] == v and r["stated|inferred"] == "inferred")
        n_st = sum(st.values())
        n_inf = sum(inf.values())
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
    passages = sorted({r["passage"] for r in rows})
    for p in passages:
        parts = []
        for v in versions:
            sub = [r for r in rows if r["version"] == v and r["passage"] == p]
            st = Counter(r["category"] for r in sub if r["stated|inferred"] == "stated")
            inf = Counter(r["category"] for r in sub if r["stated|inferred"] == "inferred")
            parts.append(f"{v} " + "/".join(str(st[c]) for c in STATED_CATS)
                         + " | " + "/".join(str(inf[c]) for c in INFERRED_CATS))
        print(f"  {short(p)}: " + "   ".join(parts))
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
    print(f"  {n} rows differ")


def main():
    rows = load(PATH)
    main_table(rows)
    block(rows, "all gold rows")
    block([r for r in rows if REUSE.search(r["identifier"])],
          "rows of symbols that change meaning within a passage")
    per_passage(rows)
    differences(rows)


if __name__ == "__main__":
    main()
