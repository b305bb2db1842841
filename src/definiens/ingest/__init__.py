"""ingest: read Wikipedia dumps, LaTeX and Markdown into documents, and the ``parse`` stage.

Reading (:func:`read_inputs`, :func:`from_text`) is cheap and runs in the main process; it
yields raw documents that the ``parse`` stage turns into text with formulas, possibly in worker
processes. Readers never run the stages: :mod:`definiens.pipeline` assembles them.
"""

from __future__ import annotations

from definiens.ingest.files import STOPPED, file_kind, from_text, read_inputs
from definiens.ingest.items import Failed, Item, Skipped, has_math
from definiens.ingest.parse import FORMATS, parse

__all__ = [
    "FORMATS",
    "STOPPED",
    "Failed",
    "Item",
    "Skipped",
    "file_kind",
    "from_text",
    "has_math",
    "parse",
    "read_inputs",
]
