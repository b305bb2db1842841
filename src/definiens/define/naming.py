"""The phrase written right before a formula, read from the tags: "the sample mean $\\bar X_n$".

Prose names a symbol by the noun phrase just before it ("the angular frequency $\\omega$",
"every integer $i$", "with mean $\\mu$ and variance $\\sigma^2$"). spaCy's chunker misses some of
these when its tagger takes a noun before a formula for a verb ("the sample mean" read as
"the sample *means*") or an adjective ("mean"). This module reads them from the tags alone:
the nouns, adjectives and participles right before a formula placeholder (or a plain-text
symbol), the last of them a noun, a word the tagger took for a verb, or a word of a general
mathematical kind ("mean", "variance"). After "N1 of": a compound too ("a sample of size $n$"
gives "sample size", "a signal of length $N$" "signal length").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from definiens.define.concepts import is_concept, is_evaluative
from definiens.define.mentions import (
    Mention,
    is_junk,
    is_placeholder,
    phrase_variants,
    placeholder_tokens,
)
from definiens.define.nlp import lemma

__all__ = ["naming_mentions"]

_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MODIFIERS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBG", "VBN", "HYPH"})
_MISREAD = frozenset({"VB", "VBP"})  # a noun the tagger took for a verb ("mean")
_VERBS = frozenset({"be", "have", "do", "let", "denote", "define", "give", "take", "use", "get"})
_ARTICLES = frozenset({"DT", "PRP$", "IN", "CC", ",", "CD", "WDT"})
_LONGEST = 5
_NOUN_SUFFIX = re.compile(r"(?:ness|ity|tion|sion|ment|ence|ance|ship|ism)$")


def _head_ok(doc: Any, i: int) -> bool:
    token = doc[i]
    if is_evaluative(token.text) or not token.is_alpha or len(token.text) < 2:
        return False
    if token.tag_ in _NOUNS:
        return True
    before = doc[i - 1] if i > 0 else None
    if token.tag_ in _MISREAD:
        return (
            token.lower_ not in _VERBS
            and before is not None
            and before.tag_ in (_NOUNS | {"JJ", "DT"})
        )
    if token.tag_ not in ("JJ", "JJR"):
        return False
    # a noun the tagger took for an adjective ("of stiffness $k$"): its suffix says it
    return is_concept(token.text) or _NOUN_SUFFIX.search(token.lower_) is not None


def _span_before(doc: Any, at: int) -> tuple[int, int] | None:
    """The token span of the phrase right before token ``at``, or None."""
    head = at - 1
    if head < 0 or not _head_ok(doc, head):
        return None
    first = head
    while first - 1 >= 0 and head - first + 1 < _LONGEST:
        token = doc[first - 1]
        if token.tag_ not in _MODIFIERS or is_placeholder(token):
            break
        first -= 1
    while first < head and (doc[first].tag_ == "HYPH" or is_evaluative(doc[first].text)):
        first += 1
    return first, head


def _of_compound(doc: Any, first: int, head: int) -> str | None:
    """ "sample of size" before the symbol gives "sample size"."""
    noun = doc[first - 2] if first >= 2 else None
    if first == head and noun is not None and noun.tag_ in _NOUNS and doc[first - 1].lower_ == "of":
        return f"{lemma(noun)} {doc[head].lower_}"
    return None


def naming_mentions(doc: Any, offset: int, known: set[tuple[int, int]]) -> Iterator[Mention]:
    """The phrases right before each placeholder or symbol of a parsed sentence (starting at
    ``offset`` of ``Document.text``) that no mention of ``known`` token spans covers, and the
    compounds of the known ones ("sample of size": "sample size")."""
    for i in placeholder_tokens(doc):
        span = _span_before(doc, i)
        if span is None:
            continue
        first, head = span
        tokens = list(doc[first : head + 1])
        if is_junk(tokens):  # "for example $x$"
            continue
        compound = _of_compound(doc, first, head)
        variants = [] if span in known else phrase_variants(tokens)
        if compound is not None:
            variants.append(("of_compound", compound))
        if not variants:
            continue
        before = doc[first - 1] if first > 0 else None
        yield Mention(
            text=" ".join(t.text for t in tokens),
            first=first,
            last=head,
            start=offset + doc[first].idx,
            end=offset + doc[head].idx + len(doc[head].text),
            head_lemma=lemma(doc[head]),
            determiner=before.lower_ if before is not None and before.tag_ == "DT" else "",
            method="naming",
            variants=variants,
        )
