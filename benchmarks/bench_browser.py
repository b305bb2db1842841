"""Benchmark the reading view in a real browser: how soon a long chapter shows its first screen.

Runs a LaTeX chapter into a results database (``definiens run``), serves it (``definiens serve``,
a real uvicorn server) and opens ``/doc/1`` in Debian's Chromium (headless, Playwright), each
time in a fresh browser context (nothing cached). For each open it reads, in milliseconds from
the start of the navigation:

* ``answer``: the document's JSON received (the server reads it from the database, makes the
  payload and compresses it; a repeated open is answered from the server's memory);
* ``first screen``: the formulas on the first screen typeset (the page's own mark);
* ``hover-ready``: an identifier on that screen hovered and its meaning card shown;
* ``deep link``: the same for ``/doc/1#formula-N`` (a formula far into the chapter).

    .venv/bin/python benchmarks/bench_browser.py                 # topology.tex, 5 opens
    .venv/bin/python benchmarks/bench_browser.py --tex FILE.tex --runs 3

Data: ``latex/stacks/topology.tex`` of the shared data folder (a Stacks project chapter, 4,542
formulas; ``--tex`` for another file).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from shared_data import add_data_option, require

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "web"))
from conftest import CHROMIUM, CHROMIUM_ARGS, SERVE, start_server, stop_server  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_option(parser, "latex/stacks/topology.tex")
    parser.add_argument("--tex", type=Path, help="a LaTeX file (default: topology.tex)")
    parser.add_argument("--runs", type=int, default=5, help="opens of each kind (default 5)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()
    args.tex = args.tex or args.data / "latex" / "stacks" / "topology.tex"
    require(parser, args.tex)
    if not CHROMIUM.exists():
        parser.exit(1, f"{parser.prog}: error: needs Debian's Chromium at {CHROMIUM}\n")
    return args


def build_database(tex: Path, folder: Path) -> Path:
    db = folder / "results.sqlite"
    started = time.monotonic()
    command = [sys.executable, "-c", SERVE, "run", "--db", str(db), "--workers", "1"]
    subprocess.run([*command, "--no-progress", str(tex)], check=True, capture_output=True)
    print(f"database: {tex.name} processed in {time.monotonic() - started:.1f} s")
    return db


TIMINGS = """() => {
  const answer = performance.getEntriesByType('resource')
    .find(e => /\\/api\\/documents\\/\\d+$/.test(e.name));
  return {answer: answer ? answer.responseEnd : NaN,
          first: Number(document.documentElement.dataset.firstScreen),
          formulas: document.querySelectorAll('.d-formula').length,
          typeset: document.querySelectorAll('.d-formula[data-typeset]').length};
}"""


# As soon as the page marks its first screen, hover (a pointer event, from inside the page, so
# that no round trip of the driver counts) the first identifier on the screen, and note when
# its meaning card shows.
HOVER_AT_ONCE = """new MutationObserver((changes, observer) => {
  if (!document.documentElement.dataset.firstScreen || window.__hovered) return;
  for (const node of document.querySelectorAll('#text .d-ident')) {
    const box = node.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) continue;
    window.__hovered = performance.now();
    node.dispatchEvent(new PointerEvent('pointerenter', {pointerType: 'mouse'}));
    if (!document.getElementById('card').hidden) window.__cardShown = performance.now();
    observer.disconnect();
    return;
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-first-screen']});"""


def open_once(browser: Any, url: str, width: int, height: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.add_init_script(HOVER_AT_ONCE)
    page.goto(url, wait_until="commit")
    page.wait_for_selector("html[data-first-screen]", timeout=120_000)
    deadline = time.monotonic() + 60
    while page.evaluate("window.__hovered === undefined"):  # (the page's policy: no eval)
        if time.monotonic() > deadline:
            raise SystemExit("no identifier on the first screen to hover")
        page.wait_for_timeout(20)
    found: dict[str, float] = page.evaluate(TIMINGS)
    found["hover"] = page.evaluate("window.__cardShown ?? NaN")
    page.locator("#text .d-ident").last.scroll_into_view_if_needed()
    page.locator("#text .d-ident").last.hover()  # and a real pointer shows it too
    page.locator("#card").wait_for(state="visible")
    context.close()
    return found


def server_side(db: Path) -> float:
    """Seconds the server's work for one document takes, in this process: read it, make the
    payload, encode the JSON (the first answer; later ones come from memory)."""
    from definiens.web.results import Results

    results = Results(db)
    started = time.perf_counter()
    results.document_json(1)
    seconds = time.perf_counter() - started
    results.close()
    return seconds


def report(name: str, runs: list[dict[str, float]]) -> None:
    def median(key: str) -> str:
        values = [r[key] for r in runs if r[key] == r[key]]
        return f"{statistics.median(values):7.0f}" if values else "      -"

    print(
        f"{name:<24} answer {median('answer')} ms  first screen {median('first')} ms  "
        f"hover-ready {median('hover')} ms  (typeset at once: {runs[0]['typeset']:.0f} of "
        f"{runs[0]['formulas']:.0f} formulas)"
    )


def main() -> None:
    args = parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        db = build_database(args.tex, Path(folder))
        compute = server_side(db)
        url, process = start_server("--db", str(db), "--workers", "1")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                size = (args.width, args.height)
                first = [open_once(browser, f"{url}/doc/1", *size)]
                again = [open_once(browser, f"{url}/doc/1", *size) for _ in range(args.runs)]
                count = int(again[0]["formulas"])
                deep = f"{url}/doc/1#formula-{max(0, count * 9 // 10)}"
                far = [open_once(browser, deep, *size) for _ in range(args.runs)]
                browser.close()
        finally:
            stop_server(process)
    print(f"{args.tex.name}: {count} formulas; window {args.width} x {args.height}; medians")
    print(f"server: the document's answer made in {compute * 1000:.0f} ms (read, payload, JSON)")
    report("first open (cold)", first)
    report(f"open again ({args.runs})", again)
    report(f"#formula-{count * 9 // 10} ({args.runs})", far)
    print("(hover-ready: the meaning card shown for a hover at the first screen's mark)")


if __name__ == "__main__":
    main()
