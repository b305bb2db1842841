"""Every benchmark says where its data comes from, and stops with one line when it is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py") if "__main__" in p.read_text("utf-8"))


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_every_benchmark_is_checked() -> None:
    assert len(SCRIPTS) >= 9 and "bench_define.py" in SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_says_where_the_data_comes_from(script: str) -> None:
    result = _run(script, "--help")
    assert result.returncode == 0, result.stderr
    assert "Data:" in result.stdout


@pytest.mark.parametrize("script", SCRIPTS)
def test_missing_data_is_one_line_and_exit_1(script: str, tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    options = ["--page", str(missing)] if script == "bench_web.py" else ["--data", str(missing)]
    if script == "bench_namespaces.py":
        options += ["--db", str(tmp_path / "none.db"), "--folder", str(tmp_path / "none")]
    result = _run(script, *options)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{script}: error: benchmark data not found: {missing}")
