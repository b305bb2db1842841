"""``definiens define``: the identifier is looked up in canonical TeX, and bad options are
refused with one clear line. The database is made by ``definiens run`` from a real file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from definiens.cli.main import main
from definiens.store import Database, NamespaceTable

pytestmark = pytest.mark.slow  # the definitions stage loads spaCy

TEX = (
    "Let $\\alpha$ be the angle of the triangle, and let $E$ denote the energy of the body. "
    "Here $E_0$ is the rest energy.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("define")
    (folder / "angles.tex").write_text(TEX, encoding="utf-8")
    path = folder / "results.db"
    args = ["run", str(folder / "angles.tex"), "--db", str(path), "--workers", "1"]
    assert main([*args, "--no-progress"]) == 0
    return path


def _define(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(["define", *args, "--db", str(db)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("spelling", ["\\alpha", "α", "{\\alpha}", "$\\alpha$", " α "])
def test_an_identifier_is_found_however_it_is_spelled(
    db: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    status, out, _ = _define(db, capsys, spelling, "--json")
    assert status == 0
    result = json.loads(out)
    assert result["identifier"] == "\\alpha"
    assert [m["meaning"] for m in result["meanings"]] == ["angle"]


def test_a_subscript_is_found_without_braces(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _define(db, capsys, "E_0", "--json")
    assert status == 0
    assert json.loads(out)["identifier"] == "E_{0}"
    assert [m["meaning"] for m in json.loads(out)["meanings"]] == ["rest energy"]


def test_text_with_several_identifiers_is_looked_up_as_given(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _define(db, capsys, "mc")
    assert status == 1 and out == ""
    assert err == "definiens: no meaning found for 'mc'\n"


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (["--limit", "0"], "--limit must be at least 1, not 0"),
        (["--limit", "-1"], "--limit must be at least 1, not -1"),
        (["--examples", "-3"], "--examples must be 0 or more, not -3"),
    ],
)
def test_bad_counts_are_refused(
    db: Path, capsys: pytest.CaptureFixture[str], option: list[str], words: str
) -> None:
    status, out, err = _define(db, capsys, "\\alpha", *option)
    assert status != 0 and out == ""
    assert err == f"definiens: error: {words}\n"


def test_an_unknown_namespace_is_named(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = _define(db, capsys, "\\alpha", "--namespace", "Geometry")
    assert status != 0 and out == ""
    assert err.startswith(f"definiens: error: no namespace named 'Geometry' in {db} (it has none")
    copy = tmp_path / "spaces.db"
    copy.write_bytes(db.read_bytes())
    with Database(copy) as database:
        database.replace_namespaces([NamespaceTable("Algebra"), NamespaceTable("Topology")])
    status, out, err = _define(copy, capsys, "\\alpha", "--namespace", "Geometry")
    assert status != 0 and out == ""
    assert err == (
        f"definiens: error: no namespace named 'Geometry' in {copy} (it has: Algebra, Topology)\n"
    )
    status, _, err = _define(copy, capsys, "\\alpha", "--namespace", "Algebra")
    assert "no namespace" not in err


def test_a_symbol_written_as_a_word_suggests_its_command(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _define(db, capsys, "alpha")
    assert status == 1 and out == ""
    assert err == "definiens: no meaning found for '\\\\mathrm{alpha}' (did you mean: \\alpha)\n"
    status, _, err = _define(db, capsys, "e")
    assert status == 1 and "(did you mean: E)" in err
    status, _, err = _define(db, capsys, "zzz")
    assert status == 1 and "did you mean" not in err


REUSED = """# Mechanics

A body of mass $m$ moving at speed $v$ has $E = \\frac12 m v^2$, where $E$ is the kinetic energy.

# Number theory

Let $E$ be an elliptic curve over $\\mathbb{Q}$. The group $E(\\mathbb{Q})$ is finitely generated.
"""


def test_a_letter_reused_across_sections_lists_each_meaning_with_its_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "reused.md").write_text(REUSED, encoding="utf-8")
    db = tmp_path / "r.db"
    run = ["run", str(tmp_path / "reused.md"), "--db", str(db), "--workers", "1"]
    assert main([*run, "--no-progress", "--top", "1"]) == 0
    status, out, _ = _define(db, capsys, "E", "--json")
    assert status == 0
    meanings = {m["meaning"]: m for m in json.loads(out)["meanings"]}
    assert {"kinetic energy", "elliptic curve"} <= set(meanings)
    assert [e["scope"] for e in meanings["kinetic energy"]["examples"]] == ["Mechanics"]
    assert [e["scope"] for e in meanings["elliptic curve"]["examples"]] == ["Number theory"]
    status, out, _ = _define(db, capsys, "E")
    assert "in Number theory" in out
    with Database(db, readonly=True) as database:
        ((_, document),) = list(database.documents())
    first = {
        f.tex: [document.meanings(i)[0].text for i in f.identifiers if i.tex == "E"]
        for f in document.formulas
    }
    assert first["E = \\frac12 m v^2"] == ["kinetic energy"]
    assert first["E(\\mathbb{Q})"] == ["elliptic curve"]


def test_extract_text_shows_as_many_meanings_as_top_keeps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "stats.md"
    source.write_text(
        "The sample variance is $s^2 = \\frac{1}{n-1}\\sum_i (x_i - \\bar x)^2$, where $s$ "
        "denotes the sample standard deviation.\n",
        encoding="utf-8",
    )
    args = ["extract", str(source), "--format", "text", "--min-score", "0", "-q"]
    lines = {}
    for top in ("1", "3"):
        capsys.readouterr()
        assert main([*args, "--top", top]) == 0
        out = capsys.readouterr().out
        lines[top] = next(line for line in out.splitlines() if line.split()[:1] == ["s"])
    assert lines["1"].count("(") == 1
    assert lines["3"].count("(") == 3
    assert lines["3"].split()[1:4] == ["sample", "standard", "deviation"]
