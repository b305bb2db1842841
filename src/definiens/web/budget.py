"""How much of one request the server reads: bounded work, whatever the input.

Every stage reads any input in time proportional to its size, but a 2 MB request can still
hold hundreds of thousands of formulas, a formula of a million characters, or two million
characters of sentences for spaCy: seconds to minutes of a worker, and an answer of a
hundred megabytes. The annotate workers therefore run the stages within :class:`Budget`:

* reading stops before formula number ``max_formulas + 1`` (the parse stage's
  ``max_formulas``); the text after it is left out;
* the first ``max_scopes`` sections and environments only are scopes (a page of a hundred
  thousand headings took a second to map and send them);
* a formula longer than ``max_formula_chars`` is not analysed: it keeps no identifiers and is
  flagged ``too_complex``;
* meanings are looked for in the first ``max_define_chars`` characters of the text only.

Each limit met is reported as a problem of kind ``too-complex`` on the document, which is
otherwise answered as usual. ``definiens`` on the command line reads everything.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from definiens.formulas import identify
from definiens.ingest import from_text, parse
from definiens.model import Document
from definiens.pipeline import Stage, run_stages

__all__ = ["Budget", "annotate_within"]

TOO_COMPLEX = "too-complex"


@dataclass(frozen=True)
class Budget:
    """The most one request makes the server read (see the module)."""

    max_formulas: int = 1_000
    max_scopes: int = 10_000
    max_formula_chars: int = 20_000
    max_define_chars: int = 200_000


class _Parse:
    """The parse stage, reading at most ``limit`` formulas and ``scopes`` scopes."""

    __name__ = "parse"

    def __init__(self, limit: int, scopes: int) -> None:
        self.limit = limit
        self.scopes = scopes

    def __call__(self, document: Document) -> Document:
        return parse(document, max_formulas=self.limit, max_scopes=self.scopes)


class _Identify:
    """The identify stage, leaving out formulas longer than ``limit`` characters."""

    __name__ = "identify"

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, document: Document) -> Document:
        formulas = document.formulas
        long = [f for f in formulas if len(f.tex) > self.limit]
        if not long:
            return identify(document)
        document.formulas = [f for f in formulas if len(f.tex) <= self.limit]
        try:
            identify(document)
        finally:
            document.formulas = formulas
        for formula in long:
            formula.identifiers, formula.flags = [], ["too_complex"]
            message = (
                f"a formula of {len(formula.tex):,} characters is longer than the server "
                f"analyses ({self.limit:,}): its identifiers are not looked for"
            )
            document.report(TOO_COMPLEX, message, f"formula {formula.index}")
        return document


class _Define:
    """The define stage, on the first ``limit`` characters of the text."""

    __name__ = "define"

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, document: Document) -> Document:
        from definiens.define import define

        text = document.text
        if not any(f.identifiers for f in document.formulas):
            document.definitions = {}  # nothing to look for (what define finds then)
            return document
        if len(text) <= self.limit:
            return define(document)
        cut = _sentence_end(text, self.limit)
        view = dataclasses.replace(
            document,
            text=text[:cut],
            formulas=[f for f in document.formulas if f.text_end <= cut],
            links=[link for link in document.links if link.end <= cut],
            definitions={},
            problems=[],
        )
        document.definitions = define(view).definitions
        message = (
            f"the text has {len(text):,} characters, more than the server reads for meanings "
            f"({self.limit:,}): meanings are looked for in its first {cut:,} characters only"
        )
        document.report(TOO_COMPLEX, message)
        return document


def _sentence_end(text: str, limit: int) -> int:
    """A place at most ``limit`` characters into ``text`` where a paragraph or sentence ends
    (``limit`` itself if there is none in the last tenth before it)."""
    floor = limit - limit // 10
    for mark in ("\n\n", ". ", "\n", " "):
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + 1
    return limit


def within(budget: Budget) -> list[Stage]:
    """The default stages (parse, identify, define), each within ``budget``."""
    return [
        _Parse(budget.max_formulas, budget.max_scopes),
        _Identify(budget.max_formula_chars),
        _Define(budget.max_define_chars),
    ]


def annotate_within(text: str, fmt: str, title: str, budget: Budget | None = None) -> Document:
    """:func:`definiens.api.annotate` within ``budget`` (default :class:`Budget`)."""
    document = from_text(text, fmt, title=title)
    return run_stages(document, within(budget or Budget()))
