"""What a worker does: build the stages once, then turn batches of documents into records.

These functions run in worker processes (a process pool, a Dask worker) or in the main
process; the stages never know which. The stages are built by a *stage factory*, a picklable
callable such as :func:`definiens.pipeline.default_stages`, once per process (the definitions stage
loads a spaCy pipeline, which takes seconds) and cached here.
"""

from __future__ import annotations

import logging
import pickle
import threading
from collections.abc import Callable, Sequence

from definiens.errors import ModelError
from definiens.model import Document
from definiens.pipeline import Stage, run_batch
from definiens.store.records import DocumentRecord, failed_record, record_of

__all__ = ["StageFactory", "initialize", "process_batch", "process_document", "stages_for"]

logger = logging.getLogger(__name__)

StageFactory = Callable[[], Sequence[Stage]]

_lock = threading.Lock()
_stages: dict[bytes, list[Stage]] = {}


def _key(factory: StageFactory) -> bytes:
    try:
        return pickle.dumps(factory)
    except (pickle.PicklingError, TypeError, AttributeError):
        return repr(id(factory)).encode()


def _build(factory: StageFactory) -> list[Stage]:
    try:
        return list(factory())
    except ModelError:
        raise
    except Exception as exc:  # an import error, a missing model: no document can be processed
        raise ModelError(f"cannot build the stages: {type(exc).__name__}: {exc}") from exc


def stages_for(factory: StageFactory) -> list[Stage]:
    """The stages ``factory`` builds, built once per process and then reused."""
    key = _key(factory)
    with _lock:
        stages = _stages.get(key)
        if stages is None:
            stages = _build(factory)
            _stages[key] = stages
            logger.debug("built stages %s", [getattr(s, "__name__", s) for s in stages])
    return stages


def initialize(factory: StageFactory) -> None:
    """Worker initializer: build the stages now, before the first batch arrives.

    A failure is left for :func:`process_batch` to raise (as :class:`ModelError`), so that it
    reaches the main process with its message instead of breaking the pool.
    """
    try:
        stages_for(factory)
    except ModelError as exc:
        logger.error("%s", exc)


def process_document(document: Document, stages: Sequence[Stage]) -> DocumentRecord:
    """Run one document through the stages; a failure becomes a failed record with its reason."""
    return _records([document], stages)[0]


def process_batch(factory: StageFactory, documents: list[Document]) -> list[DocumentRecord]:
    """Process a batch of raw documents; exactly one record comes back for each.

    The batch goes through :func:`~definiens.pipeline.run_batch`, so a stage that can handle
    several documents at once (the definitions stage parses their sentences in one stream) does;
    a document whose stage fails becomes a failed record with the reason, as with
    :func:`process_document`. Raises :class:`ModelError` when the stages cannot be built (no
    document is at fault).
    """
    return _records(documents, stages_for(factory))


def _records(documents: Sequence[Document], stages: Sequence[Stage]) -> list[DocumentRecord]:
    """One record per document: its result, or a failed record with the reason (errors in a
    stage, recursion included, come back from run_batch as our own errors)."""
    results = run_batch(documents, stages)
    return [
        record_of(result) if isinstance(result, Document) else failed_record(document, str(result))
        for document, result in zip(documents, results, strict=True)
    ]
