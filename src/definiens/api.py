"""The Python API: the stages in their default order, and one-call helpers.

>>> from definiens.api import annotate
>>> doc = annotate("By Einstein, $E = mc^2$, where $E$ is the energy of the body.")
>>> [d.text for d in doc.definitions["E"]][:1]
['energy']
"""

from __future__ import annotations

from collections.abc import Sequence

from definiens.errors import UsageError
from definiens.model import Document
from definiens.pipeline import Stage, run_stages

__all__ = ["annotate", "default_stages", "process"]


def default_stages(*, definitions: bool = True) -> list[Stage]:
    """The stages that follow reading, in order: parse, identifiers, definitions."""
    from definiens.formulas import identify
    from definiens.ingest import parse

    stages: list[Stage] = [parse, identify]
    if definitions:
        from definiens.define import define

        stages.append(define)
    return stages


def process(document: Document, stages: Sequence[Stage] | None = None) -> Document:
    """Run a freshly read document through ``stages`` (default: :func:`default_stages`)."""
    return run_stages(document, default_stages() if stages is None else stages)


def annotate(text: str, format: str = "markdown", *, title: str = "text") -> Document:
    """Read ``text`` (wikitext, latex or markdown) and find its identifiers and their meanings.

    :class:`~definiens.errors.UsageError` if ``text`` is not a ``str`` (decode bytes first).
    """
    from definiens.ingest import from_text

    if not isinstance(text, str):
        raise UsageError(f"text must be a str, not {type(text).__name__}")
    document = from_text(text, format, title=title)
    return run_stages(document, default_stages()[1:])
