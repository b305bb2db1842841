"""The Python API: read a string and run every stage on it, or run the stages on a document.

The stages are assembled in :mod:`definiens.pipeline`; this module is the thin public layer on
top of it.

>>> from definiens.api import annotate
>>> doc = annotate("By Einstein, $E = mc^2$, where $E$ is the energy of the body.")
>>> [d.text for d in doc.definitions["E"]][:1]
['energy']
"""

from __future__ import annotations

from collections.abc import Sequence

from definiens.errors import UsageError
from definiens.ingest import from_text, read_inputs
from definiens.model import Document
from definiens.pipeline import Stage, default_stages, extract_documents, run_stages

__all__ = [
    "Stage",
    "annotate",
    "default_stages",
    "extract_documents",
    "from_text",
    "process",
    "read_inputs",
    "run_stages",
]


def process(document: Document, stages: Sequence[Stage] | None = None) -> Document:
    """Run a freshly read document through ``stages`` (default: :func:`default_stages`)."""
    return run_stages(document, default_stages() if stages is None else stages)


def annotate(
    text: str,
    format: str = "markdown",
    *,
    title: str = "text",
    top: int | None = None,
    min_score: float | None = None,
) -> Document:
    """Read ``text`` (wikitext, latex or markdown) and find its identifiers and their meanings:
    every default stage (parse, identifiers, definitions) runs on it. ``top``: at most this
    many meanings per identifier; ``min_score``: only meanings at least this probable (0 to 1;
    default for both: the shipped model's, 3 and its threshold).

    :class:`~definiens.errors.UsageError` if ``text`` is not a ``str`` (decode bytes first).
    """
    if not isinstance(text, str):
        raise UsageError(f"text must be a str, not {type(text).__name__}")
    stages = default_stages(top=top, min_score=min_score)
    return process(from_text(text, format, title=title), stages)
