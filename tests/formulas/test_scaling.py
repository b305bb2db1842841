"""The identifier parser reads every family of pathological TeX in linear time: the CPU time
ratio of a formula eight times larger stays within x2.3 per doubling (``tests/scaling.py``;
the families are those of ``benchmarks/bench_scaling.py``), beyond what a plain regex
tokenisation of the same formulas grows in the same run (the token lists of the larger inputs
outgrow the processor's caches: a bare ``findall`` grows x10 over some of these sizes)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from definiens.formulas import extract_identifiers
from scaling import LIMIT, growth, pathological

FAMILIES = [f for f in pathological().FAMILIES if f.target == "identifiers"]


def _tokens(tex: str) -> list[str]:
    """Plain linear work of the same kind as the parser's first step: a list of every token."""
    return _TOKEN.findall(tex)


_TOKEN = re.compile(r"\\[A-Za-z]+|\S")


@pytest.mark.parametrize("family", FAMILIES, ids=[f.name for f in FAMILIES])
def test_the_identifier_parser_is_linear(family: Any) -> None:
    n = max(1, family.size // 8)
    assert growth(family.make, extract_identifiers, n, baseline=_tokens) <= LIMIT


def test_a_formula_nested_twenty_thousand_deep_is_read() -> None:
    result = extract_identifiers("x^{" * 20_000)
    assert result.tex == ["x"] and "too_deep" in result.flags
