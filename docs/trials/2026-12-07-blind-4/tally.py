#!/usr/bin/env python3
"""Tally judgements.tsv (standard library only).

Prints, per version: (R+W)/stated, R/stated, (R+W)/shown for stated rows
(shown = R+W+X), counts R W X M (stated) and R W S Q (inferred); the same for
the rows of symbols that change meaning within a passage (identifier ends in
"(1)", "(2)", ...); then the rows where vA and vB differ in category.
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
        print(f"  {p}: " + "   ".join(parts))
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
            print(f"  {key[0]} {key[1]}: missing in one version")
            continue
        if a["category"] != b["category"]:
            n += 1
            print(f"  {key[0]}  {key[1]:<22} {a['stated|inferred']:<8} "
                  f"vA {a['category']} ({a['first meaning shown']})  ->  "
                  f"vB {b['category']} ({b['first meaning shown']})")
    print(f"  {n} rows differ")


def main():
    rows = load(PATH)
    block(rows, "all gold rows")
    block([r for r in rows if REUSE.search(r["identifier"])],
          "rows of symbols that change meaning within a passage")
    per_passage(rows)
    differences(rows)


if __name__ == "__main__":
    main()
