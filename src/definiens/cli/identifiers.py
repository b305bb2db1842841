"""``definiens identifiers TEX``: the identifiers of one formula, as a JSON list."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from definiens.formulas import extract_identifiers

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "identifiers",
        help="the identifiers of one formula, in canonical TeX",
        description=(
            "Print the identifiers of a TeX formula as a JSON list, in order of first "
            "appearance. Problems with the TeX go to stderr as a warning. Put -- before a "
            "formula that starts with a minus sign."
        ),
    )
    parser.add_argument("tex", metavar="TEX", help="the formula, e.g. 'E = mc^2'")
    parser.add_argument(
        "--details",
        action="store_true",
        help="print objects with the span of the first occurrence and the count",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = extract_identifiers(args.tex)
    if result.flags:
        print(f"definiens: warning: {', '.join(result.flags)}", file=sys.stderr)
    if args.details:
        payload: list[Any] = [
            {"tex": i.tex, "start": i.start, "end": i.end, "count": i.count}
            for i in result.identifiers
        ]
    else:
        payload = result.tex
    print(json.dumps(payload, ensure_ascii=False))
    return 0
