"""``definiens evaluate``: score an ident CSV against a gold file (NTCIR-11 Wikipedia protocol)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from definiens.evaluate import load_gold, load_ident_csv, score

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="precision, recall and F1 of an ident CSV against a gold file",
        description="Score qId,title,identifier,definiens rows by the NTCIR-11 protocol.",
    )
    parser.add_argument("csv", metavar="OUT.csv", help="the ident CSV to score")
    parser.add_argument("--gold", required=True, metavar="GOLD.json", help="the gold file")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--details", action="store_true", help="with --json: add per-formula hits and misses"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = score(load_gold(args.gold), load_ident_csv(args.csv))
    if args.json:
        payload = result.summary()
        if args.details:
            payload["formulas"] = result.details
        json.dump(payload, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    print(f"precision {result.precision:.3f}")
    print(f"recall    {result.recall:.3f}")
    print(f"F1        {result.f1:.3f}")
    print(
        f"({result.true_positives} true positives, {result.false_positives} false positives, "
        f"{result.gold_pairs} gold identifiers)"
    )
    return 0
