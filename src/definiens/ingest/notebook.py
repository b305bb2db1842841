"""Jupyter notebooks (``.ipynb``): their Markdown cells are read as Markdown, code left out.

A notebook is JSON: a list of cells, each Markdown, code or raw. The prose and formulas of a
notebook are in its Markdown cells; code cells (and their outputs) and raw cells are neither
prose nor mathematics. :func:`notebook_markdown` joins the Markdown cells with a blank line
between them: that text is the document's ``source_text``, to which its offsets point.
"""

from __future__ import annotations

import json
from typing import Any

from definiens.errors import InputError

__all__ = ["notebook_markdown"]


def _cells(notebook: Any) -> list[Any] | None:
    """The cells of a notebook (format 4, or the worksheets of format 3)."""
    if not isinstance(notebook, dict):
        return None
    if isinstance(notebook.get("cells"), list):
        return list(notebook["cells"])
    worksheets = notebook.get("worksheets")
    if isinstance(worksheets, list):
        return [c for w in worksheets if isinstance(w, dict) for c in w.get("cells") or []]
    return None


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def notebook_markdown(text: str, source: str) -> str:
    """The Markdown cells of the notebook ``text`` (its JSON), joined by blank lines.
    :class:`InputError` (located at ``source``) when it is not a notebook."""
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"not a Jupyter notebook: {exc}", location=source) from exc
    cells = _cells(notebook)
    if cells is None:
        raise InputError("not a Jupyter notebook: no list of cells", location=source)
    markdown = [
        _source(cell).strip("\n")
        for cell in cells
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown"
    ]
    return "\n\n".join(part for part in markdown if part.strip())
