"""Every reader reads every family of pathological input in linear time: the CPU time ratio
of an input eight times larger stays within x2.3 per doubling (``tests/scaling.py``; the
families are those of ``benchmarks/bench_scaling.py``), measured in a fresh interpreter
(:func:`scaling.fresh_growths`)."""

from __future__ import annotations

from typing import Any

import pytest

from scaling import LIMIT, fresh_growths, pathological

FAMILIES = [f for f in pathological().FAMILIES if f.target in ("wikitext", "latex", "markdown")]
DUMPS = [f for f in pathological().FAMILIES if f.target == "xmldump"]


@pytest.fixture(scope="module")
def growths() -> dict[str, float]:
    return fresh_growths(("wikitext", "latex", "markdown", "xmldump"))


@pytest.mark.parametrize("family", FAMILIES, ids=[f.label for f in FAMILIES])
def test_the_parsers_are_linear(family: Any, growths: dict[str, float]) -> None:
    assert growths[family.label] <= LIMIT


@pytest.mark.parametrize("family", DUMPS, ids=[f.label for f in DUMPS])
def test_the_dump_reader_is_linear(family: Any, growths: dict[str, float]) -> None:
    assert growths[family.label] <= LIMIT
