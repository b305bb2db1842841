"""The results database of corpus runs, and the runner that fills it.

:class:`Database` owns the SQLite file (read-only readers, one serialised writer);
:func:`run_corpus` reads inputs, processes documents on an executor (:class:`InProcessExecutor`,
:class:`PoolExecutor`, :class:`DaskExecutor`) and writes each document in one transaction.
"""

from __future__ import annotations

from definiens.store.database import Database
from definiens.store.executors import (
    DaskExecutor,
    Executor,
    InProcessExecutor,
    PoolExecutor,
    default_workers,
)
from definiens.store.records import DocumentRecord
from definiens.store.runner import RunSummary, run_corpus
from definiens.store.schema import SCHEMA_VERSION, TABLES

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "DaskExecutor",
    "Database",
    "DocumentRecord",
    "Executor",
    "InProcessExecutor",
    "PoolExecutor",
    "RunSummary",
    "default_workers",
    "run_corpus",
]
