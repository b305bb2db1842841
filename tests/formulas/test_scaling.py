"""The identifier parser reads every family of pathological TeX in linear time: the CPU time
ratio of a formula eight times larger stays within x2.3 per doubling (``tests/scaling.py``;
the families are those of ``benchmarks/bench_scaling.py``), beyond what a plain regex
tokenisation of the same formulas grows in the same run (the token lists of the larger inputs
outgrow the processor's caches: a bare ``findall`` grows x10 over some of these sizes).

The growths are measured in a fresh interpreter: in the heap of a long test session, its free
blocks scattered by a thousand tests, the same parser on the same input grows x12-x14 where a
fresh process measures x10 (reproduced by fragmenting a heap on purpose)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from definiens.formulas import extract_identifiers
from scaling import LIMIT, pathological

FAMILIES = [f for f in pathological().FAMILIES if f.target == "identifiers"]

_MEASURE = textwrap.dedent(
    """
    import json, re, sys
    sys.path.insert(0, sys.argv[1])
    from scaling import growth, pathological
    from definiens.formulas import extract_identifiers
    token = re.compile(r"\\\\[A-Za-z]+|\\S")
    found = {}
    for family in pathological().FAMILIES:
        if family.target == "identifiers":
            n = max(1, family.size // 8)
            found[family.name] = growth(
                family.make, extract_identifiers, n, baseline=token.findall
            )
    print(json.dumps(found))
    """
)


@pytest.fixture(scope="module")
def growths() -> dict[str, float]:
    """Each family's growth, measured once in a fresh interpreter."""
    tests = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, tests],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize("family", FAMILIES, ids=[f.name for f in FAMILIES])
def test_the_identifier_parser_is_linear(family: Any, growths: dict[str, float]) -> None:
    assert growths[family.name] <= LIMIT


def test_a_formula_nested_twenty_thousand_deep_is_read() -> None:
    result = extract_identifiers("x^{" * 20_000)
    assert result.tex == ["x"] and "too_deep" in result.flags
