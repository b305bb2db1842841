"""The CLI refuses to write over what it reads, and reports each error once.

Every test runs the real entry point on real files in ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from definiens.cli.main import main

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
TEX = "We have $E = mc^2$, where $E$ is the energy.\n"


@pytest.fixture
def tex(tmp_path: Path) -> Path:
    path = tmp_path / "paper.tex"
    path.write_text(TEX, encoding="utf-8")
    return path


def _refused(capsys: pytest.CaptureFixture[str], status: int, *words: str) -> str:
    err = capsys.readouterr().err
    assert status != 0
    assert err.count("\n") == 1 and err.startswith("definiens: error: "), err
    assert all(word in err for word in words), err
    return err


# -- extract -o --------------------------------------------------------------------------------


def test_extract_refuses_to_write_over_its_input(
    tex: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["extract", str(tex), "-o", str(tex)])
    _refused(capsys, status, "is the input", str(tex))
    assert tex.read_text(encoding="utf-8") == TEX


def test_extract_refuses_an_output_that_is_the_input_by_another_name(
    tex: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tex.parent / "link.tex"
    os.link(tex, link)
    (tex.parent / "sub").mkdir()
    dotted = tex.parent / "sub" / ".." / tex.name
    for out in (link, dotted):
        _refused(capsys, main(["extract", str(tex), "-o", str(out)]), "is the input")
    assert tex.read_text(encoding="utf-8") == TEX


def test_extract_refuses_an_output_inside_an_input_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "notes"
    shutil.copytree(DATA / "markdown", folder)
    before = sorted(p.name for p in folder.iterdir())
    status = main(["extract", str(folder), "-o", str(folder / "out.md")])
    _refused(capsys, status, "inside the input folder")
    assert sorted(p.name for p in folder.iterdir()) == before


def test_extract_refuses_to_write_over_its_queries(
    tex: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tex.parent / "queries.json"
    queries.write_text("[]", encoding="utf-8")
    args = ["extract", str(tex), "--format", "ident", "--queries", str(queries)]
    _refused(capsys, main([*args, "-o", str(queries)]), "is the input")
    assert queries.read_text(encoding="utf-8") == "[]"


@pytest.mark.slow
def test_extract_writes_next_to_its_input_and_dash_is_stdout(
    tex: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tex.parent)
    out = tex.parent / "paper.jsonl"
    assert main(["extract", "-q", str(tex), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "paper"
    assert main(["extract", "-q", str(tex), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "paper"
    assert not Path("-").exists()


# -- export -o ---------------------------------------------------------------------------------


@pytest.fixture
def small_db(tex: Path) -> Path:
    db = tex.parent / "results.db"
    args = ["run", str(tex), "--db", str(db), "--workers", "1", "--no-progress"]
    assert main([*args, "--no-definitions"]) == 0
    return db


def test_export_refuses_to_write_over_its_database(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = small_db.read_bytes()
    capsys.readouterr()
    status = main(["export", "--db", str(small_db), "--format", "jsonl", "-o", str(small_db)])
    _refused(capsys, status, "would overwrite the database")
    assert small_db.read_bytes() == before
    wal = f"{small_db}-wal"
    status = main(["export", "--db", str(small_db), "--format", "jsonl", "-o", wal])
    _refused(capsys, status, "would overwrite the database")
    assert main(["stats", "--db", str(small_db)]) == 0
    assert json.loads(capsys.readouterr().out)["processed"] == 1


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_folder_export_refuses_a_folder_where_it_would_overwrite_the_database(
    tex: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tex.parent / f"documents.{fmt}"  # a database named like the export's first table
    assert main(["run", str(tex), "--db", str(db), "--workers", "1", "--no-progress"]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    status = main(["export", "--db", str(db), "--format", fmt, "-o", str(tex.parent)])
    _refused(capsys, status, "would overwrite the database")
    assert db.read_bytes() == before


def test_export_jsonl_to_dash_writes_stdout(
    small_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(small_db.parent)
    capsys.readouterr()
    assert main(["export", "--db", str(small_db), "--format", "jsonl", "-o", "-"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["title"] for r in records] == ["paper"]
    assert records[0]["formulas"][0]["tex"] == "E = mc^2"
    assert captured.err == "definiens: exported 1 documents to stdout\n"
    assert not Path("-").exists()


def test_folder_export_to_dash_is_refused(
    small_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(small_db.parent)
    capsys.readouterr()
    status = main(["export", "--db", str(small_db), "--format", "csv", "-o", "-"])
    _refused(capsys, status, "works with --format jsonl only")
    assert not Path("-").exists()


# -- one line per error, one prefix --------------------------------------------------------------


def test_run_reports_an_unreadable_input_once(
    tex: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tex.parent / "bin.xml"
    binary.write_bytes(bytes(range(256)) * 8)
    db = tex.parent / "m.db"
    args = ["run", str(binary), str(tex), "--db", str(db), "--workers", "1", "--no-progress"]
    status = main([*args, "--no-definitions"])
    captured = capsys.readouterr()
    assert status == 1
    assert json.loads(captured.out)["processed"] == 1
    assert captured.err.splitlines() == [f"definiens: error: {binary}: not an XML file"]


@pytest.mark.slow
def test_log_warnings_have_the_lower_case_prefix(
    tex: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tex.parent / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    assert main(["extract", str(tex.parent)]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "left out" in line]
    assert len(warnings) == 1 and warnings[0].startswith(f"definiens: warning: {tex.parent}")
    assert "WARNING" not in err


def test_queries_without_the_ident_format_is_refused(
    tex: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "q.json"
    queries.write_text("[]", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["extract", str(tex), "--queries", str(queries), "-o", str(out)])
    _refused(capsys, status, "--queries", "--format ident")
    assert not out.exists()


@pytest.mark.slow
def test_control_characters_of_the_input_are_shown_not_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "esc.tex"
    page.write_text("Let $\x1b[31mRED{\x1b[0m$ be red.\n", encoding="utf-8")
    assert main(["extract", str(page), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[31mRED" in err


def test_namespaces_and_train_refuse_outputs_over_what_they_read(
    tex: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "r.db"
    assert main(["run", str(tex), "--db", str(db), "--workers", "1", "--no-definitions",
                 "--no-progress"]) == 0  # fmt: skip
    capsys.readouterr()
    before = db.read_bytes()
    for option in ("--export-assignments", "--plot"):
        status = main(["namespaces", "--db", str(db), option, str(db)])
        _refused(capsys, status, option, str(db))
        status = main(["namespaces", "--db", str(db), option, str(tex)])
        _refused(capsys, status, option, str(tex))
    _refused(capsys, main(["namespaces", "--db", str(db), "--plot", str(tmp_path / "x.db")]),
             "--plot", ".png")  # fmt: skip
    assert db.read_bytes() == before and tex.read_text(encoding="utf-8") == TEX
    gold = tmp_path / "gold.json"
    gold.write_text("[]", encoding="utf-8")
    status = main(["train", "--gold", str(gold), "--pages", str(tex), "-o", str(gold)])
    _refused(capsys, status, str(gold))
    _refused(capsys, main(["train", "--folds", "1", "-o", str(tmp_path / "m.json")]), "--folds")
    assert gold.read_text(encoding="utf-8") == "[]"


@pytest.mark.slow
def test_the_text_format_shows_control_characters_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "esc.md"
    page.write_text("Let $\x1b[2Jx$ be the variable.\n", encoding="utf-8")
    assert main(["extract", str(page), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_no_indices_without_the_ident_format_is_refused(
    tex: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    status = main(["extract", str(tex), "--no-indices", "-o", str(out)])
    _refused(capsys, status, "--no-indices", "--format ident")
    assert not out.exists()
