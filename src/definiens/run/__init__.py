"""Corpus runs: read inputs, process documents on an executor, write them to a database.

:func:`run_corpus` reads inputs, processes documents on an executor
(:class:`InProcessExecutor`, :class:`PoolExecutor`, :class:`DaskExecutor`) and writes each
document in one transaction to a :class:`definiens.store.Database`; :class:`Progress` shows how
far it is. :mod:`definiens.run.namespaces` connects the namespaces step to a database.
"""

from __future__ import annotations

from definiens.run.executors import (
    DaskExecutor,
    Executor,
    InProcessExecutor,
    PoolExecutor,
    default_workers,
)
from definiens.run.runner import RunSummary, check_inputs, run_corpus
from definiens.run.work import StageFactory

__all__ = [
    "DaskExecutor",
    "Executor",
    "InProcessExecutor",
    "PoolExecutor",
    "RunSummary",
    "StageFactory",
    "check_inputs",
    "default_workers",
    "run_corpus",
]
