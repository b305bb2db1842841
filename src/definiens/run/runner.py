"""A corpus run: read inputs, process documents on an executor, write results, one writer.

The main process reads the inputs (cheap: the reader skips pages without mathematics without
parsing them), sends raw documents in batches of ``chunk_size`` to an executor (in-process, a
process pool, a Dask cluster), and writes every finished batch in one transaction. Every page
read ends as exactly one row of ``documents``: processed, skipped (no math) or failed (with its
reason). With ``resume``, documents already processed or skipped are not sent again (failed ones
are); without it they
are processed again and replace the earlier rows (no duplicates either way).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from definiens.errors import InputError
from definiens.ingest.decompress import ReadPosition
from definiens.ingest.files import STOPPED, unique_paths
from definiens.ingest.items import Failed
from definiens.model import Document
from definiens.run.executors import Executor
from definiens.run.progress import Progress
from definiens.store.database import Database
from definiens.store.records import FAILED, DocumentRecord, failed_record, skipped_record

__all__ = ["Reader", "RunSummary", "check_inputs", "run_corpus"]

logger = logging.getLogger(__name__)


class Reader(Protocol):
    """Reads inputs: yields raw documents and the reader's ``Skipped``/``Failed`` items, and
    keeps ``position`` following the file being read (as :func:`definiens.ingest.read_inputs`)."""

    def __call__(
        self, paths: Sequence[Path], *, position: ReadPosition | None = None
    ) -> Iterable[Any]: ...


# Skipped and failed pages are written in transactions of this many documents.
_WRITE_BATCH = 2000


@dataclass
class RunSummary:
    """What a run did: its id, page counts, unreadable inputs and duration."""

    run: int
    counts: dict[str, int]
    input_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.input_errors


def _default_reader() -> Reader:
    from definiens.ingest import read_inputs

    return read_inputs


class _Run:
    """The state of one run: the batch being filled, records waiting to be written."""

    def __init__(
        self,
        database: Database,
        executor: Executor,
        progress: Progress,
        *,
        run: int,
        chunk_size: int,
        resume: bool,
    ) -> None:
        self.database = database
        self.executor = executor
        self.progress = progress
        self.run = run
        self.chunk_size = max(1, chunk_size)
        self.resume = resume
        self.batch: list[Document] = []
        self.unsent: list[DocumentRecord] = []

    def handle(self, item: Any) -> None:
        """Route one item of the reader: a document to process, a skipped or failed page."""
        self.progress.add("read")
        if isinstance(item, Document):
            self.batch.append(item)
            if len(self.batch) >= self.chunk_size:
                self.dispatch()
        elif hasattr(item, "reason"):
            self.unsent.append(skipped_record(item))
        else:
            self.unsent.append(failed_record(item, str(getattr(item, "problem", item))))
        if len(self.unsent) >= _WRITE_BATCH:
            self.write(self.unsent)
            self.unsent = []

    def dispatch(self) -> None:
        """Send the current batch (minus documents already committed, when resuming)."""
        batch, self.batch = self.batch, []
        if self.resume and batch:
            done = self.database.committed([(d.source, str(d.id)) for d in batch])
            if done:
                self.progress.add("done", len(done))
                batch = [d for d in batch if (d.source, str(d.id)) not in done]
        if batch:
            self.executor.submit(batch)
        for records in self.executor.ready():
            self.write(records)

    def write(self, records: list[DocumentRecord]) -> None:
        """Write whole documents in one transaction and count them by status."""
        if not records:
            return
        self.database.write_documents(records, self.run)
        for record in records:
            self.progress.add(record.status)

    def finish(self) -> None:
        """Send the last batch, wait for all work, and write everything left."""
        self.dispatch()
        self.write(self.unsent)
        self.unsent = []
        for records in self.executor.drain():
            self.write(records)


def _items(paths: Sequence[Path], read: Reader, state: _Run, errors: list[str]) -> Iterator[Any]:
    for path in paths:
        state.progress.start_input(path)
        stopped: list[str] = []
        try:
            for item in read([path], position=state.progress.position):
                if isinstance(item, Failed) and item.problem.kind == STOPPED:
                    stopped.append(str(item.problem))  # the file broke off: not a page
                    logger.error("%s", item.problem)
                else:
                    yield item
        except InputError as exc:
            stopped.append(str(exc))
            logger.error("%s", exc)
        errors.extend(stopped)
        error = "; ".join(stopped) or None
        size = path.stat().st_size if path.is_file() else None
        state.database.record_input(state.run, str(path), size, error)
        state.progress.end_input(path)


def _warn_if_settings_differ(database: Database, options: dict[str, Any]) -> None:
    """With ``--resume``, the documents already done keep what the earlier run made of them:
    say so when that run had the definitions stage on and this one off, or the reverse."""
    earlier = database.last_run_options() or {}
    before, now = earlier.get("definitions"), options.get("definitions")
    if before is not None and now is not None and before != now:
        logger.warning(
            "--resume: the earlier run had definitions=%s, this one definitions=%s; documents "
            "already done keep the earlier settings (run without --resume to redo them)",
            before,
            now,
        )


def check_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """The inputs as paths; :class:`InputError` names the first one that does not exist."""
    inputs = unique_paths(paths)
    for path in inputs:
        if not path.exists():
            raise InputError("no such file or folder", location=str(path))
    return inputs


def run_corpus(
    paths: Sequence[str | Path],
    database: Database,
    executor: Executor,
    *,
    chunk_size: int = 8,
    resume: bool = False,
    show_progress: bool = True,
    read: Reader | None = None,
    options: dict[str, Any] | None = None,
) -> RunSummary:
    """Process every page of ``paths`` into ``database``; return what happened.

    ``read`` yields, for a list of paths, raw :class:`Document` items and the reader's
    ``Skipped``/``Failed`` items (default :func:`definiens.ingest.read_inputs`).
    """
    started = time.monotonic()
    inputs = check_inputs(paths)
    if resume:
        _warn_if_settings_differ(database, options or {})
    run = database.begin_run(
        {
            **(options or {}),
            "inputs": [str(p) for p in inputs],
            "resume": resume,
            "chunk_size": chunk_size,
            "workers": executor.workers,
        }
    )
    progress = Progress(inputs, show=show_progress)
    state = _Run(database, executor, progress, run=run, chunk_size=chunk_size, resume=resume)
    errors: list[str] = []
    status = "failed"
    try:
        for item in _items(inputs, read or _default_reader(), state, errors):
            state.handle(item)
        state.finish()
        status = "finished" if not errors else "failed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        progress.close()
        counts = {key: progress.counts[key] for key in ("read", "processed", "skipped", FAILED)}
        counts["pages"] = counts.pop("read")
        counts["already_done"] = progress.counts["done"]
        database.finish_run(run, status, counts)
    return RunSummary(run, counts, errors, time.monotonic() - started)
