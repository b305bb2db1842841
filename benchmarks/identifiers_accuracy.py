"""Identifier extraction against the gold identifiers of the NTCIR-11 dev formulas.

    .venv/bin/python benchmarks/identifiers_accuracy.py [--data ../shared/data] [--gold FILE]

Prints precision, recall and F1 pooled over the formulas (identifiers compared as canonical TeX
without whitespace), then every miss and extra with its formula.

Data: ``ntcir11-wiki/gold-dev.json`` (its formulas and their gold identifiers) from the shared
data folder (``--data``, default ``../shared/data`` beside the repository; see
benchmarks/shared_data.py), or ``--gold FILE``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from definiens.evaluate import load_gold
from definiens.evaluate.identifier_accuracy import score_identifiers
from shared_data import add_data_option, require

GOLD = "ntcir11-wiki/gold-dev.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, GOLD)
    parser.add_argument("--gold", type=Path, help=f"gold file (default: DATA/{GOLD})")
    args = parser.parse_args(argv)
    gold_path = (args.gold or args.data / GOLD).resolve()
    require(parser, gold_path)
    gold = load_gold(gold_path)
    tex = {formula.qid: formula.tex for formula in gold}
    score = score_identifiers(gold)
    print(f"gold file  {gold_path}")
    print(f"formulas   {score.formulas}")
    print(f"precision  {score.precision:.3f}")
    print(f"recall     {score.recall:.3f}")
    print(f"F1         {score.f1:.3f}")
    print(
        f"({score.true_positives} correct, {score.false_positives} extra, "
        f"{score.false_negatives} missed)"
    )
    listed = score_identifiers(gold, indices=True)
    print(
        f"with the running indices of subscripts (the i of x_i, which this gold never lists): "
        f"P {listed.precision:.3f} R {listed.recall:.3f} F1 {listed.f1:.3f}"
    )
    for label, pairs in (("missed", score.misses), ("extra", score.extras)):
        for qid, identifier in pairs:
            print(f"{label:6}  q{qid}  {identifier:20}  in  {' '.join(tex[qid].split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
