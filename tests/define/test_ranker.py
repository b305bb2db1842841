"""How many meanings the ranker emits: threshold, relative floor, limit, one per stem."""

from __future__ import annotations

from definiens.define.features import Candidate, stem_of
from definiens.define.ranker import Settings, choose


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
