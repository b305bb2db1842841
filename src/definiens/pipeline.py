"""Run a document through the stages, naming the stage in any failure.

A stage is a plain callable ``Document -> Document``. Parallelism (a process pool, a Dask
cluster) stays outside: it maps :func:`run_stages` over documents.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from definiens.errors import DefiniensError, ParseError
from definiens.model import Document

__all__ = ["Stage", "run_stages"]

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
