"""Build a document's plain text piece by piece, keeping every piece's source offset.

The parsers of every format (wikitext, LaTeX, Markdown) walk their source and hand each piece
of prose, each formula and each link to a :class:`TextBuilder`; it assembles ``Document.text``,
``Document.offsets``, ``Document.formulas`` and ``Document.links``.
"""

from __future__ import annotations

from definiens.model import Document, Formula, Link, OffsetMap, placeholder

__all__ = ["TextBuilder", "line_of"]


def line_of(source: str, offset: int) -> int:
    """The 1-based line number of ``offset`` in ``source``."""
    return source.count("\n", 0, max(0, offset)) + 1


class TextBuilder:
    """Accumulates plain text with its map back to the source, plus formulas and links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets = OffsetMap()
        self.formulas: list[Formula] = []
        self.links: list[Link] = []

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim; each character maps to its own offset."""
        if end <= start:
            return
        self.parts.append(source[start:end])
        self.offsets.add(self.length, start, end - start)
        self.length += end - start

    def replace(self, text: str, source_start: int, source_end: int) -> None:
        """Append ``text`` standing for ``source[source_start:source_end]``.

        The first character maps to ``source_start`` and the last one to ``source_end - 1``, so
        that the span of the text maps back to the whole source span.
        """
        n = len(text)
        if n == 0:
            return
        src_len = source_end - source_start
        if n == 1 or src_len <= 1:
            self.offsets.add(self.length, source_start, 1)
        else:
            self.offsets.add(self.length, source_start, min(n - 1, src_len - 1))
            self.offsets.add(self.length + n - 1, source_end - 1, 1)
        self.parts.append(text)
        self.length += n

    def insert(self, text: str) -> None:
        """Append text that stands for no source (a line break after a heading)."""
        if text:
            self.parts.append(text)
            self.length += len(text)

    def ends_with_newline(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")

    def formula(
        self, tex: str, source_start: int, source_end: int, *, display: bool, kind: str
    ) -> Formula:
        """Append the placeholder of a new formula and return the formula."""
        index = len(self.formulas)
        token = placeholder(index)
        text_start = self.length
        self.replace(token, source_start, source_end)
        formula = Formula(
            index=index,
            tex=tex,
            display=display,
            markup=kind,
            source_start=source_start,
            source_end=source_end,
            text_start=text_start,
            text_end=self.length,
        )
        self.formulas.append(formula)
        return formula

    def mark(self) -> tuple[int, int]:
        """A mark of the current end, to pass to :meth:`link` once the anchor is appended."""
        return len(self.parts), self.length

    def link(self, target: str, mark: tuple[int, int], source_start: int, source_end: int) -> None:
        """Record a link whose anchor is the text appended since ``mark``."""
        part_index, text_start = mark
        anchor = "".join(self.parts[part_index:])
        self.links.append(
            Link(
                target=target,
                anchor=anchor,
                start=text_start,
                end=self.length,
                source_start=source_start,
                source_end=source_end,
            )
        )

    def text(self) -> str:
        return "".join(self.parts)

    def fill(self, document: Document) -> Document:
        """Store the text, map, formulas and links in ``document`` and return it."""
        document.text = self.text()
        document.offsets = self.offsets
        document.formulas = self.formulas
        document.links = self.links
        return document
