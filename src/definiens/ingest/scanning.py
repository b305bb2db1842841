"""What the scanner of every reader (wikitext, LaTeX, Markdown) starts with and ends with."""

from __future__ import annotations

from collections.abc import Callable

from definiens.ingest.builder import FormulaLimit, Reports, TextBuilder
from definiens.ingest.closing import Lines
from definiens.model import Document

__all__ = ["Scanner"]


class Scanner:
    """The document being read, its source, the text built from it, the problems met and the
    line of any offset (for messages)."""

    def __init__(self, document: Document, max_formulas: int | None = None) -> None:
        self.doc = document
        self.src = document.source_text
        self.out = TextBuilder(max_formulas)
        self.reports = Reports(document)
        self.lines = Lines(self.src)

    def problem_at(self, kind: str, message: str, offset: int) -> None:
        """Report a problem of ``kind`` at source ``offset``; its line is worked out only if
        the problem is listed (a damaged page can hold hundreds of thousands)."""
        if self.reports.count(kind):
            self.reports.listed(kind, message, f"line {self.lines(offset)}")

    def finish(self, read: Callable[[], None]) -> Document:
        """Run ``read``; when it meets the formula limit, report where reading stopped. Then
        close the problem list and fill the document with what was built."""
        try:
            read()
        except FormulaLimit as limit:
            self.reports.stopped(limit, self.lines(limit.at))
        self.reports.close()
        return self.out.fill(self.doc)
