"""The results database: one class owns the SQLite connections and every SQL statement.

Readers get read-only connections (SQLite URI ``mode=ro``, one per thread), and all writes go
through one serialised writer connection (:mod:`definiens.store.connection`). The file is in
WAL mode, so readers (``stats``, ``define``, the web server) work while a run writes. Every
document is written whole inside one transaction (:mod:`definiens.store.writing`): a crash,
even ``kill -9``, leaves each document either fully written or absent. The readers return
plain data: :class:`~definiens.model.Document` (:mod:`definiens.store.documents`), the entries
of :mod:`definiens.store.entries`, dicts of counts and meanings (:mod:`definiens.store.reading`,
:mod:`definiens.store.corpus`).
"""

from __future__ import annotations

from definiens.store.corpus import CorpusReading
from definiens.store.documents import DocumentReading
from definiens.store.reading import Reading
from definiens.store.writing import Writing

__all__ = ["Database"]


class Database(Writing, Reading, DocumentReading, CorpusReading):
    """A results database file: read-only readers and one serialised writer.

    ``Database(path)`` opens (creating if needed) a database for writing;
    ``Database(path, readonly=True)`` opens an existing one for reading only. A database of
    another schema version is refused (:class:`~definiens.errors.StoreError`).
    """

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
