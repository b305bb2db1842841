"""A real results database built by ``definiens run`` from 42 real PlanetMath entries of three
fields (tests/data/namespaces), shared by the namespace tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from definiens.cli.main import main

DATA = Path(__file__).parents[1] / "data" / "namespaces" / "planetmath"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("namespaces") / "built.db"
    status = main(["run", str(DATA), "--db", str(db), "--workers", "1", "--no-progress"])
    assert status == 0
    return db


@pytest.fixture
def pm_db(built_db: Path, tmp_path: Path) -> Path:
    """A private copy of the built database (tests write namespaces into it)."""
    copy = tmp_path / "results.db"
    shutil.copy(built_db, copy)
    return copy
