"""Markdown and plain text → text with formula placeholders: ``$…$`` and ``$$…$$``.

Code is neither prose nor mathematics: a fenced code block (```` ``` ```` or ``~~~``) is left
out of the text (a blank line stands for it, so the sentences around it stay apart) and so is
a code span (`` `…` ``); an unclosed fence or backtick run is plain text. ``\\$`` is a literal
dollar. An unbalanced ``$`` is reported with its line and kept as text.
"""

from __future__ import annotations

import re

from definiens.ingest.closing import Closings
from definiens.ingest.dollars import NOT_MATH, Dollars
from definiens.ingest.scanning import Scanner
from definiens.model import Document

__all__ = ["parse_markdown"]

#: Dollar signs that open no formula, one after another: each ``$`` followed by neither a space
#: nor another ``$``, whose next ``$`` (on the same line, with no code, escape or ``$$`` before
#: it) follows a space and so cannot close it (see :class:`~definiens.ingest.dollars.Dollars`).
#: Such a run is text, matched at once: "$a $b $c …" is not a formula per dollar to look for.
#: Possessive (``*+``, ``++``): each dollar is checked where it stands (the space before the next
#: one by a look-behind), so the engine keeps no state to backtrack into, however long the run.
_SIGNS = r"(?:\$[^\s$\\`][^$\\`\n]*+(?<=[^\S\n])(?=\$(?!\$)))++"
_TOKEN = re.compile(
    r"(?P<fence>^[ \t]*(?:```|~~~))|(?P<code>`+)|(?P<escape>\\\$)"
    rf"|(?P<signs>{_SIGNS})|(?P<dollar>\$\$?)",
    re.M,
)


def parse_markdown(document: Document, *, max_formulas: int | None = None) -> Document:
    """Fill the text, offsets and formulas of a Markdown or plain-text document (reading
    stops before formula number ``max_formulas + 1``, if given)."""
    scanner = _Scanner(document, max_formulas)
    return scanner.finish(scanner.scan)


class _Scanner(Scanner):
    def __init__(self, document: Document, max_formulas: int | None = None) -> None:
        super().__init__(document, max_formulas)
        self.closings = Closings(self.src)
        self.dollars = Dollars(self.src)

    def scan(self) -> None:
        src, out, copy, search = self.src, self.out, self.out.copy, _TOKEN.search
        pos, end = 0, len(src)
        while pos < end:
            match = search(src, pos)
            if match is None:
                copy(src, pos, end)
                break
            copy(src, pos, match.start())
            kind = match.lastgroup
            if kind == "code":
                pos = self.code(match, match.group(0), "")
            elif kind == "dollar":
                pos = self.dollar(match)
            elif kind == "signs":
                copy(src, match.start(), match.end())
                pos = match.end()
            elif kind == "escape":
                out.replace("$", match.start(), match.end())
                pos = match.end()
            else:
                pos = self.code(match, "\n" + match.group(0).strip(), "\n")

    def code(self, match: re.Match[str], closer: str, stands_for: str) -> int:
        """Leave out a code span or fenced block (``stands_for`` takes its place); an unclosed
        one is plain text."""
        close = self.closings.find_text(closer, match.end(), len(self.src))
        if close < 0:
            self.out.copy(self.src, match.start(), match.end())
            return match.end()
        stop = close + len(closer)
        if not stands_for and _between_words(self.src, match.start(), stop):
            stands_for = " "  # a`b`c: the words around the code stay apart
        self.out.insert(stands_for)
        return stop

    def dollar(self, match: re.Match[str]) -> int:
        src, out = self.src, self.out
        start = match.start()
        double = match.group(0) == "$$"
        if not double and src[match.end() : match.end() + 1].isspace():
            out.copy(src, start, match.end())  # "costs $ 5": a dollar sign, not a formula
            return match.end()
        close = self.dollars.close(start, len(src), double, strict=True)
        if close == NOT_MATH:
            out.copy(src, start, match.end())
            return match.end()
        if close < 0:
            what = "$$" if double else "$"
            self.problem_at("unbalanced-dollar", f"unbalanced {what}", start)
            out.copy(src, start, match.end())
            return match.end()
        width = 2 if double else 1
        stop = close + width
        tex = src[start + width : close].strip()
        out.formula(tex, start, stop, display=double, kind="dollar")
        return stop


def _between_words(src: str, start: int, stop: int) -> bool:
    return src[start - 1 : start].isalnum() and src[stop : stop + 1].isalnum()
