"""Pairing in a parsed sentence: where identifiers occur and how a mention relates to them.

An occurrence is a formula placeholder token (for each identifier of its formula) or a plain-text
symbol token; :func:`measure_pair` measures a (occurrence, mention) pair: token distance, direction,
definitional patterns between them, whether another formula stands between, and syntax links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from definiens.define.mentions import Mention
from definiens.define.patterns import match_patterns
from definiens.define.symbols import symbol_tokens
from definiens.model import PLACEHOLDER_PREFIX, Formula

__all__ = ["Occurrence", "Tokens", "measure_pair", "occurrences_in"]

#: A placeholder anywhere in a token: spaCy keeps "FORMULA7(FORMULA8" (W(r, k)) as one token.
_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}(\d+)")


@dataclass
class Occurrence:
    """An identifier at a token of a sentence; ``alone`` when nothing else is written with it."""

    identifier: str
    token: int
    alone: bool


def _is_alone(formula: Formula, tex: str) -> bool:
    return len(formula.identifiers) == 1 and len(formula.tex.strip()) <= len(tex) + 4


def occurrences_in(
    tokens: Tokens, formulas: dict[int, Formula], subjects: dict[int, str | None] | None = None
) -> list[Occurrence]:
    """The occurrences of a sentence: its plain-text symbols and its formulas' identifiers.

    An identifier that a formula's left-hand side names (``subjects``: formula index -> the
    identifier of :func:`definiens.formulas.subject`) counts as standing alone: "let
    $H \\subseteq G$ be a subgroup" defines ``H`` as "let $H$ be a subgroup" does.
    """
    subjects = subjects or {}
    found = [Occurrence(tex, at, True) for at, tex in tokens.symbols]
    for at, number in tokens.marks:
        formula = formulas.get(number)
        if formula is None:
            continue
        named = subjects.get(number)
        for ident in formula.identifiers:
            alone = ident.tex == named or _is_alone(formula, ident.tex)
            found.append(Occurrence(ident.tex, at, alone))
    return found


@dataclass
class Tokens:
    """Plain lists of a parsed sentence's tokens, for fast pairing."""

    lower: list[str]
    heads: list[int]
    placeholders: list[int]  # placeholders[i]: placeholder and symbol tokens before token i
    marks: list[tuple[int, int]]  # (token, formula number) of each placeholder token
    symbols: list[tuple[int, str]]  # (token, identifier) of each plain-text symbol

    @classmethod
    def of(cls, doc: Any) -> Tokens:
        import numpy as np

        heads = (doc.to_array("HEAD").astype(np.int64) + np.arange(len(doc))).tolist()
        lower: list[str] = []
        placeholders: list[int] = []
        marks: list[tuple[int, int]] = []
        symbols = symbol_tokens(doc)
        count = 0
        for token in doc:
            lower.append(token.lower_)
            placeholders.append(count)
            text = token.text
            numbers = _PLACEHOLDER.findall(text) if PLACEHOLDER_PREFIX in text else []
            marks.extend((token.i, int(number)) for number in numbers)
            count += bool(numbers) or token.i in symbols
        placeholders.append(count)
        return cls(lower, heads, placeholders, marks, sorted(symbols.items()))


_LONGEST_PATTERN = 6


def measure_pair(tokens: Tokens, occurrence: Occurrence, mention: Mention) -> dict[str, Any]:
    """Distance, direction, patterns and syntax flags of a mention seen from an occurrence."""
    at = occurrence.token
    after = mention.first > at
    lo, hi = (at + 1, mention.first) if after else (mention.last + 1, at)
    patterns: set[str] = set()
    if hi - lo <= _LONGEST_PATTERN:
        gap = tokens.lower[lo:hi] if hi > lo else []
        patterns = match_patterns(gap, after, tokens.lower[at - 1] if at > 0 else "")
        if mention.head_pos not in ("NOUN", "PROPN"):
            patterns -= {"appos_before", "comma_before"}
    head = mention.last
    blocked = hi > lo and tokens.placeholders[hi] > tokens.placeholders[lo]
    flags = {
        "nearest": not blocked,
        "dep_direct": tokens.heads[head] == at or tokens.heads[at] == head,
        "dep_sibling": tokens.heads[head] == tokens.heads[at] and head != at,
    }
    return {
        "distance": max(hi - lo + 1, 1),
        "after": after,
        "patterns": patterns,
        "flags": [name for name, value in flags.items() if value],
    }
