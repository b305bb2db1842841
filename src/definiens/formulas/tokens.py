"""Step one: a flat token stream of a formula's TeX.

One compiled master expression cuts the TeX into control words (``\\alpha``), control symbols
(``\\,``), single letters, numbers, braces and single characters; whitespace and comments are
dropped, every token keeps its span in the input. A ``%`` starts a comment only when a line
break follows within the formula (LaTeX); otherwise it is a percent sign (Wikipedia's texvc).
Unicode letters that wiki-derived formulas may contain (``α``, ``ℝ``) become the TeX commands
they stand for, with their original span. The spans of the tokens and of the dropped
whitespace and comments tile the input.
"""

from __future__ import annotations

import re
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


def tokenize(tex: str) -> TokenStream:
    """Cut ``tex`` into tokens; whitespace and ``%`` comments are dropped."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    unicode = UNICODE
    for text in TOKEN_PATTERN.findall(tex):
        size = len(text)
        first = text[0]
        if not (first.isspace() or (first == "%" and size > 1)):
            if first > "\x7f" and first in unicode:
                text = unicode[first]
            texts.append(text)
            starts.append(pos)
            ends.append(pos + size)
        pos += size
    return TokenStream(texts, starts, ends)
