"""The options that say how many meanings to keep per identifier (``extract`` and ``run``)."""

from __future__ import annotations

import argparse

__all__ = ["add_meaning_options"]


def _top(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a probability is between 0 and 1, not {value}")
    return value


def add_meaning_options(parser: argparse.ArgumentParser) -> None:
    """``--top K`` and ``--min-score S`` (default: the shipped model's settings)."""
    parser.add_argument(
        "--top",
        type=_top,
        metavar="K",
        help="keep at most K meanings per identifier (default: the model's, 3)",
    )
    parser.add_argument(
        "--min-score",
        type=_probability,
        metavar="S",
        help="keep meanings whose score (the probability they are right) is at least S "
        "(default: the model's threshold)",
    )
