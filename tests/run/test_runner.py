"""run_corpus over real pages: nothing lost, idempotent, resumable, same result on a pool."""

from __future__ import annotations

import bz2
import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from definiens.errors import InputError
from definiens.ingest import read_inputs
from definiens.run import InProcessExecutor, PoolExecutor, run_corpus
from definiens.store import Database
from definiens.store.records import FAILED

from .helpers import N_MATH, N_PAGES, PAGES, PLANETMATH, contents, formula_stages


def _run(db_path: Path, inputs: list[Path], workers: int = 1, **options: object) -> dict:
    executor = (
        InProcessExecutor(formula_stages) if workers == 1 else PoolExecutor(formula_stages, workers)
    )
    with Database(db_path) as db, executor:
        summary = run_corpus(inputs, db, executor, show_progress=False, **options)  # type: ignore[arg-type]
    return summary.counts


def _statuses(db_path: Path) -> dict[str, int]:
    with Database(db_path, readonly=True) as db:
        stats = db.stats()
    return {key: stats[key] for key in ("pages", "processed", "skipped", "failed")}


def test_every_page_read_ends_as_exactly_one_row(db_path: Path) -> None:
    inputs = [PAGES, PLANETMATH]
    expected = sum(1 for _ in read_inputs(inputs))
    counts = _run(db_path, inputs, chunk_size=3)
    stats = _statuses(db_path)
    assert counts["pages"] == stats["pages"] == expected
    assert stats["processed"] + stats["skipped"] + stats["failed"] == expected
    assert stats["processed"] >= N_MATH
    with Database(db_path, readonly=True) as db:
        unexplained = db.execute(
            "SELECT title FROM documents WHERE status != 'processed' AND "
            "(reason IS NULL OR reason = '')"
        )
        assert unexplained == []
        skipped = db.execute(
            "SELECT title FROM documents WHERE source = ? AND status = 'skipped'", (str(PAGES),)
        )
        assert len(skipped) == N_PAGES - N_MATH
        (run,) = db.execute("SELECT status, pages, processed, skipped, failed FROM runs")
        assert tuple(run) == (
            "finished",
            expected,
            stats["processed"],
            stats["skipped"],
            stats["failed"],
        )


def test_running_twice_duplicates_nothing(tmp_path: Path) -> None:
    once, twice = tmp_path / "once.db", tmp_path / "twice.db"
    _run(once, [PAGES])
    _run(twice, [PAGES])
    second = _run(twice, [PAGES])
    assert second["processed"] == N_MATH
    assert contents(twice) == contents(once)
    assert contents(once)["formulas"]


def test_resume_sends_only_what_is_missing(tmp_path: Path) -> None:
    full, partial = tmp_path / "full.db", tmp_path / "partial.db"
    _run(full, [PAGES])
    _run(partial, [PAGES])
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute(
            "DELETE FROM documents WHERE doc IN (SELECT doc FROM documents "
            "WHERE status = 'processed' ORDER BY doc DESC LIMIT 2)"
        )
    conn.close()
    counts = _run(partial, [PAGES], resume=True)
    assert counts["already_done"] == N_MATH - 2
    assert counts["processed"] == 2
    assert contents(partial) == contents(full)


def test_a_process_pool_gives_the_same_database(tmp_path: Path) -> None:
    local, pool = tmp_path / "local.db", tmp_path / "pool.db"
    _run(local, [PAGES, PLANETMATH])
    _run(pool, [PAGES, PLANETMATH], workers=2, chunk_size=2)
    assert contents(pool) == contents(local)


def test_a_truncated_dump_keeps_the_pages_before_and_records_the_damage(tmp_path: Path) -> None:
    # a multistream dump, as Wikipedia's: the first pages in one bz2 stream, the rest in another
    text = PAGES.read_bytes()
    cut = text.index(b"</page>", text.index(b"</page>") + 1) + len(b"</page>")
    rest = bz2.compress(text[cut:])
    dump = tmp_path / "truncated.xml.bz2"
    dump.write_bytes(bz2.compress(text[:cut]) + rest[: len(rest) // 2])
    db_path = tmp_path / "results.db"
    executor = InProcessExecutor(formula_stages)
    with Database(db_path) as db, executor:
        summary = run_corpus([dump], db, executor, show_progress=False)
    stats = _statuses(db_path)
    # the two whole pages; the damage falls between pages, so it is the input's, not a page's
    assert summary.counts["pages"] == stats["pages"] == 2 and stats["failed"] == 0
    assert len(summary.input_errors) == 1 and "truncated" in summary.input_errors[0]
    with Database(db_path, readonly=True) as db:
        (error,) = [row[0] for row in db.execute("SELECT error FROM inputs")]
        (status,) = [row[0] for row in db.execute("SELECT status FROM runs")]
    assert "truncated" in error and "reading stopped" in error and status == "failed"


def test_a_page_cut_by_the_end_of_a_dump_is_failed_and_replaced_when_complete(
    tmp_path: Path,
) -> None:
    text = PAGES.read_bytes()
    third = text.index(b"<page>", text.index(b"</page>", text.index(b"</page>") + 1))
    cut = text.index(b"</title>", third) + 200  # inside the third page, after its title and id
    dump = tmp_path / "dump.xml"
    dump.write_bytes(text[:cut])
    db_path = tmp_path / "results.db"
    first = _run(db_path, [dump])
    assert first["pages"] == 3 and first[FAILED] == 1
    dump.write_bytes(text)  # the download completed
    _run(db_path, [dump], resume=True)
    stats = _statuses(db_path)
    assert stats["pages"] == N_PAGES and stats["failed"] == 0  # the failed row was replaced


def test_a_missing_input_is_an_input_error(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        _run(db_path, [tmp_path / "missing.xml.bz2"])


def test_progress_shows_counts_and_reaches_the_input_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "pages.xml.bz2"
    dump.write_bytes(bz2.compress(PAGES.read_bytes()))
    with Database(tmp_path / "results.db") as db, InProcessExecutor(formula_stages) as executor:
        run_corpus([dump], db, executor, show_progress=True)
    last = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("100%")
    skipped = N_PAGES - N_MATH
    assert f"read={N_PAGES} processed={N_MATH} skipped={skipped} failed=0" in last
    assert "pages/s" in last


def test_resuming_with_other_settings_says_what_stays(
    db_path: Path,
    log_records: Callable[[str], AbstractContextManager[list[logging.LogRecord]]],
) -> None:
    with log_records("definiens.run.runner") as records:
        _run(db_path, [PAGES], options={"definitions": False})
        _run(db_path, [PAGES], resume=True, options={"definitions": False})
        assert not records
        _run(db_path, [PAGES], resume=True, options={"definitions": True})
    (warning,) = [r.getMessage() for r in records]
    assert "definitions=False" in warning and "without --resume" in warning
