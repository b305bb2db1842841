"""``definiens html`` as a person uses it: write the page of a LaTeX chapter with the real
command, open the file from disk in Chromium with no server, and read it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, SERVE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_exported_page_opens_from_disk(browser: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "groups.html"
    subprocess.run(
        [sys.executable, "-c", SERVE, "html", str(DATA / "chapter.tex"), "-o", str(page_file)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(page_file.as_uri())
    tab.wait_for_selector("#text .d-ident")
    assert tab.locator("#doc-title").inner_text() == "Groups"
    assert tab.locator("#text h3").inner_text() == "Commutative groups"
    assert tab.locator(".d-env-label").first.inner_text() == "Lemma (Inverses)."
    tab.locator("#text .d-ident", has_text="e").first.hover()
    card = tab.locator("#card")
    card.wait_for(state="visible")
    assert card.inner_text().strip()
    assert tab.locator("#notation tbody tr").count() >= 1
    screenshot(tab, tmp_path, "exported-page")
    context.close()
    assert errors == []
    assert all(url.startswith(("file:", "data:", "blob:")) for url in requests), requests
