"""``definiens evaluate``: score an ident CSV against a gold file (NTCIR-11 Wikipedia protocol,
or first-meaning scoring with ``--first-meaning``)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from definiens.evaluate import load_gold, load_ident_csv, score
from definiens.evaluate.first_meaning import score_first_meaning

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="precision, recall and F1 of an ident CSV against a gold file",
        description="Score qId,title,identifier,definiens rows by the NTCIR-11 protocol, or "
        "with --first-meaning by the first row of each gold (formula, identifier): precision "
        "and recall for the meanings the text states, the inferred ones and all.",
    )
    parser.add_argument("csv", metavar="OUT.csv", help="the ident CSV to score")
    parser.add_argument("--gold", required=True, metavar="GOLD.json", help="the gold file")
    parser.add_argument(
        "--first-meaning",
        action="store_true",
        help="score the first meaning of each gold pair (stated, inferred, all)",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--details", action="store_true", help="with --json: add per-formula hits and misses"
    )
    parser.set_defaults(func=run)


def _first_meaning(args: argparse.Namespace) -> int:
    result = score_first_meaning(load_gold(args.gold), load_ident_csv(args.csv))
    if args.json:
        payload: dict[str, Any] = result.summary()
        if args.details:
            payload["answers"] = [dataclasses.asdict(a) for a in result.answers]
        json.dump(payload, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    print(f"{'first meaning':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'pairs':>6}")
    for name, part in result.parts.items():
        print(
            f"{name:<14} {part.precision:>9.3f} {part.recall:>7.3f} {part.f1:>6.3f} {part.gold:>6}"
        )
    return 0


def run(args: argparse.Namespace) -> int:
    if args.first_meaning:
        return _first_meaning(args)
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
