"""The layout of a document's text for the page: from the LaTeX source when it is at hand,
from the text the readers leave otherwise; every span is a span of the text."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.formulas import identify
from definiens.ingest import from_text, parse
from definiens.model import Document
from definiens.web.layout import MAX_DEPTH, MAX_EVENTS, layout_record
from definiens.web.payload import document_payload
from definiens.web.positions import TextPositions

CHAPTER = Path(__file__).resolve().parents[1] / "data" / "web" / "chapter.tex"


def read(source: str, fmt: str = "latex") -> Document:
    return identify(parse(from_text(source, fmt, title="Groups")))


def leaves(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for block in blocks:
        if "children" in block:
            found += leaves(block["children"])
        else:
            found.append(block)
    return found


def containers(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for block in blocks:
        if "children" in block:
            found += [block, *containers(block["children"])]
    return found


def words(document: Document, leaf: dict[str, Any]) -> str:
    return " ".join(document.text[leaf["start"] : leaf["end"]].split())


def test_a_latex_chapter_from_its_source() -> None:
    document = read(CHAPTER.read_text(encoding="utf-8"))
    layout = layout_record(document)
    assert (layout["kind"], layout["from"]) == ("blocks", "source")
    headings = [
        (b["level"], words(document, b)) for b in layout["blocks"] if b["type"] == "heading"
    ]
    assert headings == [(1, "Commutative groups"), (2, "Examples")]  # \title is the title
    blocks = {b.get("name"): b for b in containers(layout["blocks"])}
    lemma = blocks["lemma"]
    assert (lemma["label"], lemma["note"], lemma["kind"]) == ("Lemma", "Inverses", "theorem")
    assert words(document, lemma["children"][0]).startswith("Let FORMULA")
    assert blocks["proof"]["label"] == "Proof"
    items = blocks["itemize"]["children"]
    assert [i["type"] for i in items] == ["item", "item"]
    assert words(document, items[0]["children"][0]).startswith("The integers FORMULA")
    marks = [document.text[m["start"] : m["end"]] for m in layout["marks"]]
    assert marks == ["commutative"]


def test_text_without_its_source_keeps_the_headings_the_reader_set_apart() -> None:
    document = read(CHAPTER.read_text(encoding="utf-8"))
    document.source_text = ""  # as the database gives it back: the text, not the source
    layout = layout_record(document)
    assert layout["from"] == "text"
    headings = [words(document, b) for b in layout["blocks"] if b["type"] == "heading"]
    assert headings == ["Commutative groups", "Examples"]
    paragraphs = [words(document, b) for b in layout["blocks"] if b["type"] == "paragraph"]
    assert paragraphs[0].startswith("A group FORMULA0 is commutative")
    assert all(p for p in paragraphs)  # no empty paragraph for the blank gaps


def test_wikitext_headings_have_their_depth() -> None:
    source = "Intro $x$ here.\n\n== Motion ==\nText <math>v</math>.\n\n=== Speed ===\nMore."
    document = read(source, "wikitext")
    layout = layout_record(document)
    headings = [
        (b["level"], words(document, b)) for b in layout["blocks"] if b["type"] == "heading"
    ]
    assert headings == [(1, "Motion"), (2, "Speed")]


def test_markdown_is_left_to_the_page() -> None:
    document = read("# Title\n\nLet $x$ be *real*.", "markdown")
    assert layout_record(document) == {"kind": "markdown"}
    assert document_payload(document)["layout"] == {"kind": "markdown"}


def test_markdown_code_left_out_of_the_text_comes_with_the_source() -> None:
    source = "Let $x$ be `f($y$)` real.\n\n```\nz = $w$\n```\nThen \\$5 and $$v$$."
    document = read(source, "markdown")
    assert "z = " not in document.text and "f(" not in document.text
    layout = layout_record(document)
    assert layout == {
        "kind": "markdown",
        "source": "Let FORMULA0 be `f($y$)` real.\n\n```\nz = $w$\n```\nThen \\$5 and FORMULA1.",
    }


def test_markdown_source_ends_where_the_reader_stopped() -> None:
    document = identify(parse(from_text("`c` $a$ b $c$ d $e$ f", "markdown"), max_formulas=2))
    assert layout_record(document)["source"] == "`c` FORMULA0 b FORMULA1 d "


def test_commands_in_formulas_and_comments_are_not_structure() -> None:
    source = (
        "% \\section{Not a section}\n"
        "Text $\\begin{cases} a \\\\ b \\end{cases}$ and\n"
        "\\begin{equation}\\label{e} \\emph{x} = y \\end{equation}\n"
        "\\section{Real}\nMore \\emph{words}."
    )
    document = read(source)
    layout = layout_record(document)
    assert [b["type"] for b in layout["blocks"]] == ["paragraph", "heading", "paragraph"]
    assert [document.text[m["start"] : m["end"]] for m in layout["marks"]] == ["words"]


def test_positions_map_source_offsets_both_ways() -> None:
    document = read("Let $x$ be \\emph{real}.")
    positions = TextPositions(document.offsets, len(document.text))
    source = document.source_text
    assert positions.after(source.index("real")) == document.text.index("real")
    assert positions.before(source.index("}.")) == document.text.index(".")
    assert positions.after(source.index("\\emph")) == document.text.index("real")
    assert positions.mapped(document.text.index("Let"))


_PIECES = st.sampled_from(
    [
        "Word ",
        "$x_1$ ",
        "\\section{Head $y$}\n",
        "\\subsection*{Sub}\n",
        "\\begin{lemma}[Note] ",
        "\\end{lemma}\n",
        "\\begin{itemize}\n",
        "\\item one ",
        "\\end{itemize}\n",
        "\\emph{em} ",
        "{\\bf strong} ",
        "\n\n",
        "% comment \\section{x}\n",
        "\\label{l} ",
        "\\begin{equation} a = b \\end{equation}\n",
        "\\begin{proof} ",
        "\\end{proof} ",
        "}",
        "{",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_every_span_lies_in_the_text_in_order(pieces: list[str]) -> None:
    for source_text in ("".join(pieces),):
        document = read(source_text)
        for origin in ("source", "text"):
            if origin == "text":
                document.source_text = ""
            layout = layout_record(document)
            spans = [(b["start"], b["end"]) for b in leaves(layout["blocks"])]
            assert all(0 <= start < end <= len(document.text) for start, end in spans)
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
            for mark in layout["marks"]:
                assert 0 <= mark["start"] < mark["end"] <= len(document.text)


def depth(blocks: list[dict[str, Any]]) -> int:
    return max((1 + depth(b["children"]) for b in blocks if "children" in b), default=0)


def test_unclosed_environments_nest_no_deeper_than_the_limit() -> None:
    source = "\\begin{itemize}\\item a " * 3 + "\\begin{lemma} b " * 2_000 + "\\end{lemma} c"
    document = read(source)
    layout = layout_record(document)
    assert depth(layout["blocks"]) <= MAX_DEPTH
    words_laid_out = "".join(document.text[b["start"] : b["end"]] for b in leaves(layout["blocks"]))
    assert words_laid_out.count("b") == 2_000 and "c" in words_laid_out
    document_payload(document)  # and the answer is made (no RecursionError)


def test_a_text_of_markup_is_laid_out_in_a_bounded_number_of_blocks() -> None:
    source = "Intro $x$.\n\n" + "== A ==\nText.\n\n" * (MAX_EVENTS + 500)
    document = read(source, "wikitext")
    blocks = layout_record(document)["blocks"]
    headings = [b for b in blocks if b["type"] == "heading"]
    assert len(headings) == MAX_EVENTS and len(blocks) <= 2 * MAX_EVENTS + 1
    assert blocks[-1]["end"] == len(document.text.rstrip())  # the rest is laid out too
