"""Document vectors from identifier–definiens pairs.

Two ways of turning a pair into tokens, after Grigorev (2015, §3.3):

* **weak association** — the identifier and the definiens' words are separate tokens
  (``id:E``, ``w:energy``): the thesis's best choice and our baseline;
* **strong association** — the pair is one token (``E=energy``); we also add the definiens'
  *head* (``E=space`` for "Hilbert space") so that pairs that differ only by modifiers meet.

Every token list becomes a TF-IDF vector (sublinear term frequency, L2 norm).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from definiens.namespaces.data import DocumentPairs, Pair

__all__ = [
    "STOP_WORDS",
    "definiens_head",
    "definiens_words",
    "ours_tokens",
    "strong_tokens",
    "tfidf",
    "weak_tokens",
]

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "be",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "each",
        "every",
        "all",
        "which",
        "such",
    }
)
_STOP = STOP_WORDS
_BREAK = frozenset({"of", "in", "on", "for", "with", "from", "over", "at", "by", "to"})


def definiens_words(text: str) -> list[str]:
    """The content words of a definiens, lower case, without stop words."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def definiens_head(text: str) -> str:
    """The head noun of a definiens phrase, roughly: the last word before a preposition
    ("number of elements" -> "number", "Hilbert space" -> "space")."""
    words = _WORD.findall(text.lower())
    for i, word in enumerate(words):
        if word in _BREAK and i > 0:
            words = words[:i]
            break
    words = [w for w in words if w not in _STOP]
    return words[-1] if words else ""


def _normal(text: str) -> str:
    return " ".join(definiens_words(text))


def weak_tokens(pairs: Sequence[Pair]) -> list[str]:
    """Weak association: the identifier token and each word of the definiens (pairs only: an
    identifier used without a definiens is left out, as in the thesis)."""
    tokens: list[str] = []
    for pair in pairs:
        if not pair.definiens:
            continue
        tokens.append(f"id:{pair.identifier}")
        tokens.extend(f"w:{word}" for word in definiens_words(pair.definiens))
    return tokens


def strong_tokens(pairs: Sequence[Pair]) -> list[str]:
    """Strong association: one token per pair (identifier and normalised definiens)."""
    return [f"{pair.identifier}={_normal(pair.definiens)}" for pair in pairs if pair.definiens]


def ours_tokens(pairs: Sequence[Pair]) -> list[str]:
    """Our vectorisation: weak tokens, strong tokens, identifier=head tokens, and a token for
    every identifier the document uses without a definiens (its notation)."""
    tokens = weak_tokens(pairs) + strong_tokens(pairs)
    tokens.extend(f"id:{pair.identifier}" for pair in pairs if not pair.definiens)
    for pair in pairs:
        head = definiens_head(pair.definiens)
        if head:
            tokens.append(f"{pair.identifier}^{head}")
    return tokens


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def tfidf(documents: Sequence[DocumentPairs], tokens_of: object, *, min_df: int = 2) -> csr_matrix:
    """The TF-IDF matrix of the documents, one row each, with ``tokens_of(pairs)`` as tokens.

    Tokens found in fewer than ``min_df`` documents are dropped (they cannot link documents);
    if that leaves nothing (a tiny corpus), every token is kept.
    """
    assert callable(tokens_of)
    docs = [tokens_of(doc.pairs) for doc in documents]
    for floor in (min_df, 1):
        vectorizer = TfidfVectorizer(
            analyzer=_identity, sublinear_tf=True, min_df=min(floor, len(docs))
        )
        try:
            return csr_matrix(vectorizer.fit_transform(docs))
        except ValueError:
            continue
    return csr_matrix((len(docs), 1))
