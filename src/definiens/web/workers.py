"""Annotate texts in worker processes, each request under a time limit, with a result cache.

spaCy work is CPU-heavy: run in the server's event loop it would stall every other request, and
a thread cannot be stopped once it runs too long. So each worker is a process of its own (the
``spawn`` start method: no fork of a threaded server) that loads the pipeline once and then
answers jobs from a pipe, each within the server's :class:`~definiens.web.budget.Budget` (so
that no input holds a worker for long: what is beyond it is answered as a ``too-complex``
problem). A job that overruns the time limit has its worker killed and replaced,
and the request answers 503; a worker that dies (killed, crashed) is replaced and the job tried
once more. Answers are cached by a hash of (format, title, text), and identical
requests in flight share one computation.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
import multiprocessing
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from definiens import errors
from definiens.errors import DefiniensError
from definiens.web.budget import Budget

__all__ = ["AnnotatePool", "annotate_job"]

logger = logging.getLogger(__name__)

CACHE_BYTES = 64 * 1024 * 1024
WARM_UP_TEXT = "By Einstein, $E = mc^2$, where $E$ is the energy of the body."


def annotate_job(
    text: str, fmt: str, title: str, budget: Budget | None = None
) -> tuple[str, Any, str]:
    """Run one job within ``budget``; returns ``("ok", json_bytes, "")`` or ``(error class
    name, message, "")``."""
    from definiens.web.budget import annotate_within
    from definiens.web.payload import payload_json

    try:
        return "ok", payload_json(annotate_within(text, fmt, title, budget)), ""
    except DefiniensError as exc:
        return type(exc).__name__, str(exc), ""
    except Exception as exc:  # a bug in a stage: reported, the worker goes on
        logger.exception("annotate failed")
        return "internal", f"{type(exc).__name__}: {exc}", ""


def _worker_main(conn: Connection, warm_up: bool, budget: Budget) -> None:
    """A worker process: load the pipeline, then answer jobs until the pipe closes.

    The cyclic garbage collector does not run during a job (its passes over a heap that
    grows by a million small objects cost as much as the job itself): it runs once after
    the answer is sent, over what the jobs left, the loaded pipeline being frozen out of it.
    """
    if warm_up:
        annotate_job(WARM_UP_TEXT, "markdown", "warm-up", budget)
        gc.collect()
        gc.freeze()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        text, fmt, title = job
        gc.disable()
        try:
            answer = annotate_job(text, fmt, title, budget)
        finally:
            gc.enable()
        conn.send(answer)
        del answer
        gc.collect()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _killed: bool = False

    def call(self, job: tuple[str, str, str]) -> tuple[str, Any, str]:
        self.conn.send(job)
        result: tuple[str, Any, str] = self.conn.recv()
        return result

    def kill(self) -> None:
        """Stop the process and close its pipe; safe to call twice, from two threads (a worker
        being replaced while the server shuts down)."""
        with self._lock:
            if self._killed:
                return
            self._killed = True
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def _start_worker(warm_up: bool, budget: Budget | None = None) -> _Worker:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(
        target=_worker_main,
        args=(child, warm_up, budget or Budget()),
        name="definiens-annotate",
        daemon=True,
    )
    process.start()
    child.close()
    return _Worker(process, parent)


def _raise_for(kind: str, message: str) -> None:
    if kind == "ok":
        return
    cls = getattr(errors, kind, None)
    if isinstance(cls, type) and issubclass(cls, DefiniensError):
        raise cls(message)
    raise RuntimeError(message)


class AnnotatePool:
    """A pool of annotate worker processes; :meth:`annotate` is the one coroutine to call.

    ``time_limit`` (seconds) bounds each request, waiting for a free worker included;
    ``budget`` bounds what a worker reads of one request; at most ``cache_size`` answers (and
    CACHE_BYTES) are kept; 0 disables the cache.
    """

    def __init__(
        self,
        processes: int = 2,
        *,
        time_limit: float = 20.0,
        cache_size: int = 64,
        warm_up: bool = True,
        budget: Budget | None = None,
    ) -> None:
        self.processes = max(1, processes)
        self.budget = budget or Budget()
        self.time_limit = time_limit
        self.cache_size = cache_size
        self.warm_up = warm_up
        self.replaced = 0
        self._stopped = False
        self._threads = ThreadPoolExecutor(1)
        self._cached_bytes = 0
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: list[_Worker] = []
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._inflight: dict[str, asyncio.Future[bytes]] = {}

    async def start(self) -> None:
        """Start the worker processes (they load the pipeline in the background)."""
        loop = asyncio.get_running_loop()
        self._threads = ThreadPoolExecutor(self.processes + 2, thread_name_prefix="annotate")
        self._idle = asyncio.Queue()
        for _ in range(self.processes):
            worker = await loop.run_in_executor(
                self._threads, _start_worker, self.warm_up, self.budget
            )
            self._workers.append(worker)
            self._idle.put_nowait(worker)

    async def stop(self) -> None:
        """Stop every worker and the helper threads."""
        loop = asyncio.get_running_loop()
        self._stopped = True
        for worker in self._workers:
            await loop.run_in_executor(self._threads, worker.kill)
        self._workers.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)

    @property
    def cached(self) -> tuple[int, int]:
        """How many answers the cache holds, and their size in bytes."""
        return len(self._cache), self._cached_bytes

    @property
    def worker_pids(self) -> list[int]:
        """The process ids of the workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    @property
    def alive(self) -> int:
        """How many worker processes are running."""
        return sum(1 for w in self._workers if w.process.is_alive())

    async def annotate(self, text: str, fmt: str, title: str = "text") -> bytes:
        """The JSON answer for ``text``; raises :class:`TimeoutError` past the time limit,
        our own errors for bad input, :class:`RuntimeError` for a crash in a stage."""
        key = hashlib.sha256(f"{fmt}\0{title}\0{text}".encode()).hexdigest()
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        future = self._inflight.get(key)
        if future is None:
            future = asyncio.ensure_future(self._compute(key, (text, fmt, title)))
            self._inflight[key] = future
            future.add_done_callback(lambda done: self._settled(key, done))
        async with asyncio.timeout(self.time_limit):
            return await asyncio.shield(future)

    def _settled(self, key: str, future: asyncio.Future[bytes]) -> None:
        self._inflight.pop(key, None)
        if not future.cancelled():
            future.exception()  # retrieved here, in case every waiter gave up already

    async def _compute(self, key: str, job: tuple[str, str, str]) -> bytes:
        deadline = asyncio.get_running_loop().time() + self.time_limit
        kind, value, _ = await self._run(job, deadline)
        if kind == "died":  # the worker was killed or crashed: one more try on a fresh one
            kind, value, _ = await self._run(job, deadline)
        if kind == "died":
            raise RuntimeError(value)
        _raise_for(kind, value)
        result: bytes = value
        self._remember(key, result)
        return result

    def _remember(self, key: str, answer: bytes) -> None:
        """Keep an answer, dropping the oldest past ``cache_size`` answers or CACHE_BYTES."""
        if self.cache_size <= 0 or len(answer) > CACHE_BYTES // 4:
            return
        self._cache[key] = answer
        self._cached_bytes += len(answer)
        while len(self._cache) > self.cache_size or self._cached_bytes > CACHE_BYTES:
            _, dropped = self._cache.popitem(last=False)
            self._cached_bytes -= len(dropped)

    async def _run(self, job: tuple[str, str, str], deadline: float) -> tuple[str, Any, str]:
        """Run a job on a free worker before ``deadline`` (event-loop time)."""
        assert self._idle is not None, "AnnotatePool.start() was not called"
        loop = asyncio.get_running_loop()
        worker: _Worker | None = None
        try:
            async with asyncio.timeout_at(deadline):
                worker = await self._idle.get()
                result = await loop.run_in_executor(self._threads, worker.call, job)
        except TimeoutError:
            if worker is not None:
                await self._replace(worker)
            raise
        except (EOFError, OSError) as exc:
            assert worker is not None
            await self._replace(worker)
            return "died", f"annotate worker died: {type(exc).__name__}", ""
        self._idle.put_nowait(worker)
        return result

    async def _replace(self, worker: _Worker) -> None:
        """Kill a worker that overran its time limit or died, and start a fresh one."""
        assert self._idle is not None
        loop = asyncio.get_running_loop()
        logger.warning("annotate worker %s stopped; starting another", worker.process.pid)
        await loop.run_in_executor(self._threads, worker.kill)
        if self._stopped:  # the server is shutting down: no fresh worker
            return
        fresh = await loop.run_in_executor(self._threads, _start_worker, self.warm_up, self.budget)
        if self._stopped:
            await loop.run_in_executor(None, fresh.kill)
            return
        self._workers = [w for w in self._workers if w is not worker] + [fresh]
        self.replaced += 1
        self._idle.put_nowait(fresh)
