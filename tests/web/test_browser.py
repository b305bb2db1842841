"""The page as a person uses it, in Debian's Chromium driven headless by Playwright."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

XSS_TEXT = (
    '<script>window.__xss = 1; alert(1)</script> <img src=x onerror="window.__xss=2;alert(2)"> '
    "Let $x<img src=x onerror=window.__xss=3>$ and "
    "$\\text{<script>window.__xss=4</script>} + y$ and "
    "$\\href{javascript:window.__xss=5}{z} + \\htmlData{onerror=window.__xss=6}{w}$ "
    "and $\\url{javascript:alert(7)}$, where $x$ is the <b>bold</b> value and $y$ is a "
    "<img src=x onerror=alert(8)> number. [click](javascript:window.__xss=9) "
    "![i](javascript:window.__xss=10) [ok $x$](https://example.org/)"
)


def annotate(page: Any, server: str, text: str) -> None:
    page.goto(f"{server}/")
    page.fill("#source", text)
    page.click("#annotate")
    page.wait_for_selector("#reading:not([hidden])", timeout=120_000)


def identifier(page: Any, name: str) -> Any:
    return page.locator("#text .d-formula .d-ident", has_text=name).first


def test_hovering_e_shows_energy(page: Any, server: str, einstein: str, tmp_path: Path) -> None:
    annotate(page, server, einstein)
    assert page.locator("#text .katex").count() >= 4
    identifier(page, "E").hover()
    tooltip = page.locator("#card")
    tooltip.wait_for(state="visible")
    assert "energy" in tooltip.inner_text()
    assert "the energy of the body" in tooltip.inner_text()  # the sentence it came from
    highlighted = page.evaluate(
        "CSS.highlights.has('definiens-primary') ? "
        "[...CSS.highlights.get('definiens-primary')][0].toString() : ''"
    )
    assert "energy" in highlighted
    sentence = page.evaluate("[...CSS.highlights.get('definiens-sentence')][0].toString()")
    assert "the energy of the body" in sentence
    shot = screenshot(page, tmp_path, "hover")
    assert shot.stat().st_size > 10_000


def test_identifiers_are_reachable_with_the_keyboard(page: Any, server: str, einstein: str) -> None:
    annotate(page, server, einstein)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('d-ident')"):
            break
    else:
        pytest.fail("no identifier took the focus")
    focused = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert focused == "card"
    card = page.locator("#card")
    assert card.is_visible()
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label and label.split(":")[0] in card.inner_text()
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    page.keyboard.press("Enter")  # pins the card of the identifier that has the focus
    card.wait_for(state="visible")
    assert "d-pinned" in (card.get_attribute("class") or "")
    page.keyboard.press("Tab")  # the next identifier: its own card
    page.wait_for_timeout(300)
    assert card.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "card"
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")


def test_script_and_html_in_the_text_and_the_tex_never_run(page: Any, server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    annotate(page, server, XSS_TEXT)
    for target in page.locator(".d-ident").all():
        target.hover()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    reading = page.locator("#reading")
    assert reading.locator("img, script, b, iframe").count() == 0
    links = reading.locator("#text a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        "https://example.org/"
    ]
    assert "<script>" in page.locator("#text").inner_text()
    assert "<b>bold</b>" in page.locator("#text").inner_text()


def test_namespaces_page_lists_tables_as_text(page: Any, server: str) -> None:
    page.goto(f"{server}/namespaces")
    page.wait_for_selector(".d-namespace table")
    assert page.locator(".d-namespace h2").inner_text() == "mechanics"
    table = page.locator(".d-namespace table")
    assert "velocity" in table.inner_text() and "<i>y</i>" in table.inner_text()
    assert table.locator("i, b").count() == 0


def test_namespaces_page_without_a_database(browser_context: Any, server_without_db: str) -> None:
    tab = browser_context.new_page()
    tab.goto(f"{server_without_db}/namespaces")
    tab.wait_for_selector(".d-empty")
    assert "definiens serve --db RESULTS" in tab.locator(".d-empty").inner_text()
    tab.close()


def test_a_stored_document_opens_from_the_database(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    page.wait_for_selector("#open-form:not([hidden])")
    page.wait_for_selector("#doc-list option", state="attached")
    page.select_option("#doc-list", label="Kinetic energy")
    page.click("#open")
    page.wait_for_selector("#reading:not([hidden]) .d-formula .d-ident")
    assert "The kinetic energy is" in page.locator("#text").inner_text()  # the text it keeps
    assert page.locator("#text .d-hint").count() == 0
    identifier(page, "m").hover()
    assert "mass" in page.locator("#card").inner_text()


def test_api_docs_render_offline(page: Any, server: str) -> None:
    page.goto(f"{server}/docs")
    page.get_by_text("/api/annotate", exact=True).wait_for(timeout=30_000)
    assert "definiens" in page.locator("#swagger-ui").inner_text()


@contextlib.contextmanager
def namespaces_page(
    browser_context: Any, servers: Any, results_db: Path, tmp_path: Path, change: str, ready: str
) -> Iterator[Any]:
    """The /namespaces page of a copy of ``results_db`` changed by the SQL ``change``, served by
    a real server, once ``ready`` (a selector) shows."""
    copy = tmp_path / "results.sqlite"
    shutil.copyfile(results_db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(change)
    url, process = servers.start("--db", str(copy), "--workers", "1")
    try:
        tab = browser_context.new_page()
        tab.goto(f"{url}/namespaces")
        tab.wait_for_selector(ready)
        yield tab
        tab.close()
    finally:
        servers.stop(process)


def test_namespaces_page_of_a_database_without_namespaces(
    browser_context: Any, servers: Any, results_db: Path, tmp_path: Path
) -> None:
    """Clusters but no namespace, or no clustering yet: the page says both, and why."""
    change = "DELETE FROM namespaces"
    with namespaces_page(browser_context, servers, results_db, tmp_path, change, ".d-empty") as tab:
        note = tab.locator(".d-namespace").inner_text()
        assert "definiens namespaces --db RESULTS" in note
        assert "found no namespace" in note and "5 documents" in note


def test_namespaces_page_shows_label_and_purity_where_there_are_labels(
    browser_context: Any, servers: Any, results_db: Path, tmp_path: Path
) -> None:
    """A namespace of labelled documents shows its majority label and purity under its name."""
    change = "UPDATE namespaces SET label = 'Mechanics', purity = 0.9, coherence = 0.5"
    with namespaces_page(
        browser_context, servers, results_db, tmp_path, change, ".d-namespace table"
    ) as tab:
        assert tab.locator(".d-namespace .d-label").inner_text() == "Label: Mechanics (purity 0.90)"
