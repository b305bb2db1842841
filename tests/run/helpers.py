"""Helpers of the store tests: the real test pages, and database contents compared."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from definiens.model import Document

DATA = Path(__file__).parents[1] / "data" / "store"
PAGES = DATA / "pages.xml"
PLANETMATH = DATA / "planetmath"
N_PAGES = 9
N_MATH = 6

# Columns that differ between two equal runs: run numbers and times.
_VOLATILE = {"run", "started_at", "finished_at"}


def raw_pages() -> list[Document]:
    """The test pages as raw (unparsed) wikitext documents, read with ElementTree."""
    documents = []
    for page in ET.parse(PAGES).getroot().iter("{http://www.mediawiki.org/xml/export-0.10/}page"):
        ns = "{http://www.mediawiki.org/xml/export-0.10/}"
        documents.append(
            Document(
                id=page.findtext(f"{ns}id") or "",
                title=page.findtext(f"{ns}title") or "",
                source=str(PAGES),
                format="wikitext",
                source_text=page.findtext(f"{ns}revision/{ns}text") or "",
            )
        )
    return documents


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every result table of a database, rows sorted, with document numbers replaced by the
    document key (source, id) and run numbers and times left out."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    keys = {
        doc: (source, id_)
        for doc, source, id_ in conn.execute("SELECT doc, source, id FROM documents")
    }
    result = {}
    for table in ("documents", "formulas", "identifiers", "definitions", "problems"):
        cursor = conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        rows = []
        for row in cursor:
            values = dict(zip(names, row, strict=True))
            values["doc"] = keys[values["doc"]]
            rows.append(tuple(v for k, v in sorted(values.items()) if k not in _VOLATILE))
        result[table] = sorted(rows, key=repr)
    conn.close()
    return result


def formula_stages() -> list[Any]:
    """A test-only list of real stages: parse and identify (the definitions stage loads spaCy,
    which takes seconds per process; the slow tests run the default stages)."""
    from definiens.formulas import identify
    from definiens.ingest import parse

    return [parse, identify]


#: The title of a document whose processing kills the worker process (see crashing_stages).
CRASH_TITLE = "A page that kills its worker"


def _die_on_crash_title(document: Document) -> Document:
    if document.title == CRASH_TITLE:
        import os

        os._exit(3)  # a real crash: the process ends at once, as on a segfault or an OOM kill
    return document


def crashing_stages() -> list[Any]:
    """The formula stages, then a stage that kills its process on the document titled
    :data:`CRASH_TITLE`."""
    return [*formula_stages(), _die_on_crash_title]
