"""``definiens train``: rebuild the ranker of the define stage from a gold file and its pages."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from definiens.cli.paths import check_output
from definiens.errors import UsageError

__all__ = ["DEFAULT_OUTPUT", "register", "run"]

logger = logging.getLogger(__name__)

_DATA = Path("..") / "shared" / "data" / "ntcir11-wiki"
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "define" / "model" / "ranker.json"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train",
        help="rebuild the definition ranker from a gold file and its pages",
        description="Train the ranker of the define stage (logistic regression, fixed seed) on "
        "the formulas of a gold file, with decision settings chosen by grouped cross-validation.",
    )
    parser.add_argument(
        "--gold", default=str(_DATA / "gold-dev.json"), metavar="GOLD.json", help="gold file"
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        default=[str(_DATA / "pages-dev.xml")],
        metavar="PAGES",
        help="the pages of the gold formulas (dump, files or folders)",
    )
    parser.add_argument(
        "-o", "--output", default=str(DEFAULT_OUTPUT), metavar="MODEL.json", help="model file"
    )
    parser.add_argument(
        "--folds", type=int, default=5, metavar="K", help="folds for choosing the settings"
    )
    parser.add_argument(
        "--cv", type=int, default=0, metavar="K", help="also report K-fold grouped CV figures"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from definiens.define import Definer
    from definiens.evaluate import load_gold
    from definiens.evaluate.training import build_examples, cross_validate, load_pages, train

    if args.folds < 2 or args.cv == 1 or args.cv < 0:
        raise UsageError("--folds must be at least 2, and --cv 0 (none) or at least 2")
    check_output(args.output, [args.gold, *args.pages])  # before hours of work, not after
    gold = load_gold(args.gold)
    documents = load_pages(args.pages, [g.title for g in gold])
    examples = build_examples(gold, documents, Definer())
    model = train(examples, n_splits=args.folds)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    model.save(args.output)
    info = model.info
    print(
        f"trained on {info['formulas']} formulas; out-of-fold P {info['oof_precision']:.3f} "
        f"R {info['oof_recall']:.3f} F1 {info['oof_f1']:.3f}; threshold {model.threshold}, "
        f"at most {model.max_per_identifier} per identifier; wrote {args.output}"
    )
    if args.cv:
        result, _ = cross_validate(examples, n_splits=args.cv)
        print(
            f"{args.cv}-fold grouped CV: P {result.precision:.3f} R {result.recall:.3f} "
            f"F1 {result.f1:.3f}"
        )
    return 0
