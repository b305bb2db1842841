"""Golden cases: real formulas, the identifiers they must give and where each occurs
(tests/formulas/golden). Regenerate the spans with ``DEFINIENS_UPDATE_GOLDEN=1 .venv/bin/pytest
tests/formulas/test_golden.py`` and review the diff by eye."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

import pytest

from definiens.formulas import extract_identifiers

GOLDEN = Path(__file__).parent / "golden" / "identifiers.txt"
SPANS = Path(__file__).parent / "golden" / "spans.txt"
UPDATE = os.environ.get("DEFINIENS_UPDATE_GOLDEN") == "1"


class Case(NamedTuple):
    name: str
    tex: str
    identifiers: list[str]
    flags: list[str]


def load_cases(path: Path) -> list[Case]:
    """Blocks of ``== id``, the TeX line, ``-> [identifiers]`` and optionally ``!! [flags]``."""
    cases: list[Case] = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("#")]
    i = 0
    while i < len(lines):
        assert lines[i].startswith("== "), f"{path}: expected '== id', got {lines[i]!r}"
        assert lines[i + 2].startswith("-> "), f"{path}: case {lines[i]}: expected '-> […]'"
        flags: list[str] = []
        step = 3
        if i + 3 < len(lines) and lines[i + 3].startswith("!! "):
            flags = json.loads(lines[i + 3][3:])
            step = 4
        cases.append(Case(lines[i][3:], lines[i + 1], json.loads(lines[i + 2][3:]), flags))
        i += step
    return cases


CASES = load_cases(GOLDEN)


def test_golden_file_is_large_and_ids_unique() -> None:
    assert len(CASES) >= 100
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden(case: Case) -> None:
    result = extract_identifiers(case.tex)
    assert result.tex == case.identifiers
    assert result.flags == case.flags


def marked(tex: str) -> str:
    """The TeX with every span of every identifier in ⟦…⟧, a span inside another (a running
    index, ``x_{i}`` and ``i``) nested: ⟦x_⟦i⟧⟧."""
    spans = [s for i in extract_identifiers(tex).identifiers for s in i.spans]
    marks = sorted([(start, 1, -end) for start, end in spans] + [(end, 0, 0) for _, end in spans])
    out, last = [], 0
    for at, opens, _ in marks:
        out += [tex[last:at], "⟦" if opens else "⟧"]
        last = at
    return "".join([*out, tex[last:]])


def test_golden_spans() -> None:
    got = "".join(f"== {case.name}\n{marked(case.tex)}\n\n" for case in CASES)
    header = (
        "# Where the identifiers of the golden cases (identifiers.txt) occur: every span of every\n"
        "# identifier in ⟦…⟧, as the identify stage stores them (Identifier.spans); a running\n"
        "# index read in a subscript is marked inside its symbol (⟦x_⟦i⟧⟧).\n\n"
    )
    if UPDATE:
        SPANS.write_text(header + got, encoding="utf-8")
    expected = SPANS.read_text(encoding="utf-8").removeprefix(header)
    for want, have in zip(expected.split("\n\n"), got.split("\n\n"), strict=True):
        assert have == want
