"""The define stage: rank the candidate meanings of every identifier of a document.

:class:`Definer` holds the spaCy pipeline and the ranker (both loaded on first use) and is the
stage callable; :func:`define` is a module-level default instance. Only the sentences that
mention an identifier are parsed. ``method="mlp"`` ranks by the MLP baseline alone.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import re
from collections.abc import Sequence
from typing import Any

from definiens.define.build import build_candidates
from definiens.define.candidate import Candidate, stem_of
from definiens.define.context import Sentence, parse_many, parse_sentences
from definiens.define.feature_names import FEATURES
from definiens.define.mlp_baseline import THRESHOLD
from definiens.define.nlp import load_pipeline
from definiens.define.ordering import reorder
from definiens.define.ranker import RankerModel, Settings, choose, load_model
from definiens.define.scoping import (
    DOCUMENT,
    PASSAGE,
    PASSAGE_DEPTH,
    Readings,
    ScopedMatrix,
    evidenced_in,
    is_statement,
    own_reading,
    stated_within,
    statement_first,
)
from definiens.errors import ModelError, UsageError
from definiens.memory import collector_paused
from definiens.model import PLACEHOLDER_PREFIX, Definiens, Document, Formula, Scope

__all__ = ["Definer", "define", "warm_up"]

logger = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER_PREFIX}(\d+)\b")
_MLP_VARIANTS = {"phrase", "link_anchor", "link_target"}
METHODS = ("ranker", "mlp")


class Definer:
    """The define stage: ``Definer()(document)`` fills ``document.definitions``."""

    __name__ = "define"

    def __init__(
        self,
        model: RankerModel | None = None,
        nlp: Any = None,
        *,
        method: str = "ranker",
        mlp_top: int = 1,
        top: int | None = None,
        min_score: float | None = None,
    ) -> None:
        if method not in METHODS:
            raise UsageError(f"unknown ranking method {method!r}; use one of {', '.join(METHODS)}")
        if top is not None and top < 1:
            raise UsageError(f"top must be at least 1, not {top}")
        if min_score is not None and not 0.0 <= min_score <= 1.0:
            raise UsageError(f"min_score is a probability between 0 and 1, not {min_score}")
        self._model = model
        self._nlp = nlp
        self.method = method
        self.mlp_top = mlp_top
        self.top = top
        self.min_score = min_score

    @property
    def settings(self) -> Settings:
        """How many meanings to keep per identifier (``top``, else the model's) and above which
        probability (``min_score``, else the model's threshold)."""
        model = self.model
        return Settings(
            model.threshold if self.min_score is None else self.min_score,
            model.max_per_identifier if self.top is None else self.top,
            model.relative,
        )

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_pipeline()
        return self._nlp

    @property
    def model(self) -> RankerModel:
        if self._model is None:
            self._model = load_model()
            unknown = set(self._model.features) - set(FEATURES)
            if unknown:
                raise ModelError(
                    f"the ranker model uses unknown features {sorted(unknown)}; retrain it"
                )
        return self._model

    def candidates(self, document: Document) -> tuple[list[Sentence], dict[str, list[Candidate]]]:
        """The parsed sentences and every candidate meaning per identifier."""
        sentences = parse_sentences(document, self.nlp)
        return sentences, build_candidates(document, sentences)

    def rank(
        self,
        candidates: list[Candidate],
        rows: Any = None,
        scope: Scope | None = None,
        stated: Any = None,
    ) -> list[tuple[float, Candidate]]:
        """The candidates worth emitting, best first, with their scores; ``rows`` are their
        feature rows when already at hand (:class:`~.scoping.ScopedMatrix`), ``scope`` the
        scope they are ranked in (None: the document as a whole) and ``stated`` whether each
        is stated in it, when at hand (:meth:`~.scoping.ScopedMatrix.stated`)."""
        if self.method == "mlp":
            kept = [(c.values["mlp"], c) for c in candidates if c.variants & _MLP_VARIANTS]
            kept = [item for item in kept if item[0] >= THRESHOLD]
            kept.sort(key=lambda item: -item[0])
            return kept[: self.mlp_top]
        model = self.model
        if not candidates:
            return []
        matrix = [c.vector(model.features) for c in candidates] if rows is None else rows
        probabilities = model.probabilities(matrix)
        scores = probabilities.tolist()
        # best first; ties keep the candidates' order (a stable sort, as sorted() was)
        order = (-probabilities).argsort(kind="stable").tolist()
        scored = [(scores[i], candidates[i]) for i in order]
        if is_statement(scope):
            flags = stated_within(candidates, scope) if stated is None else stated
            scored = statement_first(scored, [bool(flags[i]) for i in order])
        scored = evidenced_in(reorder(scored), scope)
        # only what reaches the threshold can be chosen: the rest need not be sorted again
        threshold = self.settings.threshold
        return choose([pair for pair in scored if pair[0] >= threshold], self.settings, stem_of)

    def _top(self, items: list[Candidate], matrix: ScopedMatrix | None) -> list[Candidate]:
        """The first :data:`PASSAGE_DEPTH` candidates of the document's ranking (any score)."""
        if matrix is None:
            return items[:PASSAGE_DEPTH]
        probabilities = self.model.probabilities(matrix.rows(None))
        order = (-probabilities).argsort(kind="stable")[:PASSAGE_DEPTH].tolist()
        return [items[i] for i in order]

    def __call__(self, document: Document) -> Document:
        self._load()
        with collector_paused():  # see memory.collector_paused: spaCy's objects too
            _, candidates = self.candidates(document)
            return self._fill(document, candidates)

    def many(self, documents: Sequence[Document]) -> list[Document]:
        """The stage over several documents at once: their sentences are parsed in one stream."""
        documents = list(documents)
        self._load()
        with collector_paused():
            parsed = parse_many(documents, self.nlp)
            for document, sentences in zip(documents, parsed, strict=True):
                self._fill(document, build_candidates(document, sentences))
        return documents

    def _load(self) -> None:
        """Load the pipeline and the model now, not inside a paused collector: spaCy's loader
        switches the collector back on when it is done."""
        _ = self.nlp
        if self.method == "ranker":
            _ = self.model

    def _fill(self, document: Document, candidates: dict[str, list[Candidate]]) -> Document:
        """Rank each identifier's meanings in the document as a whole, and in every scope an
        occurrence of it reads its meaning in (:mod:`.scoping`)."""
        definitions: dict[str, list[Definiens]] = {}
        rows = {}
        if self.method == "ranker":  # one feature matrix per identifier, for every scope
            rows = {i: ScopedMatrix(items, self.model.features) for i, items in candidates.items()}
        for ident, items in candidates.items():
            matrix = rows.get(ident)
            chosen = self.rank(items, matrix.rows(None) if matrix else None)
            if chosen:
                definitions[ident] = [_definiens(document, score, c) for score, c in chosen]
        document.definitions = definitions
        document.scoped = self._scoped(document, candidates, rows)
        return document

    def _scoped(
        self,
        document: Document,
        candidates: dict[str, list[Candidate]],
        rows: dict[str, ScopedMatrix],
    ) -> dict[int, dict[str, list[Definiens]]]:
        """The meanings of every (scope, identifier) an occurrence reads its meaning in, and
        each formula identifier's ``scope``."""
        scoped: dict[int, dict[str, list[Definiens]]] = {}
        starts = [f.text_start for f in document.formulas]
        covering = (min(starts), max(starts)) if starts else None
        readings = Readings(document.scopes, len(document.text), covering)
        ranked: dict[tuple[int, str], list[Definiens]] = {}
        for formula in document.formulas:
            for identifier in formula.identifiers:
                items = candidates.get(identifier.tex)
                scope = (
                    readings.reading(identifier.tex, items, formula.text_start)
                    if items
                    else DOCUMENT
                )
                key = (scope, identifier.tex)
                where = readings.scope(scope)
                if where is not None and key not in ranked:
                    assert items is not None
                    matrix = rows.get(identifier.tex)
                    found_rows, flags = (
                        (matrix.rows(where), matrix.stated(where)) if matrix else (None, None)
                    )
                    shown = self.rank(items, found_rows, where, flags)
                    top = self._top(items, matrix) if where.kind == PASSAGE else ()
                    if not own_reading(shown[0][1] if shown else None, where, top) or (
                        where.kind == PASSAGE and _first_of(document, shown) is not None
                    ):
                        shown = []  # the document's meanings hold there
                    ranked[key] = [_definiens(document, score, c, scope) for score, c in shown]
                # with no meaning of its own in its scope, the document's meanings hold there
                identifier.scope = scope if ranked.get(key) else DOCUMENT
        document.scopes = [*readings.scopes, *(_sourced(document, p) for p in readings.added)]
        for (scope, tex), chosen in ranked.items():
            if chosen:
                scoped.setdefault(scope, {})[tex] = chosen
        return scoped


def _first_of(document: Document, shown: list[tuple[float, Candidate]]) -> Definiens | None:
    """The document's first meaning of the identifier, when ``shown`` starts with it too."""
    found = document.definitions.get(shown[0][1].identifier) if shown else None
    return found[0] if found and found[0].text == shown[0][1].form else None


def _sourced(document: Document, scope: Scope) -> Scope:
    """``scope`` with its span in the source."""
    start, end = document.offsets.span_to_source(scope.start, scope.end)
    return dataclasses.replace(scope, source_start=start, source_end=end)


def _formula(document: Document, index: int) -> Formula | None:
    """The formula numbered ``index``: at that position when the reader numbered them in order
    (they do), else found by search (not a dict per call: long pages have thousands)."""
    formulas = document.formulas
    if 0 <= index < len(formulas) and formulas[index].index == index:
        return formulas[index]
    return next((f for f in formulas if f.index == index), None)


def _show_formulas(document: Document, text: str) -> str:
    def tex(match: re.Match[str]) -> str:
        formula = _formula(document, int(match.group(1)))
        return f"${formula.tex}$" if formula is not None else match.group(0)

    return _PLACEHOLDER.sub(tex, text)


def _definiens(
    document: Document, score: float, candidate: Candidate, scope: int = DOCUMENT
) -> Definiens:
    sentence_text, start, end = "", -1, -1
    if candidate.best is not None:
        _, mention, sentence = candidate.best
        sentence_text = _show_formulas(document, sentence.text_of(document)).strip()
        start, end = document.offsets.span_to_source(mention.start, mention.end)
    return Definiens(
        identifier=candidate.identifier,
        text=candidate.form,
        score=round(score, 4),
        method=candidate.method,
        sentence=sentence_text,
        source_start=start,
        source_end=end,
        link_target=candidate.best[1].link_target if candidate.best is not None else None,
        scope=scope,
    )


class _DefaultDefine:
    """The define stage with the shipped ranker, loaded on first use: ``define(document)``, or
    ``define.many(documents)`` for several documents at once."""

    __name__ = "define"

    def __init__(self) -> None:
        self._definer: Definer | None = None

    @property
    def definer(self) -> Definer:
        if self._definer is None:
            self._definer = Definer()
        return self._definer

    def __call__(self, document: Document) -> Document:
        return self.definer(document)

    def many(self, documents: Sequence[Document]) -> list[Document]:
        return self.definer.many(documents)


define = _DefaultDefine()


def warm_up() -> bool:
    """Load the default define stage's spaCy pipeline and ranker now; whether that worked.

    For process pools: a forkserver that calls this before forking its workers loads the model
    once, and every worker starts with it (shared copy-on-write) instead of spending a second or
    more of CPU loading its own. A model that cannot be loaded is only logged here; the stage
    reports it, as a :class:`~definiens.errors.ModelError`, when it runs. The objects of the
    process at that point are frozen (:func:`gc.freeze`): never collected afterwards.
    """
    try:
        define.definer.nlp  # noqa: B018 - loading is the point
        define.definer.model  # noqa: B018
    except Exception as exc:  # a preload must never break the process that calls it
        logger.debug("the define stage could not be readied: %s", exc)
        return False
    # the model's objects live as long as the process: frozen, the cyclic garbage collector
    # no longer scans them at every full collection (about a tenth of the stage's CPU), and
    # forked workers do not copy their pages by touching them
    gc.collect()
    gc.freeze()
    return True
