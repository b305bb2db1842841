"""The real thing, with the default stages: ``definiens run`` killed with SIGKILL midway then
resumed, and a run on a Dask LocalCluster of 2 workers; both must give the database of an
uninterrupted local run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from definiens.cli.main import main

from .helpers import PAGES, PLANETMATH, contents

pytestmark = pytest.mark.slow  # the default stages load spaCy in every process

INPUTS = [str(PAGES), str(PLANETMATH)]
# the command's entry point (``python -m definiens.cli.main`` warns: cli/__init__ imports main)
ENTRY = "import sys; from definiens.cli.main import main; sys.exit(main())"


def _command(db: Path, *options: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        ENTRY,
        "run",
        *INPUTS,
        "--db",
        str(db),
        "--no-progress",
        *options,
    ]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reference") / "results.db"
    subprocess.run(_command(db, "--workers", "1"), check=True, capture_output=True)
    return db


def _processed(db: Path) -> dict[tuple[str, str], int]:
    """Processed documents and their formula counts, as committed so far."""
    if not db.exists():
        return {}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute(
            "SELECT d.source, d.id, (SELECT COUNT(*) FROM formulas f WHERE f.doc = d.doc) "
            "FROM documents d WHERE d.status = 'processed'"
        ).fetchall()
    except sqlite3.OperationalError:  # the schema is not there yet
        return {}
    finally:
        conn.close()
    return {(source, id_): n for source, id_, n in rows}


def test_resume_after_kill_9_finishes_without_duplicates(reference: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        _command(db, "--workers", "1", "--chunk-size", "1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while not _processed(db) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    before = _processed(db)
    expected = _processed(reference)
    assert 0 < len(before) < len(expected), "the kill must land midway"
    # every committed document is whole: as many formulas as in the uninterrupted run
    assert before == {key: expected[key] for key in before}

    result = subprocess.run(
        _command(db, "--workers", "1", "--resume"), check=True, capture_output=True, text=True
    )
    assert f'"already_done": {len(before)}' in result.stdout
    assert contents(db) == contents(reference)
    runs = sqlite3.connect(db).execute("SELECT status FROM runs ORDER BY run").fetchall()
    assert runs == [("running",), ("finished",)]  # the killed run never finished


def test_a_dask_cluster_gives_the_database_of_a_local_run(
    reference: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from distributed import LocalCluster

    db = tmp_path / "dask.db"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        status = main(
            [
                "run",
                *INPUTS,
                "--db",
                str(db),
                "--no-progress",
                "--chunk-size",
                "2",
                "--scheduler",
                cluster.scheduler_address,
            ]
        )
    assert status == 0, capsys.readouterr().err
    assert contents(db) == contents(reference)
