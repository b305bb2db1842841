"""Find the end of ``$…$`` and ``$$…$$`` formulas (shared by the LaTeX and Markdown parsers)."""

from __future__ import annotations

import re

from definiens.ingest.closing import NextMatch

__all__ = ["NOT_MATH", "Dollars"]

NOT_MATH = -2  # the "$" is a dollar sign (strict mode): no closing "$" fits

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def _escaped(src: str, pos: int) -> bool:
    """Whether the character at ``pos`` is preceded by an odd number of backslashes."""
    count = 0
    while pos - count - 1 >= 0 and src[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


class Dollars:
    """Finds the closing ``$`` of the formulas of one source; the end of the paragraph each
    formula stops at is searched once per paragraph, however many formulas it holds."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.paragraphs = NextMatch(src, _PARAGRAPH_END)

    def close(self, start: int, end: int, double: bool, *, strict: bool = False) -> int:
        """Index of the delimiter closing the ``$`` (or ``$$``) opened at ``start``, or -1.

        A formula does not run past the end of its paragraph; escaped ``\\$`` do not close it.
        With ``strict`` (Markdown), a single ``$`` closes only when no space precedes it and no
        digit follows it; when the next ``$`` cannot close, the opening one is a dollar sign
        (:data:`NOT_MATH`), so that prices such as "$5 or $10" are not formulas.
        """
        src = self.src
        delimiter = "$$" if double else "$"
        content = start + len(delimiter)
        limit = self.paragraphs.start(content, end)
        pos = src.find(delimiter, content, limit)
        while pos >= 0:
            after = src[pos + 1 : pos + 2]
            if (src[pos - 1] != "\\" or not _escaped(src, pos)) and (double or after != "$"):
                if double or not strict:
                    return pos
                if src[pos - 1].isspace() or after.isdigit():  # cannot close (Pandoc)
                    return NOT_MATH
                code = src.find("`", content, pos) >= 0  # a code span starts inside: code wins
                return NOT_MATH if code else pos
            pos = src.find(delimiter, pos + (2 if after == "$" else 1), limit)
        return -1
