"""How many meanings the ranker emits (threshold, relative floor, limit, one per stem), and its
model file."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from definiens.define.candidate import Candidate, stem_of
from definiens.define.ranker import (
    RankerModel,
    Settings,
    calibrated,
    calibration_features,
    choose,
    load_model,
)
from definiens.errors import ModelError


def _scored(*pairs: tuple[float, str]) -> list[tuple[float, Candidate]]:
    return [(p, Candidate("x", key, key)) for p, key in pairs]


def test_threshold_relative_floor_and_limit() -> None:
    scored = _scored((0.3, "bit"), (0.6, "length"), (0.5, "number"), (0.1, "word"))
    assert [c.key for _, c in choose(scored, Settings(0.2, 2, 0.8))] == ["length", "number"]
    assert [c.key for _, c in choose(scored, Settings(0.2, 3, 0.8))] == ["length", "number"]
    assert [c.key for _, c in choose(scored, Settings(0.2, 3, 0.4))] == ["length", "number", "bit"]
    assert choose(scored, Settings(0.7, 2, 0.8)) == []


def test_a_plural_of_an_emitted_meaning_is_not_emitted_again() -> None:
    scored = _scored((0.6, "bits"), (0.55, "bit"), (0.5, "number of bits"), (0.4, "length"))
    chosen = choose(scored, Settings(0.2, 2, 0.5), stem_of)
    assert [c.key for _, c in chosen] == ["bits", "number of bits"]
    assert len(choose(scored, Settings(0.2, 2, 0.5))) == 2
    assert Candidate("x", "prime numbers", "prime numbers").stem == "prime number"


def test_choose_keeps_the_best_above_threshold() -> None:
    scored = [(0.2, "a"), (0.9, "b"), (0.8, "c"), (0.3, "d")]
    assert choose(scored, Settings(0.5, 1, 1.0)) == [(0.9, "b")]
    assert choose(scored, Settings(0.5, 2, 0.8)) == [(0.9, "b"), (0.8, "c")]
    assert choose(scored, Settings(0.95, 2, 0.8)) == []


def test_a_damaged_model_file_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="model"):
        load_model(path)
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "absent.json")


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    model = RankerModel(["mlp", "dist"], [0.5, 1.0], [0.1, 2.0], [1.0, -1.0], 0.25)
    model.save(tmp_path / "m.json")
    again = load_model(tmp_path / "m.json")
    assert again == model
    # one candidate: standardised (0.7 - 0.5) / 0.1 = 2 and (3.0 - 1.0) / 2.0 = 1, so the score is
    # 2 * 1.0 + 1 * -1.0 = 1; the default calibration reads the score alone, plus the intercept
    (p,) = again.probabilities([[0.7, 3.0]])
    assert p == pytest.approx(1 / (1 + math.exp(-(1.0 + 0.25))))


def test_calibration_features_mark_the_best_and_its_lead() -> None:
    features = calibration_features([1.0, 3.0, 2.5])
    assert features[:, 1].tolist() == [-2.0, 0.0, -0.5]
    assert features[:, 2].tolist() == [0.0, 0.5, 0.0]
    assert features[:, 3].tolist() == [0.0, 1.0, 0.0]
    # a better lead makes the best more probable under a calibration that weighs the lead
    weights = [1.0, 0.0, 2.0, 0.0]
    assert calibrated([1.0, 3.0], weights, 0.0)[1] > calibrated([2.9, 3.0], weights, 0.0)[1]
