"""A symbol before a plural noun counts it: "$N$ particles" gives "number of particles", "$k$
degrees of freedom" "number of degrees of freedom"."""

from __future__ import annotations

from collections.abc import Iterator

from definiens.define.mention import Mention, mention_of
from definiens.define.words import Words

__all__ = ["count_mentions"]

#: Words before a symbol that make it an object or a modifier, not the subject of a clause.
_COUNT_BEFORE = frozenset({"VERB", "AUX", "ADP", "DET", "ADJ", "NUM"})
#: Verbs of mathematical prose that spaCy's tagger takes for plural nouns after a symbol
#: ("as n increases", "f satisfies", "2 times"): never counted.
_VERB_WORDS = """
holds satisfies converges diverges increases decreases approaches coincides spans forces
accounts times tends equals denotes represents means contains exists belongs varies depends
lies gives becomes remains vanishes commutes acts maps sends defines yields implies
oscillates moves rotates travels falls grows decays changes runs
"""
_VERBS = frozenset(_VERB_WORDS.split())


#: Words between the counts of a list: "with $n$ vertices, $m$ edges and $f$ faces".
_LISTING = frozenset({",", "and", "or"})


def _counted(w: Words, i: int, listing: bool = False) -> int | None:
    """The plural noun the symbol at token ``i`` counts ("considers N particles", "the
    highest x bits"), or None; a symbol that begins a clause is its subject ("where f
    satisfies the ..."), unless ``listing``: it follows a count by a comma or "and"."""
    following = i + 1
    if w.tag[following] not in ("NNS", "NNPS") or not w.text[following].isalpha():
        return None
    if w.lower[following] in _VERBS or i == 0:
        return None
    if w.pos[i - 1] not in _COUNT_BEFORE and not (listing and w.lower[i - 1] in _LISTING):
        return None
    after = following + 1
    if after < len(w) and w.pos[after] in ("DET", "PRON"):
        return None
    return following if w.placeholder[i] else None


def count_mentions(w: Words, offset: int) -> Iterator[Mention]:
    """A symbol before a plural noun counts it: "N particles" gives "number of particles"."""
    counted_until = -1  # the last token of the count before, for a list of counts
    for i in range(len(w) - 1):
        listing = counted_until >= 0 and i - counted_until <= 2  # "$n$ vertices, $m$ edges"
        following = _counted(w, i, listing)
        if following is not None:
            last = _counted_term_end(w, following)
            counted_until = last
            words = [w.lower[following], *(["of", w.lower[last]] if last > following else [])]
            text = " ".join(w.text[t] for t in range(following, last + 1))
            count = [("count", "number of " + " ".join(words))]
            yield mention_of(
                w, offset, (following, last), following, text,
                method="count", variants=count, head=following,
            )  # fmt: skip


def _counted_term_end(w: Words, counted: int) -> int:
    """The last token of the term a symbol counts: "$k$ degrees of freedom" counts "degrees
    of freedom" (a bare noun after "of" makes one term with it); "$N$ particles of mass $m$",
    "$n$ rows of the matrix" count "particles" and "rows"."""
    noun = counted + 2
    if noun >= len(w) or w.lower[counted + 1] != "of" or w.tag[noun] not in ("NN", "NNS"):
        return counted
    if not w.text[noun].isalpha() or w.placeholder[noun]:
        return counted
    after = noun + 1
    if after < len(w) and (w.placeholder[after] or w.tag[after] in ("NN", "NNS", "NNP", "HYPH")):
        return counted
    return noun
