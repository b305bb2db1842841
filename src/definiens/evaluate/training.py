"""Train the ranker on labelled formulas, and cross-validate it grouped by page.

Every gold formula gives one :class:`~definiens.evaluate.examples.Example`. A listwise ranker
(:mod:`.listwise`) orders the candidates of each identifier; its linear score becomes a
probability that the candidate is right by a logistic calibration fitted on *out-of-fold*
scores (the candidates of pages the ranker did not see), from the score, its margin to the best
candidate of the identifier and the best one's lead over the second. The threshold the product
shows meanings above is chosen on the same out-of-fold predictions (best first-meaning F1), so
a page is never scored by a model, calibration or setting that saw it. Folds are grouped by
page: formulas of one page share text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from definiens.define.candidate import Candidate, stem_of
from definiens.define.feature_names import FEATURES
from definiens.define.ordering import reorder
from definiens.define.passages import is_passage, passage_ranking
from definiens.define.patterns import PATTERNS
from definiens.define.ranker import (
    RankerModel,
    Settings,
    calibrated,
    calibration_features,
    choose,
)
from definiens.define.scoping import evidenced_in, is_statement, stated_within, statement_first
from definiens.errors import InputError
from definiens.evaluate.examples import Example
from definiens.evaluate.first_meaning import FirstMeaningScore, score_first_meaning
from definiens.evaluate.listwise import fit_listwise
from definiens.evaluate.scoring import IdentRow, Score, score
from definiens.model import Scope

__all__ = [
    "Scored",
    "cross_validate",
    "first_rows",
    "fit",
    "folds",
    "out_of_fold_ntcir_rows",
    "out_of_fold_rows",
    "rank",
    "ranked_rows",
    "train",
]

logger = logging.getLogger(__name__)

SEED = 0
#: The seed of the grouped fold assignment (shuffled pages).
FOLD_SEED = 0
#: The L2 penalty of the listwise ranker.
PENALTY = 300.0
#: Features that can only speak for a meaning: a definitional pattern ("E denotes the energy")
#: never counts against it.
EVIDENCE = frozenset(
    {"pattern_any", "patterns", "alone_pattern", "pattern_inside", *(f"pat_{p}" for p in PATTERNS)}
)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))
#: Meanings the product keeps per identifier, and the NTCIR settings tried for the benchmark.
TOP = 3
NTCIR_TOP = (1, 2)
NTCIR_RELATIVE = (1.0, 0.8, 0.6)


@dataclass
class Scored:
    """An example's identifiers with their candidates, scored: (probability, candidate)."""

    example: Example
    ranked: dict[str, list[tuple[float, Candidate]]]


def _groups(examples: Sequence[Example]) -> list[tuple[np.ndarray, np.ndarray]]:
    groups = []
    for example in examples:
        for ident, items in example.candidates.items():
            if items:
                groups.append((example.rows(ident, FEATURES), np.asarray(example.preferred(ident))))
    return groups


@dataclass
class _Linear:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def scores(self, example: Example, ident: str, whole: bool = False) -> np.ndarray:
        """Raw scores in the scope the identifier reads (``whole``: in the document)."""
        x = example.document_rows(ident, FEATURES) if whole else example.rows(ident, FEATURES)
        return np.asarray(((x - self.mean) / self.scale) @ self.weights)


def _fit_linear(examples: Sequence[Example]) -> _Linear:
    groups = _groups(examples)
    if not groups or not any(y.any() for _, y in groups):
        raise InputError("training needs formulas with a correct candidate; give more formulas")
    x = np.vstack([g[0] for g in groups])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    standard = [((g - mean) / scale, y) for g, y in groups]
    weights = fit_listwise(standard, PENALTY, [name in EVIDENCE for name in FEATURES])
    return _Linear(mean, scale, weights)


def folds(examples: Sequence[Example], n_splits: int, seed: int = FOLD_SEED) -> list[list[int]]:
    """The test indices of each of ``n_splits`` folds, grouped by page (shuffled with ``seed``)."""
    pages = sorted({e.group for e in examples})
    order = np.random.RandomState(seed).permutation(len(pages))
    fold_of = {pages[i]: rank % n_splits for rank, i in enumerate(order)}
    return [[i for i, e in enumerate(examples) if fold_of[e.group] == k] for k in range(n_splits)]


@dataclass
class _Raw:
    """An example's out-of-fold raw candidate scores per identifier: in the scope it reads
    (``scope``), and for an identifier that reads a passage, in the document too (``whole``:
    what the passage falls back to)."""

    scope: dict[str, np.ndarray]
    whole: dict[str, np.ndarray]


def _raw_out_of_fold(
    examples: Sequence[Example], n_splits: int, seed: int = FOLD_SEED
) -> list[_Raw]:
    """Each example's candidate scores from a ranker fitted on the other folds."""
    raw: list[_Raw] = [_Raw({}, {}) for _ in examples]
    for test in folds(examples, n_splits, seed):
        held = set(test)
        linear = _fit_linear([e for i, e in enumerate(examples) if i not in held])
        for i in test:
            example = examples[i]
            items = example.candidates
            raw[i].scope = {k: linear.scores(example, k) for k, v in items.items() if v}
            raw[i].whole = {
                k: linear.scores(example, k, whole=True)
                for k, scope in example.scopes.items()
                if is_passage(scope) and items.get(k)
            }
    return raw


