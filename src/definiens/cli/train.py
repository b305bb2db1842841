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

_DATA = Path("..") / "shared" / "data"
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "define" / "model" / "ranker.json"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train",
        help="rebuild the definition ranker from labelled formulas and their pages",
        description="Train the ranker of the define stage (listwise, fixed seeds) on labelled "
        "formulas: by default every labelled set of the shared data folder (--data); or one "
        "gold file (--gold) with its pages (--pages). Calibration and threshold come from "
        "out-of-fold scores, folds grouped by page, over three assignments of pages to folds.",
    )
    parser.add_argument(
        "--data", default=str(_DATA), metavar="DIR", help="the shared data folder (default sets)"
    )
    parser.add_argument("--gold", metavar="GOLD.json", help="train on this gold file instead")
    parser.add_argument(
        "--pages", nargs="+", metavar="PAGES", help="with --gold: the pages (dump, files, folders)"
    )
    parser.add_argument(
        "-o", "--output", default=str(DEFAULT_OUTPUT), metavar="MODEL.json", help="model file"
    )
    parser.add_argument(
        "--folds", type=int, default=5, metavar="K", help="folds for calibration and threshold"
    )
    parser.add_argument(
        "--cv", type=int, default=0, metavar="K", help="also report K-fold grouped CV figures"
    )
    parser.set_defaults(func=run)


def _sets(args: argparse.Namespace, work: Path) -> list[Any]:
    from definiens.evaluate.examples import GoldSet
    from definiens.evaluate.sets import shared_sets

    if args.gold:
        if not args.pages:
            raise UsageError("--gold needs --pages: the files the gold formulas are on")
        return [GoldSet.read("gold", args.gold, args.pages)]
    return shared_sets(Path(args.data), work)


def run(args: argparse.Namespace) -> int:
    import tempfile

    from definiens.define import Definer
    from definiens.evaluate.examples import build_examples
    from definiens.evaluate.training import train

    if args.folds < 2 or args.cv == 1 or args.cv < 0:
        raise UsageError("--folds must be at least 2, and --cv 0 (none) or at least 2")
    inputs = [args.gold, *(args.pages or [])] if args.gold else [args.data]
    check_output(args.output, inputs)  # before hours of work, not after
    with tempfile.TemporaryDirectory(prefix="definiens-train-") as work:
        examples = build_examples(_sets(args, Path(work)), Definer())
    model = train(examples, n_splits=args.folds)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    model.save(args.output)
    info = model.info
    print(
        f"trained on {info['formulas']} formulas of {info['pages']} pages; threshold "
        f"{model.threshold}, at most {model.max_per_identifier} meanings per identifier; "
        f"wrote {args.output}"
    )
    if args.cv:
        _report_cv(examples, args.cv)
    return 0


def _report_cv(examples: Any, folds: int) -> None:
    from definiens.evaluate.first_meaning import score_first_meaning
    from definiens.evaluate.training import cross_validate, out_of_fold_rows

    results = cross_validate(examples, folds)
    fm = score_first_meaning([s.example.query for s, _ in results], out_of_fold_rows(results))
    for name, part in fm.parts.items():
        if part.gold:
            print(
                f"{folds}-fold grouped CV, first meaning, {name}: P {part.precision:.3f} "
                f"R {part.recall:.3f} F1 {part.f1:.3f} ({part.gold} gold pairs)"
            )
