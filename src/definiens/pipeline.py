"""The one place that assembles the stages: the default stages in order, and running them.

A stage is a plain callable ``Document -> Document``; a stage may also offer ``many(documents)``
doing the same for several documents at once, faster (the define stage parses their sentences in
one spaCy stream). :func:`default_stages` lists them: parse, identifiers, definitions.
:func:`run_stages` runs one document through stages, :func:`run_batch` several, and
:func:`extract_documents` reads inputs and yields every finished document, counting what
happened in a :class:`Tally`. Parallelism (a process pool, a Dask cluster) stays outside: it
maps :func:`run_stages` over documents, or :func:`run_batch` over batches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from definiens.errors import DefiniensError, ParseError
from definiens.formulas import identify
from definiens.ingest import STOPPED, Failed, Skipped, parse, read_inputs
from definiens.model import Document

__all__ = [
    "Stage",
    "Tally",
    "default_stages",
    "extract_documents",
    "run_batch",
    "run_stages",
]

logger = logging.getLogger(__name__)

Stage = Callable[[Document], Document]


def default_stages(
    *, definitions: bool = True, top: int | None = None, min_score: float | None = None
) -> list[Stage]:
    """The stages of a freshly read document, in order: parse, identifiers, definitions.

    ``top`` and ``min_score``: how many meanings the definitions stage keeps per identifier
    and the least probability it shows one with (default: the shipped model's settings)."""
    stages: list[Stage] = [parse, identify]
    if definitions:  # imported here: a run without definitions never loads the define stage
        from definiens.define import Definer, define

        custom = top is not None or min_score is not None
        stages.append(Definer(top=top, min_score=min_score) if custom else define)
    return stages


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


@dataclass
class Tally:
    """What an extraction run read and produced."""

    documents: int = 0
    formulas: int = 0
    skipped: int = 0
    failed: int = 0
    problems: int = 0

    def summary(self) -> str:
        return (
            f"{self.documents} documents, {self.formulas} formulas, {self.skipped} skipped, "
            f"{self.failed} failed, {self.problems} problems"
        )


def extract_documents(
    paths: Sequence[str | Path],
    *,
    namespaces: Collection[int] = (0,),
    include_redirects: bool = False,
    stages: Sequence[Stage] | None = None,
    tally: Tally | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Read ``paths`` and yield each document after ``stages`` (default :func:`default_stages`).

    The :class:`Tally` counts documents, formulas, skipped, failed pages and problems; every
    damaged piece is passed to ``warn`` as one line naming its file and place. Raises
    :class:`~definiens.errors.InputError` when an input cannot be read at all; a page that fails
    in a stage is counted as failed and the run goes on.
    """
    tally = Tally() if tally is None else tally
    say = warn or (lambda line: logger.warning("%s", line))
    for item in read_inputs(paths, namespaces=namespaces, include_redirects=include_redirects):
        if isinstance(item, Skipped):
            tally.skipped += 1
            continue
        if isinstance(item, Failed):
            tally.failed += item.problem.kind != STOPPED  # a file that broke off: not a page
            say(str(item.problem))
            continue
        if stages is None:  # built once the first document is read: bad inputs fail fast
            stages = default_stages()
        try:
            document = run_stages(item, stages)
        except ParseError as exc:
            tally.failed += 1
            say(str(exc))
            continue
        tally.documents += 1
        tally.formulas += len(document.formulas)
        tally.problems += len(document.problems)
        for problem in document.problems:
            say(str(problem))
        yield document
