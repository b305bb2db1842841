"""``definiens html``: write a document as a self-contained annotated HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from definiens.cli.paths import STDOUT, check_output
from definiens.errors import UsageError

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "html",
        help="write a document as one annotated HTML page (no server needed)",
        description=(
            "Read a LaTeX (.tex), Markdown or text (.md, .txt) or wikitext (.wiki) file, find "
            "the meaning of every identifier, and write one HTML file that shows the document "
            "with its formulas typeset, each identifier's meaning on hover, tap or Tab, and a "
            "notation table. KaTeX, its fonts and the data are inside the file: it opens from "
            "disk with no server or network, to publish or mail as it is. With --db, write a "
            "document of a results database instead."
        ),
    )
    parser.add_argument("input", nargs="?", metavar="INPUT", help="the document's file")
    parser.add_argument(
        "-o", "--output", default=STDOUT, metavar="PAGE.html", help="the page (default: stdout)"
    )
    parser.add_argument(
        "--format",
        choices=("latex", "markdown", "wikitext"),
        help="how INPUT is written (default: by its name)",
    )
    parser.add_argument("--db", metavar="RESULTS", help="a results database (with --doc)")
    parser.add_argument(
        "--doc",
        metavar="DOC",
        help="the document of --db to write: its title, its id, or its number in the database",
    )
    parser.set_defaults(func=run)


def _read(path: Path, fmt: str | None) -> Any:
    from definiens.ingest import from_text, read_inputs
    from definiens.ingest.files import file_kind
    from definiens.model import Document

    kind = fmt or file_kind(path)
    if kind == "mediawiki":
        raise UsageError(f"{path}: a dump holds many pages; run it into a database, then --db")
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    if fmt is not None and file_kind(path) != fmt:
        text = path.read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
        document = from_text(text, fmt, title=path.stem, id=path.name)
        document.source = str(path)
        return document
    documents = [item for item in read_inputs([path]) if isinstance(item, Document)]
    if not documents:
        raise UsageError(f"{path}: nothing to read")
    return documents[0]


def _payload(args: argparse.Namespace) -> dict[str, Any]:
    if args.db is not None:
        from definiens.web.results import Results

        if args.doc is None or args.input is not None:
            raise UsageError("with --db, give --doc DOC and no INPUT")
        if not Path(args.db).is_file():
            raise UsageError(f"{args.db}: no such results database")
        results = Results(args.db)
        try:
            found = results.document(_number(results, args.db, args.doc))
        finally:
            results.close()
        if found is None:
            raise UsageError(f"{args.db}: no document {args.doc}")
        return found
    if args.input is None:
        raise UsageError("give the document's file (INPUT), or --db RESULTS --doc DOC")
    from definiens.api import process
    from definiens.web.payload import document_payload

    return document_payload(process(_read(Path(args.input), args.format)))


def _number(results: Any, db: str, key: str) -> int:
    """The database number of the document ``key`` names: a number, or a title or document id
    (exactly, once in the database)."""
    if key.isdigit():
        return int(key)
    matches = {e["doc"] for e in results.documents(key, 1000) if e["title"] == key}
    if not matches:  # a document id ("curves.tex", a page id): every processed document
        matches = {e["doc"] for e in results.documents("", 10**9) if e["id"] == key}
    if not matches:
        raise UsageError(f"{db}: no document titled {key!r} (definiens export lists them)")
    if len(matches) > 1:
        numbers = ", ".join(str(n) for n in sorted(matches))
        raise UsageError(f"{db}: {len(matches)} documents are {key!r} (numbers {numbers})")
    return matches.pop()


def run(args: argparse.Namespace) -> int:
    from definiens.web.export import page_from_payload

    if args.output != STDOUT:
        check_output(args.output, [p for p in (args.input, args.db) if p])
    page = page_from_payload(_payload(args))
    if args.output == STDOUT:
        sys.stdout.write(page)
        return 0
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from exc
    print(
        f"definiens: wrote {args.output} ({len(page.encode('utf-8')) // 1024} KB)", file=sys.stderr
    )
    return 0
