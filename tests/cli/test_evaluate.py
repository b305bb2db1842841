"""``definiens evaluate`` through the real command entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from definiens.cli.main import main

DATA = Path(__file__).parent.parent / "data" / "ntcir11"


def test_evaluate_prints_the_baseline_figures(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["evaluate", "--gold", str(DATA / "gold-dev.json"), str(DATA / "mlp-baseline-dev.csv")]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "precision 0.140" in out
    assert "recall    0.189" in out
    assert "F1        0.161" in out


def test_evaluate_json_with_details(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "evaluate",
            "--json",
            "--details",
            "--gold",
            str(DATA / "gold-dev.json"),
            str(DATA / "mlp-baseline-dev.csv"),
        ]
    )
    payload = json.loads(capsys.readouterr().out)
    assert status == 0
    assert payload["true_positives"] == 27
    assert len(payload["formulas"]) == 50


def test_evaluate_missing_csv_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["evaluate", "--gold", str(DATA / "gold-dev.json"), str(tmp_path / "no.csv")])
    err = capsys.readouterr().err
    assert status == 1
    assert "no.csv" in err and err.count("\n") == 1
