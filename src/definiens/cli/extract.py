"""``definiens extract``: read documents and write one record per document (JSON lines or CSV)."""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from tqdm import tqdm

from definiens import serial
from definiens.cli.meanings import add_meaning_options
from definiens.cli.paths import STDOUT, check_output
from definiens.cli.terminal import printable
from definiens.cli.textformat import write_text
from definiens.errors import InputError, UsageError
from definiens.model import Document
from definiens.pipeline import Tally, default_stages, extract_documents

__all__ = ["CSV_HEADER", "register", "run", "write_csv", "write_jsonl"]

CSV_HEADER = [
    "id",
    "title",
    "source",
    "formula",
    "tex",
    "display",
    "markup",
    "source_start",
    "source_end",
    "identifiers",
]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read documents and write their formulas (and what later stages add)",
        description=(
            "Read MediaWiki XML dumps (.xml, .xml.bz2), LaTeX (.tex), Markdown or text "
            "(.md, .txt) and raw wikitext (.wiki) files or folders of them, and write one "
            "record per document."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a file or folder")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="output file (default, or '-': stdout)"
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "csv", "text", "ident"),
        default="jsonl",
        help=(
            "jsonl: one record per document; csv: one row per formula; text: formulas, "
            "identifiers and meanings for reading; ident: qId,title,identifier,definiens rows "
            "for the formulas of --queries"
        ),
    )
    parser.add_argument(
        "--queries",
        metavar="QUERIES.json",
        help="query formulas (the gold file's form) for --format ident",
    )
    parser.add_argument(
        "--no-indices",
        dest="indices",
        action="store_false",
        help=(
            "with --format ident, no rows for the running indices read only inside subscripts "
            "(the i of x_i): the NTCIR-11 gold never lists them"
        ),
    )
    parser.add_argument(
        "--namespace",
        type=int,
        action="append",
        metavar="N",
        help="wiki namespace to read (repeatable; default: 0, the articles)",
    )
    parser.add_argument("--include-redirects", action="store_true", help="keep redirect pages")
    add_meaning_options(parser)
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no progress bar, warnings or summary",
    )
    parser.set_defaults(func=run)


def write_jsonl(documents: Iterable[Document], out: TextIO) -> None:
    """One document record (:mod:`definiens.serial`) per line."""
    for document in documents:
        out.write(serial.dumps(serial.to_record(document)))
        out.write("\n")


def write_csv(documents: Iterable[Document], out: TextIO) -> None:
    """One CSV row per formula, with a header row."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for document in documents:
        for formula in document.formulas:
            writer.writerow(
                [
                    document.id,
                    document.title,
                    document.source,
                    formula.index,
                    formula.tex,
                    int(formula.display),
                    formula.markup,
                    formula.source_start,
                    formula.source_end,
                    " ".join(identifier.tex for identifier in formula.identifiers),
                ]
            )


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == STDOUT:
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", location=path) from exc
    with handle:
        yield handle


def _write_ident(queries_path: str | None, indices: bool = True) -> Any:
    """A writer of ident rows for the query formulas of ``queries_path`` (define stage);
    ``indices``: rows for the running indices of subscripts too."""
    from definiens.evaluate import ident_rows_for, load_queries, write_ident_csv

    if queries_path is None:
        raise UsageError("--format ident needs --queries QUERIES.json")
    queries = load_queries(queries_path)

    def write(documents: Iterable[Document], out: TextIO) -> None:
        write_ident_csv(ident_rows_for(documents, queries, indices), out)

    return write


def run(args: argparse.Namespace) -> int:
    quiet = bool(getattr(args, "quiet", False))
    if args.queries and args.format != "ident":
        raise UsageError("--queries is read by --format ident only; add --format ident")
    if not args.indices and args.format != "ident":
        raise UsageError("--no-indices is read by --format ident only; add --format ident")
    if args.output not in (None, STDOUT):
        # before the output is opened (and truncated)
        check_output(args.output, [*args.inputs, *([args.queries] if args.queries else [])])
    writer = _write_ident(args.queries, args.indices) if args.format == "ident" else None
    tally = Tally()

    def warn(line: str) -> None:
        if not quiet:
            tqdm.write(f"definiens: warning: {printable(line)}", file=sys.stderr)

    documents = extract_documents(
        args.inputs,
        namespaces=tuple(args.namespace or (0,)),
        include_redirects=args.include_redirects,
        tally=tally,
        warn=warn,
        stages=default_stages(top=args.top, min_score=args.min_score),
    )
    progress = tqdm(
        documents,
        unit=" documents",
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
    )
    with _output(args.output) as out:
        writer = writer or {"csv": write_csv, "text": write_text}.get(args.format, write_jsonl)
        writer(progress, out)
    progress.close()
    if not quiet:
        print(f"definiens: {tally.summary()}", file=sys.stderr)
    return 0
