"""Whole documents read back from a results database, as :class:`~definiens.model.Document`."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from typing import Any

from definiens.errors import StoreError
from definiens.model import (
    Definiens,
    Document,
    Formula,
    Identifier,
    OffsetMap,
    Problem,
    Scope,
)
from definiens.store import statements as sql
from definiens.store.connection import Connection
from definiens.store.entries import DocumentEntry
from definiens.store.texts import unpack_layout, unpack_text

__all__ = ["DocumentReading", "entry_of", "metadata_of"]

logger = logging.getLogger(__name__)


def metadata_of(text: str | None, where: str = "") -> dict[str, Any]:
    """The metadata dict a ``documents.metadata`` column holds ({} if it is not a JSON object)."""
    try:
        metadata = json.loads(text or "{}")
    except json.JSONDecodeError:
        logger.warning("%s: metadata is not JSON", where)
        return {}
    return metadata if isinstance(metadata, dict) else {}


def entry_of(row: sqlite3.Row) -> DocumentEntry:
    return DocumentEntry(
        doc=row["doc"],
        source=row["source"],
        id=row["id"],
        title=row["title"],
        format=row["format"],
        status=row["status"],
        reason=row["reason"],
        metadata=metadata_of(row["metadata"], f"{row['source']}: {row['id']}"),
    )


def _formulas(
    formulas: list[sqlite3.Row], identifiers: list[sqlite3.Row], spans: list[tuple[int, int]]
) -> list[Formula]:
    by_formula: dict[int, list[Identifier]] = {}
    for row in identifiers:
        by_formula.setdefault(row["formula"], []).append(
            Identifier(
                row["identifier"],
                row["start"],
                row["end"],
                row["count"],
                [(start, end) for start, end in json.loads(row["spans"])],
                row["scope"],
            )
        )
    return [
        Formula(
            index=row["formula"],
            tex=row["tex"],
            display=bool(row["display"]),
            markup=row["markup"],
            source_start=row["source_start"],
            source_end=row["source_end"],
            text_start=spans[k][0] if k < len(spans) else -1,
            text_end=spans[k][1] if k < len(spans) else -1,
            identifiers=by_formula.get(row["formula"], []),
            flags=json.loads(row["flags"] or "[]"),
        )
        for k, row in enumerate(formulas)
    ]


_SCOPE_COLUMNS = ("kind", "title", "level", "start", "end", "source_start", "source_end")


def _definitions(rows: list[sqlite3.Row], scope: int = -1) -> dict[str, list[Definiens]]:
    result: dict[str, list[Definiens]] = {}
    for row in rows:
        result.setdefault(row["identifier"], []).append(
            Definiens(
                identifier=row["identifier"],
                text=row["definiens"],
                score=row["score"],
                method=row["method"],
                sentence=row["sentence"],
                source_start=row["source_start"],
                source_end=row["source_end"],
                link_target=row["link_target"],
                scope=scope,
            )
        )
    return result


class DocumentReading(Connection):
    """Readers of whole documents and of the documents list."""

    def document_entry(self, doc: int) -> DocumentEntry | None:
        """The ``documents`` row of document ``doc``, or None."""
        rows = self.execute(sql.DOCUMENT, (doc,))
        return entry_of(rows[0]) if rows else None

    def load_document(self, doc: int, entry: DocumentEntry | None = None) -> Document:
        """Document ``doc`` as it was written: names, metadata, text and offset map, formulas
        with identifiers, definitions and problems (not its source text nor its links, which
        the database does not keep). :class:`StoreError` if there is no such document."""
        entry = entry or self.document_entry(doc)
        if entry is None:
            raise StoreError(f"no document {doc}", location=str(self.path))
        text, offsets, spans = self._text(doc)
        by_doc = "WHERE doc = ? ORDER BY"
        return Document(
            id=entry.id,
            title=entry.title,
            source=entry.source,
            format=entry.format,
            source_text="",
            text=text,
            offsets=offsets,
            metadata=dict(entry.metadata),
            formulas=_formulas(
                self.execute(f"SELECT * FROM formulas {by_doc} formula", (doc,)),
                self.execute(f"SELECT * FROM identifiers {by_doc} formula, seq", (doc,)),
                spans,
            ),
            definitions=_definitions(
                self.execute(f"SELECT * FROM definitions {by_doc} identifier, rank", (doc,))
            ),
            problems=[
                Problem(row["kind"], row["message"], row["location"])
                for row in self.execute(f"SELECT * FROM problems {by_doc} seq", (doc,))
            ],
            scopes=[
                Scope(*(row[key] for key in _SCOPE_COLUMNS))
                for row in self.execute(f"SELECT * FROM scopes {by_doc} scope", (doc,))
            ],
            scoped=self._scoped(doc),
        )

    def _scoped(self, doc: int) -> dict[int, dict[str, list[Definiens]]]:
        rows = self.execute(
            "SELECT * FROM scoped_definitions WHERE doc = ? ORDER BY scope, identifier, rank",
            (doc,),
        )
        by_scope: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            by_scope.setdefault(row["scope"], []).append(row)
        return {scope: _definitions(items, scope) for scope, items in by_scope.items()}

    def _text(self, doc: int) -> tuple[str, OffsetMap, list[tuple[int, int]]]:
        """The text of document ``doc``, its offset map and its formulas' placeholder spans."""
        rows = self.execute("SELECT text, layout FROM texts WHERE doc = ?", (doc,))
        if not rows:
            return "", OffsetMap(), []
        segments, spans = unpack_layout(rows[0]["layout"]) if rows[0]["layout"] else ([], [])
        offsets = OffsetMap()
        for segment in segments:
            offsets.add(*segment)
        return unpack_text(rows[0]["text"]), offsets, spans

    def documents(self) -> Iterator[tuple[DocumentEntry, Document]]:
        """Every document, in ``doc`` order, with its entry (a failed one without children)."""
        cursor = self.read_connection().execute(
            "SELECT doc, source, id, title, format, metadata, status, reason FROM documents"
            " ORDER BY doc"
        )
        while rows := cursor.fetchmany(1000):
            for row in rows:
                entry = entry_of(row)
                if entry.status == "failed":
                    yield entry, _bare_document(entry)
                else:
                    yield entry, self.load_document(entry.doc, entry)

    def documents_titled(self, query: str, limit: int) -> list[DocumentEntry]:
        """Processed documents whose title contains ``query`` (any title if it is empty)."""
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.execute(sql.DOCUMENTS_TITLED, {"q": escaped, "limit": limit})
        return [entry_of(row) for row in rows]

    def texts(self) -> dict[int, str]:
        """The plain text (with formula placeholders) of every document that has one."""
        cursor = self.read_connection().execute("SELECT doc, text FROM texts")
        return {doc: unpack_text(text) for doc, text in cursor}


def _bare_document(entry: DocumentEntry) -> Document:
    return Document(
        id=entry.id,
        title=entry.title,
        source=entry.source,
        format=entry.format,
        source_text="",
        metadata=dict(entry.metadata),
    )
