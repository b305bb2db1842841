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


def test_first_meaning_scores_the_first_row_of_each_gold_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = [
        {
            "formula": {"qID": "q1", "fid": "0", "math_inputtex": "E = mc^2", "title": "Energy"},
            "definitions": {"E": ["energy"], "m": ["mass"], "c": ["speed of light"]},
            "stated": {"E": True, "m": True, "c": False},
        }
    ]
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    rows = "qId,title,identifier,definiens\nq1,Energy,E,energy\nq1,Energy,E,power\n"
    rows += "q1,Energy,m,speed\nq1,Energy,c,speed of light\n"
    (tmp_path / "out.csv").write_text(rows, encoding="utf-8")
    args = ["evaluate", "--first-meaning", "--gold", str(tmp_path / "gold.json")]
    assert main([*args, str(tmp_path / "out.csv")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["stated", "0.500", "0.500", "0.500", "2"]
    assert lines[2].split() == ["inferred", "1.000", "1.000", "1.000", "1"]
    assert main([*args, "--json", "--details", str(tmp_path / "out.csv")]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["all"]["right"] == 2 and payload["all"]["gold_pairs"] == 3
    assert len(payload["answers"]) == 3
