"""Pages settled from their bytes (definiens.ingest.pagebytes) read exactly as the XML parser
reads them: the same items, the same skip reasons, the same damage reports."""

from __future__ import annotations

import bz2
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from definiens.errors import InputError
from definiens.ingest import bytebuffer
from definiens.ingest.items import Failed
from definiens.ingest.pagebytes import quick_skip
from definiens.ingest.xmldump import read_dump
from definiens.model import Document

from .helpers import DATA

PAGE = (
    "  <page>\n    <title>{title}</title>\n    <ns>{ns}</ns>\n    <id>{id}</id>\n{extra}"
    '    <revision>\n      <id>7</id>\n      <text xml:space="preserve">{text}</text>\n'
    "    </revision>\n  </page>\n"
)
HEAD = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'


def _page(text: str, *, title: str = "T", ns: str = "0", id: str = "1", extra: str = "") -> str:
    return PAGE.format(title=title, ns=ns, id=id, extra=extra, text=text)


def _unplaced(message: str) -> str:
    """An error message without its line and column."""
    return re.sub(r"line \d+(?:, column \d+)?", "line N", message)


def _both(path: Path, **options: Any) -> tuple[Any, Any]:
    """What reading ``path`` gives with byte scanning and without (items or the InputError)."""
    results = []
    for scan in (True, False):
        try:
            results.append(list(read_dump(path, "dump", scan_bytes=scan, **options)))
        except InputError as exc:
            results.append(("InputError", str(exc)))
    return results[0], results[1]


@pytest.mark.parametrize(
    "name", ["pages-dev-5.xml", "enwiki-sample-31.xml", "enwiki-fragment-3.xml"]
)
@pytest.mark.parametrize("options", [{}, {"namespaces": (0, 1), "include_redirects": True}])
def test_sample_dumps_read_the_same(name: str, options: dict[str, Any]) -> None:
    fast, slow = _both(DATA / name, **options)
    assert fast == slow and fast


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("plain words, ''x'' only", "no math"),
        ("the word mathematics and {{mathworld}}?", None),  # {{math... may be a formula
        ("x &lt;MATH&gt;y&lt;/math&gt;", None),
        ("a {{ mvar|x}} b", None),
        ("literal &amp;lt;math&amp;gt; tag", None),
        ("a &#60;math&#62;x&lt;/math&gt;", None),  # numeric references: the parser decides
        ("#REDIRECT [[Elsewhere]]", "redirect"),
        ("\n  #redirect [[Elsewhere]]", "redirect"),
        ("x &amp; y &quot;z&quot; &gt; w", "no math"),
    ],
)
def test_quick_skip_answers_only_when_certain(text: str, reason: str | None) -> None:
    page = _page(text).strip().encode()
    found = quick_skip(page, "dump", {0}, False)
    assert (found.reason if found else None) == reason


@pytest.mark.parametrize(
    "page",
    [
        _page("x & y"),  # a bare ampersand: malformed
        _page("x \x01 y"),  # a control character: malformed
        _page("x ]]> y"),
        _page("x <!-- c --> y"),
        _page("<![CDATA[ x ]]>"),
        _page("x", extra='    <redirect title="A" title="B" />\n'),  # duplicate attribute
        _page("x").replace("</title>", "</titel>"),
        _page("x", title="A &#38; B"),
    ],
)
def test_quick_skip_leaves_anything_unusual_to_the_parser(page: str) -> None:
    assert quick_skip(page.strip().encode(), "dump", {0}, False) is None


def test_fields_are_read_like_the_parser(tmp_path: Path) -> None:
    dump = tmp_path / "dump.xml"
    pages = [
        _page("plain", title="A &amp; B &lt;C&gt; &quot;D&quot;", id="11"),
        _page("plain", title="Talk:E", ns="1", id="12"),
        _page("plain", title="F", id="", extra='    <redirect title="G &amp; H" />\n'),
        _page("plain", title="Ünïcödé\r\nline", ns=" 0 ", id="14"),
        _page("plain", title="I", ns="x"),
        _page("", title="Empty").replace('"preserve"></text>', '"preserve" />'),
        # the last revision decides: a history export lists them oldest first
        _page("plain", title="J").replace(
            "</revision>",
            "</revision>\n    <revision><text>&lt;math&gt;x&lt;/math&gt;</text></revision>",
        ),
    ]
    dump.write_bytes((HEAD + "".join(pages) + "</mediawiki>\n").encode())
    fast, slow = _both(dump)
    assert fast == slow
    *skipped, current = fast
    assert [(i.title, i.id, i.reason) for i in skipped] == [
        ('A & B <C> "D"', "11", "no math"),
        ("Talk:E", "12", "namespace 1"),
        ("F", "F", "redirect"),
        ("Ünïcödé\nline", "14", "no math"),
        ("I", "1", "no math"),
        ("Empty", "1", "no math"),
    ]
    assert isinstance(current, Document) and current.title == "J"
    assert current.source_text == "<math>x</math>"


