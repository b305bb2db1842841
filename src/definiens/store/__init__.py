"""The results database of corpus runs: schema, records, the :class:`Database` and export.

:class:`Database` owns the SQLite file (read-only readers, one serialised writer) and every SQL
statement of the project. This package depends only on :mod:`definiens.model`,
:mod:`definiens.errors` and :mod:`definiens.serial`; the corpus runner that fills a database is
:mod:`definiens.run`.
"""

from __future__ import annotations

from definiens.store.database import Database
from definiens.store.entries import DocumentEntry, NamespaceEntry, NamespaceTable
from definiens.store.records import DocumentRecord, record_of
from definiens.store.schema import SCHEMA_VERSION, TABLES

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Database",
    "DocumentEntry",
    "DocumentRecord",
    "NamespaceEntry",
    "NamespaceTable",
    "record_of",
]
