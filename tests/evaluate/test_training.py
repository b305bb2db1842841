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


def test_f1_closer_than_one_gold_pair_is_a_tie_the_lower_threshold_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # stated: F1 0.5745 at 0.20 and 0.5746 at 0.25 (1,000 gold pairs: a tie), 0.53 at 0.15
    counts = {
        0.15: ((1000, 900, 504), (2000, 1500, 700)),
        0.2: ((1000, 880, 540), (2000, 1500, 700)),
        0.25: ((1000, 810, 520), (2000, 1500, 700)),
    }
    monkeypatch.setattr(training, "_first_meaning", _scores(counts))
    f1 = {t: training._first_meaning([], t).parts["stated"].f1 for t in counts}
    assert f1[0.25] > f1[0.2] > f1[0.25] - 0.001 and f1[0.15] < f1[0.25] - 0.001
    assert training._choose_threshold([_example({"x": True})]) == 0.2
    # a gap of more than one gold pair is no tie
    counts[0.25] = ((1000, 800, 540), (2000, 1500, 700))
    assert training._choose_threshold([_example({"x": True})]) == 0.25
