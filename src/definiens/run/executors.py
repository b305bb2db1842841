"""Executors: where batches of documents are processed (in-process, a process pool, Dask).

The runner hands batches to an executor with :meth:`Executor.submit` and collects finished
batches with :meth:`Executor.ready` and :meth:`Executor.drain`. Work in flight is bounded:
``submit`` blocks while ``max_in_flight`` batches, or ``max_bytes`` of source text, are out, so
memory does not grow with the input. The bound is generous on purpose: reading then runs ahead
of the workers instead of stopping the decompressor (a throttled ``lbzip2`` spends up to twice
the CPU on the same data), and the workers have the cores to themselves once reading is done.
A batch that fails as a whole (its worker died: a crash, an out-of-memory kill; a dying worker
takes every batch in flight in its pool with it) is run again one document at a time, waiting
for each, so that only a document that fails on its own becomes a failed record, with the
reason: no document is ever lost, and none is blamed for another's crash. Stages that cannot be
built at all (:class:`~definiens.errors.ModelError`) stop the run instead.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from typing import Any

from definiens.errors import ModelError, UsageError
from definiens.model import Document
from definiens.run.work import StageFactory, initialize, process_batch, stages_for
from definiens.store.records import DocumentRecord, failed_record

__all__ = ["DaskExecutor", "Executor", "InProcessExecutor", "PoolExecutor", "default_workers"]

logger = logging.getLogger(__name__)

Batch = list[Document]
Records = list[DocumentRecord]


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


#: Source text of the batches in flight, at most (a pool's or a cluster's default).
MAX_BYTES_IN_FLIGHT = 64 << 20
#: Batches in flight per worker, at most (a pool's or a cluster's default).
BATCHES_PER_WORKER = 8
#: How far below the main process's priority pool workers run (see :class:`PoolExecutor`).
WORKER_NICENESS = 19


def _size(batch: Batch) -> int:
    return sum(len(document.source_text) for document in batch)


def _lost(batch: Batch, exc: BaseException) -> Records:
    reason = f"worker failed: {type(exc).__name__}: {exc}"
    return [failed_record(document, reason) for document in batch]


class Executor:
    """Runs batches of documents through the stages built by a stage factory."""

    workers = 1

    def __init__(self, factory: StageFactory, max_in_flight: int = 2, max_bytes: int = 0) -> None:
        self.factory = factory
        self.max_in_flight = max(1, max_in_flight)
        self.max_bytes = max_bytes  # 0: no bound on the bytes in flight
        self._pending: dict[Any, Batch] = {}
        self._sizes: dict[Any, int] = {}
        self._ready: list[Records] = []

    def _submit(self, batch: Batch) -> Any:
        raise NotImplementedError

    def _wait_first(self, pending: list[Any]) -> list[Any]:
        raise NotImplementedError

    def _result(self, future: Any) -> Records:
        return list(future.result())

    def _collect(self, done: list[Any]) -> None:
        lost: list[Batch] = []
        for future in done:
            batch = self._pending.pop(future)
            self._sizes.pop(future, None)
            try:
                self._ready.append(self._result(future))
            except ModelError:
                raise  # the stages cannot run at all: stop the run, blame no document
            except Exception as exc:
                logger.warning(
                    "a batch of %d documents failed (%s); running them again one at a time",
                    len(batch),
                    exc,
                )
                self._recover(exc)
                lost.append(batch)
        for batch in lost:
            self._ready.extend(self._one_by_one(batch))

    def _one_by_one(self, batch: Batch) -> list[Records]:
        """The documents of a failed batch, each run again alone (waiting for it): only one that
        fails on its own becomes a failed record."""
        records = []
        for document in batch:
            try:
                records.append(self._result(self._submit([document])))
            except ModelError:
                raise
            except Exception as exc:
                logger.error("%s: %s: failed on its own: %s", document.source, document.title, exc)
                records.append(_lost([document], exc))
                self._recover(exc)
        return records

    def _recover(self, exc: BaseException) -> None:
        """Make the executor usable again after a worker died (default: nothing to do)."""

    def submit(self, batch: Batch) -> None:
        """Send a batch out, first waiting while too much work is in flight."""
        size = _size(batch)
        while self._pending and self._full(size):
            self._collect(self._wait_first(list(self._pending)))
        future = self._submit(batch)
        self._pending[future] = batch
        self._sizes[future] = size

    def _full(self, size: int) -> bool:
        """Whether another batch of ``size`` bytes would be too much in flight."""
        if len(self._pending) >= self.max_in_flight:
            return True
        return bool(self.max_bytes) and sum(self._sizes.values()) + size > self.max_bytes

    def ready(self) -> list[Records]:
        """The batches finished so far (without waiting)."""
        done = [future for future in self._pending if future.done()]
        if done:
            self._collect(done)
        ready, self._ready = self._ready, []
        return ready

    def drain(self) -> Iterator[Records]:
        """Wait for every batch in flight, yielding each as it finishes."""
        yield from self.ready()
        while self._pending:
            self._collect(self._wait_first(list(self._pending)))
            yield from self.ready()

    def close(self) -> None:
        """Stop the workers (batches still in flight are abandoned)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Done:
    """A finished in-process batch, shaped like a future."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def done(self) -> bool:
        return True

    def result(self) -> Records:
        return self._records


class InProcessExecutor(Executor):
    """Processes each batch at once, in this process (``--workers 1``)."""

    def __init__(self, factory: StageFactory) -> None:
        super().__init__(factory, max_in_flight=1)
        stages_for(factory)

    def _submit(self, batch: Batch) -> Any:
        return _Done(process_batch(self.factory, batch))

    def _wait_first(self, pending: list[Any]) -> list[Any]:
        return pending


def _pool_worker(factory: StageFactory, niceness: int) -> None:
    """Pool initializer: lower this worker's priority, then build the stages."""
    if niceness:
        with contextlib.suppress(OSError):  # not permitted: run at the same priority
            os.nice(niceness)
    initialize(factory)


