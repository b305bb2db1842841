"""Run a document through the stages, naming the stage in any failure.

A stage is a plain callable ``Document -> Document``; a stage may also offer ``many(documents)``
doing the same for several documents at once, faster (the define stage parses their sentences in
one spaCy stream). Parallelism (a process pool, a Dask cluster) stays outside: it maps
:func:`run_stages` over documents, or :func:`run_batch` over batches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from definiens.errors import DefiniensError, ParseError
from definiens.model import Document

__all__ = ["Stage", "run_batch", "run_stages"]

logger = logging.getLogger(__name__)

Stage = Callable[[Document], Document]


def _stage_name(stage: Stage) -> str:
    return getattr(stage, "__name__", type(stage).__name__)


def run_stages(document: Document, stages: Sequence[Stage]) -> Document:
    """Pass ``document`` through ``stages`` in order and return the result.

    A stage that raises something other than our own errors, or returns something other than a
    :class:`Document`, becomes a :class:`ParseError` that names the stage and the document.
    """
    for stage in stages:
        name = _stage_name(stage)
        try:
            result = stage(document)
        except DefiniensError:
            raise
        except Exception as exc:  # a bug or unexpected input inside a stage
            raise ParseError(
                f"stage {name} failed: {type(exc).__name__}: {exc}",
                location=f"{document.source}: {document.title}",
            ) from exc
        if not isinstance(result, Document):
            raise ParseError(
                f"stage {name} returned {type(result).__name__}, not a Document",
                location=f"{document.source}: {document.title}",
            )
        document = result
    return document


def run_batch(
    documents: Sequence[Document], stages: Sequence[Stage]
) -> list[Document | DefiniensError]:
    """:func:`run_stages` for each of ``documents``: the result or the error of each, in order.

    A stage with a ``many`` method gets the batch's surviving documents at once; if that fails,
    the stage runs again document by document, so that the error lands on the document at fault.
    """
    results: list[Document | DefiniensError] = list(documents)
    for stage in stages:
        live = [i for i, r in enumerate(results) if isinstance(r, Document)]
        if len(live) > 1 and _run_many(stage, results, live):
            continue
        for i in live:
            document = results[i]
            assert isinstance(document, Document)
            try:
                results[i] = run_stages(document, [stage])
            except DefiniensError as exc:
                results[i] = exc
    return results


def _run_many(stage: Stage, results: list[Document | DefiniensError], live: list[int]) -> bool:
    many = getattr(stage, "many", None)
    if many is None:
        return False
    try:
        done = list(many([results[i] for i in live]))
    except Exception as exc:  # the batch failed: the caller retries document by document
        logger.debug("stage %s failed on a batch (%s); one by one", _stage_name(stage), exc)
        return False
    if len(done) != len(live) or not all(isinstance(d, Document) for d in done):
        return False
    for i, document in zip(live, done, strict=True):
        results[i] = document
    return True
