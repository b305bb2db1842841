"""Fuzzing every reader through a real run: random mixtures of pathological pieces, written as
files of each kind (and pages of a dump, some sharing an id), are read, processed (parse and
identify) and written to a real SQLite database. Every page read ends as exactly one row, and
the CPU time stays within a budget per kilobyte."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from definiens.ingest import STOPPED, Failed, read_inputs
from definiens.run import InProcessExecutor, run_corpus
from definiens.store import Database
from scaling import pathological

from .helpers import formula_stages

PIECES = pathological().PIECES
#: CPU seconds a run may take per kilobyte of input, beyond a fixed start (about 50 times
#: what it takes: a budget, not a benchmark).
SECONDS_PER_KB = 0.05
START_SECONDS = 1.0

SUFFIXES = {"wikitext": ".wiki", "latex": ".tex", "markdown": ".md"}
SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _mixtures(reader: str) -> st.SearchStrategy[list[str]]:
    """Pages of one reader: each a random mixture of its pieces, repeated to a few kilobytes."""
    pieces = st.lists(st.sampled_from(PIECES[reader]), min_size=1, max_size=40).map("".join)
    page = st.tuples(pieces, st.integers(1, 60)).map(lambda pair: pair[0] * pair[1])
    return st.lists(page, min_size=1, max_size=5)


def _rows(db_path: Path) -> list[tuple[str, str, str]]:
    with Database(db_path, readonly=True) as db:
        return [tuple(r) for r in db.execute("SELECT id, title, status FROM documents")]


def _run(tmp_path: Path, inputs: list[Path]) -> tuple[int, list[tuple[str, str, str]], float]:
    """The pages read, the rows written and the CPU time of a run over ``inputs``."""
    read = sum(
        1
        for item in read_inputs(inputs)
        if not (isinstance(item, Failed) and item.problem.kind == STOPPED)
    )
    db_path = tmp_path / f"run-{time.monotonic_ns()}.db"
    started = time.process_time()
    with Database(db_path) as db, InProcessExecutor(formula_stages) as executor:
        summary = run_corpus(inputs, db, executor, show_progress=False)
    seconds = time.process_time() - started
    assert summary.counts["pages"] == read
    return read, _rows(db_path), seconds


def _within_budget(seconds: float, inputs: list[Path]) -> bool:
    kilobytes = sum(path.stat().st_size for path in inputs) / 1024
    return seconds <= START_SECONDS + SECONDS_PER_KB * kilobytes


@pytest.mark.parametrize("reader", sorted(SUFFIXES))
@SETTINGS
@given(data=st.data())
def test_every_file_read_ends_as_one_row(tmp_path: Path, reader: str, data: st.DataObject) -> None:
    pages = data.draw(_mixtures(reader))
    folder = tmp_path / f"corpus-{time.monotonic_ns()}"
    folder.mkdir()
    for number, text in enumerate(pages):
        (folder / f"page{number}{SUFFIXES[reader]}").write_text(text, encoding="utf-8")
    read, rows, seconds = _run(tmp_path, [folder])
    assert read == len(pages) == len(rows)
    assert _within_budget(seconds, list(folder.iterdir()))


@SETTINGS
@given(data=st.data())
def test_every_page_of_a_dump_ends_as_one_row(tmp_path: Path, data: st.DataObject) -> None:
    texts = data.draw(_mixtures("wikitext"))
    ids = data.draw(st.lists(st.sampled_from(["1", "2", "3"]), min_size=len(texts)))
    dump = pathological().dump_text(
        "".join(
            pathological().dump_page(f"Page {k}", ids[k], f"<math>x</math> {text}")
            for k, text in enumerate(texts)
        )
    )
    path = tmp_path / f"dump-{time.monotonic_ns()}.xml"
    path.write_text(dump, encoding="utf-8")
    read, rows, seconds = _run(tmp_path, [path])
    assert read == len(texts) == len(rows)
    assert len({row[0] for row in rows}) == len(rows)  # pages with one id: both kept
    assert _within_budget(seconds, [path])


@SETTINGS
@given(data=st.data())
def test_every_notebook_ends_as_one_row(tmp_path: Path, data: st.DataObject) -> None:
    cells = data.draw(_mixtures("markdown"))
    notebook = {
        "cells": [
            {"cell_type": kind, "metadata": {}, "source": text}
            for text in cells
            for kind in ("markdown", "code")
        ],
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
    }
    path = tmp_path / f"notebook-{time.monotonic_ns()}.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    read, rows, seconds = _run(tmp_path, [path])
    assert read == 1 == len(rows)
    assert _within_budget(seconds, [path])