class PoolExecutor(Executor):
    """A pool of worker processes, each building the stages once in its initializer.

    The workers run ``niceness`` steps below this process's priority: the process that reads
    the input (and its decompressor) is what the workers wait for, so it gets a core whenever it
    can use one, and the workers take the rest (all of it once reading is done). On a busy
    2-core machine this cut a dump run's wall time by a sixth: bz2 decompression also costs
    more CPU when it shares the cores' caches with parsing.

    ``preload`` names modules the pool's forkserver imports before it forks the workers, such
    as :mod:`definiens.run.preload_define`: work done at their import (loading a model) is done
    once and shared by every worker. It takes effect when this process's forkserver starts.
    """

    def __init__(
        self,
        factory: StageFactory,
        workers: int,
        max_in_flight: int = 0,
        preload: Sequence[str] = (),
        niceness: int = WORKER_NICENESS,
    ) -> None:
        super().__init__(
            factory, max_in_flight or BATCHES_PER_WORKER * workers, MAX_BYTES_IN_FLIGHT
        )
        self.workers = workers
        self.preload = list(preload)
        self.niceness = niceness
        self._pool = self._start()

    def _start(self) -> cf.ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        if self.preload:
            context.set_forkserver_preload(["__main__", *self.preload])
        return cf.ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_pool_worker,
            initargs=(self.factory, self.niceness),
        )

    def _submit(self, batch: Batch) -> Any:
        return self._pool.submit(process_batch, self.factory, batch)

    def _wait_first(self, pending: list[Any]) -> list[Any]:
        done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
        return list(done)

    def _recover(self, exc: BaseException) -> None:
        if not isinstance(exc, cf.process.BrokenProcessPool):
            return
        try:  # the futures of a pool already replaced fail too: restart only a broken pool
            self._pool.submit(int)
        except cf.process.BrokenProcessPool:
            logger.warning("a worker process died; starting a new pool")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    """Batches run as tasks on a dask.distributed cluster (its scheduler's address)."""

    def __init__(self, factory: StageFactory, address: str, max_in_flight: int = 0) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - distributed is a dependency
            raise UsageError("--scheduler needs the 'distributed' package") from exc
        try:
            self._client = Client(address, timeout=30)
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        threads = sum(self._client.nthreads().values())
        self.workers = max(1, threads)
        super().__init__(
            factory, max_in_flight or BATCHES_PER_WORKER * self.workers, MAX_BYTES_IN_FLIGHT
        )
        self._client.run(initialize, factory)

    def _submit(self, batch: Batch) -> Any:
        return self._client.submit(process_batch, self.factory, batch, pure=False)

    def _wait_first(self, pending: list[Any]) -> list[Any]:
        from distributed import wait

        done, _ = wait(pending, return_when="FIRST_COMPLETED")
        return list(done)

    def close(self) -> None:
        for future in self._pending:
            future.cancel()
        self._client.close()
