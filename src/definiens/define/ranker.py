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

__all__ = ["MODEL_RESOURCE", "RankerModel", "Settings", "choose", "load_model"]

logger = logging.getLogger(__name__)

MODEL_RESOURCE = "model/ranker.json"
T = TypeVar("T")


@dataclass
class RankerModel:
    """A linear scorer, its calibration and its decision settings.

    ``coef`` (with ``mean`` and ``scale`` standardising the features) gives each candidate a
    score; ``margin`` and ``intercept`` calibrate it (fitted on out-of-fold scores) into the
    probability that the candidate is right. ``threshold`` is the least probability a meaning is
    shown with, ``max_per_identifier`` how many are kept.
    """

    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    margin: float = 0.0
    threshold: float = 0.5
    max_per_identifier: int = 1
    relative: float = 0.9
    info: dict[str, object] = field(default_factory=dict)

    def probabilities(self, matrix: Any) -> Any:
        """For the feature rows of the candidates of one identifier, the probability that each
        is a right meaning: from its score and its margin to the best candidate's score."""
        import numpy as np

        z = ((np.asarray(matrix, dtype=float) - self.mean) / self.scale) @ np.asarray(self.coef)
        if len(z):
            z = z + self.margin * (z - z.max())
        return 1.0 / (1.0 + np.exp(-np.clip(z + self.intercept, -50.0, 50.0)))

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
