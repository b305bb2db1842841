"""Executors bound the work in flight by batches and by bytes of source text."""

from __future__ import annotations

import concurrent.futures as cf
from typing import Any

from definiens.model import Document
from definiens.run.executors import Executor, PoolExecutor
from definiens.store.records import DocumentRecord, failed_record

from .helpers import CRASH_TITLE, crashing_stages, raw_pages


class _Manual(Executor):
    """Batches finish only when the executor waits, oldest first; records what was out."""

    def __init__(self, max_in_flight: int, max_bytes: int) -> None:
        super().__init__(list, max_in_flight, max_bytes)
        self.out: list[list[Document]] = []
        self.most_out = (0, 0)  # most batches and most bytes in flight at once

    def _submit(self, batch: list[Document]) -> Any:
        future: cf.Future[list[DocumentRecord]] = cf.Future()
        self.out.append(batch)
        batches, size = len(self.out), sum(len(d.source_text) for b in self.out for d in b)
        self.most_out = (max(self.most_out[0], batches), max(self.most_out[1], size))
        future.batch = batch  # type: ignore[attr-defined]
        return future

    def _wait_first(self, pending: list[Any]) -> list[Any]:
        first = pending[0]
        self.out.remove(first.batch)
        first.set_result([failed_record(d, "test") for d in first.batch])
        return [first]


def _batch(n: int, size: int) -> list[Document]:
    return [
        Document(id=f"{n}-{k}", title="t", source="s", format="wikitext", source_text="x" * size)
        for k in range(2)
    ]


def test_bytes_in_flight_stay_under_the_bound_and_nothing_is_lost() -> None:
    executor = _Manual(max_in_flight=100, max_bytes=10_000)
    for n in range(20):
        executor.submit(_batch(n, 1_500))  # 3,000 bytes a batch: three fit in 10,000
    records = [r for batch in executor.drain() for r in batch]
    assert executor.most_out == (3, 9_000)
    assert sorted(r.id for r in records) == sorted(f"{n}-{k}" for n in range(20) for k in (0, 1))


def test_batches_in_flight_stay_under_the_bound() -> None:
    executor = _Manual(max_in_flight=4, max_bytes=0)
    for n in range(10):
        executor.submit(_batch(n, 1_000_000))
    assert executor.most_out[0] == 4
    assert sum(len(batch) for batch in executor.drain()) == 20


def test_a_batch_larger_than_the_bound_still_goes_out_alone() -> None:
    executor = _Manual(max_in_flight=4, max_bytes=100)
    for n in range(3):
        executor.submit(_batch(n, 1_000))
    assert executor.most_out == (1, 2_000)
    assert sum(len(batch) for batch in executor.drain()) == 6


def test_a_worker_crash_fails_only_the_document_that_caused_it() -> None:
    documents = raw_pages()
    documents[4].title = CRASH_TITLE
    batches = [documents[i : i + 3] for i in range(0, len(documents), 3)]
    with PoolExecutor(crashing_stages, 2, max_in_flight=4) as pool:
        for batch in batches:
            pool.submit(batch)
        records = [record for finished in pool.drain() for record in finished]
        # the pool still works after the crash
        pool.submit(documents[:2])
        again = [record for finished in pool.drain() for record in finished]
    assert sorted(r.id for r in records) == sorted(d.id for d in documents)
    failed = [r for r in records if r.status == "failed"]
    assert [r.id for r in failed] == [documents[4].id]
    assert "worker failed" in failed[0].reason
    assert all(r.status != "failed" for r in again)
