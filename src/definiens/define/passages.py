"""Passages: where each of an identifier's meanings holds when a text states it twice.

A text reuses a letter without a heading between ("at significance level $\\alpha$", two
paragraphs before "where $\\alpha$ is the intercept"). When patterns state an identifier,
written by itself, with meanings that share no word, in different sentences outside any
theorem-like environment, :func:`passages` cuts the text halfway between the sentences that
state one meaning and the next, and each part is a scope of kind :data:`PASSAGE` (appended to
``Document.scopes`` after the reader's). An occurrence that no scope of the reader's states
reads its passage (:class:`~.scoping.Readings`); the passage's ranking holds there only under
:func:`passage_ranking`'s conditions, in the define stage and in evaluation alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from definiens.define.candidate import Candidate, meaning_words
from definiens.model import Scope

__all__ = [
    "PASSAGE",
    "PASSAGE_DEPTH",
    "is_passage",
    "passage_at",
    "passage_ranking",
    "passages",
]

#: The kind of a scope made by :func:`passages` (one identifier's, not the reader's).
PASSAGE = "passage"
#: The level of a passage: below any scope of the reader's (a LaTeX environment named
#: "passage" keeps its own level, and stays the reader's).
PASSAGE_LEVEL = 99
#: How far down the document's ranking the first meaning of a passage may stand.
PASSAGE_DEPTH = 3

Scored = list[tuple[float, Candidate]]


def is_passage(scope: Scope | None) -> bool:
    """A scope made by :func:`passages`."""
    return scope is not None and scope.kind == PASSAGE and scope.level == PASSAGE_LEVEL


def passages(
    candidates: Sequence[Candidate], length: int, local: Callable[[int], bool] | None = None
) -> list[Scope]:
    """Where each meaning stated of one identifier holds, when patterns state it in different
    sentences with meanings that share no word ("significance level", later "intercept"; not
    "energy", then "kinetic energy"): the text from 0 to ``length`` cut halfway between the end
    of the last sentence stating one meaning and the start of the first stating the next, a
    :data:`PASSAGE` scope per part (titled by the meaning first stated there). Statements for
    which ``local(sentence start)`` holds (inside a lemma: they hold there only) are left out.
    None when every statement agrees."""
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        for start, end in c.statements:
            if local is None or not local(start):
                by_sentence.setdefault((start, end), []).append(c)
    runs: list[tuple[int, int, frozenset[str], Candidate]] = []  # start, end, words, first
    for (start, end), stated in sorted(by_sentence.items()):
        words = frozenset().union(*(meaning_words(c.key) for c in stated))
        if runs and runs[-1][2] & words:
            runs[-1] = (runs[-1][0], end, runs[-1][2] | words, runs[-1][3])
        else:
            runs.append((start, end, words, stated[0]))
    if len(runs) < 2:
        return []
    cuts = [0, *((min(a[1], b[0]) + b[0] + 1) // 2 for a, b in itertools.pairwise(runs))]
    cuts.append(max(length, cuts[-1]))
    return [
        Scope(PASSAGE, f"the passage stating \u201c{run[3].form}\u201d", PASSAGE_LEVEL, a, b)
        for run, (a, b) in zip(runs, itertools.pairwise(cuts), strict=True)
    ]


def passage_at(parts: Sequence[Scope], offset: int) -> int | None:
    """The index in ``parts`` (:func:`passages`) of the one around ``offset``, if any."""
    return next((i for i, p in enumerate(parts) if p.start <= offset < p.end), None)


def _stated_here(candidate: Candidate, scope: Scope) -> bool:
    return any(scope.start <= start < scope.end for start, _ in candidate.statements)


def passage_ranking(
    in_passage: Scored, in_document: Scored, passage: Scope, threshold: float
) -> Scored | None:
    """The ranking that holds in ``passage``: ``in_passage`` (its candidates ranked with the
    passage's scope features) when its first meaning reaches ``threshold``, is stated there of
    the identifier by itself, is one of the first :data:`PASSAGE_DEPTH` of ``in_document`` and
    is another meaning than the document's first (neither it nor a variant sharing a word:
    "time" beside "stopping time"); else None, for the document's ranking."""
    if not in_passage or not in_document or in_passage[0][0] < threshold:
        return None
    first, top = in_passage[0][1], in_document[0][1]
    if first is top or not _stated_here(first, passage):
        return None
    if meaning_words(first.key) & meaning_words(top.key):
        return None
    return in_passage if any(first is c for _, c in in_document[:PASSAGE_DEPTH]) else None
