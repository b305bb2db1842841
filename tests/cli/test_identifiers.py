"""``definiens identifiers TEX``: a JSON list on stdout, flags as a warning on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from definiens.cli.main import main


def test_prints_identifiers_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identifiers", r"W(2, k) > 2^k/k^\varepsilon"]) == 0
    out, err = capsys.readouterr()
    assert out == '["W", "k", "\\\\varepsilon"]\n'
    assert err == ""


def test_details_give_spans_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identifiers", "--details", "x_0 + x_0"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"tex": "x_{0}", "start": 0, "end": 3, "count": 2}
    ]


def test_formula_starting_with_minus_after_double_dash(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identifiers", "--", "-x^2 + \\alpha"]) == 0
    assert json.loads(capsys.readouterr().out) == ["x", "\\alpha"]


def test_flags_go_to_stderr_as_one_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["identifiers", r"\frac{a}{\foo b"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == ["a", "b"]
    assert err == "definiens: warning: unknown_macro:\\foo, unbalanced_braces\n"


def test_console_script_runs_as_a_process() -> None:
    script = Path(sys.executable).parent / "definiens"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "definiens.cli.main"]
    result = subprocess.run(
        [*command, "identifiers", r"E_\text{k} = \tfrac12 m v^2"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["E_{\\mathrm{k}}", "m", "v"]
