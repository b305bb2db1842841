"""The identifier parser reads every family of pathological TeX in linear time: the CPU time
ratio of a formula eight times larger stays within x2.3 per doubling (``tests/scaling.py``;
the families are those of ``benchmarks/bench_scaling.py``), beyond what a plain regex
tokenisation of the same formulas grows in the same run (the token lists of the larger inputs
outgrow the processor's caches: a bare ``findall`` grows x10 over some of these sizes).
Measured in a fresh interpreter (:func:`scaling.fresh_growths`)."""

from __future__ import annotations

from typing import Any

import pytest

from definiens.formulas import extract_identifiers
from scaling import LIMIT, fresh_growths, pathological

FAMILIES = [f for f in pathological().FAMILIES if f.target == "identifiers"]


@pytest.fixture(scope="module")
def growths() -> dict[str, float]:
    return fresh_growths(("identifiers",))


@pytest.mark.parametrize("family", FAMILIES, ids=[f.name for f in FAMILIES])
def test_the_identifier_parser_is_linear(family: Any, growths: dict[str, float]) -> None:
    assert growths[family.label] <= LIMIT


def test_a_formula_nested_twenty_thousand_deep_is_read() -> None:
    result = extract_identifiers("x^{" * 20_000)
    assert result.tex == ["x"] and "too_deep" in result.flags
