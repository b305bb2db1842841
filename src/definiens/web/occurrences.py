"""Find every place an identifier occurs in a formula's TeX, so the page can highlight each one.

The formulas stage gives each identifier in canonical TeX with the span of its first occurrence.
The page wraps every occurrence in ``\\htmlData{ident=N}{…}`` before KaTeX renders it, so this
module works on TeX *tokens* (``\\alpha`` is one token, so ``a`` never matches inside it), keeps
each match balanced in braces (a wrap never cuts a group in two), prefers the longest identifier
at each place (``x_i`` before ``x``) and never looks inside the argument of a text command
(``\\text{for all x}`` or ``\\operatorname{max}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from definiens.model import Formula

__all__ = ["Occurrence", "Token", "find_occurrences", "tokenize"]

_LINE_BREAK_SIZE = re.compile(r"\\\\\[[^\]]*\]")
_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.DOTALL)

# Commands whose next braced argument is words or a name, not mathematics with identifiers.
_OPAQUE = frozenset(
    {
        "\\text",
        "\\textrm",
        "\\textit",
        "\\textbf",
        "\\mbox",
        "\\operatorname",
        "\\operatorname*",
        "\\mathrm",
        "\\begin",
        "\\end",
        "\\label",
        "\\tag",
        "\\href",
        "\\url",
    }
)


@dataclass(frozen=True)
class Token:
    """A TeX token with its span in the formula."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of identifier ``identifier`` at ``[start, end)`` of the formula TeX."""

    identifier: str
    start: int
    end: int


def tokenize(tex: str) -> list[Token]:
    """The non-blank tokens of ``tex``: control words, control symbols and single characters."""
    return [
        Token(m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(tex)
        if not m.group().isspace()
    ]


def _balanced(texts: Sequence[str]) -> bool:
    depth = 0
    for text in texts:
        depth += (text == "{") - (text == "}")
        if depth < 0:
            return False
    return depth == 0


def _patterns(formula: Formula) -> list[tuple[tuple[str, ...], str]]:
    """Token sequences standing for each identifier: its first written span, its canonical TeX."""
    found: dict[tuple[str, ...], str] = {}
    for ident in formula.identifiers:
        sources = [ident.tex]
        if 0 <= ident.start < ident.end <= len(formula.tex):
            sources.insert(0, formula.tex[ident.start : ident.end])
        for source in sources:
            texts = tuple(t.text for t in tokenize(source))
            if texts and _balanced(texts) and texts not in found:
                found[texts] = ident.tex
    return sorted(found.items(), key=lambda item: -len(item[0]))


def _skip_group(tokens: Sequence[Token], i: int) -> int:
    """The index after the braced group starting at ``i`` (or after one token if not braced)."""
    if i >= len(tokens) or tokens[i].text != "{":
        return i + 1
    depth = 0
    for j in range(i, len(tokens)):
        depth += (tokens[j].text == "{") - (tokens[j].text == "}")
        if depth == 0:
            return j + 1
    return len(tokens)


def _skip_bracket(texts: Sequence[str], i: int) -> int:
    """The index after the ``[…]`` starting at ``i``."""
    for j in range(i, len(texts)):
        if texts[j] == "]":
            return j + 1
    return len(texts)


def _match_at(
    texts: Sequence[str], i: int, patterns: Sequence[tuple[tuple[str, ...], str]]
) -> tuple[int, str] | None:
    for pattern, identifier in patterns:
        n = len(pattern)
        if tuple(texts[i : i + n]) == pattern:
            return n, identifier
    return None


def _complete(tokens: Sequence[Token], n: int) -> bool:
    """Whether the first ``n`` tokens end where a group may end (not ``x_`` or ``\\mathbf``
    before its argument)."""
    last = tokens[n - 1].text
    if last in ("_", "^"):
        return False
    following = tokens[n].text if n < len(tokens) else ""
    return not (last.startswith("\\") and last[1:].isalpha() and following in ("{", "["))


def _balanced_prefix(tokens: Sequence[Token]) -> int:
    """How many leading tokens form the longest complete prefix balanced in braces."""
    depth, best = 0, 0
    for n, token in enumerate(tokens, 1):
        depth += (token.text == "{") - (token.text == "}")
        if depth < 0:
            break
        if depth == 0 and _complete(tokens, n):
            best = n
    return best


def _first_places(formula: Formula, found: list[Occurrence]) -> list[Occurrence]:
    """For identifiers found nowhere, the balanced head of their first written span.

    A first span that cuts a group (``R^{\\mu}}_{\\alpha}`` of ``{R^{\\mu}}_{\\alpha}``) or
    that lies inside a text command still gets a mark on its head (``R^{\\mu}``).
    """
    seen = {o.identifier for o in found}
    sizes = [m.span() for m in _LINE_BREAK_SIZE.finditer(formula.tex)]
    extra: list[Occurrence] = []
    for ident in formula.identifiers:
        if ident.tex in seen or not 0 <= ident.start < ident.end <= len(formula.tex):
            continue
        tokens = [
            Token(t.text, t.start + ident.start, t.end + ident.start)
            for t in tokenize(formula.tex[ident.start : ident.end])
        ]
        n = _balanced_prefix(tokens)
        if n == 0:
            continue
        place = Occurrence(ident.tex, tokens[0].start, tokens[n - 1].end)
        if any(start <= place.start < end for start, end in sizes):
            continue
        if all(place.end <= o.start or o.end <= place.start for o in found + extra):
            extra.append(place)
            seen.add(ident.tex)
    return extra


def find_occurrences(formula: Formula) -> list[Occurrence]:
    """Every non-overlapping occurrence of the formula's identifiers, left to right."""
    found = _scan(formula)
    found += _first_places(formula, found)
    return sorted(found, key=lambda o: o.start)


def _scan(formula: Formula) -> list[Occurrence]:
    patterns = _patterns(formula)
    if not patterns:
        return []
    tokens = tokenize(formula.tex)
    texts = [t.text for t in tokens]
    found: list[Occurrence] = []
    i = 0
    while i < len(tokens):
        match = _match_at(texts, i, patterns)
        if match is not None:
            n, identifier = match
            found.append(Occurrence(identifier, tokens[i].start, tokens[i + n - 1].end))
            i += n
        elif texts[i] in _OPAQUE:
            i = _skip_group(tokens, i + 1)
        elif texts[i] == "\\\\" and i + 1 < len(texts) and texts[i + 1] == "[":
            i = _skip_bracket(texts, i + 1)  # the size of a line break, \\[.5em]
        else:
            i += 1
    return found
