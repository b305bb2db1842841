"""The one data model that flows through every stage: :class:`Document` and its parts.

A reader (``definiens.ingest``) builds a :class:`Document` from a source (a wiki page, a LaTeX
file, a Markdown file): ``source_text`` is the document as written, ``text`` is plain prose in
which each formula is replaced by its placeholder (``Formula.placeholder``), and ``offsets`` maps
every offset of ``text`` back to ``source_text``. Later stages fill ``Formula.identifiers``
(``definiens.formulas``) and ``Document.definitions`` (``definiens.define``). The one record form
of a document (JSON-ready) is written and read by :mod:`definiens.serial`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "PLACEHOLDER_PREFIX",
    "Definiens",
    "Document",
    "Formula",
    "Identifier",
    "Link",
    "OffsetMap",
    "Problem",
    "Scope",
    "placeholder",
]

PLACEHOLDER_PREFIX = "FORMULA"


def placeholder(index: int) -> str:
    """The token that stands for formula ``index`` in ``Document.text`` (e.g. ``FORMULA3``).

    It is one alphanumeric word so that a tokenizer keeps it whole and a tagger reads it as a
    noun, the way a reader reads a formula inside a sentence.
    """
    return f"{PLACEHOLDER_PREFIX}{index}"


@dataclass
class OffsetMap:
    """Maps offsets in ``Document.text`` to offsets in ``Document.source_text``.

    Stored as sorted, non-overlapping segments ``(text_start, source_start, length)``: text
    offset ``text_start + k`` comes from source offset ``source_start + k`` for ``k < length``.
    An offset that falls between segments maps to the end of the preceding segment.
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _by_source: tuple[list[int], list[tuple[int, int, int]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def add(self, text_start: int, source_start: int, length: int) -> None:
        """Append a segment; segments must be added in increasing ``text_start`` order."""
        if length <= 0:
            return
        self._starts = None
        if self.segments:
            last_t, last_s, last_n = self.segments[-1]
            if last_t + last_n == text_start and last_s + last_n == source_start:
                self.segments[-1] = (last_t, last_s, last_n + length)
                return
        self.segments.append((text_start, source_start, length))

    def to_source(self, text_offset: int) -> int:
        """The source offset of a text offset."""
        if not self.segments:
            return text_offset
        if self._starts is None or len(self._starts) != len(self.segments):
            self._starts = [seg[0] for seg in self.segments]
        i = bisect.bisect_right(self._starts, text_offset) - 1
        if i < 0:
            return self.segments[0][1]
        t, s, n = self.segments[i]
        return s + min(text_offset - t, n)

    def to_text(self, source_offset: int) -> int:
        """The text offset of the first piece of text at or after ``source_offset`` (markup
        that left no text maps to where the text goes on; past the end, to the text's end)."""
        if not self.segments:
            return source_offset
        if self._by_source is None or len(self._by_source[0]) != len(self.segments):
            ordered = sorted(self.segments, key=lambda seg: seg[1])
            self._by_source = ([seg[1] for seg in ordered], ordered)
        starts, ordered = self._by_source
        i = bisect.bisect_right(starts, source_offset) - 1
        if i >= 0:
            t, s, n = ordered[i]
            if source_offset < s + n:
                return t + source_offset - s
        if i + 1 < len(ordered):
            return ordered[i + 1][0]
        t, _, n = ordered[-1]
        return t + n

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of a text span ``[start, end)``."""
        if end <= start:
            pos = self.to_source(start)
            return pos, pos
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass
class Problem:
    """A damaged piece of input, reported and counted; the run goes on."""

    kind: str
    message: str
    location: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class Link:
    """A hyperlink of the text (a wikilink): a strong candidate for a meaning."""

    target: str
    anchor: str
    start: int
    end: int
    source_start: int = -1
    source_end: int = -1


@dataclass
class Identifier:
    """An identifier of a formula in canonical TeX and where it is in ``Formula.tex``.

    ``start``/``end``: the span of its first occurrence as the parser read it; ``count``: how
    many times it occurs. ``spans``: every place it is written, ``(start, end)`` pairs in order,
    that a page can mark: whole tokens, balanced in braces, never inside a text argument
    (``\\text{…}``, ``\\operatorname{…}``, ``\\mathrm{…}``), and never overlapping the spans of
    another identifier of the formula (the longest identifier wins a place: ``x_i`` before
    ``x``). Filled by the identify stage (``definiens.formulas``). ``scope``: the index in
    ``Document.scopes`` of the scope whose meanings hold here (``Document.scoped``), -1 for
    the document's own (``Document.definitions``); set by the define stage.
    """

    tex: str
    start: int = -1
    end: int = -1
    count: int = 1
    spans: list[tuple[int, int]] = field(default_factory=list)
    scope: int = -1


@dataclass
class Formula:
    """A formula of a document.

    ``markup`` says how it was written: ``math`` (``<math>``), ``template`` (``{{math}}`` /
    ``{{mvar}}``), ``italic`` (``''x''``), ``dollar`` (``$…$`` / ``$$…$$``), ``paren``
    (``\\(…\\)`` / ``\\[…\\]``) or ``environment`` (``\\begin{equation}…``).
    """

    index: int
    tex: str
    display: bool = False
    markup: str = "math"
    source_start: int = -1
    source_end: int = -1
    text_start: int = -1
    text_end: int = -1
    identifiers: list[Identifier] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def placeholder(self) -> str:
        return placeholder(self.index)


@dataclass
class Scope:
    """A part of a document in which notation can change: a section (or heading) or a
    theorem-like environment (lemma, proof, definition…), as the reader found it.

    ``kind`` is ``section`` for a heading of any level, ``passage`` for the part of the text
    where one of an identifier's meanings holds when the text states it with two meanings
    without a heading between (made by the define stage, after the reader's scopes, see
    :func:`definiens.define.scoping.passages`), else the environment's name;
    ``level`` is the heading level (1 = chapter or top heading) and, for an environment, one
    more than the section or environment around it (a proof right after its statement lies
    inside the statement's scope); ``title`` is the heading, or the environment's display
    name with its optional title ("Lemma", "Theorem (Bézout)"). ``start``/``end`` span its part
    of ``Document.text`` (a section runs to the next heading of its level or higher);
    ``source_start``/``source_end`` the same part of the source.
    """

    kind: str
    title: str
    level: int
    start: int
    end: int
    source_start: int = -1
    source_end: int = -1


@dataclass
class Definiens:
    """One candidate meaning of an identifier, with its score and where it came from.

    ``method`` names the evidence (``pattern``, ``link``, ``noun_phrase``, ``namespace``…);
    ``sentence`` is the sentence it was read from (formulas shown as their TeX) and
    ``source_start``/``source_end`` its span in ``Document.source_text`` (-1 when it has none,
    as for a meaning inherited from a namespace). ``scope`` is the index in
    ``Document.scopes`` of the scope in which it holds (-1: the whole document).
    """

    identifier: str
    text: str
    score: float
    method: str
    sentence: str = ""
    source_start: int = -1
    source_end: int = -1
    link_target: str | None = None
    scope: int = -1


@dataclass
class Document:
    """A document with mathematics, as it flows through the stages."""

    id: str
    title: str
    source: str
    format: str
    source_text: str
    text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    metadata: dict[str, Any] = field(default_factory=dict)
    formulas: list[Formula] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    scopes: list[Scope] = field(default_factory=list)
    definitions: dict[str, list[Definiens]] = field(default_factory=dict)
    scoped: dict[int, dict[str, list[Definiens]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def meanings(self, identifier: Identifier) -> list[Definiens]:
        """The ranked meanings of one occurrence: those of the scope it reads them in, else
        the document's."""
        scoped = self.scoped.get(identifier.scope, {}).get(identifier.tex)
        return scoped if scoped is not None else self.definitions.get(identifier.tex, [])

    def report(self, kind: str, message: str, where: str | None = None) -> Problem:
        """Record a damaged piece of this document, located in it, and return the record."""
        location = f"{self.source}: {self.title}" + (f": {where}" if where else "")
        problem = Problem(kind=kind, message=message, location=location)
        self.problems.append(problem)
        return problem
