"""Fixtures shared by every test package."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

# The fast lane's guard (see spacy_guard.py): its hooks take effect by being names of this module.
from spacy_guard import (  # noqa: F401
    pytest_collection_finish,
    pytest_configure,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_terminal_summary,
)

Capture = Callable[[str], AbstractContextManager[list[logging.LogRecord]]]


@contextlib.contextmanager
def _captured(name: str) -> Iterator[list[logging.LogRecord]]:
    """The warnings and errors of logger ``name`` while the block runs. A handler on the
    logger itself: the CLI tests configure the package's loggers (level, no propagation),
    which pytest's caplog would then miss."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger(name)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture
def log_records() -> Capture:
    """``with log_records("definiens.x") as records:`` collects that logger's warnings."""
    return _captured
