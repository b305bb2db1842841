"""Build a Wikipedia-like bz2 dump from the real pages, for benchmarks/bench_corpus.py.

One page in 200 has mathematics (about the share in the English Wikipedia): these are the 50
NTCIR-11 dev pages and the 31 enwiki sample pages, repeated under new ids at larger scales.
The other pages are the same real page texts with every formula removed (``<math>``,
``{{math}}``, ``{{mvar}}``), cut at a line end so the dump is about ``target_mb`` uncompressed.
With ``longest=K`` the math pages are only the K longest of the real pages (a dump of longer
math pages: more formulas and sentences per math page), repeated the same way.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["build_dump", "real_pages", "strip_math"]

MATH_TAG = re.compile(r"<math\b[^>]*>.*?(</math\s*>|$)", re.S | re.I)
MARKERS = re.compile(r"<\s*/?\s*math|\{\{\s*(math|mvar)", re.I)

HEADER = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" '
    'xml:lang="en">\n  <siteinfo>\n    <sitename>Wikipedia</sitename>\n'
    "    <dbname>enwiki</dbname>\n  </siteinfo>\n"
)
FOOTER = "</mediawiki>\n"


def real_pages(data: Path) -> list[tuple[str, str]]:
    """(title, wikitext) of the 81 real pages with mathematics."""
    pages = []
    dev = data / "ntcir11-wiki" / "pages-dev.xml"
    sample = (data / "enwiki-sample-31.xml").read_text(encoding="utf-8")
    roots = [ET.parse(dev).getroot(), ET.fromstring(f"<root>{sample}</root>")]
    for root in roots:
        for page in root.iter():
            if not page.tag.endswith("page"):
                continue
            ns = page.tag[: -len("page")]
            title = page.findtext(f"{ns}title") or ""
            text = page.findtext(f"{ns}revision/{ns}text") or ""
            pages.append((title, text))
    return pages


def _strip_templates(text: str) -> str:
    out, i = [], 0
    while True:
        match = MARKERS.search(text, i)
        if match is None:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i : match.start()])
        if match.group(1):  # a {{math|…}} template: skip to its balanced end
            depth, j = 0, match.start()
            while j < len(text):
                if text.startswith("{{", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("}}", j):
                    depth, j = depth - 1, j + 2
                    if depth == 0:
                        break
                else:
                    j += 1
            i = j
        else:  # a stray <math or </math
            i = match.end()


def strip_math(text: str) -> str:
    """The text with every formula removed."""
    return _strip_templates(MATH_TAG.sub("", text))


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    end = text.rfind("\n", 0, limit)
    return text[: end if end > 0 else limit]


def _page(title: str, page_id: int, text: str) -> str:
    return (
        f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{page_id}</id>\n"
        f"    <revision>\n      <id>{page_id}</id>\n"
        f'      <text xml:space="preserve">{escape(text)}</text>\n    </revision>\n  </page>\n'
    )


def _filler_limit(fillers: list[str], count: int, budget: int) -> int:
    low, high = 1000, max(len(t) for t in fillers)
    while low < high:
        mid = (low + high + 1) // 2
        size = sum(len(_cut(fillers[i % len(fillers)], mid)) for i in range(count))
        low, high = (mid, high) if size <= budget else (low, mid - 1)
    return low


def build_dump(
    data: Path, out: Path, pages: int = 16_000, target_mb: float = 290, longest: int = 0
) -> Path:
    """Write (once; cached) the dump of ``pages`` pages and return its path; ``longest=K``: the
    math pages are the K longest real pages only."""
    suffix = f"-longest{longest}" if longest else ""
    path = out / f"enwiki-like-{pages}{suffix}.xml.bz2"
    if path.exists():
        return path
    out.mkdir(parents=True, exist_ok=True)
    math = real_pages(data)
    fillers = [strip_math(text) for _, text in math]
    if longest:
        math = sorted(math, key=lambda page: -len(page[1]))[:longest]
    n_math = max(1, round(pages / 200))
    math_at = {round((k + 0.5) * pages / n_math) for k in range(n_math)}
    math_bytes = sum(len(math[k % len(math)][1]) for k in range(n_math))
    limit = _filler_limit(fillers, pages - n_math, int(target_mb * 1e6) - math_bytes)
    tmp = path.with_suffix(".tmp")
    tool = shutil.which("lbzip2") or "bzip2"
    with tmp.open("wb") as sink:
        proc = subprocess.Popen([tool, "-c"], stdin=subprocess.PIPE, stdout=sink)
        assert proc.stdin is not None
        proc.stdin.write(HEADER.encode())
        k = f = 0
        for i in range(pages):
            if i in math_at:
                title, text = math[k % len(math)]
                title = title if k < len(math) else f"{title} (copy {k // len(math)})"
                k += 1
            else:
                title, _ = math[f % len(math)]
                title, text = f"{title} (no math {f})", _cut(fillers[f % len(fillers)], limit)
                f += 1
            proc.stdin.write(_page(title, 1_000_000 + i, text).encode())
        proc.stdin.write(FOOTER.encode())
        proc.stdin.close()
        if proc.wait() != 0:
            raise RuntimeError(f"{tool} failed")
    tmp.rename(path)
    return path
