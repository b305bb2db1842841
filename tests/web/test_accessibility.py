"""axe-core (vendored from npm into tests/web/vendor/) finds no serious accessibility problem
on the reading view, with a document open and its meaning card shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import guarded_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SERIOUS = ("serious", "critical")


def violations(tab: Any) -> list[dict[str, Any]]:
    tab.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return found


@pytest.fixture
def axe_page(browser: Any, server: str) -> Any:
    """A tab whose page lets axe's script in (the page's own policy allows only its files)."""
    context = browser.new_context(viewport={"width": 1100, "height": 760}, bypass_csp=True)
    tab = guarded_page(context, server)
    yield tab
    context.close()


@pytest.mark.parametrize("address", ["/doc/2", "/doc/1", "/namespaces"])
def test_no_serious_accessibility_violations(
    axe_page: Any, server: str, address: str, tmp_path: Path
) -> None:
    axe_page.goto(f"{server}{address}")
    if address.startswith("/doc/"):
        axe_page.wait_for_selector("#reading:not([hidden]) .d-ident")
        axe_page.locator("#text .d-ident").first.focus()
        axe_page.locator("#card").wait_for(state="visible")
    else:
        axe_page.wait_for_selector(".d-namespace")
    found = violations(axe_page)
    serious = [v for v in found if v["impact"] in SERIOUS]
    screenshot(axe_page, tmp_path, "axe" + address.replace("/", "-"))
    assert not serious, serious
