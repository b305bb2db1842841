"""The learned ranker: a logistic regression over candidate features, stored as a small JSON file.

The model file holds the feature names, the standardisation (mean, scale), the coefficients and
intercept, and the decision settings chosen by cross-validation at training time: the minimum
probability to emit a meaning and how many meanings to emit per identifier at most. It is
shipped inside the package (``definiens/define/model/ranker.json``) and rebuilt by
``definiens train``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from definiens.errors import ModelError

__all__ = [
    "MODEL_RESOURCE",
    "RankerModel",
    "Settings",
    "calibrated",
    "calibration_features",
    "choose",
    "load_model",
]

logger = logging.getLogger(__name__)

MODEL_RESOURCE = "model/ranker.json"
T = TypeVar("T")


@dataclass
class RankerModel:
    """A linear scorer, its calibration and its decision settings.

    ``coef`` (with ``mean`` and ``scale`` standardising the features) gives each candidate a
    score; ``calibration`` (weights of :func:`calibration_features`) and ``intercept`` turn it
    (fitted on out-of-fold scores) into the
    probability that the candidate is right. ``threshold`` is the least probability a meaning is
    shown with, ``max_per_identifier`` how many are kept.
    """

    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    calibration: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 0.0])
    threshold: float = 0.5
    max_per_identifier: int = 1
    relative: float = 0.9
    info: dict[str, object] = field(default_factory=dict)

    def probabilities(self, matrix: Any) -> Any:
        """For the feature rows of the candidates of one identifier, the probability that each
        is a right meaning: from its score, its margin to the best score and the lead of the
        best over the second (:func:`calibration_features`)."""
        import numpy as np

        x = (np.asarray(matrix, dtype=float) - self.mean) / self.scale
        return calibrated(x @ np.asarray(self.coef), self.calibration, self.intercept)

    @property
    def settings(self) -> Settings:
        return Settings(self.threshold, self.max_per_identifier, self.relative)

    def aligned(self, names: Sequence[str]) -> bool:
        return list(names) == self.features

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, text: str, where: str) -> RankerModel:
        try:
            data = json.loads(text)
            model = cls(**data)
        except (json.JSONDecodeError, TypeError) as exc:
            raise ModelError(
                f"ranker model is not a valid model file: {exc}", location=where
            ) from exc
        if not len(model.features) == len(model.mean) == len(model.scale) == len(model.coef):
            raise ModelError("ranker model vectors differ in length", location=where)
        return model


@dataclass(frozen=True)
class Settings:
    """How many meanings to emit: above ``threshold``, within ``relative`` of the best, at most
    ``max_per_identifier``."""

    threshold: float = 0.5
    max_per_identifier: int = 1
    relative: float = 0.9


def calibration_features(z: Any) -> Any:
    """The columns a score is calibrated from, for the scores ``z`` of one identifier's
    candidates: the score, its margin to the best, the best's lead over the second (0 for the
    others) and whether it is the best."""
    import numpy as np

    z = np.asarray(z, dtype=float)
    if not len(z):
        return np.zeros((0, 4))
    best = int(np.argmax(z))
    top = np.zeros(len(z))
    top[best] = 1.0
    lead = np.zeros(len(z))
    lead[best] = z[best] - np.partition(z, -2)[-2] if len(z) > 1 else 5.0
    return np.column_stack([z, z - z[best], lead, top])


def calibrated(z: Any, weights: Sequence[float], intercept: float) -> Any:
    """The probabilities of scores ``z`` (one identifier's candidates) under a calibration."""
    import numpy as np

    logit = calibration_features(z) @ np.asarray(weights, dtype=float) + intercept
    return 1.0 / (1.0 + np.exp(-np.clip(logit, -50.0, 50.0)))


def choose(
    scored: Sequence[tuple[float, T]],
    settings: Settings,
    stem: Callable[[T], str] | None = None,
) -> list[tuple[float, T]]:
    """The items of ``scored`` (probability, item) to emit, best first; with ``stem``, an item
    whose stem an emitted item has ("bits" after "bit") is not emitted again."""
    ranked = sorted(scored, key=lambda pair: -pair[0])
    if not ranked or ranked[0][0] < settings.threshold:
        return []
    floor = max(settings.threshold, ranked[0][0] * settings.relative)
    chosen: list[tuple[float, T]] = []
    stems: set[str] = set()
    for pair in ranked:
        if pair[0] < floor or len(chosen) == settings.max_per_identifier:
            break
        if stem is not None:
            key = stem(pair[1])
            if key in stems:
                continue
            stems.add(key)
        chosen.append(pair)
    return chosen


def load_model(path: str | Path | None = None) -> RankerModel:
    """The ranker at ``path``, or the one shipped in the package."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ModelError(
                f"cannot read ranker model: {exc.strerror}", location=str(path)
            ) from exc
        return RankerModel.from_json(text, str(path))
    resource = resources.files("definiens.define").joinpath(MODEL_RESOURCE)
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as exc:
        raise ModelError(
            "the shipped ranker model is missing; rebuild it with 'definiens train'",
            location=str(resource),
        ) from exc
    return RankerModel.from_json(text, str(resource))
