"""A self-contained annotated page: one HTML file that reads like the served reading view.

KaTeX (its fonts inlined as data URLs), markdown-it, the page's scripts and styles and the
document's JSON are all inside the file: it opens from disk, with no server and no network,
and can be published or mailed as it is. ``definiens html`` writes it; :class:`Page` shows
it in a notebook.

>>> from definiens.formulas import identify
>>> from definiens.ingest import from_text, parse
>>> from definiens.web.export import Page, page_html
>>> document = identify(parse(from_text("Here $E = mc^2$.")))  # annotate(text): with meanings
>>> page_html(document).startswith("<!doctype html>")
True
>>> Page(document)._repr_html_()[:15]   # a notebook shows the page in a frame
'<iframe srcdoc='

The page allows only its own inline scripts (by their SHA-256), its inline styles and
data-URL fonts; it loads nothing but the images a Markdown document names (beside the page, or
on the web), which it shows.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from definiens import __version__
from definiens.model import Document
from definiens.web.payload import document_payload

__all__ = ["SCRIPTS", "Page", "page_from_payload", "page_html"]

#: The scripts of the page, in order (paths under ``static/``).
SCRIPTS = (
    "vendor/katex/katex.min.js",
    "vendor/markdown-it/markdown-it.umd.min.js",
    "common.js",
    "scopes.js",
    "reader.js",
    "card.js",
    "notation.js",
    "reading.js",
    "export.js",
)
STATIC = Path(__file__).parent / "static"
_FONT = re.compile(r"src:url\((fonts/[^)]+\.woff2)\) format\(\"woff2\"\)[^;}]*")

_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="generator" content="definiens {version}">
<title>{title}</title>
<style>{styles}</style>
</head>
<body>
<main class="d-main">
  <p id="status" class="d-hint" role="status">Point at, tap or tab to an identifier in a formula
    to see what it means, how sure that is, and the sentence it comes from.</p>
{reading}
  <noscript><p>This page needs JavaScript to typeset its formulas.</p></noscript>
  <p class="d-hint d-footer">Annotated by definiens {version}: the meanings are found by a
    program and may be wrong; the score says how sure it is.</p>
  <div id="card" class="d-card" role="tooltip" hidden></div>
</main>
<script type="application/json" id="definiens-data">{data}</script>
{scripts}
</body>
</html>
"""


@cache
def _asset(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


_READING = ("<!-- reading view", "<!-- /reading view -->")


@cache
def _reading_markup() -> str:
    """The reading view's markup, as the served page (``static/index.html``) has it; the
    document's title is the exported page's one heading of the first level."""
    page = _asset("index.html")
    start, end = page.index(_READING[0]), page.index(_READING[1])
    fragment = page[page.index("\n", start) + 1 : end].rstrip()
    heading = '<h2 id="doc-title" class="d-title"></h2>'
    return fragment.replace(heading, '<h1 id="doc-title" class="d-title"></h1>')


@cache
def _katex_css() -> str:
    """KaTeX's style sheet with each font as a WOFF2 data URL (every browser that runs the page
    reads WOFF2; the WOFF and TrueType copies are left out)."""

    def inline(match: re.Match[str]) -> str:
        data = (STATIC / "vendor" / "katex" / match.group(1)).read_bytes()
        encoded = base64.b64encode(data).decode("ascii")
        return f'src:url(data:font/woff2;base64,{encoded}) format("woff2")'

    return _FONT.sub(inline, _asset("vendor/katex/katex.min.css"))


def _script_json(payload: dict[str, Any]) -> str:
    """JSON that cannot end its <script> element early: <, > and & are escaped."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline_script(source: str) -> tuple[str, str]:
    """The <script> element of ``source`` and its CSP hash."""
    source = source.replace("</script", "<\\/script")
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return f"<script>{source}</script>", f"'sha256-{digest}'"


def page_from_payload(payload: dict[str, Any]) -> str:
    """The page of a document payload (:func:`~definiens.web.payload.document_payload`, or a
    database document as :class:`~definiens.web.results.Results` answers it)."""
    scripts, hashes = zip(*(_inline_script(_asset(name)) for name in SCRIPTS), strict=True)
    policy = (
        "default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; "
        "font-src data:; img-src * data:; base-uri 'none'; form-action 'none'"
    )
    title = payload.get("title") or "text"
    return _TEMPLATE.format(
        policy=policy,
        version=__version__,
        title=html.escape(f"{title} — annotated by definiens" if title != "text" else "definiens"),
        styles=_katex_css() + "\n" + _asset("style.css"),
        reading=_reading_markup(),
        data=_script_json(payload),
        scripts="\n".join(scripts),
    )


def page_html(document: Document) -> str:
    """The self-contained annotated page of a processed document."""
    return page_from_payload(document_payload(document))


class Page:
    """A processed document as its annotated page: a notebook shows it (``_repr_html_``, the
    page in a frame), :meth:`save` writes it."""

    def __init__(self, document: Document, height: int = 640) -> None:
        self.document = document
        self.height = height

    def html(self) -> str:
        return page_html(self.document)

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.html())

    def _repr_html_(self) -> str:
        source = html.escape(self.html(), quote=True)
        title = html.escape(self.document.title or "annotated text", quote=True)
        return (
            f'<iframe srcdoc="{source}" title="{title}" '
            f'style="width:100%;height:{self.height}px;border:1px solid #d9dee8"></iframe>'
        )
