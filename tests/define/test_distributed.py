"""A coordination shared out over a list of symbols with "respectively" (``define.distributed``):
the parts in order, and nothing without "respectively"."""

from __future__ import annotations

import pytest

from definiens.define.distributed import distributed_mentions
from definiens.define.nlp import load_pipeline
from definiens.define.words import Words

pytestmark = pytest.mark.slow  # spaCy


def _parts(sentence: str) -> list[tuple[int, int, str]]:
    words = Words(load_pipeline()(sentence))
    return [(m.part, m.parts, m.text) for m in distributed_mentions(words, 0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Here FORMULA0 and FORMULA1 are the proportional and integral gains, respectively.",
            ["proportional gain", "integral gain"],
        ),
        (
            "The object and image distances, FORMULA0 and FORMULA1 respectively, are related.",
            ["object distance", "image distance"],
        ),
        (
            "The heat capacities at constant volume and constant pressure, FORMULA0 and FORMULA1 "
            "respectively, satisfy FORMULA2.",
            ["heat capacity at constant volume", "heat capacity at constant pressure"],
        ),
        # the parser hangs "blue" off "components" itself, not off "green"
        (
            "Here FORMULA0, FORMULA1, and FORMULA2 are the red, green, and blue components of "
            "the pixel, respectively.",
            ["red component", "green component", "blue component"],
        ),
        # coordinated modifiers of the one object of the head's preposition
        (
            "where FORMULA0 and FORMULA1 are the refractive indices of the first and second "
            "medium, respectively.",
            ["refractive index of the first medium", "refractive index of the second medium"],
        ),
    ],
)
def test_each_part_in_its_place(sentence: str, expected: list[str]) -> None:
    found = _parts(sentence)
    assert [text for _, _, text in found] == expected
    assert [(part, parts) for part, parts, _ in found] == [
        (i, len(expected)) for i in range(len(expected))
    ]


def test_nothing_without_respectively() -> None:
    assert _parts("Here FORMULA0 and FORMULA1 are the proportional and integral gains.") == []


def test_a_singular_head_is_not_shared() -> None:
    sentence = "Here FORMULA0 and FORMULA1 are the mass and kinetic energy, respectively."
    assert _parts(sentence) == []
