"""Formulas written inside a phrase: "an invertible $\\mathcal{O}_X$-module", "a locally
algebraic $k$-scheme", "the group of $m$-th roots of unity".

The mention finders keep a formula that a hyphen joins to the next word
(:func:`~definiens.define.mentions.glued`); in the text of a sentence it is a placeholder
(``FORMULA3``). :func:`with_formulas` writes each such formula as plain text, the way a reader
copies it ("invertible O_X-module"), or drops the forms of a phrase whose formula is more than a
symbol and a subscript (its other forms stay: "a $\\sigma$-algebra" is an algebra).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from definiens.define.mention import Mention
from definiens.model import PLACEHOLDER_PREFIX, Formula

__all__ = ["plain_formula", "with_formulas"]

_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}(\d+)")
_FONTS = re.compile(
    r"\\(?:mathcal|mathrm|mathbf|mathbb|mathit|mathsf|mathfrak|mathscr|boldsymbol|bm|"
    r"operatorname|textrm|text)(?![A-Za-z])\s*"
)
#: At most this many characters: a symbol with a subscript, not an expression.
_LONGEST = 8


def plain_formula(tex: str) -> str | None:
    """The formula as plain text ("\\\\mathcal{O}_{X}" -> "O_X"), or None when it holds more
    than letters, digits, scripts and primes."""
    text = _FONTS.sub("", tex.strip())
    text = "".join(text.replace("{", "").replace("}", "").split())
    if not text or len(text) > _LONGEST or not re.fullmatch(r"[A-Za-z0-9_^']+", text):
        return None
    return text


def with_formulas(mentions: Sequence[Mention], formulas: Mapping[int, Formula]) -> list[Mention]:
    """``mentions`` with the formulas inside their forms written as plain text; a form whose
    formula cannot be is dropped, and a mention left with no form."""
    found: list[Mention] = []
    for mention in mentions:
        if PLACEHOLDER_PREFIX not in mention.text:
            found.append(mention)
            continue
        variants = [
            (variant, text)
            for variant, form in mention.variants
            if (text := _written(form, formulas)) is not None
        ]
        text = _written(mention.text, formulas)
        if text is None and variants:  # "a $\\sigma$-algebra": "algebra" at least
            text = max((form for _, form in variants), key=len)
        if variants and text is not None:
            found.append(replace(mention, text=text, variants=variants))
    return found


def _written(text: str, formulas: Mapping[int, Formula]) -> str | None:
    """``text`` with each placeholder written as its formula's plain text, or None."""
    failed = False

    def plain(match: re.Match[str]) -> str:
        nonlocal failed
        formula = formulas.get(int(match.group(1)))
        written = plain_formula(formula.tex) if formula is not None else None
        failed = failed or written is None
        return written or ""

    result = _PLACEHOLDER.sub(plain, text)
    return None if failed else result
