"""Worker batches: a stage's batch method is used, and a failure lands on its own document."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from definiens.api import default_stages
from definiens.model import Document
from definiens.run.work import process_batch, process_document, stages_for
from definiens.store.records import FAILED, PROCESSED

from .helpers import formula_stages, raw_pages


class _Boom:
    """A stage that fails on the page titled in ``title``, one by one and in a batch."""

    __name__ = "boom"

    def __init__(self, title: str) -> None:
        self.title = title
        self.batches: list[int] = []

    def __call__(self, document: Document) -> Document:
        if document.title == self.title:
            raise ValueError("boom")
        return document

    def many(self, documents: Sequence[Document]) -> list[Document]:
        self.batches.append(len(documents))
        return [self(document) for document in documents]


def test_a_failing_page_fails_alone_and_the_batch_method_is_used() -> None:
    pages = raw_pages()[:4]
    boom = _Boom(pages[1].title)
    stages = [*formula_stages(), boom]

    def factory() -> list[object]:
        return stages

    records = process_batch(factory, pages)
    assert boom.batches == [4]  # tried as a batch first, then one by one
    assert [r.id for r in records] == [str(p.id) for p in pages]
    assert records[1].status == FAILED and "boom" in (records[1].reason or "")
    assert all(r.status != FAILED for i, r in enumerate(records) if i != 1)


@pytest.mark.slow
def test_a_batch_gives_the_records_of_one_by_one_with_all_stages() -> None:
    def pages() -> list[Document]:  # fresh each time: stages may change what they get
        return [p for p in raw_pages() if p.format == "wikitext"][:4]

    stages = stages_for(default_stages)
    one_by_one = [process_document(page, stages) for page in pages()]
    assert process_batch(default_stages, pages()) == one_by_one
    assert sum(r.status == PROCESSED for r in one_by_one) >= 2