def test_damage_in_a_page_without_math_is_reported_the_same(tmp_path: Path) -> None:
    pages = [_page("plain", title=f"P{i}", id=str(i)) for i in range(5)]
    pages[3] = _page("x & y, no math", title="Broken", id="3")
    text = HEAD + "".join(pages) + "</mediawiki>\n"
    line = text[: text.index("x & y")].count("\n") + 1
    dump = tmp_path / "dump.xml.bz2"
    dump.write_bytes(bz2.compress(text.encode()))
    fast, slow = _both(dump)
    assert fast == slow
    # the damaged page fails; the parser starts again after it and reads the last page
    assert [type(i).__name__ for i in fast] == ["Skipped"] * 3 + ["Failed", "Skipped"]
    assert (fast[3].id, fast[3].title) == ("3", "Broken")
    message = str(fast[3].problem)
    assert f"malformed XML at line {line}, column" in message and "'Broken'" in message


PIECES = [
    "plain words ",
    "math",
    "MaTh",
    "mvar",
    "{{",
    "{{ ",
    "&lt;",
    "&gt;",
    "&amp;",
    "&quot;",
    "&#60;",
    "&",
    ";",
    "<",
    ">",
    "]]>",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "\n",
    "\r\n",
    "\x01",
    "#REDIRECT",
    "é",
    "\ufffe",
    " ",
    "</page>",
    "<page>",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(
    max_examples=int(os.environ.get("PAGEBYTES_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(TEXTS, min_size=1, max_size=4),
    titles=st.lists(TEXTS, min_size=4, max_size=4),
    fragment=st.booleans(),
    between=st.sampled_from(["", "\n", "<!-- c -->", "junk", "</mediawiki>"]),
)
def test_any_pages_read_the_same(
    tmp_path: Path, texts: list[str], titles: list[str], fragment: bool, between: str
) -> None:
    pages = [_page(text, title=titles[i], id=str(i)) for i, text in enumerate(texts)]
    body = pages[0] + between + "".join(pages[1:])
    dump = tmp_path / "any.xml"
    dump.write_bytes((body if fragment else HEAD + body + "</mediawiki>\n").encode())
    fast, slow = _both(dump, include_redirects=len(texts) % 2 == 0)
    markup = any("<page>" in t or "</page>" in t for t in [*texts, *titles])
    if markup and isinstance(fast, tuple) and isinstance(slow, tuple):
        # Markup inside a title ("<title></page>&<page>") breaks a dump before any page: both
        # readers stop with a malformed-XML error naming a line of that page, not always the
        # same one (the byte scanner cuts the page at the "</page>" the title holds).
        assert [_unplaced(m) for m in fast] == [_unplaced(m) for m in slow]
        return
    assert fast == slow
    if isinstance(fast, list):
        assert all(isinstance(i, Document) or i.title is not None for i in fast)


@pytest.mark.parametrize("chunk", [5, 333, 4096])
@pytest.mark.parametrize("name", ["enwiki-sample-31.xml", "enwiki-fragment-3.xml"])
def test_pages_cut_across_chunks_read_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, chunk: int, name: str
) -> None:
    expected = list(read_dump(DATA / name, "dump"))
    text = (DATA / name).read_text(encoding="utf-8")
    broken = tmp_path / "broken.xml"  # damage after a few pages, on a page without math
    cut = text.index("<page>", len(text) // 2)
    broken.write_text(text[:cut] + _page("a & b, no math", title="Bad") + text[cut:])
    whole = list(read_dump(broken, "dump"))
    monkeypatch.setattr(bytebuffer, "CHUNK_SIZE", chunk)
    assert list(read_dump(DATA / name, "dump")) == expected
    assert list(read_dump(broken, "dump")) == whole
    (bad,) = [item for item in whole if isinstance(item, Failed)]
    assert "'Bad'" in str(bad.problem)
    assert [i for i in whole if i is not bad] == expected  # every other page is still read
