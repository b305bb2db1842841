"""The writes of a results database: whole documents, runs, inputs and namespaces.

Every document is written whole inside one transaction: a crash, even ``kill -9``, leaves each
document either fully written or absent. A document replaces the row of an earlier run with
its key ``(source, id)``; two documents of one run with the same key (two different pages
with one page id in a dump) are both kept: the later one is keyed by its id and title
(``12|Title``) and carries a ``duplicate-id`` problem naming the clash, never a silent
overwrite.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from definiens.store import statements as sql
from definiens.store.connection import Connection
from definiens.store.entries import NamespaceTable
from definiens.store.records import DocumentRecord

__all__ = ["Writing", "key_batches"]

logger = logging.getLogger(__name__)

_KEY_BATCH = 500
# The tables whose rows belong to one document and are replaced with it.
_CHILDREN = ("texts", "formulas", "definitions", "scopes", "scoped_definitions", "problems")


def _document_row(rec: DocumentRecord) -> tuple[Any, ...]:
    return (rec.source, rec.id, rec.title, rec.format, rec.metadata, rec.status, rec.reason)


def _bare(rec: DocumentRecord) -> bool:
    """Whether a record is its ``documents`` row alone (most pages of a dump)."""
    return not (rec.formulas or rec.definitions or rec.problems or rec.text or rec.scopes)


def key_batches(keys: Sequence[tuple[str, str]]) -> Iterator[tuple[str, list[str], str]]:
    """``(source, ids, marks)`` for at most ``_KEY_BATCH`` ids of one source at a time, with
    ``marks`` the placeholders of an ``IN (...)`` list of them."""
    by_source: dict[str, list[str]] = {}
    for source, doc_id in keys:
        by_source.setdefault(source, []).append(doc_id)
    for source, ids in by_source.items():
        for start in range(0, len(ids), _KEY_BATCH):
            part = ids[start : start + _KEY_BATCH]
            yield source, part, ",".join("?" * len(part))


def _existing(conn: sqlite3.Connection, keys: Sequence[tuple[str, str]]) -> list[int]:
    """The ``doc`` numbers of those ``(source, id)`` keys that are in ``documents``."""
    found: list[int] = []
    for source, part, marks in key_batches(keys):
        query = f"SELECT doc FROM documents WHERE source = ? AND id IN ({marks})"
        found.extend(row[0] for row in conn.execute(query, (source, *part)))
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


#: Keys ``(source, id)`` of documents of this run, with the title of each.
_Taken = dict[tuple[str, str], str]


def _taken(conn: sqlite3.Connection, keys: Sequence[tuple[str, str]], run: int) -> _Taken:
    """Of these keys, those written earlier in ``run``, with the title written under each."""
    taken: _Taken = {}
    for source, part, marks in key_batches(keys):
        query = f"SELECT id, title FROM documents WHERE source = ? AND run = ? AND id IN ({marks})"
        taken.update(((source, i), t) for i, t in conn.execute(query, (source, run, *part)))
    return taken


def _settle_clashes(
    conn: sqlite3.Connection, records: list[DocumentRecord], run: int
) -> list[DocumentRecord]:
    """The records, each one whose key a document of this run already has (written before,
    or earlier in ``records``) keyed by its id and title instead, with the clash reported."""
    taken = _taken(conn, [r.key for r in records], run)
    if not taken and len({r.key for r in records}) == len(records):
        return records  # the usual case: no clash
    settled = []
    for rec in records:
        if rec.key in taken:
            rec = _renamed(conn, rec, taken, run)
        taken[rec.key] = rec.title
        settled.append(rec)
    return settled


def _renamed(
    conn: sqlite3.Connection, rec: DocumentRecord, taken: _Taken, run: int
) -> DocumentRecord:
    """``rec`` keyed by its id and title (and a number, if that is taken too)."""
    other = taken[rec.key]
    new_id, number = f"{rec.id}|{rec.title}", 1
    while (rec.source, new_id) in taken or _taken(conn, [(rec.source, new_id)], run):
        number += 1
        new_id = f"{rec.id}|{rec.title}|{number}"
    message = (
        f"page id {rec.id!r} is also the id of {other!r}, read before in this run; "
        f"kept as id {new_id!r}"
    )
    logger.warning("%s: %s: %s", rec.source, rec.title, message)
    problem = ("duplicate-id", message, f"{rec.source}: {rec.title}")
    return rec._replace(id=new_id, problems=[*rec.problems, problem])


def _write_documents(
    conn: sqlite3.Connection, records: list[DocumentRecord], run: int | None
) -> int:
    if run is not None:
        records = _settle_clashes(conn, records, run)
    bare = [r for r in records if _bare(r)]
    if bare:  # skipped and failed pages, most of a dump: in bulk
        # Only documents written before can have child rows (none in a first run).
        earlier = [(doc,) for doc in _existing(conn, [(r.source, r.id) for r in bare])]
        if earlier:
            for table in _CHILDREN:
                conn.executemany(f"DELETE FROM {table} WHERE doc = ?", earlier)
        conn.executemany(
            sql.UPSERT_DOCUMENT.replace("RETURNING doc", ""),
            [(*_document_row(r), run) for r in bare],
        )
    for rec in records:
        if not _bare(rec):
            _write_document(conn, rec, run)
    return len(records)


def _write_document(conn: sqlite3.Connection, rec: DocumentRecord, run: int | None) -> None:
    (doc,) = conn.execute(sql.UPSERT_DOCUMENT, (*_document_row(rec), run)).fetchone()
    for table in _CHILDREN:
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
    if rec.text is not None:
        conn.execute(sql.INSERT_TEXT, (doc, rec.text, rec.layout or b""))
    if rec.formulas:
        conn.executemany(sql.INSERT_FORMULA, [(doc, *row) for row in rec.formulas])
        conn.executemany(sql.INSERT_IDENTIFIER, [(doc, *row) for row in rec.identifiers])
    if rec.definitions:
        conn.executemany(sql.INSERT_DEFINITION, [(doc, *row) for row in rec.definitions])
    if rec.scopes:
        conn.executemany(sql.INSERT_SCOPE, [(doc, *row) for row in rec.scopes])
        conn.executemany(sql.INSERT_SCOPED, [(doc, *row) for row in rec.scoped])
    if rec.problems:
        rows = [(doc, seq, *p) for seq, p in enumerate(rec.problems)]
        conn.executemany(sql.INSERT_PROBLEM, rows)


class Writing(Connection):
    """Writes through the one serialised writer connection, each in one transaction."""

    def write_documents(self, records: Iterable[DocumentRecord], run: int | None) -> int:
        """Write whole documents in one transaction, replacing earlier versions; return count."""
        return int(self._transaction(_write_documents, list(records), run))

    def begin_run(self, options: dict[str, Any]) -> int:
        """Record the start of a run and return its id."""

        def begin(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "INSERT INTO runs (started_at, options, resumed) VALUES (?, ?, ?)",
                (_now(), json.dumps(options, sort_keys=True), int(bool(options.get("resume")))),
            )
            return int(cursor.lastrowid or 0)

        return int(self._transaction(begin))

    def record_input(self, run: int, path: str, size: int | None, error: str | None) -> None:
        """Record an input of a run, with the error that stopped reading it, if any."""
        self._transaction(
            lambda conn: conn.execute(
                "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?)", (run, path, size, error)
            )
        )

    def finish_run(self, run: int, status: str, counts: dict[str, int]) -> None:
        """Record the end of a run, its status and its page counts."""
        keys = ("pages", "processed", "skipped", "failed")
        self._transaction(
            lambda conn: conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, pages = ?, processed = ?,"
                " skipped = ?, failed = ? WHERE run = ?",
                (_now(), status, *(counts.get(key, 0) for key in keys), run),
            )
        )

    def replace_namespaces(self, namespaces: Sequence[NamespaceTable]) -> int:
        """Replace every namespace, in one transaction; return how many were written."""

        def replace(conn: sqlite3.Connection) -> int:
            conn.execute("DELETE FROM namespaces")
            for space in namespaces:
                cursor = conn.execute(
                    "INSERT INTO namespaces (name, description, label, purity, coherence)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (space.name, space.description, space.label, space.purity, space.coherence),
                )
                number = cursor.lastrowid
                conn.executemany(
                    "INSERT INTO namespace_definitions VALUES (?, ?, ?, ?, ?)",
                    [
                        (number, e.identifier, e.definiens, e.score, e.documents)
                        for e in space.entries
                    ],
                )
                conn.executemany(
                    "INSERT INTO namespace_documents VALUES (?, ?, ?)",
                    [(number, doc, weight) for doc, weight in space.documents],
                )
            return len(namespaces)

        return int(self._transaction(replace))
