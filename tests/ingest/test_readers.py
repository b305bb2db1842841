"""The readers on real data: pinned counts, bz2 single- and multistream, folders, metadata."""

from __future__ import annotations

import bz2
import re
import tarfile
from pathlib import Path

import pytest

from definiens.errors import InputError
from definiens.ingest import Skipped, has_math, read_inputs

from .helpers import DATA, documents, read_all, skipped

ENWIKI = DATA / "enwiki-sample-31.xml"


def _counts(items: list) -> tuple[int, int]:
    docs = documents(items)
    return len(docs), sum(len(doc.formulas) for doc in docs)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pages-dev-5.xml", (5, 450)),
        ("enwiki-sample-31.xml", (31, 1788)),
        ("enwiki-fragment-3.xml", (3, 99)),
        ("planetmath", (18, 366)),
        ("markdown", (3, 19)),
        ("notebooks", (1, 5)),  # the Markdown cells only
    ],
)
def test_pinned_counts(name: str, expected: tuple[int, int]) -> None:
    items = read_all([DATA / name])
    assert _counts(items) == expected
    assert not any(doc.problems for doc in documents(items))


@pytest.mark.slow
def test_planetmath_sample_reads_without_crash(tmp_path: Path) -> None:
    with tarfile.open(DATA / "planetmath-sample.tar.gz") as tar:
        tar.extractall(tmp_path, filter="data")
    items = read_all([tmp_path])
    assert _counts(items) == (306, 8641)
    docs = documents(items)
    assert all(doc.metadata["folder"] for doc in docs)
    assert sum("msc_top" in doc.metadata for doc in docs) == 303  # 3 entries lack a class
    assert docs[0].id.startswith("planetmath/00_General/")


def _pages(text: str) -> list[str]:
    return re.findall(r"[ \t]*<page>.*?</page>", text, re.S)


def test_bz2_single_stream_equals_plain(tmp_path: Path) -> None:
    packed = tmp_path / "sample.xml.bz2"
    packed.write_bytes(bz2.compress(ENWIKI.read_bytes()))
    plain = documents(read_all([ENWIKI]))
    compressed = documents(read_all([packed]))
    assert [d.title for d in compressed] == [d.title for d in plain]
    assert [d.formulas for d in compressed] == [d.formulas for d in plain]


@pytest.mark.parametrize("parallel", [True, False], ids=["lbzip2-if-installed", "python-bz2"])
def test_bz2_multistream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool) -> None:
    if not parallel:
        monkeypatch.setenv("DEFINIENS_NO_LBZIP2", "1")
    pages = _pages(ENWIKI.read_text(encoding="utf-8"))
    assert len(pages) == 31
    streams = [bz2.compress("\n".join(pages[i : i + 7]).encode()) for i in range(0, 31, 7)]
    packed = tmp_path / "multistream.xml.bz2"
    packed.write_bytes(b"".join(streams))
    assert len(streams) == 5
    items = read_all([packed])
    assert _counts(items) == (31, 1788)


def test_namespaces_redirects_and_no_math_are_skipped(tmp_path: Path) -> None:
    dump = tmp_path / "dump.xml"
    page = (
        "<page><title>{t}</title><ns>{ns}</ns><id>{i}</id>{r}"
        "<revision><id>9</id><text>{x}</text></revision></page>"
    )
    dump.write_text(
        "<mediawiki>"
        + page.format(t="A", ns=0, i=1, r="", x="&lt;math&gt;x&lt;/math&gt; is x")
        + page.format(t="Talk:A", ns=1, i=2, r="", x="&lt;math&gt;y&lt;/math&gt;")
        + page.format(t="B", ns=0, i=3, r='<redirect title="A"/>', x="#REDIRECT [[A]]")
        + page.format(t="C", ns=0, i=4, r="", x="no formula, ''x'' only")
        + "</mediawiki>",
        encoding="utf-8",
    )
    items = read_all([dump])
    assert [(type(i).__name__, i.title) for i in items] == [
        ("Document", "A"),
        ("Skipped", "Talk:A"),
        ("Skipped", "B"),
        ("Skipped", "C"),
    ]
    assert [s.reason for s in skipped(items)] == ["namespace 1", "redirect", "no math"]
    doc = documents(items)[0]
    assert (doc.id, doc.metadata["revision_id"], doc.metadata["namespace"]) == ("1", "9", 0)
    both = read_all([dump], namespaces=(0, 1), include_redirects=True)
    assert [type(i).__name__ for i in both] == ["Document", "Document", "Skipped", "Skipped"]
    assert isinstance(both[2], Skipped) and both[2].reason == "no math"


def test_latex_id_is_relative_to_the_input_folder() -> None:
    folder = DATA / "planetmath"
    docs = documents(read_all([folder]))
    assert docs[0].id == "00_General/00A06-PlusSign.tex"
    assert docs[0].title == "plus sign"
    single = documents(read_all([folder / "00_General" / "00A06-PlusSign.tex"]))
    assert single[0].id == "00A06-PlusSign.tex"


def test_folders_are_walked_in_sorted_order_and_unknown_files_left(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("$z$", encoding="utf-8")
    (tmp_path / "a.tex").write_text("$a$", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("licence", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("$h$", encoding="utf-8")
    assert [d.id for d in documents(read_all([tmp_path]))] == ["a.tex", "b/z.md"]


def test_missing_input_and_unknown_kind_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([tmp_path / "missing.xml"]))
    other = tmp_path / "data.csv"
    other.write_text("a,b", encoding="utf-8")
    with pytest.raises(InputError, match=r"data\.csv"):
        list(read_inputs([other]))


def test_reading_is_lazy_and_documents_are_raw() -> None:
    first = next(iter(read_inputs([ENWIKI])))
    assert first.text == "" and first.formulas == [] and first.source_text


def test_fragment_with_xml_declaration_and_comment(tmp_path: Path) -> None:
    fragment = tmp_path / "fragment.xml"
    pages = (DATA / "enwiki-fragment-3.xml").read_text(encoding="utf-8")
    fragment.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!-- cut -->\n' + pages)
    assert [d.title for d in documents(read_all([fragment]))] == [
        "Automorphism",
        "Antisymmetric relation",
        "Almost all",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a <math>x</math>", True),
        ("a <MATH display='block'>x</MATH>", True),
        ("a &lt;math&gt;x&lt;/math&gt;", True),
        ("a {{Math|x}} b {{ mvar|y}}", True),
        ("''x'' only, <mathematics>", True),
        ("no formula here, {{mathematics}}", True),
        ("plain prose, ''italic'' and [[Mathematics]]", False),
    ],
)
def test_has_math_is_a_cheap_superset(text: str, expected: bool) -> None:
    assert has_math(text) is expected
