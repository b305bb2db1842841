"""Identifier extraction against the gold identifiers of the NTCIR-11 dev formulas.

    .venv/bin/python benchmarks/identifiers_accuracy.py [--data ../shared/data] [--gold FILE]

Prints precision, recall and F1 pooled over the formulas (identifiers compared as canonical TeX
without whitespace), then every miss and extra with its formula.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from definiens.evaluate import load_gold
from definiens.evaluate.identifier_accuracy import score_identifiers

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument(
        "--gold", type=Path, help="gold file (default: DATA/ntcir11-wiki/gold-dev.json)"
    )
    args = parser.parse_args(argv)
    gold_path = (args.gold or args.data / "ntcir11-wiki" / "gold-dev.json").resolve()
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
    for label, pairs in (("missed", score.misses), ("extra", score.extras)):
        for qid, identifier in pairs:
            print(f"{label:6}  q{qid}  {identifier:20}  in  {' '.join(tex[qid].split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
