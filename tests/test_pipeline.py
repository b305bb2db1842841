"""Running documents through the stages one by one and in batches."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from definiens.api import annotate
from definiens.errors import DefiniensError, ParseError
from definiens.ingest import from_text, read_inputs
from definiens.model import Document
from definiens.pipeline import Tally, default_stages, extract_documents, run_batch, run_stages

PAGES = Path(__file__).parent / "data" / "ntcir11" / "pages-dev-12.xml"
DATA = Path(__file__).parent / "data" / "ingest"


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


def test_the_default_stages_parse_identify_and_define() -> None:
    assert [getattr(s, "__name__", "") for s in default_stages()] == [
        "parse",
        "identify",
        "define",
    ]
    assert [getattr(s, "__name__", "") for s in default_stages(definitions=False)] == [
        "parse",
        "identify",
    ]


@pytest.mark.slow
def test_from_text_reads_and_annotate_runs_every_stage() -> None:
    raw = from_text("Here $E$ is the energy.", "markdown", title="t")
    assert raw.source_text and raw.text == "" and raw.formulas == []
    document = annotate("Here $E$ is the energy.", "markdown", title="t")
    assert [f.tex for f in document.formulas] == ["E"]
    assert document.definitions["E"][0].text == "energy"


def test_extract_documents_counts_what_it_read(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    text = (DATA / "enwiki-fragment-3.xml").read_text(encoding="utf-8")
    cut = text.index("<page>", text.index("</page>"))  # the second page is damaged
    broken.write_text(text[:cut] + "<page><title>Bad</title><id>9</id><ns>0</ns>&bad;</page>"
                      + text[cut:], encoding="utf-8")  # fmt: skip
    tally = Tally()
    lines: list[str] = []
    stages = default_stages(definitions=False)
    found = list(extract_documents([broken], stages=stages, tally=tally, warn=lines.append))
    expected = [
        run_stages(d, stages)
        for d in read_inputs([DATA / "enwiki-fragment-3.xml"])
        if isinstance(d, Document)
    ]
    assert [d.title for d in found] == [d.title for d in expected]
    assert tally.documents == len(found) and tally.failed == 1
    assert tally.formulas == sum(len(d.formulas) for d in found) > 0
    assert any("'Bad'" in line for line in lines)
    assert tally.summary().startswith(f"{len(found)} documents, {tally.formulas} formulas")
