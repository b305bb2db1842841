"""The CLI turns errors into one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from definiens.cli.main import main


def test_missing_input_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.xml"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("definiens: error:")
    assert "nowhere.xml" in err[0]


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract"])
    assert exit_info.value.code == 2


def test_python_dash_m_runs_the_command_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "definiens", "extract", str(tmp_path / "missing.tex")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "missing.tex" in result.stderr


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "definiens", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("definiens ")


@pytest.mark.parametrize(
    ("options", "level"),
    [
        (["-q", "stats", "DB"], logging.ERROR),
        (["stats", "DB", "-q"], logging.ERROR),
        (["stats", "--quiet", "DB"], logging.ERROR),
        (["stats", "DB", "-v"], logging.INFO),
        (["-v", "stats", "DB", "-v"], logging.DEBUG),
        (["stats", "DB"], logging.WARNING),
    ],
)
def test_verbosity_options_work_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], level: int
) -> None:
    missing = str(tmp_path / "missing.db")
    args = [missing if o == "DB" else o for o in options]
    args.insert(args.index(missing), "--db")
    assert main(args) == 1  # no such database: a plain error, not a usage error (2)
    assert "missing.db" in capsys.readouterr().err
    assert logging.getLogger("definiens").level == level
    main(["stats", "--db", missing])  # back to the default level for the tests that follow
