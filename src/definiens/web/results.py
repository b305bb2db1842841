"""The web server's read-only view of a results database (:class:`definiens.store.Database`).

It opens the database with ``readonly=True`` (SQLite ``mode=ro`` connections, one per thread)
and turns what the store's typed readers return into JSON-ready dicts; it holds no SQL. A
database document comes out in the shape an annotate answer has (:mod:`definiens.web.payload`),
text included, with the database's ``doc``, ``status`` and ``reason``.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from definiens.store import Database
from definiens.web.payload import document_payload

__all__ = ["Results"]

logger = logging.getLogger(__name__)


class Results:
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
        return [
            {
                "doc": e.doc,
                "source": e.source,
                "id": e.id,
                "title": e.title,
                "format": e.format,
                "status": e.status,
            }
            for e in self.store.documents_titled(query, limit)
        ]

    def namespaces(self) -> list[dict[str, Any]]:
        """Every namespace with its identifier table."""
        return [
            {
                "name": table.name,
                "description": table.description,
                "identifiers": [asdict(entry) for entry in table.entries],
            }
            for table in self.store.namespace_tables()
        ]

    def document(self, doc: int) -> dict[str, Any] | None:
        """Document ``doc`` as an annotate answer has it (text included), or None."""
        entry = self.store.document_entry(doc)
        if entry is None:
            return None
        payload = document_payload(self.store.load_document(doc, entry))
        return {"doc": entry.doc, **payload, "status": entry.status, "reason": entry.reason}
