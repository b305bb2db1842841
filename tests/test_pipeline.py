"""Running documents through the stages one by one and in batches."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from definiens.api import default_stages
from definiens.errors import DefiniensError, ParseError
from definiens.ingest import from_text, read_inputs
from definiens.model import Document
from definiens.pipeline import run_batch, run_stages

PAGES = Path(__file__).parent / "data" / "ntcir11" / "pages-dev-12.xml"


def _pages() -> list[Document]:
    return [d for d in read_inputs([str(PAGES)]) if isinstance(d, Document)]


def _meanings(document: Document) -> dict[str, list[tuple[str, float]]]:
    return {k: [(d.text, d.score) for d in v] for k, v in document.definitions.items()}


@pytest.mark.slow
def test_a_batch_gives_what_documents_one_by_one_give() -> None:
    stages = default_stages()
    alone = [run_stages(d, stages) for d in _pages()]
    together = run_batch(_pages(), stages)
    assert len(together) == len(alone) == 12
    for a, b in zip(alone, together, strict=True):
        assert isinstance(b, Document)
        assert _meanings(a) == _meanings(b)
        assert sum(map(len, a.definitions.values())) > 0


def _boom(document: Document) -> Document:
    if "boom" in document.source_text:
        raise ValueError("cannot read this")
    return document


class _BatchFails:
    __name__ = "batch_fails"

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, document: Document) -> Document:
        self.calls += 1
        document.metadata["seen"] = "yes"
        return document

    def many(self, documents: Sequence[Document]) -> list[Document]:
        raise RuntimeError("the batch breaks")


def test_a_failing_document_gets_its_error_and_the_rest_goes_on() -> None:
    texts = ["fine $x$", "boom $y$", "also fine $z$"]
    documents = [from_text(t, "markdown", title=f"t{i}") for i, t in enumerate(texts)]
    later = _BatchFails()
    results = run_batch(documents, [_boom, later])
    assert isinstance(results[0], Document) and isinstance(results[2], Document)
    assert isinstance(results[1], ParseError) and isinstance(results[1], DefiniensError)
    assert "stage _boom failed: ValueError: cannot read this" in str(results[1])
    assert later.calls == 2  # the batch failed, so each surviving document ran alone
    assert results[0].metadata["seen"] == "yes"
