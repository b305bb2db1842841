"""How the time of every reader, the identifier parser and the define stage grows with the input.

    .venv/bin/python benchmarks/bench_scaling.py [--data ../shared/data] [--only latex]

For every family of pathological inputs (``benchmarks/pathological.py``: unclosed environments
and braces, deep nesting, long lines without sentence ends, many formulas per sentence, huge
tables, repeated ``$``) and every target (the wikitext, LaTeX and Markdown parsers, the XML dump
reader, the identifier parser, the define stage), it times the input at sizes N, 2N, 4N and 8N
(CPU time of this process, best of ``--repeat``) and prints the time ratio per doubling: about
2 for linear work, 4 for quadratic. A ratio over 2.3 is marked ``!``. The real NTCIR-11 dev
pages, repeated, give the reference growth of ordinary input.

The define stage loads spaCy and its model once (``--no-define`` leaves it out). ``--server``
also posts a 2 MB body of every family to a real server (``definiens serve``, one worker) and
prints the time to the answer, the CPU time of the server and its worker, and the status (best
of ``--repeat`` requests); ``--server-only`` does that part only.

Data: ``ntcir11-wiki/pages-dev.xml`` (the reference family) from the shared data folder
(``--data``, default ``../shared/data`` beside the repository; see benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from definiens.errors import DefiniensError
from definiens.formulas import extract_identifiers, identify
from definiens.ingest import from_text, parse, read_inputs
from definiens.model import Document
from pathological import FAMILIES, TARGETS, Family, dump_page, dump_text
from shared_data import add_data_option, require

DEV_PAGES = "ntcir11-wiki/pages-dev.xml"
LIMIT = 2.3  # the largest acceptable time ratio per doubling
DOUBLINGS = 3


def cpu_time(work: Callable[[], object], repeat: int) -> float:
    """The best CPU time of ``repeat`` runs of ``work``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _read_dump(path: Path) -> None:
    for item in read_inputs([path]):
        if isinstance(item, Document):
            parse(item)


class Timer:
    """Times one family's input at a given size, on the family's target."""

    def __init__(self, folder: Path, repeat: int) -> None:
        self.folder = folder
        self.repeat = repeat
        self._definer: Callable[[Document], Document] | None = None

    def definer(self) -> Callable[[Document], Document]:
        if self._definer is None:
            from definiens.api import annotate
            from definiens.define import define

            annotate("By Einstein, $E = mc^2$, where $E$ is the energy.")  # load spaCy
            self._definer = define
        return self._definer

    def work(self, target: str, text: str) -> Callable[[], object]:
        if target in ("wikitext", "latex", "markdown"):
            return lambda: parse(from_text(text, target))
        if target == "xmldump":
            path = self.folder / "dump.xml"
            path.write_text(text, encoding="utf-8")
            return lambda: _read_dump(path)
        if target == "identifiers":
            return lambda: extract_identifiers(text)
        if target == "define":
            define = self.definer()
            document = identify(parse(from_text(text, "markdown")))
            return lambda: define(document)
        raise ValueError(f"unknown target {target!r}")

    def __call__(self, family: Family, n: int) -> float:
        return cpu_time(self.work(family.target, family.make(n)), self.repeat)


def growth(timer: Timer, family: Family, scale: float) -> tuple[float, list[float]]:
    """The time at the smallest size and the ratio per doubling."""
    size = max(1, int(family.size * scale))
    times = [timer(family, size << k) for k in range(DOUBLINGS + 1)]
    ratios = [after / max(before, 1e-6) for before, after in itertools.pairwise(times)]
    return times[0], ratios


def reference_families(data: Path) -> list[Family]:
    """The 50 real dev pages, repeated: the growth of ordinary input."""
    xml = (data / DEV_PAGES).read_text(encoding="utf-8")
    texts = [m.group(1) for m in re.finditer(r"<text[^>]*>(.*?)</text>", xml, re.S)]
    import html

    pages = [html.unescape(text) for text in texts]
    wikitext = "\n\n".join(pages)
    page = next(p for p in pages if 20_000 < len(p) < 40_000)
    return [
        Family("wikitext", "real pages (reference)", lambda n: wikitext[: n * 100], 1_000),
        Family(
            "xmldump",
            "real pages (reference)",
            lambda n: dump_text(
                "".join(dump_page(f"P{k}", str(k), pages[k % len(pages)]) for k in range(n))
            ),
            10,
        ),
        Family("define", "a real page (reference)", lambda n: _markdown(page) * n, 1),
    ]


def _markdown(wikitext: str) -> str:
    """A wikitext page as Markdown: its ``<math>`` as ``$…$``, the rest as it is."""
    return re.sub(r"<math[^>]*>(.*?)</math>", lambda m: f"${m.group(1)}$", wikitext, flags=re.S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, DEV_PAGES)
    parser.add_argument("--only", choices=TARGETS, action="append", help="these targets only")
    parser.add_argument("--family", help="families whose name contains this text only")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (best kept)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N by this")
    parser.add_argument("--no-define", action="store_true", help="leave the define stage out")
    parser.add_argument("--server", action="store_true", help="also time 2 MB server requests")
    parser.add_argument(
        "--server-only", action="store_true", help="time the server requests only (no growth)"
    )
    args = parser.parse_args(argv)
    require(parser, args.data / DEV_PAGES)
    targets = set(args.only or TARGETS) - ({"define"} if args.no_define else set())
    families = [
        f
        for f in (*FAMILIES, *reference_families(args.data))
        if f.target in targets and (args.family is None or args.family in f.name)
    ]
    if args.server_only:
        from server_timing import time_server

        time_server([f for f in families if "reference" not in f.name], args.repeat)
        return 0
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        timer = Timer(Path(folder), args.repeat)
        print(f"{'family':<52} {'N':>7} {'t(N) ms':>9}   ratio per doubling")
        for family in families:
            try:
                first, ratios = growth(timer, family, args.scale)
            except DefiniensError as exc:
                print(f"{family.label:<52} fails: {exc}"[:160], flush=True)
                worst = float("inf")
                continue
            worst = max(worst, *ratios) if "reference" not in family.name else worst
            marks = "  ".join(f"{r:5.2f}{'!' if r > LIMIT else ' '}" for r in ratios)
            size = max(1, int(family.size * args.scale))
            print(f"{family.label:<52} {size:>7} {first * 1000:9.1f}   {marks}", flush=True)
    print(f"worst ratio per doubling: {worst:.2f} (limit {LIMIT})")
    if args.server:
        from server_timing import time_server

        time_server([f for f in families if "reference" not in f.name], args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
