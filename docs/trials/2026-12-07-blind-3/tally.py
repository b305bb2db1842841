#!/usr/bin/env python3
"""Recompute the summary tables from judgements-vA.tsv, judgements-vB.tsv and
(if present) judgements-vC.tsv.

Categories: R right, W right but weak, X wrong (stated), M missing (stated),
S shown but wrong (inferred), Q correctly silent (inferred, nothing shown).
"Shown" = R + W + X + S.  Reused letters = (passage, identifier) pairs that
occur on two rows of the file (the gold lists them twice).
Standard library only.
"""
import csv
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def pct(a, b):
    return f"{a}/{b} = {100.0 * a / b:.1f}%" if b else f"{a}/0 = n/a"


def table(rows):
    st = [r for r in rows if r["stated|inferred"] == "stated"]
    cs = Counter(r["category"] for r in st)
    ca = Counter(r["category"] for r in rows)
    shown_st = cs["R"] + cs["W"] + cs["X"]
    good_all = ca["R"] + ca["W"]
    shown_all = good_all + ca["X"] + ca["S"]
    return {
        "stated (judgements)": str(len(st)),
        "(R+W) / stated": pct(cs["R"] + cs["W"], len(st)),
        "R / stated": pct(cs["R"], len(st)),
        "(R+W) / shown, stated ids": pct(cs["R"] + cs["W"], shown_st),
        "(R+W) / shown, all ids": pct(good_all, shown_all),
        "counts stated R W X M": f'{cs["R"]} {cs["W"]} {cs["X"]} {cs["M"]}',
        "counts inferred R W S Q": " ".join(
            str(sum(1 for r in rows if r["stated|inferred"] == "inferred" and r["category"] == c))
            for c in "RWSQ"),
    }


def reused(rows):
    n = Counter((r["passage"], r["identifier"]) for r in rows)
    return [r for r in rows if n[(r["passage"], r["identifier"])] > 1]


def show(title, tabs):
    keys = list(next(iter(tabs.values())).keys())
    names = list(tabs)
    print(f"\n### {title}\n")
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for k in keys:
        print(f"| {k} | " + " | ".join(tabs[n][k] for n in names) + " |")


GOOD = {"R": 3, "W": 2, "Q": 1, "X": 0, "M": 1, "S": 0}
# Order used to call a change better or worse: R > W > (M, Q: nothing shown)
# > (X, S: wrong meaning shown).  M and Q rank the same as each other.


def changed(a_rows, c_rows):
    """Rows of vC marked changed=yes, compared with vA (same row order)."""
    key = lambda r: (r["passage"], r["identifier"], r["expected"])
    a = {key(r): r for r in a_rows}
    if len(a) != len(a_rows) or [key(r) for r in a_rows] != [key(r) for r in c_rows]:
        sys.exit("vA and vC rows do not line up")
    better = worse = same = 0
    moves = Counter()
    for r in c_rows:
        ra = a[key(r)]
        flag = r.get("changed", "")
        differs = ra["first meaning shown"] != r["first meaning shown"]
        if (flag == "yes") != differs:
            sys.exit(f"changed flag wrong for {key(r)}")
        if not differs:
            if ra["category"] != r["category"]:
                sys.exit(f"same first meaning, different category: {key(r)}")
            continue
        moves[(ra["category"], r["category"])] += 1
        d = GOOD[r["category"]] - GOOD[ra["category"]]
        better += d > 0
        worse += d < 0
        same += d == 0
    print(f"\nvA -> vC: {better + worse + same} changed rows: "
          f"{better} better, {worse} worse, {same} same category")
    for (x, y), n in sorted(moves.items()):
        print(f"  {x} -> {y}: {n}")


def main():
    data = {}
    for v in ("A", "B", "C"):
        path = os.path.join(HERE, f"judgements-v{v}.tsv")
        if v == "C" and not os.path.exists(path):
            continue  # vA and vB are required; vC is optional
        data["v" + v] = load(path)
    for name, rows in data.items():
        bad = [r for r in rows if r["category"] not in set("RWXMSQ")]
        if bad:
            sys.exit(f"{name}: unknown category in {bad[0]}")
    show("All identifiers", {n: table(r) for n, r in data.items()})
    show("Reused letters only", {n: table(reused(r)) for n, r in data.items()})
    print()
    for n, rows in data.items():
        print(f"{n}: {len(rows)} rows, reused-letter rows: {len(reused(rows))}")
    if "vC" in data:
        changed(data["vA"], data["vC"])


if __name__ == "__main__":
    main()
