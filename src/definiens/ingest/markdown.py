"""Markdown and plain text → text with formula placeholders: ``$…$`` and ``$$…$$``.

Code spans and fenced code blocks are kept as text (no math inside), ``\\$`` is a literal
dollar. An unbalanced ``$`` is reported with its line and kept as text.
"""

from __future__ import annotations

import re

from definiens.ingest.builder import TextBuilder, line_of
from definiens.ingest.dollars import NOT_MATH, close_dollar
from definiens.model import Document

__all__ = ["parse_markdown"]

_TOKEN = re.compile(
    r"(?P<fence>^[ \t]*(?:```|~~~))|(?P<code>`+)|(?P<escape>\\\$)|(?P<dollar>\$\$?)", re.M
)


def parse_markdown(document: Document) -> Document:
    """Fill the text, offsets and formulas of a Markdown or plain-text document."""
    src = document.source_text
    out = TextBuilder()
    pos, end = 0, len(src)
    while pos < end:
        match = _TOKEN.search(src, pos)
        if match is None:
            out.copy(src, pos, end)
            break
        out.copy(src, pos, match.start())
        kind = match.lastgroup
        if kind == "fence":
            pos = _skip_code(src, match, out, "\n" + match.group(0).strip())
        elif kind == "code":
            pos = _skip_code(src, match, out, match.group(0))
        elif kind == "escape":
            out.replace("$", match.start(), match.end())
            pos = match.end()
        else:
            pos = _dollar(document, out, match)
    return out.fill(document)


def _skip_code(src: str, match: re.Match[str], out: TextBuilder, closer: str) -> int:
    """Copy a code span or fenced block verbatim; an unclosed one is plain text."""
    close = src.find(closer, match.end())
    stop = match.end() if close < 0 else close + len(closer)
    out.copy(src, match.start(), stop)
    return stop


def _dollar(document: Document, out: TextBuilder, match: re.Match[str]) -> int:
    src = document.source_text
    start = match.start()
    double = match.group(0) == "$$"
    if not double and src[match.end() : match.end() + 1].isspace():
        out.copy(src, start, match.end())  # "costs $ 5": a dollar sign, not a formula
        return match.end()
    close = close_dollar(src, start, len(src), double, strict=True)
    if close == NOT_MATH:
        out.copy(src, start, match.end())
        return match.end()
    if close < 0:
        line = line_of(src, start)
        what = "$$" if double else "$"
        document.report("unbalanced-dollar", f"unbalanced {what}", f"line {line}")
        out.copy(src, start, match.end())
        return match.end()
    width = 2 if double else 1
    stop = close + width
    tex = src[start + width : close].strip()
    out.formula(tex, start, stop, display=double, kind="dollar")
    return stop
