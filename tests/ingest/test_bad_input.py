"""Bad input: each damaged piece is reported once, naming the file and the page or line, and
the run goes on; only an input that cannot be read at all raises InputError."""

from __future__ import annotations

import bz2
import logging
import os
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from definiens.errors import InputError
from definiens.ingest import read_inputs

from .helpers import DATA, documents, failed, read_all

PAGES = DATA / "pages-dev-5.xml"
NEXT = DATA / "markdown" / "notes.txt"


def _titles(items: list) -> list[str]:
    return [doc.title for doc in documents(items)]


def test_malformed_xml_reports_line_and_page_then_goes_on(tmp_path: Path) -> None:
    text = PAGES.read_text(encoding="utf-8")
    cut = text.index("<title>Vienna rectifier</title>")
    broken = tmp_path / "broken.xml"
    broken.write_text(text[:cut] + "<title>Vienna <b>rectifier</title>" + text[cut + 31 :])
    line = text[:cut].count("\n") + 1
    items = read_all([broken, NEXT])
    whole = _titles(read_all([PAGES]))
    # the damaged page fails; the pages after it and the next input are still read
    assert _titles(items) == [t for t in whole if t != "Vienna rectifier"] + ["notes"]
    (failure,) = failed(items)
    assert failure.title == "Vienna rectifier" and failure.id
    message = str(failure.problem)
    assert "broken.xml" in message and f"line {line}" in message
    assert "malformed XML" in message and "\n" not in message


def _truncated_multistream(tmp_path: Path) -> Path:
    """The 31-page sample as 5 bz2 streams, cut in the middle of the 4th."""
    text = (DATA / "enwiki-sample-31.xml").read_text(encoding="utf-8")
    pages = re.findall(r"[ \t]*<page>.*?</page>", text, re.S)
    streams = [bz2.compress("\n".join(pages[i : i + 7]).encode()) for i in range(0, 31, 7)]
    cut = sum(len(s) for s in streams[:3]) + len(streams[3]) // 2
    truncated = tmp_path / "cut.xml.bz2"
    truncated.write_bytes(b"".join(streams)[:cut])
    return truncated


@pytest.mark.parametrize("parallel", [True, False], ids=["lbzip2-if-installed", "python-bz2"])
def test_truncated_bz2_reports_file_and_page_then_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    if not parallel:
        monkeypatch.setenv("DEFINIENS_NO_LBZIP2", "1")
    items = read_all([_truncated_multistream(tmp_path), NEXT])
    titles = _titles(items)
    assert len(titles) >= 22 and titles[-1] == "notes"
    assert titles[:21] == _titles(read_all([DATA / "enwiki-sample-31.xml"]))[:21]
    # the cut falls between two bz2 streams of whole pages: no page is cut, the file is
    (stopped,) = failed(items)
    assert stopped.problem.kind == "input-stopped" and "reading stopped" in str(stopped.problem)
    message = str(stopped.problem)
    assert "cut.xml.bz2" in message and "truncated" in message and "line " in message
    assert "\n" not in message


def test_a_page_cut_by_the_end_of_the_file_fails_then_the_file_stops(tmp_path: Path) -> None:
    text = PAGES.read_text(encoding="utf-8")
    cut = text.index("</title>", text.index("<title>Vienna rectifier")) + 300
    (tmp_path / "cut.xml").write_text(text[:cut], encoding="utf-8")
    items = read_all([tmp_path / "cut.xml", NEXT])
    page, stopped = failed(items)
    assert (page.title, page.problem.kind) == ("Vienna rectifier", "damaged-page") and page.id
    assert stopped.problem.kind == "input-stopped" and _titles(items)[-1] == "notes"


def test_unreadable_inputs_raise_one_line_input_error(tmp_path: Path) -> None:
    not_bz2 = tmp_path / "junk.xml.bz2"
    not_bz2.write_bytes(b"this is not compressed")
    not_xml = tmp_path / "junk.xml"
    not_xml.write_text("just words", encoding="utf-8")
    empty = tmp_path / "empty.xml"
    empty.write_text("", encoding="utf-8")
    for path in (not_bz2, not_xml, empty):
        with pytest.raises(InputError) as info:
            list(read_inputs([path]))
        assert path.name in str(info.value) and "\n" not in str(info.value)


def test_invalid_utf8_in_dump_is_reported_on_its_page(tmp_path: Path) -> None:
    data = PAGES.read_bytes()
    at = data.index(b"Doomsday argument</title>")
    at = data.index(b"<text", at) + 200
    damaged = tmp_path / "bytes.xml"
    damaged.write_bytes(data[:at] + b"\xff\xfe" + data[at:])
    line = data[:at].count(b"\n") + 1
    items = read_all([damaged, NEXT])
    assert len(documents(items)) == 6
    (doc,) = [d for d in documents(items) if d.problems]
    assert doc.title == "Doomsday argument"
    message = str(doc.problems[0])
    assert "bytes.xml" in message and f"line {line}" in message and "UTF-8" in message


