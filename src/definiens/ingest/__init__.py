"""ingest stage: read Wikipedia dumps, LaTeX and Markdown into documents, and parse them.

Reading (:func:`read_inputs`) is cheap and runs in the main process; parsing (:func:`parse`)
is a stage and can run in worker processes.
"""

from __future__ import annotations

from definiens.ingest.extract import Tally, extract_documents, extract_stages
from definiens.ingest.files import file_kind, read_inputs
from definiens.ingest.items import Failed, Item, Skipped, has_math
from definiens.ingest.parse import FORMATS, find_formula, from_text, parse

__all__ = [
    "FORMATS",
    "Failed",
    "Item",
    "Skipped",
    "Tally",
    "extract_documents",
    "extract_stages",
    "file_kind",
    "find_formula",
    "from_text",
    "has_math",
    "parse",
    "read_inputs",
]
