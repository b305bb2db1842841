"""The phrase written right before a formula, read from the tags: "the sample mean $\\bar X_n$".

Prose names a symbol by the noun phrase just before it ("the angular frequency $\\omega$",
"every integer $i$", "with mean $\\mu$ and variance $\\sigma^2$"). spaCy's chunker misses some of
these when its tagger takes a noun before a formula for a verb ("the sample mean" read as
"the sample *means*") or an adjective ("mean"). This module reads them from the tags alone:
the nouns, adjectives and participles right before a formula placeholder (or a plain-text
symbol), the last of them a noun, a word the tagger took for a verb, or a word of a general
mathematical kind ("mean", "variance"), also with "is" between them ("the sample mean is
$\bar x = …$"). After "N1 of": a compound too ("a sample of size $n$"
gives "sample size", "a signal of length $N$" "signal length").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from definiens.define.concepts import ATTRIBUTE_NOUNS, NO_START, is_concept, is_evaluative
from definiens.define.junk import is_junk
from definiens.define.mention import Mention, mention_of
from definiens.define.mentions import phrase_variants
from definiens.define.words import Words, placeholder_tokens

__all__ = ["naming_mentions"]

_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MODIFIERS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBG", "VBN", "HYPH"})
_MISREAD = frozenset({"VB", "VBP"})  # a noun the tagger took for a verb ("mean")
_VERBS = frozenset({"be", "have", "do", "let", "denote", "define", "give", "take", "use", "get"})
_ARTICLES = frozenset({"DT", "PRP$", "IN", "CC", ",", "CD", "WDT"})
_LONGEST = 5
#: "The sample mean is $\bar x = …$": the phrase before the verb names the formula after it.
_COPULAS = frozenset({"is", "are"})
_NOUN_SUFFIX = re.compile(r"(?:ness|ity|tion|sion|ment|ence|ance|ship|ism)$")
_BEFORE_MISREAD = _NOUNS | {"JJ", "DT"}


def _head_ok(w: Words, i: int) -> bool:
    text, tag = w.text[i], w.tag[i]
    if is_evaluative(text) or not text.isalpha() or len(text) < 2:
        return False
    if tag in _NOUNS:
        return True
    if tag in _MISREAD:
        return w.lower[i] not in _VERBS and i > 0 and w.tag[i - 1] in _BEFORE_MISREAD
    if tag not in ("JJ", "JJR", "VBN"):
        return False
    # a noun the tagger took for an adjective or a participle ("of stiffness $k$", "a set
    # $V$"): its suffix or its kind says it
    return is_concept(text) or _NOUN_SUFFIX.search(w.lower[i]) is not None


def _span_before(w: Words, at: int) -> tuple[int, int] | None:
    """The token span of the phrase right before token ``at``, or None."""
    head = at - 1
    if head < 0 or not _head_ok(w, head):
        return None
    first = head
    while first - 1 >= 0 and head - first + 1 < _LONGEST:
        if w.tag[first - 1] not in _MODIFIERS or w.placeholder[first - 1]:
            break
        first -= 1
    while first < head and (
        w.tag[first] == "HYPH" or is_evaluative(w.text[first]) or w.lower[first] in NO_START
    ):
        first += 1
    return first, head


def _of_compound(w: Words, first: int, head: int) -> str | None:
    """ "sample of size" before the symbol gives "sample size"."""
    if first != head or first < 2 or w.lower[first - 1] != "of":
        return None
    if w.tag[first - 2] in _NOUNS and not w.placeholder[first - 2]:  # not "$A$ of size"
        return f"{w.lemma(first - 2)} {w.lower[head]}"
    return None


#: Tags of the words of a bare noun phrase after "of" ("of real numbers", "of edges").
_BARE = frozenset({"NN", "NNS", "JJ", "VBN", "HYPH"})


def _of_after(w: Words, at: int) -> tuple[str, int] | None:
    """The bare noun phrase after "of" right after the symbol at token ``at``, and its last
    token: "a set $V$ of vertices" is a set of vertices, "a maximum number $N$ of steps" a
    maximum number of steps; not an attribute ("a polynomial $p$ of degree at most $n$" is a
    polynomial)."""
    if at + 2 >= len(w) or w.lower[at + 1] != "of":
        return None
    end = at + 2
    while end < len(w) and end - at - 2 < 3 and w.tag[end] in _BARE and not w.placeholder[end]:
        end += 1
    if end == at + 2 or w.tag[end - 1] not in ("NN", "NNS") or w.lower[end - 1] in ATTRIBUTE_NOUNS:
        return None
    if end < len(w) and (w.placeholder[end] or w.tag[end] in _NOUNS):
        return None
    return " ".join(w.text[at + 2 : end]), end - 1


def naming_mentions(w: Words, offset: int, known: set[tuple[int, int]]) -> Iterator[Mention]:
    """The phrases right before each placeholder or symbol of a parsed sentence (its
    :class:`Words`, starting at ``offset`` of ``Document.text``) that no mention of ``known``
    token spans covers, and the compounds of the known ones ("sample of size": "sample
    size")."""
    for i in placeholder_tokens(w):
        span = _span_before(w, i)
        if span is None and i >= 2 and w.lower[i - 1] in _COPULAS:
            span = _span_before(w, i - 1)  # "the sample mean is $\bar x = ...$"
        if span is None:
            continue
        first, head = span
        tokens = list(range(first, head + 1))
        if is_junk(w, tokens):  # "for example $x$"
            continue
        compound = _of_compound(w, first, head)
        variants = [] if span in known else phrase_variants(w, tokens)
        if compound is not None:
            variants.append(("of_compound", compound))
        text = " ".join(w.text[t] for t in tokens)
        if variants:
            yield _naming(w, offset, first, head, text, variants)
        of_what = _of_after(w, i) if i == head + 1 else None
        if of_what is not None:  # a term: shown before its head phrase (ordering.whole_term_first)
            words, end = of_what
            longer = f"{text} of {words}"
            term = _naming(w, offset, first, head, longer, [("phrase", longer)])
            term.bare = True
            term.end = offset + w.idx[end] + len(w.text[end])  # its text: "set … of vertices"
            yield term


def _naming(
    w: Words, offset: int, first: int, head: int, text: str, variants: list[tuple[str, str]]
) -> Mention:
    before = first - 1
    determiner = w.lower[before] if before >= 0 and w.tag[before] == "DT" else ""
    return mention_of(
        w, offset, (first, head), head, text,
        determiner=determiner, method="naming", variants=variants,
    )  # fmt: skip
