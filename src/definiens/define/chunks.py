"""The noun chunks of a parsed sentence: spaCy's English chunker on the token lists, and the
noun phrases a misparse leaves out of it ("where $n$ is … and $k$ the Boltzmann constant",
"$h$ is Planck's constant", "the phase | constant $\\phi$" cut in two).
"""

from __future__ import annotations

from definiens.define.nlp import MENDED_VERBS
from definiens.define.words import Words, noun_chunks, placeholder_tokens

__all__ = ["Chunk", "sentence_chunks"]

Chunk = tuple[int, int]  # a noun chunk's token span [start, end)


def sentence_chunks(w: Words) -> list[Chunk]:
    """The noun chunks of the sentence, with those the parse leaves out, by start."""
    chunks = [_with_ordinal(w, _with_nouns_before(w, chunk)) for chunk in noun_chunks(w)]
    chunks = _with_nouns_after(w, chunks)
    for missed in (_with_roots, _after_symbols, _before_symbols, _possessed):
        chunks = sorted(chunks + missed(w, chunks))
    return _joined(w, chunks)


def _with_nouns_before(w: Words, chunk: Chunk) -> Chunk:
    """``chunk`` with the article and nouns right before it that the parse hung elsewhere
    ("defines the time | constant $\\tau$": "time" read as an adverbial noun of the verb)."""
    start, end = chunk
    first = _back_over(w, start, _NOUNS)
    if first == start or first == 0 or w.lower[first - 1] not in _ARTICLES:
        return chunk
    if not w.tag[start].startswith("NN"):
        return chunk
    return (first - 1, end)


def _with_nouns_after(w: Words, chunks: list[Chunk]) -> list[Chunk]:
    """``chunks`` each with the noun right after it whose plural verb tag :mod:`.nlp` mended
    (the parse still reads it as a verb: "the value of the population | mean under the null
    hypothesis"), when no chunk holds it."""
    mended = set(w.doc.user_data.get(MENDED_VERBS, ()))
    if not mended:
        return chunks
    covered = {t for start, end in chunks for t in range(start, end)}
    return [(start, end + 1 if end in mended - covered else end) for start, end in chunks]


_ORDINAL_ENDINGS = frozenset({"th", "st", "nd", "rd"})


def _with_ordinal(w: Words, chunk: Chunk) -> Chunk:
    """``chunk`` with the ordinal written with a letter before it that the parse leaves out
    ("the group of m-th roots of unity": the chunk "roots" becomes "m-th roots")."""
    start, end = chunk
    if start < 3 or w.lower[start - 1] not in _ORDINAL_ENDINGS or w.lower[start - 2] != "-":
        return chunk
    letter = start - 3
    if w.placeholder[letter] or (len(w.lower[letter]) == 1 and w.lower[letter].isalpha()):
        return (letter, end)
    return chunk


_ROOT_MODIFIERS = frozenset({"det", "compound", "amod", "nmod", "poss"})


def _with_roots(w: Words, chunks: list[Chunk]) -> list[Chunk]:
    """The noun phrase of a sentence whose root is a noun, which spaCy leaves out of its noun
    chunks ("..., and $k$ the Boltzmann constant.")."""
    found = []
    for root, dep in enumerate(w.dep):
        if dep != "ROOT" or w.pos[root] not in ("NOUN", "PROPN") or w.placeholder[root]:
            continue
        if any(start <= root < end for start, end in chunks):
            continue
        start = root
        while start > 0 and w.heads[start - 1] == root:
            if w.dep[start - 1] not in _ROOT_MODIFIERS or w.placeholder[start - 1]:
                break
            start -= 1
        found.append((start, root + 1))
    return found


_ARTICLES = frozenset({"the", "a", "an"})
_NOMINAL_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "HYPH"})


def _after_symbols(w: Words, chunks: list[Chunk]) -> list[Chunk]:
    """The noun phrase an article starts right after a symbol, when no chunk starts there nor
    ends with it except one cut at the symbol: a verb left out ("where $n$ is the amount of
    substance and $k$ the Boltzmann constant", "let $\\rho$ be the density and $g$ the
    acceleration due to gravity") often makes the parser hang it off the phrase before or off
    the verb."""
    starts = {start for start, _ in chunks}
    ends = {end: start for start, end in chunks}
    found = []
    for at in placeholder_tokens(w):
        start = at + 1
        if start >= len(w) or w.lower[start] not in _ARTICLES or start in starts:
            continue
        end = start + 1
        while end < len(w) and w.tag[end] in _NOMINAL_TAGS and not w.placeholder[end]:
            end += 1
        while end > start + 1 and not w.tag[end - 1].startswith("NN"):
            end -= 1
        if end > start + 1 and ends.get(end, -1) <= at:
            found.append((start, end))
    return found


def _before_symbols(w: Words, chunks: list[Chunk]) -> list[Chunk]:
    """The noun phrase an article starts right before a symbol, when the parse put none of it
    in a chunk ("the relation $\\tau = 1/k$ defines the time constant $\\tau$": "time" and
    "constant" hung off the verb as adverbial nouns)."""
    covered = {t for start, end in chunks for t in range(start, end)}
    found = []
    for at in placeholder_tokens(w):
        start = _back_over(w, at, _NOMINAL_TAGS)
        article = start - 1
        if start == at or article < 0 or w.lower[article] not in _ARTICLES:
            continue
        if w.tag[at - 1].startswith("NN") and not any(t in covered for t in range(article, at)):
            found.append((article, at))
    return found


_NOUNS = frozenset({"NN", "NNS"})


def _back_over(w: Words, at: int, tags: frozenset[str]) -> int:
    """The first of the words right before token ``at`` tagged with one of ``tags`` (none of
    them a symbol): ``at`` itself when there is none."""
    start = at
    while start > 0 and w.tag[start - 1] in tags and not w.placeholder[start - 1]:
        start -= 1
    return start


def _possessed(w: Words, chunks: list[Chunk]) -> list[Chunk]:
    """A name with a possessive that no chunk starts or ends with ("where $h$ is Planck's
    constant and $\\nu$ the frequency": "constant" hung off a symbol)."""
    starts = {start for start, _ in chunks}
    ends = {end for _, end in chunks}
    found = []
    for i, tag in enumerate(w.tag):
        noun = i + 1
        if tag != "POS" or noun >= len(w) or w.pos[noun] != "NOUN" or noun + 1 in ends:
            continue
        start = i
        while start > 0 and w.tag[start - 1] in ("NNP", "NNPS") and not w.placeholder[start - 1]:
            start -= 1
        if start < i and start not in starts:
            found.append((start, noun + 1))
    return found


def _joined(w: Words, chunks: list[Chunk]) -> list[Chunk]:
    """``chunks`` with two that touch made one, the first ending in a noun and the second
    starting with one: a misparse cut "the phase | constant $\\phi$" in two."""
    joined: list[Chunk] = []
    for start, end in chunks:
        if joined and joined[-1][1] == start and _nouns_meet(w, start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _nouns_meet(w: Words, start: int) -> bool:
    """A noun ends at ``start - 1`` and a noun or adjective begins at ``start``, neither of them
    a symbol."""
    if w.placeholder[start - 1] or w.placeholder[start]:
        return False
    previous, tag = w.tag[start - 1], w.tag[start]
    return previous.startswith("NN") and (tag.startswith("NN") or tag.startswith("JJ"))
