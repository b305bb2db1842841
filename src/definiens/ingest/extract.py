"""The work of ``definiens extract``: read every input, run the stages, count what happened.

:func:`extract_documents` yields the finished documents; the :class:`Tally` it fills counts
documents, formulas, skipped pages, failed pages and problems, and every damaged piece is
passed to ``warn`` as one line naming its file and place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from definiens.errors import ParseError
from definiens.ingest.files import STOPPED, read_inputs
from definiens.ingest.items import Failed, Skipped
from definiens.model import Document
from definiens.pipeline import Stage, run_stages

__all__ = ["Tally", "extract_documents", "extract_stages"]

logger = logging.getLogger(__name__)


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


def extract_stages() -> list[Stage]:
    """:func:`~definiens.ingest.parse` followed by the identifier and definition stages."""
    from definiens.api import default_stages

    return default_stages()


def extract_documents(
    paths: Sequence[str | Path],
    *,
    namespaces: Collection[int] = (0,),
    include_redirects: bool = False,
    stages: Sequence[Stage] | None = None,
    tally: Tally | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Read ``paths`` and yield each document after ``stages`` (default :func:`extract_stages`).

    Raises :class:`~definiens.errors.InputError` when an input cannot be read at all; a page
    that fails in a stage is counted as failed and the run goes on.
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
        if stages is None:  # loaded once the first document is read: bad inputs fail fast
            stages = extract_stages()
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
