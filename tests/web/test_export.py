"""The self-contained annotated page (``definiens html``, ``Page`` in a notebook): everything it
needs is inside it, its scripts are the only ones its policy lets run, the data cannot end
its script element, and ``definiens html --db`` writes a database document."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from definiens.cli.main import main
from definiens.formulas import identify
from definiens.ingest import from_text, parse
from definiens.model import Definiens, Document
from definiens.web.export import SCRIPTS, STATIC, Page, page_html

TRICKY = "Let $x$ be </script><script>alert(1)</script> & <!-- here -->, where $x$ is a real."


def processed(text: str = TRICKY) -> Document:
    document = identify(parse(from_text(text, "markdown", title="Tricky </title> text")))
    document.definitions = {"x": [Definiens("x", "real </script>", 0.8, "pattern", text, 0, 5)]}
    return document


def scripts_of(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def test_the_page_holds_everything_and_loads_nothing() -> None:
    page = page_html(processed())
    assert "<link" not in page and "src=" not in page.split('id="definiens-data"')[0]
    assert re.search(r"url\((?!data:)", page) is None  # every font is a data URL
    assert page.count("font/woff2;base64,") >= 15
    assert len(scripts_of(page)) == len(SCRIPTS)
    assert "Tricky &lt;/title&gt; text — annotated by definiens" in page


def test_the_page_reads_like_the_served_reading_view() -> None:
    """The reading view's markup is the served page's, with the title as the one <h1>."""
    page = page_html(processed())
    served = (Path(STATIC) / "index.html").read_text(encoding="utf-8")
    reading = re.search(r'<div id="reading".*?</aside>\s*</div>', served, re.S)[0]
    assert (
        reading.replace('<h2 id="doc-title"', '<h1 id="doc-title"').replace(
            'class="d-title"></h2>', 'class="d-title"></h1>'
        )
        in page
    )
    assert re.findall(r"<h1[^>]*>", page) == ['<h1 id="doc-title" class="d-title">']


def test_only_the_pages_own_scripts_may_run() -> None:
    page = page_html(processed())
    policy = html.unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', page)[1])
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    for script in scripts_of(page):
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert digest in allowed
    assert "default-src 'none'" in policy and "unsafe-eval" not in policy


def test_the_data_cannot_end_its_script_element() -> None:
    page = page_html(processed())
    data = re.search(
        r'<script type="application/json" id="definiens-data">(.*?)</script>', page, re.S
    )
    assert data is not None
    assert "<" not in data[1] and ">" not in data[1]
    payload = json.loads(data[1])
    assert (
        "</script>" in payload["text"]
        and payload["definitions"]["x"][0]["text"] == "real </script>"
    )


def test_a_notebook_shows_the_page_in_a_frame() -> None:
    shown = Page(processed())._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and 'title="Tricky &lt;/title&gt; text"' in shown
    frame = html.unescape(re.search(r'srcdoc="([^"]*)"', shown)[1])
    assert frame == page_html(processed())


def test_html_writes_a_database_document(results_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "groups.html"
    assert main(["html", "--db", str(results_db), "--doc", "2", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="definiens-data">(.*?)</script>', page, re.S)[1])
    assert data["title"] == "Groups" and data["layout"]["from"] == "text"
    assert data["definitions"]["e"][0]["text"] == "identity element"


def test_html_finds_a_database_document_by_its_title(
    results_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "groups.html"
    assert main(["html", "--db", str(results_db), "--doc", "Groups", "-o", str(out)]) == 0
    assert '"title":"Groups"' in out.read_text(encoding="utf-8")
    assert main(["html", "--db", str(results_db), "--doc", "Group", "-o", str(out)]) != 0
    assert "no document titled 'Group'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["html"], "give the document's file"),
        (["html", "missing.tex"], "no such file"),
        (["html", "--db", "missing.sqlite", "--doc", "1"], "no such results database"),
        (["html", "dump.xml"], "a dump holds many pages"),
    ],
)
def test_html_refuses_what_it_cannot_write(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) != 0
    assert message in capsys.readouterr().err


def test_html_will_not_write_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.md"
    source.write_text("Let $x$ be real.", encoding="utf-8")
    assert main(["html", str(source), "-o", str(source)]) != 0
    assert "destroy" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == "Let $x$ be real."
