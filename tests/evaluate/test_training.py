"""The threshold the trained model ships with (``evaluate.training``)."""

from __future__ import annotations

from typing import Any

import pytest

from definiens.evaluate import training
from definiens.evaluate.first_meaning import FirstMeaningScore, Part


def _scores(f1_by_threshold: dict[float, tuple[int, int, int]]) -> Any:
    """A stand-in for first-meaning scoring: (gold, answered, right) of "all" by threshold."""

    def first_meaning(scored: Any, threshold: float) -> FirstMeaningScore:
        gold, answered, right = f1_by_threshold.get(threshold, (100, 0, 0))
        return FirstMeaningScore({"all": Part(gold, answered, right)}, [])

    return first_meaning


def test_the_lowest_threshold_within_the_noise_of_the_best_f1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 0.25 is best (F1 0.4762), 0.20 within 0.005 of it (0.4737), 0.15 far below (0.375)
    counts = {0.15: (100, 60, 30), 0.2: (100, 90, 45), 0.25: (100, 110, 50)}
    monkeypatch.setattr(training, "_first_meaning", _scores(counts))
    assert training._choose_threshold([]) == 0.2


def test_a_clearly_better_threshold_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {0.2: (100, 90, 40), 0.3: (100, 80, 45)}
    monkeypatch.setattr(training, "_first_meaning", _scores(counts))
    assert training._choose_threshold([]) == 0.3
