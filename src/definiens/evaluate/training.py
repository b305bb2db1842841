"""Train the ranker on a gold file and its pages, and cross-validate it grouped by formula.

Every query formula of the gold file gives one :class:`Example`: the candidate meanings of each
of its identifiers on its page, labelled by the gold. A logistic regression (fixed seed) is
fitted on the labelled candidates; the decision settings (threshold, meanings per identifier)
are chosen by maximising F1 over out-of-fold predictions within the training formulas, so a
formula is never scored by a model (or a setting) that saw it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from definiens.define.candidate import Candidate, stem_of
from definiens.define.feature_names import FEATURES
from definiens.define.patterns import PATTERNS
from definiens.define.ranker import RankerModel, Settings, choose
from definiens.define.stage import Definer
from definiens.errors import InputError
from definiens.evaluate.gold import GoldFormula, normalise_definiens, normalise_identifier
from definiens.evaluate.listwise import calibrate, fit_listwise
from definiens.evaluate.queries import page_key, query_identifiers
from definiens.evaluate.scoring import IdentRow, Score, score
from definiens.ingest import read_inputs
from definiens.model import Document
from definiens.pipeline import default_stages, run_stages

__all__ = [
    "Example",
    "build_examples",
    "cross_validate",
    "fit",
    "load_pages",
    "predict_rows",
    "train",
]

logger = logging.getLogger(__name__)

SEED = 0
#: The seed of the grouped fold assignment (shuffled groups).
FOLD_SEED = 0
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))
MAX_PER_IDENTIFIER = (1, 2)
RELATIVE = (1.0, 0.8, 0.6)


@dataclass
class Example:
    """A query formula with the candidate meanings of its identifiers on its page."""

    query: GoldFormula
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)

    def labelled(self) -> Iterable[tuple[Candidate, int]]:
        for ident, items in self.candidates.items():
            accepted = self.query.accepted(ident)
            for c in items:
                yield c, int(normalise_definiens(c.form) in accepted)


def load_pages(
    paths: Sequence[str | Path], titles: Iterable[str] | None = None
) -> dict[str, Document]:
    """Read the pages at ``paths`` (only ``titles`` if given) and run the default stages before
    the definitions on them (parse, identifiers), by page key."""
    wanted = {page_key(t) for t in titles} if titles is not None else None
    stages = default_stages(definitions=False)
    documents: dict[str, Document] = {}
    for item in read_inputs([str(p) for p in paths]):
        if not isinstance(item, Document):
            logger.warning("%s", item)
            continue
        key = page_key(item.title)
        if wanted is None or key in wanted:
            documents[key] = run_stages(item, stages)
    if wanted is not None and not wanted <= set(documents):
        missing = sorted(wanted - set(documents))
        logger.warning("%d gold pages not found: %s", len(missing), ", ".join(missing[:5]))
    return documents


def build_examples(
    gold: Sequence[GoldFormula], documents: dict[str, Document], definer: Definer
) -> list[Example]:
    """One example per gold formula whose page is among ``documents``."""
    cache: dict[str, dict[str, list[Candidate]]] = {}
    examples = []
    for query in gold:
        key = page_key(query.title)
        if key not in documents:
            continue
        if key not in cache:
            _, found = definer.candidates(documents[key])
            cache[key] = {normalise_identifier(k): v for k, v in found.items()}
        example = Example(query)
        for ident in query_identifiers(query, documents[key]):
            example.candidates[ident] = cache[key].get(normalise_identifier(ident), [])
        examples.append(example)
    return examples


#: The features the shipped ranker uses.
MODEL_FEATURES = FEATURES
#: The L2 penalty of the listwise ranker (strong: 50 formulas are few).
PENALTY = 100.0
#: Features that can only speak for a meaning: a definitional pattern ("E denotes the energy")
#: never counts against it, however few the training formulas that show one.
EVIDENCE = frozenset(
    {"pattern_any", "patterns", "alone_pattern", "pattern_inside", *(f"pat_{p}" for p in PATTERNS)}
)


def _groups(examples: Sequence[Example]) -> list[tuple[np.ndarray, np.ndarray]]:
    groups = []
    for example in examples:
        for ident, items in example.candidates.items():
            if items:
                accepted = example.query.accepted(ident)
                x = np.asarray([c.vector(MODEL_FEATURES) for c in items], dtype=float)
                y = np.asarray([int(normalise_definiens(c.form) in accepted) for c in items])
                groups.append((x, y))
    return groups


def fit(examples: Sequence[Example], settings: Settings | None = None) -> RankerModel:
    """A listwise ranker over the candidate groups of ``examples``, calibrated (fixed seed)."""
    groups = _groups(examples)
    if not groups or not any(y.any() for _, y in groups):
        raise InputError("training needs formulas with a correct candidate; give more formulas")
    x = np.vstack([g[0] for g in groups])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    standard = [((g - mean) / scale, y) for g, y in groups]
    weights = fit_listwise(standard, PENALTY, [name in EVIDENCE for name in MODEL_FEATURES])
    slope, intercept = calibrate(standard, weights, SEED)
    settings = settings or Settings()
    return RankerModel(
        features=list(MODEL_FEATURES),
        mean=mean.round(6).tolist(),
        scale=scale.round(6).tolist(),
        coef=(weights * slope).round(6).tolist(),
        intercept=round(intercept, 6),
        threshold=settings.threshold,
        max_per_identifier=settings.max_per_identifier,
        relative=settings.relative,
    )


def _scored(model: RankerModel, example: Example) -> dict[str, list[tuple[float, Candidate]]]:
    scored: dict[str, list[tuple[float, Candidate]]] = {}
    for ident, items in example.candidates.items():
        if not items:
            scored[ident] = []
            continue
        probabilities = model.probabilities([c.vector(model.features) for c in items]).tolist()
        scored[ident] = list(zip(probabilities, items, strict=True))
    return scored


def predict_rows(
    scored: Sequence[tuple[Example, dict[str, list[tuple[float, Candidate]]]]], settings: Settings
) -> list[IdentRow]:
    """Ident rows for scored examples under ``settings``."""
    rows = []
    for example, by_ident in scored:
        q = example.query
        for ident, items in by_ident.items():
            for _, c in choose(items, settings, stem_of):
                rows.append(IdentRow(q.qid, q.title, ident, c.form))
    return rows


def _folds(examples: Sequence[Example], n_splits: int) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [e.query.qid for e in examples]
    n_splits = max(2, min(n_splits, len(set(groups))))
    splitter = GroupKFold(n_splits=n_splits, shuffle=True, random_state=FOLD_SEED)
    index = np.arange(len(examples))
    return [(list(a), list(b)) for a, b in splitter.split(index, groups=groups)]


def _out_of_fold(examples: Sequence[Example], n_splits: int) -> list[Any]:
    scored: list[Any] = [None] * len(examples)
    for train_idx, test_idx in _folds(examples, n_splits):
        model = fit([examples[i] for i in train_idx])
        for i in test_idx:
            scored[i] = (examples[i], _scored(model, examples[i]))
    return scored


def choose_settings(examples: Sequence[Example], n_splits: int = 5) -> tuple[Settings, Score]:
    """The decision settings with the best F1 over out-of-fold predictions on ``examples``."""
    scored = _out_of_fold(examples, n_splits)
    gold = [e.query for e in examples]
    best: tuple[float, Settings, Score] | None = None
    for threshold in THRESHOLDS:
        for top in MAX_PER_IDENTIFIER:
            for relative in RELATIVE if top > 1 else (1.0,):
                settings = Settings(threshold, top, relative)
                result = score(gold, predict_rows(scored, settings))
                if best is None or result.f1 > best[0] + 1e-9:
                    best = (result.f1, settings, result)
    assert best is not None
    return best[1], best[2]


def cross_validate(examples: Sequence[Example], n_splits: int = 10) -> tuple[Score, list[IdentRow]]:
    """Grouped cross-validation: each fold's model and settings come from the other folds."""
    rows: list[IdentRow] = []
    for train_idx, test_idx in _folds(examples, n_splits):
        train_part = [examples[i] for i in train_idx]
        settings, _ = choose_settings(train_part)
        model = fit(train_part, settings)
        test = [(examples[i], _scored(model, examples[i])) for i in test_idx]
        rows.extend(predict_rows(test, settings))
    return score([e.query for e in examples], rows), rows


def train(examples: Sequence[Example], n_splits: int = 5) -> RankerModel:
    """The model to ship: settings from out-of-fold F1, weights fitted on every example."""
    settings, result = choose_settings(examples, n_splits)
    model = fit(examples, settings)
    model.info = {
        "formulas": len(examples),
        "oof_precision": round(result.precision, 4),
        "oof_recall": round(result.recall, 4),
        "oof_f1": round(result.f1, 4),
        "seed": SEED,
    }
    logger.info("trained on %d formulas; out-of-fold F1 %.3f", len(examples), result.f1)
    return model
