"""The threshold the trained model ships with (``evaluate.training``)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from definiens.evaluate import training
from definiens.evaluate.first_meaning import FirstMeaningScore, Part


def _scores(counts: dict[float, tuple[tuple[int, int, int], tuple[int, int, int]]]) -> Any:
    """A stand-in for first-meaning scoring: (gold, answered, right) of the stated meanings and
    of all, by threshold."""

    def first_meaning(scored: Any, threshold: float) -> FirstMeaningScore:
        stated, every = counts.get(threshold, ((100, 0, 0), (100, 0, 0)))
        return FirstMeaningScore({"stated": Part(*stated), "all": Part(*every)}, [])

    return first_meaning


def _example(stated: dict[str, bool]) -> Any:
    return SimpleNamespace(example=SimpleNamespace(query=SimpleNamespace(stated=stated)))


def test_the_threshold_follows_the_stated_meanings(monkeypatch: pytest.MonkeyPatch) -> None:
    # all pairs: 0.25 best; stated pairs: 0.20 best
    counts = {
        0.2: ((100, 90, 50), (200, 150, 70)),
        0.25: ((100, 80, 44), (200, 120, 65)),
    }
    monkeypatch.setattr(training, "_first_meaning", _scores(counts))
    assert training._choose_threshold([_example({"x": True})]) == 0.2


def test_without_stated_labels_all_pairs_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {
        0.2: ((100, 90, 50), (200, 150, 70)),
        0.25: ((100, 80, 44), (200, 120, 65)),
    }
    monkeypatch.setattr(training, "_first_meaning", _scores(counts))
    assert training._choose_threshold([_example({})]) == 0.25


def test_the_threshold_follows_the_mean_over_fold_assignments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = [_example({"x": True})], [_example({"x": True})]
    # stated F1: first assignment 0.50 at 0.20, 0.49 at 0.25; second 0.40 and 0.45
    by_assignment = {
        id(first[0]): {0.2: ((100, 100, 50), (1, 0, 0)), 0.25: ((100, 100, 49), (1, 0, 0))},
        id(second[0]): {0.2: ((100, 100, 40), (1, 0, 0)), 0.25: ((100, 100, 45), (1, 0, 0))},
    }

    def first_meaning(scored: Any, threshold: float) -> FirstMeaningScore:
        counts = by_assignment[id(scored[0])]
        stated, every = counts.get(threshold, ((100, 0, 0), (100, 0, 0)))
        return FirstMeaningScore({"stated": Part(*stated), "all": Part(*every)}, [])

    monkeypatch.setattr(training, "_first_meaning", first_meaning)
    assert training._choose_threshold(first) == 0.2
    assert training._choose_threshold(first, second) == 0.25
