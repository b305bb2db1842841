"""Labelled examples for training and evaluation: gold formulas with their page's candidates.

A :class:`GoldSet` is a gold file with the inputs holding its pages (a dump, files or folders).
Each gold formula becomes an :class:`Example`: the candidate meanings of each identifier of the
formula, as the define stage builds them on its page, and the group of the example (its page:
formulas of one page share their text, so cross-validation keeps them in one fold). A formula
names its page by ``source`` (the LaTeX sets: a file, matched by its path's end) or by title.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from definiens.define.candidate import Candidate
from definiens.define.scoping import Readings, ScopedMatrix
from definiens.define.stage import Definer
from definiens.evaluate.first_meaning import base_symbol
from definiens.evaluate.gold import (
    GoldFormula,
    load_gold,
    normalise_definiens,
    normalise_identifier,
)
from definiens.evaluate.matching import find_formula
from definiens.evaluate.queries import page_key, query_identifiers
from definiens.ingest import read_inputs
from definiens.model import Document, Scope
from definiens.pipeline import default_stages, run_stages

__all__ = [
    "Example",
    "GoldSet",
    "Pages",
    "accepted_for",
    "build_examples",
    "load_pages",
    "ordered_for",
]

logger = logging.getLogger(__name__)


@dataclass
class GoldSet:
    """A gold file, the inputs that hold its pages, and a short name for reports; ``indices``:
    whether the gold lists running indices read in subscripts as identifiers of their own
    (the annotated sets do, the NTCIR-11 gold does not:
    :func:`~definiens.evaluate.queries.query_identifiers`)."""

    name: str
    gold: list[GoldFormula]
    inputs: list[Path]
    indices: bool = True

    @classmethod
    def read(
        cls, name: str, gold: str | Path, inputs: Iterable[str | Path], indices: bool = True
    ) -> GoldSet:
        return cls(name, load_gold(gold), [Path(p) for p in inputs], indices)


@dataclass
class Example:
    """A gold formula with the candidate meanings of its identifiers on its page."""

    query: GoldFormula
    group: str
    set: str = ""
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    #: The scope each identifier reads its meaning in at this formula (absent: the document).
    scopes: dict[str, Scope] = field(default_factory=dict)

    def rows(self, identifier: str, names: Sequence[str]) -> Any:
        """The feature rows (``names``) of ``identifier``'s candidates in the scope it reads its
        meaning in at this formula, as the define stage ranks them there."""
        matrix = ScopedMatrix(self.candidates[identifier], names)
        return matrix.rows(self.scopes.get(identifier))

    def document_rows(self, identifier: str, names: Sequence[str]) -> Any:
        """The same rows in the document as a whole (what a passage falls back to)."""
        return ScopedMatrix(self.candidates[identifier], names).rows(None)

    def labels(self, identifier: str) -> list[int]:
        """1 for each candidate of ``identifier`` that the gold accepts, else 0."""
        accepted = accepted_for(self.query, identifier, list(self.candidates))
        return [int(normalise_definiens(c.form) in accepted) for c in self.candidates[identifier]]

    def preferred(self, identifier: str) -> list[int]:
        """1 for each candidate of ``identifier`` that matches the best accepted meaning any
        candidate matches (the gold lists them best first: "speed of light" before "speed"),
        else 0: what the ranker learns to put first."""
        items = self.candidates[identifier]
        forms = [normalise_definiens(c.form) for c in items]
        for accepted in ordered_for(self.query, identifier, list(self.candidates)):
            if any(form in accepted for form in forms):
                return [int(form in accepted) for form in forms]
        return [0] * len(items)


def ordered_for(query: GoldFormula, identifier: str, listed: Sequence[str]) -> list[set[str]]:
    """The accepted meanings of ``identifier`` in ``query``, best first (each the set of forms
    one gold item accepts); for an identifier the gold keys by another index convention (``g``
    for ``g_{j}``), those of the gold key with the same base symbol that no identifier of
    ``listed`` has (as first-meaning scoring reads them)."""
    key = normalise_identifier(identifier)
    if key in query.definitions:
        return query.definitions[key]
    have = {normalise_identifier(i) for i in listed}
    for gold_key in query.definitions:
        if gold_key not in have and base_symbol(gold_key) == base_symbol(key):
            return query.definitions[gold_key]
    return []


def accepted_for(query: GoldFormula, identifier: str, listed: Sequence[str]) -> set[str]:
    """Every accepted meaning of ``identifier`` in ``query`` (:func:`ordered_for`)."""
    return set().union(*ordered_for(query, identifier, listed))


class Pages:
    """Parsed and identified documents, found by title or by the end of their source path."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents = list(documents)
        self._by_title = {page_key(d.title): d for d in self.documents}
        self._by_source = {Path(d.source).as_posix(): d for d in self.documents}

    def find(self, query: GoldFormula) -> Document | None:
        if query.source:
            wanted = Path(query.source).as_posix()
            for source, document in self._by_source.items():
                if source.endswith(wanted) or wanted.endswith(source):
                    return document
        return self._by_title.get(page_key(query.title))


def load_pages(inputs: Sequence[str | Path], wanted: Iterable[GoldFormula] = ()) -> Pages:
    """Read ``inputs`` and run the stages before the definitions (parse, identify) on the pages
    the ``wanted`` formulas name (all pages when none is given)."""
    queries = list(wanted)
    titles = {page_key(q.title) for q in queries}
    sources = [Path(q.source).as_posix() for q in queries if q.source]
    stages = default_stages(definitions=False)
    documents = []
    for item in read_inputs([str(p) for p in inputs]):
        if not isinstance(item, Document):
            logger.warning("%s", item)
            continue
        source = Path(item.source).as_posix()
        named = page_key(item.title) in titles or any(source.endswith(s) for s in sources)
        if not queries or named:
            documents.append(run_stages(item, stages))
    return Pages(documents)


def _place(query: GoldFormula, document: Document) -> int:
    """The text offset of the query's formula on its page (-1 when it cannot be found)."""
    formula = find_formula(document, query.tex, int(query.fid) if query.fid.isdigit() else None)
    return formula.text_start if formula is not None else -1


def _reading_scope(items: list[Candidate], document: Document, place: int) -> Scope | None:
    """The scope an occurrence at ``place`` reads its meaning in (None: the document)."""
    if place < 0:
        return None
    readings = Readings.of(document)
    return readings.scope(readings.reading("", items, place))


def build_examples(sets: Sequence[GoldSet], definer: Definer) -> list[Example]:
    """One example per gold formula whose page is found; pages are grouped across sets by
    title (the NTCIR formulas and the annotated formulas of one page share a group)."""
    examples: list[Example] = []
    for gold_set in sets:
        pages = load_pages(gold_set.inputs, gold_set.gold)
        cache: dict[int, dict[str, list[Candidate]]] = {}
        missing = 0
        for query in gold_set.gold:
            document = pages.find(query)
            if document is None:
                missing += 1
                continue
            if id(document) not in cache:
                _, found = definer.candidates(document)
                cache[id(document)] = {normalise_identifier(k): v for k, v in found.items()}
            example = Example(query, page_key(document.title), gold_set.name)
            found = cache[id(document)]
            place = _place(query, document)
            for ident in query_identifiers(query, document, indices=gold_set.indices):
                items = found.get(normalise_identifier(ident), [])
                scope = _reading_scope(items, document, place)
                example.candidates[ident] = items
                if scope is not None:
                    example.scopes[ident] = scope
            examples.append(example)
        if missing:
            logger.warning("%s: %d gold formulas whose page was not found", gold_set.name, missing)
    return examples
