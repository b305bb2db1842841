"""``definiens stats``: counts of a results database, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from definiens.store import Database

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="counts of a results database as JSON",
        description="Print pages (processed, skipped, failed), formulas, identifier "
        "occurrences, definitions and problems of a results database as JSON.",
    )
    parser.add_argument("--db", required=True, metavar="RESULTS", help="the database file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Database(args.db, readonly=True) as database:
        json.dump(database.stats(), sys.stdout, indent=1)
    print()
    return 0
