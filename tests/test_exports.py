"""The public API does not drift: every name in each package's ``__all__`` exists."""

from __future__ import annotations

import importlib

import pytest

import definiens

PACKAGES = [
    "definiens",
    "definiens.ingest",
    "definiens.formulas",
    "definiens.define",
    "definiens.evaluate",
    "definiens.pipeline",
    "definiens.api",
    "definiens.namespaces",
    "definiens.store",
    "definiens.run",
    "definiens.web",
    "definiens.cli",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_name_exists(name: str) -> None:
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    missing = [member for member in module.__all__ if not hasattr(module, member)]
    assert missing == []


def test_top_level_exports() -> None:
    assert set(definiens.__all__) == {
        "Definiens",
        "DefiniensError",
        "Document",
        "Formula",
        "Identifier",
        "InputError",
        "Link",
        "ModelError",
        "ParseError",
        "Problem",
        "StoreError",
        "TexError",
        "UsageError",
        "__version__",
    }


def test_every_error_derives_from_the_base() -> None:
    for name in ("InputError", "ParseError", "TexError", "ModelError", "StoreError", "UsageError"):
        assert issubclass(getattr(definiens, name), definiens.DefiniensError)
