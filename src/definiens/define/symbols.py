"""Identifiers written in the plain text of a page, outside any formula.

Wikipedia and other sources often write a symbol as a plain letter: "where c is the speed of
light", "the inverse temperature, β, is defined as", "smooth sections α1, α2", "g: the
gravitational acceleration". Such a word is taken as a mention of an identifier only when the
document's formulas have that identifier, and only in a form that reads unambiguously as a symbol:
one Latin letter (not the words "a", "A" and "I"; ``ƒ`` is f), one Greek letter (Unicode),
either of them followed by digits (``α1`` is ``\\alpha_{1}``). Initials of names ("B. L. van
der Waerden"), units after a number ("10 m/s") and abbreviations ("e.g.") are not symbols.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from definiens.formulas.vocabulary import UNICODE

__all__ = ["Symbol", "find_symbols", "mark_symbols", "symbol_tokens", "text_forms"]

#: (start, end, identifier TeX) of one symbol in the text.
Symbol = tuple[int, int, str]

#: One-letter English words: never read as symbols.
_WORDS = frozenset({"a", "A", "I"})
_GREEK = {char: tex for char, tex in UNICODE.items() if char.isalpha() and tex[1:].isalpha()}
#: TeX names a writer renders with the same Unicode letter.
_VARIANTS = {
    "\\epsilon": "\\varepsilon", "\\phi": "\\varphi", "\\theta": "\\vartheta",
    "\\rho": "\\varrho", "\\pi": "\\varpi", "\\sigma": "\\varsigma",
}  # fmt: skip
_VARIANTS.update({v: k for k, v in _VARIANTS.items()})
_IDENTIFIER = re.compile(r"^(\\[A-Za-z]+|[A-Za-z])(?:_\{?([0-9]+)\}?)?$")
_BEFORE_INITIAL = re.compile(r"(?:\b[A-Z]\.|\b[A-Z][a-z]+,?)\s*$")
_AFTER_INITIAL = re.compile(r"^\.\s*(?:[A-Z]\.|[A-Z][a-z])")
_UNIT_BEFORE = re.compile(r"(?:\d\s?|/)$")


#: Latin letters a page may write with a typographic form of their own ("an integrable
#: function ƒ", the florin sign Wikipedia uses for f).
_LATIN_FORMS = {"f": "\u0192"}


def _letters(base: str) -> list[str]:
    if len(base) == 1:
        if base in _WORDS:
            return []
        return [base, _LATIN_FORMS[base]] if base in _LATIN_FORMS else [base]
    names = {base, _VARIANTS.get(base, base)}
    return [char for char, tex in _GREEK.items() if tex in names]


def text_forms(identifiers: Iterable[str]) -> dict[str, str]:
    """The plain-text forms of ``identifiers`` (canonical TeX) that read as symbols: form -> TeX.

    A bold or arrowed letter (``\\mathbf{v}``, ``\\vec{v}``) is written as its plain letter
    in text too ("where v is the velocity"), when the letter is not an identifier itself.
    """
    forms: dict[str, str] = {}
    styled = []
    for tex in sorted(identifiers):
        plain = _STYLED.sub(r"\1", tex)
        if plain != tex:
            styled.append((plain, tex))
            continue
        _add_forms(forms, tex, tex)
    for plain, tex in styled:
        _add_forms(forms, plain, tex)
    return forms


#: A letter in a style that keeps it the same letter in running text.
_STYLED = re.compile(r"^\\(?:mathbf|boldsymbol|bm|vec|mathit|mathrm|textbf|bf)\{([A-Za-z])\}")


def _add_forms(forms: dict[str, str], shape: str, tex: str) -> None:
    match = _IDENTIFIER.match(shape)
    if match is None:
        return
    base, digits = match.groups()
    for letter in _letters(base):
        forms.setdefault(letter + (digits or ""), tex)


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w'\u2019.\-/\\@&$])(?:{alternatives})(?![\w'\u2019\-/]|\.\w)")


def _is_symbol(text: str, start: int, end: int) -> bool:
    form = text[start:end]
    if form[0].isupper() and len(form) == 1:
        after = text[end : end + 4]
        if _AFTER_INITIAL.match(after) or (
            after.startswith(".") and _BEFORE_INITIAL.search(text[max(0, start - 20) : start])
        ):
            return False
    return not (form.isascii() and _UNIT_BEFORE.search(text[max(0, start - 2) : start]))


def find_symbols(text: str, forms: dict[str, str]) -> list[Symbol]:
    """Every plain-text symbol of ``text`` whose form is one of ``forms``, in order."""
    if not forms:
        return []
    found = []
    for match in _pattern(forms).finditer(text):
        if _is_symbol(text, match.start(), match.end()):
            found.append((match.start(), match.end(), forms[match.group(0)]))
    return found


_USER_DATA = "definiens_symbols"


def mark_symbols(doc: Any, offset: int, symbols: Iterable[Symbol]) -> None:
    """Record on a parsed sentence (``doc``, starting at ``offset`` of the text) which of its
    tokens are the plain-text ``symbols``."""
    marked: dict[int, str] = {}
    for start, end, tex in symbols:
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is not None and len(span) == 1:
            marked[span[0].i] = tex
    doc.user_data[_USER_DATA] = marked


def symbol_tokens(doc: Any) -> dict[int, str]:
    """The tokens of a parsed sentence that are plain-text symbols: token index -> TeX."""
    found: dict[int, str] = doc.user_data.get(_USER_DATA, {})
    return found
