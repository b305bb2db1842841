"""``definiens export``: a results database as parquet, CSV or JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from definiens.cli.paths import STDOUT
from definiens.errors import UsageError
from definiens.store import Database
from definiens.store.export import FORMATS, export, write_jsonl

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a results database (parquet, csv, jsonl)",
        description="parquet and csv: OUT is a folder with one file per table "
        "(documents.parquet, formulas.parquet, ...). jsonl: OUT is one file, one line per "
        "document with its formulas, identifiers, definitions and problems nested.",
    )
    parser.add_argument("--db", required=True, metavar="RESULTS", help="the database file")
    parser.add_argument("--format", required=True, choices=FORMATS, help="the output format")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the output folder (parquet, csv) or file (jsonl; '-' for stdout)",
    )
    parser.set_defaults(func=run)


def _to_stdout(args: argparse.Namespace) -> int:
    if args.format != "jsonl":
        raise UsageError(
            f"-o {STDOUT} (stdout) works with --format jsonl only; "
            f"{args.format} export writes a folder, one file per table"
        )
    with Database(args.db, readonly=True) as database:
        count = write_jsonl(database, sys.stdout)
    if not args.quiet:  # the summary goes to stderr: stdout holds the export
        print(f"definiens: exported {count} documents to stdout", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.output == STDOUT:
        return _to_stdout(args)
    with Database(args.db, readonly=True) as database:
        written = export(database, args.format, args.output)
    json.dump({"format": args.format, "output": args.output, "rows": written}, sys.stdout)
    print()
    return 0
