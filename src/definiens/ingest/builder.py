"""Build a document's plain text piece by piece, keeping every piece's source offset.

The parsers of every format (wikitext, LaTeX, Markdown) walk their source and hand each piece
of prose, each formula and each link to a :class:`TextBuilder`; it assembles ``Document.text``,
``Document.offsets``, ``Document.formulas`` and ``Document.links``. A builder asked for at most
so many formulas raises :class:`FormulaLimit` at the next one. :class:`Reports` records the
problems a parser meets, at most :data:`MAX_REPORTED` of each kind, so that a page full of
damage makes a short list.
"""

from __future__ import annotations

from itertools import accumulate, compress, repeat
from operator import add

from definiens.model import Document, Formula, Link, OffsetMap, placeholder

__all__ = ["MAX_REPORTED", "NOT_READ", "FormulaLimit", "Reports", "TextBuilder", "line_of"]

#: How many problems of one kind a document lists; the rest are counted in one more problem.
MAX_REPORTED = 100
#: What the problem of a reader stopped by its formula limit says of the rest of the source.
NOT_READ = "the text from the next one on is not read"


class FormulaLimit(Exception):
    """The parser met more formulas than it was asked to read; ``at`` is the source offset of
    the first one over the limit."""

    def __init__(self, limit: int, at: int) -> None:
        super().__init__(f"more than {limit} formulas")
        self.limit = limit
        self.at = at


class Reports:
    """The problems a parser reports on a document: at most :data:`MAX_REPORTED` of each kind
    are listed, then :meth:`close` adds one problem counting the rest."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.counts: dict[str, int] = {}

    def report(self, kind: str, message: str, where: str | None = None) -> None:
        if self.count(kind):
            self.document.report(kind, message, where)

    def count(self, kind: str, more: int = 1) -> int:
        """Count ``more`` problems of ``kind``; how many of them (the first ones) are listed:
        the caller reports those with :meth:`listed` (where the others are need not be worked
        out)."""
        before = self.counts.get(kind, 0)
        self.counts[kind] = before + more
        return max(0, min(more, MAX_REPORTED - before))

    def listed(self, kind: str, message: str, where: str | None = None) -> None:
        """List a problem already counted by :meth:`count`."""
        self.document.report(kind, message, where)

    def seen(self, kind: str) -> bool:
        return kind in self.counts

    def stopped(self, limit: FormulaLimit, line: int) -> None:
        """Report that reading stopped at ``limit`` (on ``line``)."""
        message = f"more than {limit.limit} formulas: {NOT_READ} (too complex for this reader)"
        self.report("too-complex", message, f"line {line}")

    def close(self) -> None:
        for kind, count in self.counts.items():
            if count > MAX_REPORTED:
                more = count - MAX_REPORTED
                self.document.report(kind, f"{more} more problems of this kind, not listed")


def line_of(source: str, offset: int) -> int:
    """The 1-based line number of ``offset`` in ``source``."""
    return source.count("\n", 0, max(0, offset)) + 1


class TextBuilder:
    """Accumulates plain text with its map back to the source, plus formulas and links."""

    def __init__(self, max_formulas: int | None = None) -> None:
        self.max_formulas = max_formulas
        self.parts: list[str] = []
        self.length = 0
        self.offsets = OffsetMap()
        self.formulas: list[Formula] = []
        self.links: list[Link] = []
        # The verbatim run not yet appended: source[_start:_end], from text offset _at. Pieces
        # copied one after another from the source join it, whatever markup cut the scan.
        self._source = ""
        self._start = self._end = self._at = 0

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim; each character maps to its own offset."""
        if end <= start:
            return
        if start != self._end or source is not self._source or self._start == self._end:
            if self._end > self._start:  # the run waiting is appended (as _flush does)
                self.parts.append(self._source[self._start : self._end])
                self.offsets.add(self._at, self._start, self._end - self._start)
            self._source, self._start, self._at = source, start, self.length
        self._end = end
        self.length += end - start

    def copy_apart(self, source: str, start: int, pieces: list[str], gap: int) -> None:
        """:meth:`copy` of each of ``pieces`` in turn: they stand in ``source`` one after the
        other from ``start``, ``gap`` (at least 1) characters apart, which are left out. In bulk:
        a page can hold hundreds of thousands of them."""
        first, middle = pieces[0], pieces[1:-1]
        self.copy(source, start, start + len(first))
        if len(pieces) == 1:
            return
        self._flush()
        lengths = list(map(len, middle))
        begin = start + len(first) + gap
        source_starts = accumulate(map(add, lengths, repeat(gap)), initial=begin)
        text_starts = accumulate(lengths, initial=self.length)
        # what OffsetMap.add of each would do: no two join (they are apart in the source), the
        # empty ones are left out (the starts run one further: the end of the last)
        segments = zip(text_starts, source_starts, lengths, strict=False)
        self.offsets.segments.extend(compress(segments, lengths))
        self.parts.extend(filter(None, middle))
        self.length += sum(lengths)
        last = begin + sum(lengths) + len(middle) * gap
        self.copy(source, last, last + len(pieces[-1]))

    def _flush(self) -> None:
        """Append the verbatim run waiting, if any."""
        if self._end > self._start:
            self.parts.append(self._source[self._start : self._end])
            self.offsets.add(self._at, self._start, self._end - self._start)
        self._start = self._end = 0

    def replace(self, text: str, source_start: int, source_end: int) -> None:
        """Append ``text`` standing for ``source[source_start:source_end]``.

        The first character maps to ``source_start`` and the last one to ``source_end - 1``, so
        that the span of the text maps back to the whole source span.
        """
        n = len(text)
        if n == 0:
            return
        self._flush()
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
            self._flush()
            self.parts.append(text)
            self.length += len(text)

    def ends_with_newline(self) -> bool:
        self._flush()
        return not self.parts or self.parts[-1].endswith("\n")

    def formula(
        self, tex: str, source_start: int, source_end: int, *, display: bool, kind: str
    ) -> Formula:
        """Append the placeholder of a new formula and return the formula; :class:`FormulaLimit`
        if the builder has all the formulas it was asked for."""
        index = len(self.formulas)
        if self.max_formulas is not None and index >= self.max_formulas:
            raise FormulaLimit(self.max_formulas, source_start)
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
        self._flush()
        return len(self.parts), self.length

    def link(self, target: str, mark: tuple[int, int], source_start: int, source_end: int) -> None:
        """Record a link whose anchor is the text appended since ``mark``."""
        part_index, text_start = mark
        self._flush()
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
        self._flush()
        return "".join(self.parts)

    def fill(self, document: Document) -> Document:
        """Store the text, map, formulas and links in ``document`` and return it."""
        document.text = self.text()  # flushes the last run: the map is complete
        document.offsets = self.offsets
        document.formulas = self.formulas
        document.links = self.links
        return document