def _calibration(examples: Sequence[Example], raw: Sequence[_Raw]) -> tuple[list[float], float]:
    """Weights of :func:`~definiens.define.ranker.calibration_features` and intercept, fitted
    on out-of-fold scores."""
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for example, scores in zip(examples, raw, strict=True):
        for ident, z in scores.scope.items():
            rows.append(calibration_features(z))
            labels.extend(example.labels(ident))
    if len(set(labels)) < 2:
        return [1.0, 0.0, 0.0, 0.0], 0.0
    model = LogisticRegression(random_state=SEED).fit(np.vstack(rows), np.asarray(labels))
    return [float(w) for w in model.coef_[0]], float(model.intercept_[0])


def _model(
    linear: _Linear, calibration: tuple[list[float], float], threshold: float
) -> RankerModel:
    weights, intercept = calibration
    return RankerModel(
        features=list(FEATURES),
        mean=linear.mean.round(6).tolist(),
        scale=linear.scale.round(6).tolist(),
        coef=linear.weights.round(6).tolist(),
        intercept=round(intercept, 6),
        calibration=[round(w, 6) for w in weights],
        threshold=threshold,
        max_per_identifier=TOP,
        relative=0.0,
    )


def _in_statement(
    pairs: list[tuple[float, Candidate]], scope: Scope | None
) -> list[tuple[float, Candidate]]:
    """``pairs`` as the define stage orders them in ``scope`` (:func:`statement_first`)."""
    if not is_statement(scope):
        return pairs
    return statement_first(pairs, stated_within([c for _, c in pairs], scope))


def _ordered(
    probabilities: Sequence[float], items: list[Candidate], scope: Scope | None
) -> list[tuple[float, Candidate]]:
    """``items`` with their ``probabilities`` in ``scope``, as the define stage orders them
    (:meth:`~definiens.define.stage.Definer.ordered`)."""
    pairs = sorted(zip(probabilities, items, strict=True), key=lambda p: -p[0])
    return evidenced_in(reorder(_in_statement(pairs, scope)), scope)


def _shown(
    example: Example,
    ident: str,
    in_scope: Sequence[float],
    whole: Callable[[], Sequence[float]],
    threshold: float,
) -> list[tuple[float, Candidate]]:
    """The candidates of ``ident`` as the define stage shows them at ``example``'s formula,
    from their probabilities in the scope it reads (``in_scope``) and, for a passage, in the
    document (``whole()``): the passage's ranking where :func:`passage_ranking` lets it hold."""
    items, scope = example.candidates[ident], example.scopes.get(ident)
    shown = _ordered(in_scope, items, scope)
    if not is_passage(scope):
        return shown
    assert scope is not None
    document = _ordered(whole(), items, None)
    holding = passage_ranking(shown, document, scope, threshold)
    return holding if holding is not None else document


def rank(model: RankerModel, example: Example) -> Scored:
    """The candidates of each identifier of ``example`` with the model's probabilities."""
    ranked: dict[str, list[tuple[float, Candidate]]] = {}
    for ident, items in example.candidates.items():
        if not items:
            ranked[ident] = []
            continue
        in_scope = model.probabilities(example.rows(ident, model.features)).tolist()

        def whole(ident: str = ident) -> Sequence[float]:
            return model.probabilities(example.document_rows(ident, model.features)).tolist()

        ranked[ident] = _shown(example, ident, in_scope, whole, model.threshold)
    return Scored(example, ranked)


def ranked_rows(scored: Sequence[Scored], settings: Settings) -> list[IdentRow]:
    """Ident rows of the meanings ``settings`` emits, best first, per identifier."""
    rows = []
    for item in scored:
        q = item.example.query
        for ident, pairs in item.ranked.items():
            for _, c in choose(pairs, settings, stem_of):
                rows.append(IdentRow(q.qid, q.title, ident, c.form))
    return rows


def first_rows(scored: Sequence[Scored], threshold: float) -> list[IdentRow]:
    """Ident rows of the first meaning of each identifier, when it scores ``threshold`` or more."""
    return ranked_rows(scored, Settings(threshold, 1, 0.0))


def _first_meaning(scored: Sequence[Scored], threshold: float) -> FirstMeaningScore:
    return score_first_meaning([s.example.query for s in scored], first_rows(scored, threshold))


def _choose_threshold(*assignments: Sequence[Scored]) -> float:
    """The threshold with the best first-meaning F1 of the stated meanings (the text's own
    statements, which the product quotes; the guesses for inferred meanings would pull it about
    on a curve that is flat around its best), averaged over the out-of-fold scores of each
    fold assignment given; the lower one on a tie."""
    if not assignments:
        raise ValueError("a threshold is chosen on at least one assignment's scores")
    mean = dict.fromkeys(THRESHOLDS, 0.0)
    for scored in assignments:
        annotated = [s for s in scored if s.example.query.stated]
        part = "stated" if annotated else "all"
        for t in THRESHOLDS:
            mean[t] += _first_meaning(annotated or scored, t).parts[part].f1 / len(assignments)
    return max(THRESHOLDS, key=lambda t: (mean[t], -t))


