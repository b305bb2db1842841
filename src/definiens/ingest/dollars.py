"""Find the end of ``$…$`` and ``$$…$$`` formulas (shared by the LaTeX and Markdown parsers)."""

from __future__ import annotations

import re

__all__ = ["close_dollar"]

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def _escaped(src: str, pos: int) -> bool:
    """Whether the character at ``pos`` is preceded by an odd number of backslashes."""
    count = 0
    while pos - count - 1 >= 0 and src[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def close_dollar(src: str, start: int, end: int, double: bool) -> int:
    """Index of the delimiter closing the ``$`` (or ``$$``) opened at ``start``, or -1.

    A formula does not run past the end of its paragraph; escaped ``\\$`` do not close it.
    """
    delimiter = "$$" if double else "$"
    content = start + len(delimiter)
    paragraph = _PARAGRAPH_END.search(src, content, end)
    limit = paragraph.start() if paragraph else end
    pos = src.find(delimiter, content, limit)
    while pos >= 0:
        if not _escaped(src, pos) and (double or src[pos + 1 : pos + 2] != "$"):
            return pos
        pos = src.find(delimiter, pos + (2 if src[pos + 1 : pos + 2] == "$" else 1), limit)
    return -1
