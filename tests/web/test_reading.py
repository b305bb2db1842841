"""The reading view as a reader meets it, in Debian's Chromium driven by Playwright: documents
rendered as documents, addresses, the meaning card and the notation table. Each test saves a
screenshot under its output (DEFINIENS_SHOTS=DIR keeps a copy). Set
DEFINIENS_SCREENSHOT=docs/screenshot.png to also keep the LaTeX chapter's for the README."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import DATA, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def annotate(page: Any, server: str, text: str, fmt: str) -> None:
    page.goto(f"{server}/")
    page.fill("#source", text)
    page.select_option("#format", fmt)
    page.click("#annotate")
    page.wait_for_selector("#reading:not([hidden]) .d-ident", timeout=120_000)


def boxes_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_a_latex_chapter_reads_as_a_document(page: Any, server: str, tmp_path: Path) -> None:
    annotate(page, server, (DATA / "chapter.tex").read_text(encoding="utf-8"), "latex")
    text = page.locator("#text")
    assert text.locator("h3").all_inner_texts() == ["Commutative groups"]
    assert text.locator("h4").all_inner_texts() == ["Examples"]
    lemma = text.locator(".d-env:not(.d-proof)")
    assert lemma.locator(".d-env-label").inner_text() == "Lemma (Inverses)."
    assert "the inverse" in lemma.inner_text()
    assert lemma.locator(".d-formula.d-display").count() == 1  # the equation, on its own line
    assert text.locator(".d-proof .d-env-label").inner_text() == "Proof."
    assert text.locator("ul > li").count() == 2
    assert text.locator("em").all_inner_texts() == ["commutative"]
    assert "\\section" not in text.inner_text() and "lemma-inverse" not in text.inner_text()
    # no blank gap where the preamble, \maketitle and the labels were
    first = text.locator("h3").bounding_box()
    assert first is not None and first["y"] - text.bounding_box()["y"] < 60
    text.locator(".d-env .d-ident", has_text="G").first.hover()
    page.locator("#card").wait_for(state="visible")
    shot = screenshot(page, tmp_path, "latex-chapter")
    if os.environ.get("DEFINIENS_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["DEFINIENS_SCREENSHOT"])


def test_text_inside_a_formula_stays_on_its_line(page: Any, server: str, tmp_path: Path) -> None:
    """KaTeX's \\text{} is rendered with its own .text class: the page's styles never meet it."""
    annotate(page, server, "A group is commutative if $xy = yx \\text{ for all } x$.", "markdown")
    formula = page.locator("#text .d-formula").first
    words = formula.locator(".katex .text", has_text="for all").bounding_box()
    letter = formula.locator(".d-ident", has_text="y").first.bounding_box()
    assert words is not None and letter is not None
    middle = lambda box: box["y"] + box["height"] / 2  # noqa: E731
    assert abs(middle(words) - middle(letter)) < 0.25 * letter["height"] + 3
    formula_box = formula.bounding_box()
    assert formula_box is not None and formula_box["height"] < 2.2 * letter["height"]
    screenshot(page, tmp_path, "text-in-formula", clip=formula_box)


def test_a_markdown_file_reads_as_a_document(page: Any, server: str, tmp_path: Path) -> None:
    annotate(page, server, (DATA / "chapter.md").read_text(encoding="utf-8"), "markdown")
    text = page.locator("#text")
    assert text.locator("h3").inner_text() == "Kinematics"
    assert text.locator("h4").inner_text() == "Motion in one dimension"
    assert text.locator("h5").inner_text() == "What to remember"
    assert text.locator("ul > li").count() == 3
    assert text.locator("ul > li .d-ident").count() >= 3
    code = text.locator("pre code").inner_text()
    assert "def velocity(x, t):" in code and "$not a formula$" in code
    assert text.locator("pre .d-formula").count() == 0
    assert text.locator("em").inner_text() == "position"
    assert text.locator("strong").inner_text() == "velocity"
    assert text.locator("p > .d-formula.d-display").count() == 1
    link = text.locator("a")
    assert link.inner_text() == "the SI brochure" and link.get_attribute("href").startswith(
        "https:"
    )
    assert "a sketch of the track" in text.locator(".d-image").inner_text()
    assert text.locator("table td .d-ident").count() == 1
    shown = text.inner_text()
    assert "###" not in shown and "**" not in shown and "*position*" not in shown
    text.locator(".d-ident", has_text="t").first.hover()
    card = page.locator("#card")
    card.wait_for(state="visible")
    if "position" in card.inner_text():  # the sentence, without Markdown's marks
        assert "*position*" not in card.inner_text() and "**" not in card.inner_text()
    screenshot(page, tmp_path, "markdown-chapter", full_page=True)


def test_a_database_document_opens_by_its_address(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/doc/2")
    page.wait_for_selector("#reading:not([hidden]) .d-ident")
    assert page.locator("#doc-title").inner_text() == "Groups"
    text = page.locator("#text")
    assert "The database keeps no text" not in text.inner_text()
    # from the text the database keeps: headings are recovered, the blank gaps are not kept
    assert "Commutative groups" in text.locator("h3").all_inner_texts()
    assert text.locator("p").count() >= 5
    screenshot(page, tmp_path, "database-document")

    page.select_option("#doc-list", label="Kinetic energy")
    page.click("#open")
    expect(page.locator("#doc-title")).to_have_text("Kinetic energy")
    assert page.url.endswith("/doc/1")
    page.go_back()
    expect(page.locator("#doc-title")).to_have_text("Groups")
    assert page.url.endswith("/doc/2")
    page.go_forward()
    expect(page.locator("#doc-title")).to_have_text("Kinetic energy")


def test_an_address_opens_a_document_at_a_formula(page: Any, server: str, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1100, "height": 300})
    page.goto(f"{server}/doc/2#formula-9")
    page.wait_for_selector("#formula-9.d-target .d-ident")
    box = page.locator("#formula-9").bounding_box()
    assert box is not None and 0 <= box["y"] <= 300
    page.wait_for_selector("#card.d-pinned")
    screenshot(page, tmp_path, "deep-link")
    page.goto(f"{server}/doc/999")
    page.wait_for_selector("#status.d-error")
    assert "999" in page.locator("#status").inner_text()


def test_the_card_says_how_sure_in_words_and_colour(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/doc/2")
    page.wait_for_selector("#reading:not([hidden]) .d-ident")
    card = page.locator("#card")
    page.locator("#text .d-ident", has_text="G").first.hover()
    card.wait_for(state="visible")
    assert card.locator(".d-sure").get_attribute("class") == "d-sure d-sure-low"
    assert "unsure" in card.inner_text() and "0.26" in card.inner_text()
    assert "inferred from how it is used" in card.inner_text()
    assert "noun_phrase" not in card.inner_text()
    screenshot(page, tmp_path, "card-unsure")
    page.mouse.move(1, 1)
    card.wait_for(state="hidden")
    page.locator("#text .d-ident", has_text="e").first.hover()
    card.wait_for(state="visible")
    assert card.locator(".d-sure").get_attribute("class") == "d-sure d-sure-high"
    assert "stated in the text" in card.inner_text()


def test_the_card_leaves_its_sentence_in_view(page: Any, server: str, tmp_path: Path) -> None:
    for width in (1100, 700):
        page.set_viewport_size({"width": width, "height": 760})
        page.goto(f"{server}/doc/2")
        page.wait_for_selector("#reading:not([hidden]) .d-ident")
        page.locator("#text .d-ident", has_text="e").first.hover()
        page.locator("#card").wait_for(state="visible")
        sentence = page.evaluate(
            "[...[...CSS.highlights.get('definiens-sentence')][0].getClientRects()]"
            ".map(r => ({x: r.x, y: r.y, width: r.width, height: r.height}))"
        )
        card = page.locator("#card").bounding_box()
        assert sentence and card is not None
        assert not any(boxes_overlap(card, line) for line in sentence), width
        screenshot(page, tmp_path, f"card-placed-{width}")


def test_the_notation_table_downloads(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/doc/2")
    page.wait_for_selector("#notation:not([hidden]) tbody tr")
    table = page.locator("#notation")
    assert "identity element" in table.inner_text() and "Commutative groups" in table.inner_text()
    with page.expect_download() as csv_download:
        table.locator(".d-download-csv").click()
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert csv.startswith("identifier,meaning,score,how sure,evidence,section,formula,sentence")
    assert "e,identity element,0.92,likely,stated in the text,Commutative groups," in csv
    with page.expect_download() as md_download:
        table.locator(".d-download-md").click()
    markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
    assert "| $e$ | identity element | likely (0.92) | Commutative groups, formula" in markdown
    table.locator("a", has_text="Commutative groups").first.click()
    page.wait_for_selector("#card.d-pinned")
    assert "#formula-" in page.url
    screenshot(page, tmp_path, "notation")


def test_a_tap_pins_the_card_on_a_touch_screen(phone: Any, server: str, tmp_path: Path) -> None:
    phone.goto(f"{server}/doc/1")
    phone.wait_for_selector("#reading:not([hidden]) .d-ident")
    target = phone.locator("#text .d-ident", has_text="m").first
    target.scroll_into_view_if_needed()
    target.tap()
    card = phone.locator("#card")
    card.wait_for(state="visible")
    phone.wait_for_timeout(800)  # it stays: no hover to lose on a touch screen
    assert card.is_visible() and "mass" in card.inner_text()
    screenshot(phone, tmp_path, "phone-tap")
    phone.locator("#doc-title").tap()
    card.wait_for(state="hidden")
    # the document selector stays inside its card on a phone
    panel = phone.locator("#open-form").bounding_box()
    select = phone.locator("#doc-list").bounding_box()
    assert panel is not None and select is not None
    assert select["x"] + select["width"] <= panel["x"] + panel["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, tmp_path, "phone-panel")


def test_tab_reaches_every_identifier_even_before_it_is_typeset(
    page: Any, server: str, tmp_path: Path
) -> None:
    lines = [f"Line {k}: let $x_{{{k}}} + y$ be the number of the line." for k in range(150)]
    annotate(page, server, "\n\n".join(lines), "markdown")
    last = page.locator(".d-formula").last
    assert last.get_attribute("data-typeset") is None  # far below: not typeset yet
    assert last.get_attribute("tabindex") == "0"  # but Tab reaches it
    last.focus()
    focused = "document.activeElement.classList.contains('d-ident')"
    assert page.evaluate(focused)  # focusing it typeset it and gave the focus to x_149
    assert page.evaluate("document.activeElement.closest('.d-formula').id") == "formula-149"
    assert page.locator("#card").is_visible()
    page.keyboard.press("Tab")  # y, the next identifier of the same formula
    assert page.evaluate(focused)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back to the formula before, typeset by now
    assert page.evaluate(focused)
    assert page.evaluate("document.activeElement.closest('.d-formula').id") == "formula-148"
    screenshot(page, tmp_path, "tab-far")
