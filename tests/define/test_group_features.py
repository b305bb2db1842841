"""The per-candidate features of a meaning's words (``define.group_features``)."""

from __future__ import annotations

import pytest

from definiens.define.group_features import _initials

# (identifier, meaning, (initial, script_initial))
CASES = [
    ("m", "mass of the bob", (1.0, 0.0)),
    ("E_{\\mathrm{k}}", "kinetic energy", (1.0, 1.0)),
    ("V_{s}", "source voltage", (1.0, 1.0)),
    ("T_{c}", "critical temperature", (1.0, 1.0)),
    ("\\mathbf{v}", "velocity", (1.0, 0.0)),
    ("\\hat{p}", "momentum operator", (0.0, 0.0)),  # m, o: not p
    ("g", "acceleration due to gravity", (1.0, 0.0)),  # the last word is taken for the head
    ("n", "natural number", (1.0, 0.0)),
    ("x_{i}", "element", (0.0, 0.0)),
    ("a", "length of the side", (0.0, 0.0)),
    ("s", "length of the side", (0.5, 0.0)),  # not the head word
    ("\\alpha", "angle", (0.0, 0.0)),  # a Greek letter has no initial
    ("k_{B}", "Boltzmann constant", (0.0, 0.0)),  # B begins a word, but k does not
    ("E_{0}", "energy", (1.0, 0.0)),
    ("N", "", (0.0, 0.0)),
]


@pytest.mark.parametrize(("identifier", "meaning", "expected"), CASES)
def test_a_symbols_letters_as_initials_of_its_meaning(
    identifier: str, meaning: str, expected: tuple[float, float]
) -> None:
    assert _initials(identifier, meaning.lower()) == expected
