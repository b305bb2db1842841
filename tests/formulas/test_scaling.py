"""The identifier parser reads every family of pathological TeX in linear time: the CPU time
ratio of a formula eight times larger stays within x2.3 per doubling (``tests/scaling.py``;
the families are those of ``benchmarks/bench_scaling.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from definiens.formulas import extract_identifiers
from scaling import LIMIT, growth, pathological

FAMILIES = [f for f in pathological().FAMILIES if f.target == "identifiers"]


@pytest.mark.parametrize("family", FAMILIES, ids=[f.name for f in FAMILIES])
def test_the_identifier_parser_is_linear(family: Any) -> None:
    assert growth(family.make, extract_identifiers, max(1, family.size // 8)) <= LIMIT


def test_a_formula_nested_twenty_thousand_deep_is_read() -> None:
    result = extract_identifiers("x^{" * 20_000)
    assert result.tex == ["x"] and "too_deep" in result.flags
