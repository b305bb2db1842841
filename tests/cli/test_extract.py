"""``definiens extract`` through the real entry point, and once as a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from definiens.cli.main import main

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.mark.slow
def test_jsonl_lists_every_page_with_its_formulas(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", str(DATA / "pages-dev-5.xml"), "--format", "jsonl"])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert status == 0
    assert [r["title"] for r in records] == [
        "Van der Waerden's theorem",
        "Singularity spectrum",
        "Vienna rectifier",
        "Doomsday argument",
        "Yield surface",
    ]
    assert sum(len(r["formulas"]) for r in records) == 450
    assert records[0]["formulas"][25]["tex"].startswith("W(r,k) \\leq 2^{2^{r^{2^{2^{k + 9}}}}}")
    assert (
        captured.err.strip()
        .splitlines()[-1]
        .startswith("definiens: 5 documents, 450 formulas, 0 skipped, 0 failed, ")
    )


@pytest.mark.slow
def test_csv_has_one_row_per_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "formulas.csv"
    status = main(["extract", str(DATA / "markdown"), "--format", "csv", "-o", str(out)])
    assert status == 0 and capsys.readouterr().out == ""
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][:5] == ["id", "title", "source", "formula", "tex"]
    assert len(rows) == 1 + 19
    assert rows[1][0] == "energy.md" and rows[1][4] == "E_k = \\frac{1}{2} m v^2"


@pytest.mark.slow
def test_problems_are_warned_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("Fine $x$.\nCosts $5 today.\n", encoding="utf-8")
    status = main(["extract", str(bad), str(DATA / "markdown" / "notes.txt")])
    err = capsys.readouterr().err
    assert status == 0
    assert f"definiens: warning: {bad}: bad: line 2: unbalanced $" in err
    assert "2 documents, 5 formulas, 0 skipped, 0 failed, 1 problems" in err


def test_unreadable_input_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["extract", str(tmp_path / "missing.xml")])
    err = capsys.readouterr().err
    assert status == 1
    assert err == f"definiens: error: {tmp_path / 'missing.xml'}: no such file or folder\n"
    assert "Traceback" not in err


@pytest.mark.slow
def test_quiet_prints_nothing_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", "--quiet", str(DATA / "markdown" / "notes.txt")])
    captured = capsys.readouterr()
    assert status == 0 and captured.err == "" and len(captured.out.splitlines()) == 1


@pytest.mark.slow
def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "definiens"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "definiens.cli.main"]
    truncated = tmp_path / "broken.xml"
    truncated.write_text((DATA / "enwiki-fragment-3.xml").read_text(encoding="utf-8")[:-3000])
    result = subprocess.run(
        [*command, "extract", str(truncated), str(DATA / "markdown" / "notes.txt")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert titles == ["Automorphism", "notes"]  # the cut ran into the 2nd of the 3 pages
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    page, stopped = warnings  # the page the cut ran into, then the file: reading stopped
    assert "broken.xml: line" in page and "broken.xml: line" in stopped
    assert "reading stopped" in stopped and "reading stopped" not in page
    assert "Traceback" not in result.stderr
    assert "1 failed" in result.stderr.splitlines()[-1]
