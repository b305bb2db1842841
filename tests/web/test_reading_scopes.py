"""Meanings in scope on the page (issue 14), in Debian's Chromium driven by Playwright: a
letter the text reuses (E the kinetic energy in one section, an elliptic curve in the next)
shows, at each occurrence, the meaning that holds there, and the notation table has a row for
each. Each test saves screenshots of the card under its output (DEFINIENS_SHOTS=DIR keeps a
copy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import guarded_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARKDOWN = r"""## Mechanics

A body of mass $m$ moving at speed $v$ has $E = \frac12 m v^2$, where $E$ is the kinetic energy.

## Curves

Let $E$ be an elliptic curve over a field $K$. The points $E(K)$ form a group.
"""
#: The reading tests of the define stage use the same text.
LATEX = (Path(__file__).parents[1] / "data" / "scopes" / "reused-letter.tex").read_text()


def annotate(page: Any, server: str, text: str, fmt: str) -> None:
    page.goto(f"{server}/")
    page.fill("#source", text)
    page.select_option("#format", fmt)
    page.click("#annotate")
    page.wait_for_selector("#reading:not([hidden]) .d-ident", timeout=120_000)


def e_in(page: Any, tex: str, nth: int = 0) -> Any:
    """The E of the `nth` formula written `tex`."""
    label = "formula: " + tex.replace("\\", "\\\\")  # a backslash, escaped for CSS
    formula = page.locator(f'#text .d-formula[aria-label="{label}"]').nth(nth)
    return formula.locator(".d-ident", has_text="E").first


def card_of(page: Any, target: Any) -> str:
    page.mouse.move(1, 1)
    page.locator("#card").wait_for(state="hidden")
    target.hover()
    card = page.locator("#card")
    card.wait_for(state="visible")
    text: str = card.inner_text()
    return text


def test_each_e_shows_the_meaning_of_its_section(page: Any, server: str, tmp_path: Path) -> None:
    annotate(page, server, MARKDOWN, "markdown")
    energy = e_in(page, r"E = \frac12 m v^2")
    shown = card_of(page, energy)
    assert "kinetic energy" in shown and "elliptic curve" not in shown
    assert "in Mechanics" in shown
    # the same symbol with the same meaning is marked; the E of the next section is not
    assert "d-active" in (e_in(page, "E").get_attribute("class") or "")
    assert "d-active" not in (e_in(page, "E(K)").get_attribute("class") or "")
    screenshot(page, tmp_path, "scopeweb-kinetic")

    shown = card_of(page, e_in(page, "E(K)"))
    assert "elliptic curve" in shown and "kinetic energy" not in shown
    assert "in Curves" in shown
    assert "d-active" not in (energy.get_attribute("class") or "")
    screenshot(page, tmp_path, "scopeweb-elliptic")
    # a keyboard reader hears the meaning of that occurrence too
    assert "elliptic curve" in (e_in(page, "E(K)").get_attribute("aria-label") or "")
    assert "kinetic energy" in (energy.get_attribute("aria-label") or "")


def test_the_notation_table_has_a_row_per_meaning(page: Any, server: str, tmp_path: Path) -> None:
    annotate(page, server, MARKDOWN, "markdown")
    table = page.locator("#notation")
    rows = table.locator("tbody tr").filter(has=page.locator(".d-symbol", has_text="E"))
    assert rows.count() == 2
    texts = rows.all_inner_texts()
    assert "kinetic energy" in texts[0] and "Mechanics" in texts[0]
    # every E of Mechanics reads the section's meaning: the row is that one (its score), not
    # the document's
    assert "likely" in texts[0]
    assert "elliptic curve" in texts[1] and "Curves" in texts[1]
    # m and v mean the same in Mechanics as in the whole text: one row each
    assert table.locator("tbody .d-symbol", has_text="m").count() == 1
    with page.expect_download() as csv_download:
        table.locator(".d-download-csv").click()
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert csv.splitlines()[0].endswith(",sentence,holds in")
    lines = [line for line in csv.splitlines() if line.startswith("E,")]
    assert len(lines) == 2
    assert lines[0].startswith("E,kinetic energy,") and ",Mechanics," in lines[0]
    assert lines[1].startswith("E,elliptic curve,") and lines[1].endswith(",Curves")
    with page.expect_download() as md_download:
        table.locator(".d-download-md").click()
    markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
    assert "| $E$ | kinetic energy |" in markdown
    assert "| $E$ | elliptic curve |" in markdown and "| Curves, formula" in markdown
    screenshot(page, tmp_path, "scopeweb-notation")
    # its place leads to a formula where E is the elliptic curve, with its card
    rows.nth(1).locator("a").click()
    page.wait_for_selector("#card.d-pinned")
    assert "elliptic curve" in page.locator("#card").inner_text()
    screenshot(page, tmp_path, "scopeweb-notation-pinned")


def test_a_lemma_and_its_proof_read_their_section(page: Any, server: str, tmp_path: Path) -> None:
    annotate(page, server, LATEX, "latex")
    shown = card_of(page, e_in(page, r"E = \frac12 m v^2"))
    assert "kinetic energy" in shown and "elliptic curve" not in shown
    in_lemma = card_of(page, e_in(page, "E(K)", 0))
    assert "elliptic curve" in in_lemma and "kinetic energy" not in in_lemma
    screenshot(page, tmp_path, "scopeweb-lemma")
    in_proof = card_of(page, e_in(page, "E(K)", 1))
    assert "elliptic curve" in in_proof and "kinetic energy" not in in_proof
    screenshot(page, tmp_path, "scopeweb-proof")


def test_a_stored_document_keeps_its_meanings_in_scope(
    browser_context: Any, servers: Any, tmp_path: Path
) -> None:
    """Annotated, written to a real database, served from it at /doc/1: the same cards."""
    from definiens.api import annotate as annotate_text
    from definiens.store import Database, record_of

    document = annotate_text(MARKDOWN, "markdown")
    document.title = "Reused letters"
    path = tmp_path / "results.sqlite"
    with Database(path) as database:
        database.write_documents([record_of(document)], None)
    url, process = servers.start("--db", str(path), "--workers", "1")
    tab = guarded_page(browser_context, url)
    try:
        tab.goto(f"{url}/doc/1")
        tab.wait_for_selector("#reading:not([hidden]) .d-ident")
        assert "kinetic energy" in card_of(tab, e_in(tab, r"E = \frac12 m v^2"))
        shown = card_of(tab, e_in(tab, "E(K)"))
        assert "elliptic curve" in shown and "kinetic energy" not in shown
        screenshot(tab, tmp_path, "scopeweb-stored")
        assert not tab.outside_requests
    finally:
        tab.close()
        servers.stop(process)