def choose_ntcir_settings(scored: Sequence[Scored]) -> tuple[Settings, Score]:
    """The settings (threshold, meanings per identifier) with the best NTCIR-11 F1."""
    gold = [s.example.query for s in scored]
    best: tuple[float, Settings, Score] | None = None
    for threshold in THRESHOLDS:
        for top in NTCIR_TOP:
            for relative in NTCIR_RELATIVE if top > 1 else (1.0,):
                settings = Settings(threshold, top, relative)
                result = score(gold, ranked_rows(scored, settings))
                if best is None or result.f1 > best[0] + 1e-9:
                    best = (result.f1, settings, result)
    assert best is not None
    return best[1], best[2]


def fit(examples: Sequence[Example], n_splits: int = 5, assignments: int = 1) -> RankerModel:
    """The ranker of ``examples``: weights fitted on all of them; calibration, threshold and
    NTCIR settings from their out-of-fold scores (``n_splits`` folds grouped by page; the
    calibration on the scores of all ``assignments`` of pages to folds pooled, the threshold on
    their mean F1, the NTCIR settings on the first)."""
    if assignments < 1:
        raise ValueError(f"fit needs at least one assignment of pages to folds, not {assignments}")
    raws = [_raw_out_of_fold(examples, n_splits, FOLD_SEED + k) for k in range(assignments)]
    calibration = _calibration([e for _ in raws for e in examples], [r for a in raws for r in a])
    linear = _fit_linear(examples)
    scored = [
        [_apply(calibration, e, r) for e, r in zip(examples, raw, strict=True)] for raw in raws
    ]
    inner = scored[0]
    model = _model(linear, calibration, _choose_threshold(*scored))
    ntcir = [s for s in inner if s.example.set == "ntcir"]
    if ntcir:
        settings, _ = choose_ntcir_settings(ntcir)
        model.info["ntcir_settings"] = [
            settings.threshold,
            settings.max_per_identifier,
            settings.relative,
        ]
    return model


def _apply(calibration: tuple[list[float], float], example: Example, raw: _Raw) -> Scored:
    """Out-of-fold raw scores turned into probabilities by ``calibration``."""
    ranked: dict[str, list[tuple[float, Candidate]]] = {}
    for ident, items in example.candidates.items():
        if not items:
            ranked[ident] = []
            continue
        in_scope = calibrated(raw.scope[ident], *calibration).tolist()

        def whole(ident: str = ident) -> Sequence[float]:
            return calibrated(raw.whole[ident], *calibration).tolist()

        # the threshold is being chosen from these: a passage's first meaning holds at any score
        ranked[ident] = _shown(example, ident, in_scope, whole, 0.0)
    return Scored(example, ranked)


def cross_validate(
    examples: Sequence[Example], n_splits: int = 10, seed: int = FOLD_SEED
) -> list[tuple[Scored, RankerModel]]:
    """Grouped cross-validation: every example scored by a model (with its calibration and
    threshold) fitted on the other folds only, with that model."""
    scored: list[tuple[Scored, RankerModel] | None] = [None] * len(examples)
    for test in folds(examples, n_splits, seed):
        held = set(test)
        model = fit([e for i, e in enumerate(examples) if i not in held])
        for i in test:
            scored[i] = (rank(model, examples[i]), model)
    return [s for s in scored if s is not None]


def out_of_fold_rows(results: Sequence[tuple[Scored, RankerModel]]) -> list[IdentRow]:
    """The first-meaning rows of cross-validated examples, each at its own model's threshold."""
    rows: list[IdentRow] = []
    for scored, model in results:
        rows.extend(first_rows([scored], model.threshold))
    return rows


def out_of_fold_ntcir_rows(results: Sequence[tuple[Scored, RankerModel]]) -> list[IdentRow]:
    """The NTCIR-11 rows of cross-validated examples, each with its own model's settings."""
    rows: list[IdentRow] = []
    for scored, model in results:
        settings = model.info.get("ntcir_settings", [model.threshold, 1, 1.0])
        assert isinstance(settings, list)
        threshold, top, relative = (float(v) for v in settings)
        rows.extend(ranked_rows([scored], Settings(threshold, int(top), relative)))
    return rows


#: Assignments of pages to folds whose out-of-fold scores the shipped model's calibration and
#: threshold are chosen on: the stated F1 is flat around its best, and one assignment's best
#: moved between retrains (the cross-validation's inner fits use one, for time).
SHIPPED_ASSIGNMENTS = 3


def train(examples: Sequence[Example], n_splits: int = 5) -> RankerModel:
    """The model to ship, fitted on every example, with what its out-of-fold figures were."""
    model = fit(examples, n_splits, SHIPPED_ASSIGNMENTS)
    pages = len({e.group for e in examples})
    model.info.update({"formulas": len(examples), "pages": pages, "seed": SEED})
    logger.info("trained on %d formulas of %d pages", len(examples), pages)
    return model
