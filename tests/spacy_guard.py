"""The fast lane: a test session that runs no slow test never loads spaCy.

Loading spaCy and its model costs seconds in every process that does it, so every test that
loads it (directly, or through the define stage, ``api.annotate``, the web annotate workers,
``definiens extract``/``run`` with definitions...) is marked ``slow``, and ``pytest -m "not
slow"`` runs the rest in well under a minute. The marking is checked, not trusted: when the
session selects no slow test (``-m "not slow"``, or a selection that happens to hold none), the
folder ``tests/no_spacy`` goes first on ``sys.path`` and on ``PYTHONPATH``. Its ``spacy`` package
refuses to import and logs the attempt, in this process or any process a test starts; the test
during which the log grew fails, and so does the session if the real spaCy is in
``sys.modules`` at its end. The closing summary says whether the guard was on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator
from pathlib import Path

import pytest
from _pytest.mark.expression import Expression

NO_SPACY = Path(__file__).parent / "no_spacy"
LOG_VARIABLE = "DEFINIENS_SPACY_GUARD_LOG"


class _Guard:
    """The guard's state for one session: on or off, and the attempts already reported."""

    def __init__(self) -> None:
        self.log: Path | None = None
        self.seen = 0

    def switch_on(self, log: Path) -> None:
        self.log = log
        log.write_text("", encoding="utf-8")
        os.environ[LOG_VARIABLE] = str(log)
        sys.path.insert(0, str(NO_SPACY))
        paths = [str(NO_SPACY), *filter(None, [os.environ.get("PYTHONPATH")])]
        os.environ["PYTHONPATH"] = os.pathsep.join(paths)

    def attempts(self) -> list[str]:
        """Every attempt logged so far."""
        if self.log is None or not self.log.exists():
            return []
        return self.log.read_text(encoding="utf-8").splitlines()

    def new_attempts(self) -> list[str]:
        lines = self.attempts()
        new, self.seen = lines[self.seen :], len(lines)
        return new


_guard = _Guard()


def _excludes_slow(config: pytest.Config) -> bool:
    """Whether the ``-m`` expression deselects every test marked ``slow``."""
    expression = config.option.markexpr
    if not expression:
        return False
    return not Expression.compile(expression).evaluate(lambda name, **_: name == "slow")


def _log_path(config: pytest.Config) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="definiens-spacy-guard-"))
    config.add_cleanup(lambda: _remove(folder))
    return folder / "attempts.log"


def _remove(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


def pytest_configure(config: pytest.Config) -> None:
    if _excludes_slow(config) and "spacy" not in sys.modules:
        _guard.switch_on(_log_path(config))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Also guard a selection that holds no slow test, e.g. ``pytest tests/ingest``."""
    if _guard.log is not None or "spacy" in sys.modules or not session.items:
        return
    if not any(item.get_closest_marker("slow") for item in session.items):
        _guard.switch_on(_log_path(session.config))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    attempts = _guard.new_attempts()
    if attempts:
        message = (
            f"{item.nodeid} loaded spaCy ({call.when}) in a session of fast tests; mark it "
            "@pytest.mark.slow. Attempts:\n  " + "\n  ".join(attempts)
        )
        report.outcome = "failed"
        report.sections.append(("spaCy guard", message))
        if call.excinfo is None:
            report.longrepr = message
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _guard.log is None:
        return
    if "spacy" in sys.modules or _guard.attempts():
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _guard.log is None:
        return
    attempts = _guard.attempts()
    if "spacy" in sys.modules:
        terminalreporter.write_line(
            "spaCy guard: FAILED, spaCy is loaded in this process", red=True
        )
    elif attempts:
        terminalreporter.write_line(
            f"spaCy guard: FAILED, {len(attempts)} attempt(s) to load spaCy were refused", red=True
        )
    else:
        terminalreporter.write_line("spaCy guard: on; no process of this session loaded spaCy")
