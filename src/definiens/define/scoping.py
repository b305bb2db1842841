"""Meanings in scope: which part of a document an occurrence of an identifier reads its meaning in.

Documents reuse letters: ``E`` is an energy in one section and an elliptic curve in the next.
A meaning stated in a scope (a section or a theorem-like environment, ``Document.scopes``)
holds for the occurrences in that scope and its sub-scopes: an occurrence reads its meaning in
the innermost scope around it where the identifier is *stated* (a definitional pattern with
the identifier alone, :data:`Candidate.places`), else in the document as a whole. There the
candidates get the features of that scope (:data:`SCOPE_FEATURES`: how much of their evidence
lies inside it, whether they are stated inside it); in the document as a whole they are
ranked as before.

A text also reuses letters without a heading between ("at significance level $\\alpha$", two
paragraphs on "$y = \\alpha + \\beta x$, where $\\alpha$ is the intercept"). An identifier that
patterns state with meanings sharing no word reads, outside any scope stating it, the meaning
stated nearest (:mod:`.passages`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Any, TypeGuard

from definiens.define.candidate import Candidate
from definiens.define.feature_names import SCOPE_FEATURES
from definiens.define.passages import is_passage, passage_at, passages
from definiens.model import Document, Scope

__all__ = [
    "DOCUMENT",
    "SCOPE_FEATURES",
    "Readings",
    "ScopeIndex",
    "ScopedMatrix",
    "evidenced_in",
    "is_statement",
    "stated_within",
    "statement_first",
]

#: The scope index of the document as a whole.
DOCUMENT = -1

#: The patterns that define a symbol anew ("let $f$ now denote …").
_DEFINING = ("pat_let", "pat_denote", "pat_called")


class ScopeIndex:
    """The scopes of a document (sorted by start, outer first), as a tree, to find those
    around a text offset quickly."""

    def __init__(self, scopes: Sequence[Scope], covering: tuple[int, int] | None = None) -> None:
        """``covering``: the text span of every formula; a scope around all of it (a Markdown
        file's one ``# Title``) is the document itself, not a part with notation of its own.
        It is no reading scope (:attr:`everywhere`), nor is a proof inside its statement's scope
        (:attr:`nested_proofs`) unless it defines the identifier anew."""
        self.scopes = list(scopes)
        self.everywhere = {
            i
            for i, s in enumerate(self.scopes)
            if covering is not None and s.start <= covering[0] and covering[1] < s.end
        }
        self._starts = [s.start for s in self.scopes]
        self._parents: list[int] = []
        stack: list[int] = []
        for i, scope in enumerate(self.scopes):
            while stack and self.scopes[stack[-1]].end <= scope.start:
                stack.pop()
            self._parents.append(stack[-1] if stack else DOCUMENT)
            stack.append(i)
        # a proof inside its statement's scope reads the statement's notation with its own:
        # "Let $f$ be a finite morphism" holds in the proof beside what the proof states
        self.nested_proofs = {
            i
            for i, s in enumerate(self.scopes)
            if s.kind == "proof" and is_statement(self.scope_of(self._parents[i]))
        }

    def scope_of(self, index: int) -> Scope | None:
        """The scope numbered ``index`` (None for :data:`DOCUMENT`)."""
        return None if index == DOCUMENT else self.scopes[index]

    def around(self, offset: int) -> list[int]:
        """The indices of the scopes containing ``offset``, innermost first."""
        i = bisect.bisect_right(self._starts, offset) - 1
        found = []
        while i != DOCUMENT:
            if self.scopes[i].start <= offset < self.scopes[i].end:
                found.append(i)
            i = self._parents[i]
        return found

    def stated_in(self, candidates: Sequence[Candidate], defining: bool = False) -> set[int]:
        """The scopes in which one of ``candidates`` (of one identifier) is stated; with
        ``defining``, only by a candidate a "let", "denote" or "called" pattern states."""
        stated: set[int] = set()
        for c in candidates:
            if defining and not any(c.values.get(name) for name in _DEFINING):
                continue
            for offset, pattern in c.places:
                if pattern:
                    stated.update(self.around(offset))
        return stated

    def reading_scope(self, offset: int, stated: set[int], defined: set[int]) -> int:
        """Where an occurrence at ``offset`` reads its meaning: the innermost scope around it
        in which the identifier is stated, else :data:`DOCUMENT`; a proof inside its
        statement's scope only where it defines the identifier anew (``defined``: "let $f$ now
        denote the restriction")."""
        around = (
            i
            for i in self.around(offset)
            if i in stated
            and i not in self.everywhere
            and (i not in self.nested_proofs or i in defined)
        )
        return next(around, DOCUMENT)


def evidenced_in(
    scored: list[tuple[float, Candidate]], scope: Scope | None
) -> list[tuple[float, Candidate]]:
    """The ranking ``scored`` in a scope of the reader's without the meanings that have no
    evidence inside it (after the first): the E of a section on curves shows "elliptic curve",
    not also the kinetic energy of the section before. The document and passages keep all."""
    if scope is None or is_passage(scope) or not scored:
        return scored
    start, end = scope.start, scope.end
    inside = [pair for pair in scored[1:] if any(start <= at < end for at, _ in pair[1].places)]
    return [scored[0], *inside]


class Readings:
    """Where the occurrences of a document's identifiers read their meanings: in the innermost
    scope of the reader's (``scopes``) that states the identifier
    (:meth:`ScopeIndex.reading_scope`), else in the identifier's :func:`~.passages.passages`
    when it has them, else in the document. Scope indices run over the reader's scopes, then
    the passages made so far (:attr:`added`)."""

    def __init__(
        self, scopes: Sequence[Scope], length: int, covering: tuple[int, int] | None = None
    ) -> None:
        self.scopes = [s for s in scopes if not is_passage(s)]  # not those of an earlier run
        self.index = ScopeIndex(self.scopes, covering)
        self.length = length
        self.added: list[Scope] = []
        self._stated: dict[str, set[int]] = {}
        self._defined: dict[str, set[int]] = {}
        self._passages: dict[str, list[int]] = {}

    @classmethod
    def of(cls, document: Document) -> Readings:
        """The readings of ``document``: its scopes, a scope around all its formulas being the
        document itself (:class:`ScopeIndex`)."""
        starts = [f.text_start for f in document.formulas]
        covering = (min(starts), max(starts)) if starts else None
        return cls(document.scopes, len(document.text), covering)

    def scope(self, index: int) -> Scope | None:
        """The scope numbered ``index`` in :attr:`all` (None for :data:`DOCUMENT`)."""
        if index == DOCUMENT:
            return None
        count = len(self.scopes)
        return self.scopes[index] if index < count else self.added[index - count]

    def reading(self, identifier: str, candidates: Sequence[Candidate], offset: int) -> int:
        """The index of the scope an occurrence of ``identifier`` (with ``candidates``) at
        text offset ``offset`` reads its meaning in, :data:`DOCUMENT` for the document."""
        if identifier not in self._stated:
            self._stated[identifier] = self.index.stated_in(candidates)
            self._defined[identifier] = self.index.stated_in(candidates, defining=True)
        stated = self._stated[identifier]
        defined = self._defined[identifier]
        found = self.index.reading_scope(offset, stated, defined) if stated else DOCUMENT
        if found != DOCUMENT:
            return found
        if identifier not in self._passages:
            first = len(self.scopes) + len(self.added)
            made = passages(candidates, self.length, self._in_statement)
            self.added.extend(made)
            self._passages[identifier] = list(range(first, first + len(made)))
        indices = self._passages[identifier]
        at = passage_at([self.added[i - len(self.scopes)] for i in indices], offset)
        return indices[at] if at is not None else DOCUMENT

    def _in_statement(self, offset: int) -> bool:
        """Whether ``offset`` lies in a theorem-like environment (what it states holds there)."""
        return any(is_statement(self.scopes[i]) for i in self.index.around(offset))


def is_statement(scope: Scope | None) -> TypeGuard[Scope]:
    """A theorem-like environment (a lemma with its proof), not a section nor the document."""
    return scope is not None and scope.kind != "section" and not is_passage(scope)


def stated_within(candidates: Sequence[Candidate], scope: Scope) -> list[bool]:
    """Whether each of ``candidates`` is stated (a pattern with its identifier alone) inside
    ``scope``: :meth:`ScopedMatrix.stated` for candidates without a matrix."""
    return [
        any(stated and scope.start <= start < scope.end for start, stated in c.places)
        for c in candidates
    ]


def statement_first(
    scored: list[tuple[float, Candidate]], stated: Sequence[bool]
) -> list[tuple[float, Candidate]]:
    """The ranking in a theorem-like environment: the meanings stated there (``stated[i]`` for
    ``scored[i]``) come first. "Let $X$ be a proper curve over $k$" holds for every $X$ of the
    lemma and its proof, whatever $X$ means elsewhere in the chapter. The first of them takes
    the best score (the statement in scope outweighs the evidence across the document); a
    section, where the text around may still use the document's notation, is ranked by the
    scores alone (:func:`is_statement`)."""
    if not scored or stated[0] or not any(stated):
        return scored
    inside = [pair for pair, flag in zip(scored, stated, strict=True) if flag]
    rest = [pair for pair, flag in zip(scored, stated, strict=True) if not flag]
    return [(scored[0][0], inside[0][1]), *inside[1:], *rest]


class ScopedMatrix:
    """One identifier's candidates as rows of features ``names``, in the document as a whole
    or with the features of a scope (:data:`SCOPE_FEATURES`: there is one, the candidate's
    pairs inside it, their share of all pairs inside it, stated inside it), without copying a
    candidate: one array per identifier, a scope only changes the scope columns. The define
    stage ranks from it, and training learns from the same rows."""

    def __init__(self, candidates: Sequence[Candidate], names: Sequence[str]) -> None:
        import numpy as np

        names = list(names)
        self.base = np.asarray([c.vector(names) for c in candidates], dtype=float)
        self.base = self.base.reshape(len(candidates), len(names))
        self._columns = [names.index(f) if f in names else -1 for f in SCOPE_FEATURES]
        for column in self._columns:
            if column >= 0:
                self.base[:, column] = 0.0
        self._count = len(candidates)
        self._owner = np.asarray([i for i, c in enumerate(candidates) for _ in c.places], int)
        self._offset = np.asarray([p[0] for c in candidates for p in c.places], int)
        self._pattern = np.asarray([p[1] for c in candidates for p in c.places], bool)

    def rows(self, scope: Scope | None) -> Any:
        """The feature rows in ``scope`` (None: the document as a whole)."""
        import numpy as np

        if scope is None or not self._count:
            return self.base
        inside = self._inside(scope)
        counts = np.bincount(self._owner[inside], minlength=self._count)
        stated = self._stated(inside)
        total = int(counts.sum()) or 1
        log1p = [math.log1p(k) for k in range(int(counts.max()) + 1)]
        values = (
            np.ones(self._count),
            np.asarray([log1p[k] for k in counts.tolist()], dtype=float),
            counts / total,
            stated.astype(float),
        )
        rows = self.base.copy()
        for column, value in zip(self._columns, values, strict=True):
            if column >= 0:
                rows[:, column] = value
        return rows

    def stated(self, scope: Scope) -> Any:
        """Whether each candidate is stated inside ``scope`` (its ``scope_pattern``)."""
        return self._stated(self._inside(scope))

    def _inside(self, scope: Scope) -> Any:
        return (self._offset >= scope.start) & (self._offset < scope.end)

    def _stated(self, inside: Any) -> Any:
        import numpy as np

        return np.bincount(self._owner[inside & self._pattern], minlength=self._count) > 0
