"""Find closing delimiters, line ends and line numbers in linear time, whatever the input.

A parser looking for the ``</ref>`` of every ``<ref>`` (or the ``\\)`` of every ``\\(``) scans
to the end of the document for each unclosed one: quadratic on a damaged page. :class:`Closings`
remembers the stretch searched in vain for each delimiter and never scans it twice;
:func:`pair_braces` pairs all TeX braces in one pass. :class:`NextMatch` finds the next line or
paragraph end without scanning a long line again for every formula on it, and :class:`Lines`
gives the line number of any offset without counting the lines before it again.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["Closings", "Lines", "NextMatch", "pair_braces"]

_BRACE = re.compile(r"\\.|%[^\n]*|[{}]", re.S)


class Closings:
    """Searches for closing delimiters of one source, remembering the failures."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._misses: dict[str, tuple[int, int]] = {}

    def find(
        self, key: str, pattern: re.Pattern[str], start: int, limit: int
    ) -> re.Match[str] | None:
        """The first match of ``pattern`` in ``source[start:limit]`` (``key`` names the
        pattern), or None."""
        search_from = self._unsearched(key, start)
        if search_from >= limit:
            return None
        found = pattern.search(self.source, search_from, limit)
        if found is None:
            self._missed(key, start, limit)
        return found

    def find_text(self, text: str, start: int, limit: int) -> int:
        """Where the first ``text`` in ``source[start:limit]`` starts, or -1 (:meth:`find` of
        a plain string, without a regex)."""
        search_from = self._unsearched(text, start)
        if search_from >= limit:
            return -1
        found = self.source.find(text, search_from, limit)
        if found < 0:
            self._missed(text, start, limit)
        return found

    def _unsearched(self, key: str, start: int) -> int:
        """Where a search for ``key`` from ``start`` must begin: after the stretch already
        searched in vain, if ``start`` lies in it."""
        known_from, known_to = self._misses.get(key, (-1, -1))
        return known_to if known_from <= start < known_to else start

    def _missed(self, key: str, start: int, limit: int) -> None:
        """Remember that ``key`` is not in ``source[start:limit]`` (joined to the stretch
        already known when ``start`` lies in it)."""
        known_from, known_to = self._misses.get(key, (-1, -1))
        self._misses[key] = (known_from if known_from <= start < known_to else start, limit)


def pair_braces(source: str) -> dict[int, int]:
    """The offset of the ``}`` closing each ``{`` of TeX ``source`` (escapes and comments
    skipped); unbalanced braces have no entry."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for match in _BRACE.finditer(source):
        token = match.group(0)
        if token == "{":
            opened.append(match.start())
        elif token == "}" and opened:
            pairs[opened.pop()] = match.start()
    return pairs


class NextMatch:
    """Where the next match of a pattern starts, for positions that mostly grow.

    The answer for one position holds for every later position up to that match, so a scan
    asking for the end of the line (or paragraph) at each formula of a long line searches the
    line once.
    """

    def __init__(self, source: str, pattern: re.Pattern[str]) -> None:
        self.source = source
        self.pattern = pattern
        self._from = 0
        self._at = -1  # the first match at or after _from starts here (len(source): none)

    def start(self, pos: int, limit: int) -> int:
        """The start of the first match in ``source[pos:limit]``, or ``limit`` if none."""
        if not self._from <= pos <= self._at:
            found = self.pattern.search(self.source, pos)
            self._from, self._at = pos, found.start() if found else len(self.source)
        return min(self._at, limit)


class Lines:
    """The 1-based line number of any offset of ``source`` (the line breaks found once)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._breaks: list[int] | None = None

    def __call__(self, offset: int) -> int:
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self.source)]
        return bisect.bisect_left(self._breaks, max(0, offset)) + 1
