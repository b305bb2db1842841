"""Tokens of a document beyond its identifier–definiens pairs, for our namespace method.

Four blocks, each its own TF-IDF space (see :mod:`definiens.namespaces.embed`):

* ``names`` — the words of the document's title and of the terms it says it defines
  (PlanetMath ``\\pmdefines`` and ``\\pmsynonym``), with word bigrams;
* ``sentences`` — the words of the sentences the definiens were found in;
* ``formulas`` — the TeX commands of the document's formulas (``\\int``, ``\\mathbb``) and the
  letters set in a special font (``\\mathbb{Z}`` gives ``F:Z``);
* ``text`` — the words of the document's whole running text (formulas left out), when it could
  be read (see :mod:`definiens.namespaces.sources`).

Words are lower case, without stop words, crudely singular ("spaces" -> "space"); no parser is
needed. None of these reads a document's labels or where it is filed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise

from definiens.namespaces.data import DocumentPairs
from definiens.namespaces.features import STOP_WORDS

__all__ = [
    "STOP",
    "TEXT_BLOCKS",
    "body_tokens",
    "formula_tokens",
    "name_tokens",
    "sentence_tokens",
    "singular",
    "text_words",
]

_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_FONT = re.compile(
    r"\\(?:mathbb|mathcal|mathfrak|mathrm|mathbf|mathsf|mathscr|operatorname|text|mbox)"
    r"\s*\{?\s*([A-Za-z]+)"
)
_MORE_STOP = """let we if then there it not can also where has have denote denotes called define
defined given one two so us our when more than into between both only other same"""
STOP = STOP_WORDS | frozenset(_MORE_STOP.split())


def singular(word: str) -> str:
    """A word crudely made singular ("spaces" -> "space", "series" -> "sery")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def text_words(text: str) -> list[str]:
    """The content words of a text: lower case, at least three letters, no stop words,
    singular."""
    words = _WORD.findall(text.lower())
    return [singular(w) for w in words if len(w) > 2 and w not in STOP]


def _with_bigrams(words: list[str]) -> list[str]:
    return words + [f"{a}_{b}" for a, b in pairwise(words)]


def name_tokens(doc: DocumentPairs) -> list[str]:
    """Words and word bigrams of the title and of the defined terms."""
    return [token for name in doc.names for token in _with_bigrams(text_words(name))]


def sentence_tokens(doc: DocumentPairs) -> list[str]:
    """Words of the sentences the definiens came from."""
    return [word for sentence in doc.sentences for word in text_words(sentence)]


def _tex(formulas: Iterable[str]) -> list[str]:
    tokens: list[str] = []
    for tex in formulas:
        tokens.extend(_COMMAND.findall(tex))
        tokens.extend(f"F:{letters}" for letters in _FONT.findall(tex))
    return tokens


def formula_tokens(doc: DocumentPairs) -> list[str]:
    """TeX commands of the formulas and the letters set in special fonts."""
    return _tex(doc.formulas)


def body_tokens(doc: DocumentPairs) -> list[str]:
    """Words of the document's whole text."""
    return text_words(doc.text)


TEXT_BLOCKS: dict[str, Callable[[DocumentPairs], list[str]]] = {
    "names": name_tokens,
    "sentences": sentence_tokens,
    "formulas": formula_tokens,
    "text": body_tokens,
}
