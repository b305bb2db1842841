"""Every valid file is read: dumps in UTF-16 or UTF-32 (with or without a byte order mark),
UTF-8 with a byte order mark or any encoding the XML declaration names; text files with a
UTF-16 byte order mark; Jupyter notebooks (their Markdown cells)."""

from __future__ import annotations

import bz2
import json
from pathlib import Path

import pytest

from definiens.errors import InputError
from definiens.ingest import Skipped, read_inputs

from .helpers import DATA, documents, failed, read_all

PAGES = DATA / "pages-dev-5.xml"


def _pages(path: Path) -> list[tuple[str, str, list[str]]]:
    return [
        (doc.id, doc.title, [f.tex for f in doc.formulas]) for doc in documents(read_all([path]))
    ]


def _recoded(tmp_path: Path, encoding: str, declared: str | None, name: str) -> Path:
    text = PAGES.read_text(encoding="utf-8")
    if declared is not None:
        text = f'<?xml version="1.0" encoding="{declared}"?>\n{text}'
    path = tmp_path / name
    data = text.encode(encoding)
    path.write_bytes(bz2.compress(data) if name.endswith(".bz2") else data)
    return path


@pytest.mark.parametrize(
    ("encoding", "declared", "name"),
    [
        ("utf-16", "UTF-16", "le-bom.xml"),  # a byte order mark, little-endian here
        ("utf-16-be", "UTF-16", "be.xml"),  # no byte order mark
        ("utf-16-le", "UTF-16", "le.xml.bz2"),
        ("utf-32", "UTF-32", "utf32.xml"),
        ("utf-8-sig", "UTF-8", "bom.xml"),
        ("utf-8", None, "plain.xml"),
    ],
)
def test_a_dump_in_any_unicode_encoding_reads_as_in_utf8(
    tmp_path: Path, encoding: str, declared: str | None, name: str
) -> None:
    expected = _pages(PAGES)
    assert len(expected) == 5
    assert _pages(_recoded(tmp_path, encoding, declared, name)) == expected


def test_a_dump_in_a_declared_legacy_encoding_is_read(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<mediawiki><page><title>Énergie</title>'
        "<ns>0</ns><id>7</id><revision><text>Soit &lt;math&gt;E_0&lt;/math&gt; l'énergie."
        "</text></revision></page></mediawiki>\n"
    )
    path = tmp_path / "latin1.xml"
    path.write_bytes(page.encode("latin-1"))
    (doc,) = documents(read_all([path]))
    assert (doc.title, [f.tex for f in doc.formulas], doc.problems) == ("Énergie", ["E_0"], [])
    assert "l'énergie" in doc.text


def test_an_unknown_declared_encoding_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="base64"?>\n<mediawiki></mediawiki>\n')
    with pytest.raises(InputError, match="unknown encoding 'base64'"):
        list(read_inputs([path]))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_text_file_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "energy.md"
    path.write_bytes("Let $E_0$ be the energy at rest.\n".encode(encoding))
    (doc,) = documents(read_all([path]))
    assert doc.text == "Let FORMULA0 be the energy at rest.\n" and doc.problems == []


def test_a_notebook_is_read_as_its_markdown_cells(tmp_path: Path) -> None:
    cells = [
        {"cell_type": "markdown", "source": ["Let $x$ be\n", "the mass."]},
        {"cell_type": "code", "source": "x = 'mu'  # $y$ in code", "outputs": []},
        {"cell_type": "raw", "source": "$z$"},
        {"cell_type": "markdown", "source": "and $v$ the speed."},
    ]
    path = tmp_path / "physics.ipynb"
    path.write_text(json.dumps({"cells": cells, "nbformat": 4}), encoding="utf-8")
    (doc,) = documents(read_all([path]))
    assert (doc.format, doc.title) == ("markdown", "physics")
    assert doc.source_text == "Let $x$ be\nthe mass.\n\nand $v$ the speed."
    assert [f.tex for f in doc.formulas] == ["x", "v"]


def test_a_notebook_of_format_3_is_read(tmp_path: Path) -> None:
    notebook = {"worksheets": [{"cells": [{"cell_type": "markdown", "source": "Let $n$ be."}]}]}
    path = tmp_path / "old.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    (doc,) = documents(read_all([path]))
    assert [f.tex for f in doc.formulas] == ["n"]


def test_a_file_that_is_not_a_notebook_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.ipynb").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "a.md").write_text("Let $a$ be.", encoding="utf-8")
    items = read_all([tmp_path])
    assert [d.title for d in documents(items)] == ["a"]
    assert sorted(f.title for f in failed(items)) == ["broken", "list"]
    assert all("not a Jupyter notebook" in str(f.problem) for f in failed(items))
    assert not [i for i in items if isinstance(i, Skipped)]
    with pytest.raises(InputError, match="not a Jupyter notebook"):
        list(read_inputs([tmp_path / "list.ipynb"]))
