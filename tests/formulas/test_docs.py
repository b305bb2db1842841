"""The examples of docs/identifiers.md hold: every ``identifiers`` block and the Python session."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from definiens.formulas import extract_identifiers

DOC = Path(__file__).resolve().parents[2] / "docs" / "identifiers.md"
_BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def doc_blocks(kind: str) -> list[str]:
    return [body for name, body in _BLOCK.findall(DOC.read_text(encoding="utf-8")) if name == kind]


def doc_examples() -> list[tuple[str, list[str]]]:
    examples = []
    for block in doc_blocks("identifiers"):
        for line in block.splitlines():
            tex, arrow, expected = line.partition("⟶")
            assert arrow, f"{DOC}: example without ⟶: {line!r}"
            names = expected.strip()
            examples.append((tex.strip(), [] if names == "(none)" else names.split("  ")))
    return examples


EXAMPLES = doc_examples()


def test_the_doc_has_examples() -> None:
    assert len(EXAMPLES) >= 40


@pytest.mark.parametrize(("tex", "expected"), EXAMPLES, ids=[tex for tex, _ in EXAMPLES])
def test_doc_example(tex: str, expected: list[str]) -> None:
    assert extract_identifiers(tex).tex == [e.strip() for e in expected]


def test_python_sessions_in_the_doc() -> None:
    sessions = doc_blocks("python")
    assert len(sessions) >= 2
    runner = doctest.DocTestRunner()
    for session in sessions:
        test = doctest.DocTestParser().get_doctest(session, {}, "identifiers.md", str(DOC), 0)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 9
    assert result.failed == 0