def test_invalid_utf8_in_text_file_names_the_line(tmp_path: Path) -> None:
    damaged = tmp_path / "bytes.md"
    damaged.write_bytes(b"line one $x$\nline two \xc3( $y$\n")
    (doc,) = documents(read_all([damaged]))
    assert [f.tex for f in doc.formulas] == ["x", "y"]
    assert "bytes.md" in str(doc.problems[0]) and "line 2" in str(doc.problems[0])


@pytest.mark.parametrize("suffix", [".md", ".tex"])
def test_unbalanced_dollar_names_the_line_and_keeps_the_rest(tmp_path: Path, suffix: str) -> None:
    damaged = tmp_path / f"dollar{suffix}"
    damaged.write_text("Let $x$ be.\nThe price $5 is high.\n\nThen $y$ holds.\n")
    items = read_all([damaged, NEXT])
    doc = documents(items)[0]
    assert [f.tex for f in doc.formulas] == ["x", "y"]
    (problem,) = doc.problems
    assert f"dollar{suffix}" in str(problem) and "line 2" in str(problem)
    assert "unbalanced $" in str(problem)
    assert "The price $5 is high." in doc.text
    assert _titles(items)[-1] == "notes"


def test_unclosed_math_in_dump_names_page_and_line(tmp_path: Path) -> None:
    dump = tmp_path / "unclosed.xml"
    dump.write_text(
        "<mediawiki><page><title>Broken</title><ns>0</ns><id>1</id><revision><text>"
        "Intro\nwhere &lt;math&gt;x + 1 is\nnext line &lt;math&gt;y&lt;/math&gt;"
        "</text></revision></page></mediawiki>",
        encoding="utf-8",
    )
    (doc,) = documents(read_all([dump]))
    (problem,) = doc.problems
    assert str(problem) == f"{dump}: Broken: line 2: unclosed <math>"
    assert [f.tex for f in doc.formulas] == ["x + 1 is", "y"]
    assert doc.formulas[0].flags == ["unclosed"]


def test_a_bad_file_in_a_folder_fails_alone_and_the_folder_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.tex").write_text("Let $x$ be the variable.\n", encoding="utf-8")
    (folder / "b.xml").write_bytes(b"")  # empty: not XML at all
    (folder / "c.tex").write_text("Let $y$ be the output.\n", encoding="utf-8")
    items = read_all([folder])
    assert _titles(items) == ["a", "c"]
    (bad,) = failed(items)
    assert (bad.id, bad.problem.kind) == ("b.xml", "unreadable-file")
    assert "b.xml" in str(bad.problem) and "empty file" in str(bad.problem)


def test_files_a_folder_cannot_hold_are_left_out_with_a_warning(
    tmp_path: Path, log_records: Callable[[str], AbstractContextManager[list[logging.LogRecord]]]
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.tex").write_text("Let $x$ be the variable.\n", encoding="utf-8")
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4")
    (folder / "scan.png").write_bytes(b"PNG")
    os.mkfifo(folder / "pipe.tex")  # reading it would wait forever
    (folder / "gone.md").symlink_to(folder / "moved.md")  # a dangling link
    with log_records("definiens.ingest.files") as records:
        items = read_all([folder])
    assert _titles(items) == ["a"]
    warnings = sorted(r.getMessage() for r in records if r.levelno == logging.WARNING)
    assert warnings == [
        f"{folder}: 1 broken symbolic link left out: gone.md",
        f"{folder}: 1 file left out, not a regular file: pipe.tex",
        f"{folder}: 2 files left out, not of a kind definiens reads: paper.pdf, scan.png",
    ]
    with pytest.raises(InputError, match="not a regular file"):
        list(read_inputs([folder / "pipe.tex"]))


def test_a_left_out_warning_names_ten_files_and_counts_the_rest(
    tmp_path: Path, log_records: Callable[[str], AbstractContextManager[list[logging.LogRecord]]]
) -> None:
    for number in range(12):
        (tmp_path / f"scan{number:02}.png").write_bytes(b"PNG")
    with log_records("definiens.ingest.files") as records:
        assert read_all([tmp_path]) == []
    (warning,) = [r.getMessage() for r in records]
    names = ", ".join(f"scan{number:02}.png" for number in range(10))
    assert warning.endswith(f"12 files left out, not of a kind definiens reads: {names} and 2 more")


def test_an_input_given_twice_is_read_once(tmp_path: Path) -> None:
    text = tmp_path / "a.tex"
    text.write_text("Let $x$ be the variable.\n", encoding="utf-8")
    assert _titles(read_all([text, tmp_path / ".." / tmp_path.name / "a.tex", NEXT])) == [
        "a",
        "notes",
    ]
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.tex").write_text("Let $y$ be the output.\n", encoding="utf-8")
    # a file and a folder inside a folder also given: read once, with that folder
    assert sorted(_titles(read_all([sub / "b.tex", tmp_path, sub]))) == ["a", "b"]
