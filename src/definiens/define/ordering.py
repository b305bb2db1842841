"""Rules that put a meaning first among those the ranker scored, as a reader would.

:func:`reorder` applies them, in the define stage and in the evaluation alike: a meaning the
text states before a guess from the kind of symbol (:func:`stated_before_guess`), one stated of
the identifier written alone before one stated of a formula made from it, "$s^2$"
(:func:`written_alone_first`), the whole term before its head noun, "speed of light" before
"speed" (:func:`whole_term_first`), and a singular before its plural (:func:`singular_first`).
"""

from __future__ import annotations

import re

from definiens.define.candidate import Candidate

__all__ = [
    "reorder",
    "singular_first",
    "stated_before_guess",
    "whole_term_first",
    "written_alone_first",
]

Scored = list[tuple[float, Candidate]]


def reorder(scored: Scored) -> Scored:
    """``scored`` (best first) in the order the define stage shows it."""
    return singular_first(whole_term_first(written_alone_first(stated_before_guess(scored))))


def singular_first(scored: Scored) -> Scored:
    """A meaning whose head noun is plural ("sections", the anchor of a link in "the smooth
    [[section]]s $\\alpha_1, \\alpha_2$"; "sections of the bundle") and its singular
    ("section"), when that is a meaning too, change places and scores: a symbol names one of
    them (the stage then leaves the plural out, as it leaves out any meaning whose singular it
    shows, :func:`.ranker.choose`)."""
    for k in range(len(scored) - 1):
        top = scored[k][1]
        if top.key == top.singular:
            continue  # singular already, or only the object is plural: "morphism of schemes"
        for i in range(k + 1, len(scored)):
            if scored[i][1].key == top.singular:
                scored = _swap(scored, i, k)
                break
    return scored


#: How close to a guess a stated meaning must score to go before it (a ratio of their
#: probabilities: chosen on grouped cross-validation of the labelled sets, where farther ones
#: are more often a misread sentence than a definition).
GUESS_RATIO = 0.4


def stated_before_guess(scored: Scored) -> Scored:
    """When a meaning is a guess from the kind of symbol ("integer" for $n$, no words of the
    text behind it) and a pattern of the text states a later one ("let $n$ denote the sample
    size") that scores at least :data:`GUESS_RATIO` of it, the stated one goes before it: the
    two change places and scores. Decided for the first meaning, then for the alternatives
    ("The map $f$ is the identity map": "map", then "identity map" before "function")."""
    for k in range(len(scored) - 1):
        if scored[k][1].variants:
            continue
        score = scored[k][0]
        for i in range(k + 1, len(scored)):
            lower, other = scored[i]
            if other.values.get("alone_pattern"):
                if lower >= GUESS_RATIO * score:
                    scored = _swap(scored, i, k)
                break
    return scored


def written_alone_first(scored: Scored) -> Scored:
    """When the best meaning is stated only of a formula the identifier is written in ("the
    sample variance is $s^2 = …$") and another is stated of the identifier written alone
    ("where $s$ denotes the sample standard deviation"), the two change places and scores
    (:attr:`Candidate.written_alone`)."""
    if not scored:
        return scored
    top = scored[0][1]
    if top.written_alone or not top.values.get("alone_pattern"):
        return scored
    for i, (_, other) in enumerate(scored[1:], start=1):
        if other.written_alone:
            return _swap(scored, i)
    return scored


def _swap(scored: Scored, i: int, k: int = 0) -> Scored:
    """``scored`` with its ``k``-th (the first by default) and ``i``-th candidates changing
    places and scores (the order of the scores stays descending)."""
    (score, top), (lower, other) = scored[k], scored[i]
    return [*scored[:k], (score, other), *scored[k + 1 : i], (lower, top), *scored[i + 1 :]]


#: What may join a term to its head noun ("due": "acceleration due to gravity").
_PREPOSITIONS = frozenset(
    {"of", "for", "in", "on", "at", "over", "with", "between", "under", "due"}
)


def whole_term_first(scored: Scored) -> Scored:
    """The whole term before its head noun: when the best meaning is stated for the identifier
    as part of a term ("$c$ is the speed of light": "speed"), the term comes first, with the
    same score (the same statement says both), and the head noun second."""
    if not scored:
        return scored
    score, top = scored[0]
    if not top.values.get("alone_pattern"):
        return scored
    head = _of_an_object(top.key)
    if head is not None:
        # "the 4-velocity of the particle": the meaning is "4-velocity", of that object
        for i, (_, short) in enumerate(scored[1:], start=1):
            if short.key == head:
                return [(score, short), scored[0], *scored[1:i], *scored[i + 1 :]]
        return scored
    for i, (_, longer) in enumerate(scored[1:], start=1):
        if _whole_term(longer, top):
            return [(score, longer), *scored[:i], *scored[i + 1 :]]
    return scored


_OBJECT = re.compile(
    r"^(?P<head>.+?) (?:of|in|on|at|for|over|under|between) "
    r"(?:the|a|an|this|that|its|their|our) \S"
)


def _of_an_object(key: str) -> str | None:
    """The head of "X of the Y", "X in the Y"… (a property of an object of the text, a thing
    placed in it: "region in the plane"), or None."""
    match = _OBJECT.match(key)
    return match.group("head") if match else None


def _whole_term(longer: Candidate, head: Candidate) -> bool:
    """``longer`` is a term made of ``head``: "speed of light" (stated alone, without an
    article, by the sentence that states "speed"; not "scheme of finite type" from another
    sentence over "scheme") or "number of particles" (the phrase the object "particles" ends,
    stated by the same sentence). A compound made of "a sample of size $n$" ("sample size") is
    only ranked: shown first it loses more than it gains on the labelled data ("a sequence of
    length $L$")."""
    if not longer.values.get("alone_pattern"):  # most candidates: decided before any string work
        return False
    if longer.stem.endswith(" of " + head.stem):
        # "the number of particles, written $N$": the statement is the whole phrase's (not
        # "a morphism of schemes" in one sentence and "a scheme" in another)
        return bool(_stated_at(longer) & _stated_at(head))
    if not (longer.values.get("term") and longer.key.startswith(head.key + " ")):
        return False
    rest = longer.key[len(head.key) :].split()
    return rest[0] in _PREPOSITIONS and bool(_stated_at(longer) & _stated_at(head))


def _stated_at(candidate: Candidate) -> set[int]:
    """The sentences (by start) where a pattern states ``candidate`` of its identifier."""
    return {start for start, stated in candidate.places if stated}
