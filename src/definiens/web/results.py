"""The web server's read-only view of a results database (:class:`definiens.store.Database`).

It opens the database with ``readonly=True`` (SQLite ``mode=ro`` connections, one per thread)
and turns what the store's typed readers return into JSON-ready dicts; it holds no SQL. A
database document comes out in the shape an annotate answer has (:mod:`definiens.web.payload`),
text included, with the database's ``doc``, ``status`` and ``reason``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from definiens.store import Database
from definiens.web.payload import document_payload

__all__ = ["Results"]

logger = logging.getLogger(__name__)

CACHED_DOCUMENTS = 8
CACHED_BYTES = 64 * 1024 * 1024


class Results:
    """Read-only queries of one results database, as JSON-ready dicts."""

    def __init__(self, path: str | Path) -> None:
        self.store = Database(path, readonly=True)
        self.path = self.store.path
        self._answers: OrderedDict[int, tuple[tuple[int, ...], bytes]] = OrderedDict()
        self._lock = threading.Lock()

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
        """Every namespace with its identifier table, label, purity and coherence."""
        return [
            {
                "name": table.name,
                "description": table.description,
                "label": table.label,
                "purity": table.purity,
                "coherence": table.coherence,
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

    def _version(self) -> tuple[int, ...]:
        """Changes whenever the database file (or its write-ahead log) does: a run that writes
        to the database while the server reads it makes every kept answer stale."""
        version: list[int] = []
        for path in (Path(self.path), Path(f"{self.path}-wal")):
            try:
                stat = path.stat()
            except OSError:
                version += [0, 0]
            else:
                version += [stat.st_mtime_ns, stat.st_size]
        return tuple(version)

    def document_json(self, doc: int) -> bytes | None:
        """:meth:`document` as compact UTF-8 JSON, or None. The answers for the last few
        documents are kept while the database does not change (going back to a long chapter
        opens it at once)."""
        version = self._version()
        with self._lock:
            kept = self._answers.get(doc)
            if kept is not None and kept[0] == version:
                self._answers.move_to_end(doc)
                return kept[1]
        found = self.document(doc)
        if found is None:
            return None
        answer = json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with self._lock:
            self._answers[doc] = (version, answer)
            while len(self._answers) > CACHED_DOCUMENTS or (
                len(self._answers) > 1
                and sum(len(a) for _, a in self._answers.values()) > CACHED_BYTES
            ):
                self._answers.popitem(last=False)
        return answer
