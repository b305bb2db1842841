"""The web server's read-only view of a results database (:class:`definiens.store.Database`).

It opens the database with ``readonly=True`` (SQLite ``mode=ro`` connections, one per thread)
and uses the store's own queries where they exist (``meanings``, ``stats``, ``rows_of``); the few
the page needs beyond them (document list, namespace tables) are read-only SELECTs through the
store's ``execute``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from definiens.formulas import find_spans
from definiens.model import Formula, Identifier
from definiens.store.database import Database
from definiens.web.payload import occurrence_records

__all__ = ["WebDatabase"]

logger = logging.getLogger(__name__)

_DOCUMENTS = """
SELECT doc, source, id, title, format, status FROM documents
WHERE status = 'processed' AND (:q = '' OR title LIKE '%' || :q || '%' ESCAPE '\\')
ORDER BY title LIMIT :limit
"""
_NAMESPACES = "SELECT namespace, name, description FROM namespaces ORDER BY name"
_NAMESPACE_TABLE = """
SELECT identifier, definiens, score, documents FROM namespace_definitions
WHERE namespace = ? ORDER BY identifier, score DESC, definiens
"""


class WebDatabase:
    """Read-only queries of one results database, as JSON-ready dicts."""

    def __init__(self, path: str | Path) -> None:
        self.store = Database(path, readonly=True)
        self.path = self.store.path

    def close(self) -> None:
        self.store.close()

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    def define(self, identifier: str, namespace: str | None, limit: int) -> list[dict[str, Any]]:
        """The meanings of ``identifier`` across the corpus (or inherited by ``namespace``)."""
        return self.store.meanings(identifier, namespace=namespace, limit=limit)

    def documents(self, query: str, limit: int) -> list[dict[str, Any]]:
        """Processed documents whose title contains ``query``."""
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.store.execute(_DOCUMENTS, {"q": escaped, "limit": limit})
        return [dict(row) for row in rows]

    def namespaces(self) -> list[dict[str, Any]]:
        """Every namespace with its identifier table."""
        result = []
        for row in self.store.execute(_NAMESPACES):
            table = self.store.execute(_NAMESPACE_TABLE, (row["namespace"],))
            result.append(
                {
                    "name": row["name"],
                    "description": row["description"],
                    "identifiers": [dict(r) for r in table],
                }
            )
        return result

    def document(self, doc: int) -> dict[str, Any] | None:
        """Document ``doc`` in the shape of an annotate answer (without its text)."""
        rows = self.store.execute(
            "SELECT doc, source, id, title, format, metadata, status, reason "
            "FROM documents WHERE doc = ?",
            (doc,),
        )
        if not rows:
            return None
        head = dict(rows[0])
        return {
            "doc": head["doc"],
            "id": head["id"],
            "title": head["title"],
            "source": head["source"],
            "format": head["format"],
            "status": head["status"],
            "reason": head["reason"],
            "metadata": json.loads(head["metadata"] or "{}"),
            "text": "",
            "formulas": self._formulas(doc),
            "links": [],
            "definitions": self._definitions(doc),
            "problems": self.store.rows_of("problems", doc),
        }

    def _formulas(self, doc: int) -> list[dict[str, Any]]:
        by_formula: dict[int, list[Identifier]] = {}
        for row in self.store.rows_of("identifiers", doc):
            by_formula.setdefault(row["formula"], []).append(
                Identifier(row["identifier"], row["start"], row["end"], row["count"])
            )
        result = []
        for row in sorted(self.store.rows_of("formulas", doc), key=lambda r: r["formula"]):
            formula = Formula(
                index=row["formula"],
                tex=row["tex"],
                display=bool(row["display"]),
                kind=row["kind"],
                source_start=row["source_start"],
                source_end=row["source_end"],
                identifiers=by_formula.get(row["formula"], []),
                flags=json.loads(row["flags"] or "[]"),
            )
            find_spans(formula.tex, formula.identifiers)  # the store keeps no spans yet
            record = {
                "index": formula.index,
                "tex": formula.tex,
                "display": formula.display,
                "kind": formula.kind,
                "source_start": formula.source_start,
                "source_end": formula.source_end,
                "text_start": -1,
                "text_end": -1,
                "identifiers": [vars(i) for i in formula.identifiers],
                "flags": formula.flags,
                "occurrences": occurrence_records(formula),
            }
            result.append(record)
        return result

    def _definitions(self, doc: int) -> dict[str, list[dict[str, Any]]]:
        result: dict[str, list[dict[str, Any]]] = {}
        rows = sorted(self.store.rows_of("definitions", doc), key=lambda r: r["rank"])
        for row in rows:
            result.setdefault(row["identifier"], []).append(
                {
                    "identifier": row["identifier"],
                    "text": row["definiens"],
                    "score": row["score"],
                    "method": row["method"],
                    "sentence": row["sentence"],
                    "source_start": row["source_start"],
                    "source_end": row["source_end"],
                    "link_target": row["link_target"],
                    "text_start": -1,
                    "text_end": -1,
                    "sentence_start": -1,
                    "sentence_end": -1,
                }
            )
        return result
