"""Step one: a flat token stream of a formula's TeX.

One compiled master expression cuts the TeX into control words (``\\alpha``), control symbols
(``\\,``), single letters, numbers, braces and single characters; whitespace and comments are
dropped, every token keeps its span in the input. A ``%`` starts a comment only when a line
break follows within the formula (LaTeX); otherwise it is a percent sign (Wikipedia's texvc).
Unicode letters that wiki-derived formulas may contain (``α``, ``ℝ``) become the TeX commands
they stand for, with their original span. Unicode subscripts and superscripts become scripts:
``E₀`` is read ``E_{0}`` and ``x²`` ``x^{2}`` (the ``_``, ``{`` and ``}`` added are empty spans
at the edges of the run). The spans of the tokens and of the dropped whitespace and comments
tile the input.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from definiens.formulas.vocabulary import UNICODE

__all__ = ["TOKEN_PATTERN", "TokenStream", "tokenize"]

TOKEN_PATTERN = re.compile(
    r"""\\[A-Za-z]+      # control word
    | \\.                # control symbol (any character, newline included)
    | \\\Z               # a lone backslash at the very end
    | [0-9]+(?:\.[0-9]+)?  # number
    | \s+                # whitespace (dropped)
    | %[^\n]*\n          # comment to the end of a line (dropped); a % at the end is a percent
    | .                  # any single character: letter, brace, operator
    """,
    re.VERBOSE | re.DOTALL,
)


class TokenStream(NamedTuple):
    """Tokens of a formula with their spans in the input (``end`` exclusive)."""

    texts: list[str]
    starts: list[int]
    ends: list[int]


@functools.lru_cache(maxsize=1024)
def script_character(char: str) -> tuple[str, str] | None:
    """``("_", "0")`` for ``₀``, ``("^", "2")`` for ``²``, ``("^", "T")`` for ``ᵀ``: the script a
    Unicode subscript or superscript character stands for, or None."""
    tag, _, code = unicodedata.decomposition(char).partition(" ")
    name = unicodedata.name(char, "")
    if tag not in ("<sub>", "<super>") or not any(
        word in name for word in ("SUBSCRIPT", "SUPERSCRIPT", "MODIFIER LETTER")
    ):
        return None
    base = chr(int(code, 16)) if code and " " not in code else ""
    if not base:
        return None
    base = "-" if base == "\u2212" else UNICODE.get(base, base)
    return ("_" if tag == "<sub>" else "^"), base


def tokenize(tex: str) -> TokenStream:
    """Cut ``tex`` into tokens; whitespace and ``%`` comments are dropped."""
    if not tex.isascii():
        return _tokenize_unicode(tex)
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for text in TOKEN_PATTERN.findall(tex):
        size = len(text)
        first = text[0]
        if not (first.isspace() or (first == "%" and size > 1)):
            texts.append(text)
            starts.append(pos)
            ends.append(pos + size)
        pos += size
    return TokenStream(texts, starts, ends)


def _tokenize_unicode(tex: str) -> TokenStream:
    """:func:`tokenize` for TeX with Unicode letters, symbols or scripts."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    unicode = UNICODE
    script = ""  # the kind of the Unicode script run open ("_" or "^"), if any
    for text in TOKEN_PATTERN.findall(tex):
        size = len(text)
        first = text[0]
        found = script_character(first) if first > "\x7f" and size == 1 else None
        if script and (found is None or found[0] != script):
            texts.append("}")  # the run of Unicode scripts ends here
            starts.append(pos)
            ends.append(pos)
            script = ""
        if found is not None:
            if not script:
                script = found[0]
                texts.extend((script, "{"))
                starts.extend((pos, pos))
                ends.extend((pos, pos))
            texts.append(found[1])
            starts.append(pos)
            ends.append(pos + 1)
        elif not (first.isspace() or (first == "%" and size > 1)):
            if first > "\x7f" and first in unicode:
                text = unicode[first]
            texts.append(text)
            starts.append(pos)
            ends.append(pos + size)
        pos += size
    if script:
        texts.append("}")
        starts.append(pos)
        ends.append(pos)
    return TokenStream(texts, starts, ends)
