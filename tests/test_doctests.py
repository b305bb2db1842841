"""The examples in the docstrings of src/definiens run and give what they show."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import definiens

PACKAGE = Path(definiens.__file__).parent
# Examples that run the define stage load spaCy: slow (see spacy_guard.py).
NEEDS_SPACY = {"definiens.api"}


def _modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>>" in path.read_text(encoding="utf-8"):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules_with_examples()


def test_the_package_has_examples() -> None:
    assert {"definiens.api", "definiens.formulas.identifiers"} <= set(MODULES)


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.slow) if n in NEEDS_SPACY else n for n in MODULES]
)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    tests = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    assert tests, f"{name} has '>>>' but no example doctest finds"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for test in tests:
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
