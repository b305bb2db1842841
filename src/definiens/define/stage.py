"""The define stage: rank the candidate meanings of every identifier of a document.

:class:`Definer` holds the spaCy pipeline and the ranker (both loaded on first use) and is the
stage callable; :func:`define` is a module-level default instance. Only the sentences that
mention an identifier are parsed. ``method="mlp"`` ranks by the MLP baseline alone.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from definiens.define.build import build_candidates
from definiens.define.candidate import Candidate, stem_of
from definiens.define.context import Sentence, parse_many, parse_sentences
from definiens.define.feature_names import FEATURES
from definiens.define.mlp_baseline import THRESHOLD
from definiens.define.nlp import load_pipeline
from definiens.define.ordering import reorder
from definiens.define.passages import is_passage, passage_ranking
from definiens.define.ranker import RankerModel, Settings, choose, load_model
from definiens.define.scoping import (
    DOCUMENT,
    Readings,
    ScopedMatrix,
    evidenced_in,
    is_statement,
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
        return self._choose(self.ordered(candidates, rows, scope, stated))

    def ordered(
        self,
        candidates: list[Candidate],
        rows: Any = None,
        scope: Scope | None = None,
        stated: Any = None,
    ) -> list[tuple[float, Candidate]]:
        """Every candidate with the ranker's score, in the order the stage shows them (any
        score; :meth:`rank` keeps those worth emitting)."""
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
        return evidenced_in(reorder(scored), scope)

    def _choose(self, scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
        # only what reaches the threshold can be chosen: the rest need not be sorted again
        threshold = self.settings.threshold
        return choose([pair for pair in scored if pair[0] >= threshold], self.settings, stem_of)

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
        rows: dict[str, ScopedMatrix] = {}
        whole: dict[str, list[tuple[float, Candidate]]] = {}
        if self.method == "ranker":  # one feature matrix per identifier, for every scope
            rows = {i: ScopedMatrix(items, self.model.features) for i, items in candidates.items()}
        for ident, items in candidates.items():
            matrix = rows.get(ident)
            if self.method == "ranker":
                whole[ident] = self.ordered(items, matrix.rows(None) if matrix else None)
                chosen = self._choose(whole[ident])
            else:
                chosen = self.rank(items)
            if chosen:
                definitions[ident] = [_definiens(document, score, c) for score, c in chosen]
        document.definitions = definitions
        document.scoped = self._scoped(document, candidates, rows, whole)
        return document

    def _scoped(
        self,
        document: Document,
        candidates: dict[str, list[Candidate]],
        rows: dict[str, ScopedMatrix],
        whole: dict[str, list[tuple[float, Candidate]]],
    ) -> dict[int, dict[str, list[Definiens]]]:
        """The meanings of every (scope, identifier) an occurrence reads its meaning in, and
        each formula identifier's ``scope``."""
        readings = Readings.of(document)
        ranked: dict[tuple[int, str], list[Definiens]] = {}
        for formula in document.formulas:
            for identifier in formula.identifiers:
                tex = identifier.tex
                items = candidates.get(tex)
                scope = readings.reading(tex, items, formula.text_start) if items else DOCUMENT
                where = readings.scope(scope)
                if items and where is not None and (scope, tex) not in ranked:
                    shown = self._in_scope(items, rows.get(tex), where, whole.get(tex, []))
                    ranked[(scope, tex)] = [
                        _definiens(document, score, c, scope) for score, c in shown
                    ]
                # with no meaning of its own in its scope, the document's meanings hold there
                identifier.scope = scope if ranked.get((scope, tex)) else DOCUMENT
        return _with_passages(document, readings, ranked)

    def _in_scope(
        self,
        items: list[Candidate],
        matrix: ScopedMatrix | None,
        where: Scope,
        whole: list[tuple[float, Candidate]],
    ) -> list[tuple[float, Candidate]]:
        """The meanings shown in scope ``where`` (none: the document's hold there)."""
        found_rows, flags = (matrix.rows(where), matrix.stated(where)) if matrix else (None, None)
        if self.method != "ranker" or not is_passage(where):
            return self.rank(items, found_rows, where, flags)
        in_passage = self.ordered(items, found_rows, where, flags)
        holding = passage_ranking(in_passage, whole, where, self.settings.threshold)
        return self._choose(holding) if holding is not None else []


def _with_passages(
    document: Document, readings: Readings, ranked: dict[tuple[int, str], list[Definiens]]
) -> dict[int, dict[str, list[Definiens]]]:
    """Set ``document.scopes`` (the reader's, then the passages an occurrence reads) and
    return ``Document.scoped``, renumbering the passages' indices."""
    count = len(readings.scopes)
    used = sorted({scope for (scope, _), shown in ranked.items() if shown and scope >= count})
    number = {old: count + k for k, old in enumerate(used)}
    kept = [_sourced(document, readings.added[old - count]) for old in used]
    document.scopes = [*readings.scopes, *kept]
    for formula in document.formulas:
        for identifier in formula.identifiers:
            identifier.scope = number.get(identifier.scope, identifier.scope)
    scoped: dict[int, dict[str, list[Definiens]]] = {}
    for (scope, tex), shown in ranked.items():
        if shown:
            index = number.get(scope, scope)
            scoped.setdefault(index, {})[tex] = [replace(d, scope=index) for d in shown]
    return scoped


def _sourced(document: Document, scope: Scope) -> Scope:
    """``scope`` with its span in the source."""
    start, end = document.offsets.span_to_source(scope.start, scope.end)
    return replace(scope, source_start=start, source_end=end)


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
