"""Find closing delimiters in linear time, however much of the input is left unclosed.

A parser looking for the ``</ref>`` of every ``<ref>`` (or the ``\\)`` of every ``\\(``) scans
to the end of the document for each unclosed one: quadratic on a damaged page. :class:`Closings`
remembers the stretch searched in vain for each delimiter and never scans it twice;
:func:`pair_braces` pairs all TeX braces in one pass.
"""

from __future__ import annotations

import re

__all__ = ["Closings", "pair_braces"]

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
        known_from, known_to = self._misses.get(key, (-1, -1))
        known = known_from <= start < known_to
        search_from = known_to if known else start
        if search_from >= limit:
            return None
        found = pattern.search(self.source, search_from, limit)
        if found is None:
            self._misses[key] = (known_from if known else start, limit)
        return found


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
